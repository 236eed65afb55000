"""Helpers the tests share: a standard group, and meeting drivers and checks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from intervision.engine import (
    CONTRIBUTION_KINDS,
    CommandRefused,
    Engine,
    Meeting,
    MethodSpec,
    PhaseSpec,
    replay,
)

#: A group of five: Anna facilitates, Bram brings the case.
MEMBERS = ["Anna", "Bram", "Carla", "Dirk", "Eva"]
FACILITATOR, INBRENGER = "anna", "bram"
PARTICIPANTS = ["carla", "dirk", "eva"]


def to_case_choice(meeting: Meeting, texts: dict[str, str] | None = None) -> None:
    """Open the meeting and collect a leervraag from everyone present."""
    meeting.advance(FACILITATOR)
    for person in meeting.state.present:
        text = (texts or {}).get(person, f"leervraag van {person}")
        meeting.submit_leervraag(person, text)
    meeting.advance(FACILITATOR)


@contextmanager
def refused(meeting: Meeting, rule: str) -> Iterator[None]:
    """Expect a refusal by ``rule`` that leaves the journal exactly as it was."""
    before = meeting.engine.journal.load(meeting.id)
    with pytest.raises(CommandRefused) as info:
        yield
    assert info.value.rule == rule, f"refused by {info.value.rule}: {info.value}"
    assert meeting.engine.journal.load(meeting.id) == before


def assert_replays(meeting: Meeting) -> None:
    """The state rebuilt from the journal equals the live state."""
    assert replay(meeting.engine.journal.load(meeting.id)) == meeting.state


NAMES = ["Anna", "Bram", "Carla", "Dirk", "Eva", "Fleur", "Gijs", "Hanna", "Ilse", "Joost"]


def group_for(method: MethodSpec) -> list[str]:
    """Five members, or as many as the method needs."""
    size = max(method.fit.group_min, min(5, method.fit.group_max))
    return NAMES[:size]


def start(engine: Engine, method_id: str, variant: str | None = None) -> Meeting:
    """A meeting of a fitting group taken into the first phase of the method."""
    method = engine.registry.method(method_id, variant=variant)
    meeting = engine.start_meeting(group_for(method), facilitator="Anna")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True, variant=variant)
    return meeting


class PhaseExerciser:
    """Takes a meeting through its method, trying every rule of every phase both
    ways: what the phase allows is accepted, what it forbids is refused by the rule
    that forbids it, and the journal replays to the live state throughout."""

    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.loops_taken: set[str] = set()
        self.hidden: dict[tuple[int, str], set[str]] = {}
        self.phases_seen: list[str] = []

    # -- who is who, now ----------------------------------------------------------

    @property
    def inbrenger(self) -> str:
        assert self.meeting.state.inbrenger is not None
        return self.meeting.state.inbrenger

    @property
    def participants(self) -> list[str]:
        state = self.meeting.state
        return [p for p in state.present if p not in (state.facilitator, self.inbrenger)]

    # -- the walk -----------------------------------------------------------------

    def run(self) -> None:
        while self.meeting.state.frame == "method":
            self.exercise_phase()
        assert_replays(self.meeting)

    def exercise_phase(self) -> None:
        meeting = self.meeting
        phase = meeting.phase
        assert phase is not None
        self.phases_seen.append(meeting.state.phase_path or "")
        self._check_hidden_become_visible()
        if phase.nested is not None and meeting.state.module is None:
            self._nest(phase)
            return
        self._kinds(phase)
        self._answers(phase)
        self._quotas(phase)
        self._everyone(phase)
        self._hidden_until(phase)
        self._written_first(phase)
        self._decision(phase)
        self._consensus(phase)
        if self._loop(phase):
            return
        facilitator = meeting.state.facilitator
        if self.participants and self.participants[0] != facilitator:
            with refused(meeting, "advance_by"):
                meeting.advance(self.participants[0])
        meeting.advance(facilitator)
        assert_replays(meeting)

    def _kinds(self, phase: PhaseSpec) -> None:
        meeting, who = self.meeting, self.participants[0]
        for kind in CONTRIBUTION_KINDS:
            if kind in phase.allowed.get("participant", ()):
                meeting.contribute(who, kind, f"{kind} by a participant")
            else:
                with refused(meeting, "allowed_kinds"):
                    meeting.contribute(who, kind, "not allowed here")
        inbrenger_kinds = phase.allowed.get("inbrenger", ())
        for kind in CONTRIBUTION_KINDS:
            if phase.inbrenger_mode in ("listens", "away"):
                with refused(meeting, "inbrenger_mode"):
                    meeting.contribute(self.inbrenger, kind, "the inbrenger is silent")
            elif phase.inbrenger_mode == "answers_briefly" and kind != "reaction":
                with refused(meeting, "inbrenger_mode"):
                    meeting.contribute(self.inbrenger, kind, "only brief answers")
            elif kind not in inbrenger_kinds:
                with refused(meeting, "allowed_kinds"):
                    meeting.contribute(self.inbrenger, kind, "not for the inbrenger")
            elif not (kind == "reaction" and phase.answers_labelled):
                meeting.contribute(self.inbrenger, kind, f"{kind} by the inbrenger")

    def _answers(self, phase: PhaseSpec) -> None:
        if not phase.answers_labelled or "reaction" not in phase.allowed.get("inbrenger", ()):
            return
        meeting, state = self.meeting, self.meeting.state
        with refused(meeting, "answers_labelled"):
            meeting.contribute(self.inbrenger, "reaction", "an answer to no question")
        barred = [cid for cid, label in state.labels.items() if label not in phase.answers_labelled]
        for cid in barred[:1]:
            with refused(meeting, "answers_labelled"):
                meeting.contribute(self.inbrenger, "reaction", "answering", reply_to=cid)
        ok = [cid for cid, label in state.labels.items() if label in phase.answers_labelled]
        for cid in ok[:1]:
            meeting.contribute(self.inbrenger, "reaction", "my answer", reply_to=cid)

    def _quotas(self, phase: PhaseSpec) -> None:
        meeting = self.meeting
        who = self.participants[-1]
        for kind, limit in phase.quotas.items():
            if kind not in phase.allowed.get("participant", ()):
                continue
            already = sum(1 for c in meeting.state.step_contributions() if c.author == who)
            for n in range(limit - already):
                meeting.contribute(who, kind, f"{kind} {n}")
            with refused(meeting, "quota"):
                meeting.contribute(who, kind, "one too many")

    def _everyone(self, phase: PhaseSpec) -> None:
        kinds = phase.allowed.get("participant", ())
        if not phase.everyone_contributes or not kinds:
            return
        meeting = self.meeting
        said = {c.author for c in meeting.state.step_contributions()}
        waiting = [p for p in self.participants if p not in said]
        method = meeting.method
        neutral = method is not None and method.neutral_facilitator
        if meeting.state.facilitator != self.inbrenger and not neutral:
            waiting.append(meeting.state.facilitator)
        if waiting:
            with refused(meeting, "everyone_contributes"):
                meeting.advance(meeting.state.facilitator)
        for person in waiting:
            meeting.contribute(person, kinds[0], "my turn")

    def _hidden_until(self, phase: PhaseSpec) -> None:
        if phase.hidden_until is None:
            return
        state = self.meeting.state
        made = {c.id for c in state.step_contributions()}
        if not made:
            return
        for watcher in self.participants:
            others = {c.id for c in state.step_contributions() if c.author != watcher}
            assert not others & {c.id for c in self.meeting.visible_to(watcher)}
        assert state.case is not None
        prefix = f"{state.module.split('@')[0]}/" if state.module else ""
        self.hidden.setdefault((state.case.no, prefix + phase.hidden_until), set()).update(made)

    def _check_hidden_become_visible(self) -> None:
        state = self.meeting.state
        if state.case is None or state.phase_path is None:
            return
        made = self.hidden.pop((state.case.no, state.phase_path), set())
        if made:
            assert made <= {c.id for c in self.meeting.visible_to(self.participants[-1])}

    def _written_first(self, phase: PhaseSpec) -> None:
        meeting, facilitator = self.meeting, self.meeting.state.facilitator
        mine = meeting.state.step_contributions()
        if not phase.written_first:
            with refused(meeting, "written_first"):
                meeting.reveal(facilitator)
            return
        if not mine:
            return
        watcher = self.participants[-1]
        hidden = {c.id for c in mine if c.author != watcher}
        assert not hidden & {c.id for c in meeting.visible_to(watcher)}
        with refused(meeting, "written_first"):
            meeting.advance(facilitator)
        if self.participants[0] != facilitator:
            with refused(meeting, "advance_by"):
                meeting.reveal(self.participants[0])
        meeting.reveal(facilitator)
        assert hidden <= {c.id for c in meeting.visible_to(watcher)} | self._still_hidden()
        kinds = phase.allowed.get("participant", ())
        if kinds:
            with refused(meeting, "written_first"):
                meeting.contribute(self.participants[0], kinds[0], "too late")

    def _still_hidden(self) -> set[str]:
        return {c.id for c in self.meeting.state.contributions if c.hidden_until}

    def _decision(self, phase: PhaseSpec) -> None:
        meeting, state = self.meeting, self.meeting.state
        decision = phase.decision
        if decision is None:
            with refused(meeting, "inbrenger_decides"):
                meeting.decide(self.inbrenger, text="nothing to decide")
            return
        if decision.required:
            with refused(meeting, "decision_required"):
                meeting.advance(state.facilitator)
        with refused(meeting, "inbrenger_decides"):
            meeting.decide(self.participants[0], text="I decide for you")
        labels: dict[str, str] = {}
        if phase.labels is not None:
            spec = phase.labels
            to_label = [
                c.id
                for c in state.contributions
                if c.case_no == state.case.no and c.kind in spec.kinds  # type: ignore[union-attr]
            ]
            ordered = [spec.values[0], spec.values[-1], *spec.values[1:-1]]
            labels = {cid: ordered[i % len(ordered)] for i, cid in enumerate(to_label)}
            if to_label:
                with refused(meeting, "labels"):
                    meeting.decide(self.inbrenger, labels=dict(list(labels.items())[1:]))
                with refused(meeting, "labels"):
                    meeting.decide(self.inbrenger, labels={to_label[0]: "no-such-label"})
        eligible = [
            c.id
            for c in state.contributions
            if c.case_no == state.case.no and c.kind in decision.selects_from  # type: ignore[union-attr]
        ]
        meeting.decide(
            self.inbrenger, selected=eligible[:1], text="what I take away", labels=labels
        )
        assert meeting.state.step_decisions()[-1].by == self.inbrenger

    def _consensus(self, phase: PhaseSpec) -> None:
        if not phase.consensus:
            return
        meeting = self.meeting
        with refused(meeting, "consensus"):
            meeting.advance(meeting.state.facilitator)
        if self.participants[0] != meeting.state.facilitator:
            with refused(meeting, "advance_by"):
                meeting.record_consensus(self.participants[0])
        meeting.record_consensus(meeting.state.facilitator, "we agree")
        assert meeting.state.step_no in meeting.state.consensus

    def _loop(self, phase: PhaseSpec) -> bool:
        """Take each declared loop once; a role that does not own it is refused."""
        meeting = self.meeting
        for loop in phase.loops:
            if loop.id in self.loops_taken:
                continue
            owner = self.inbrenger if loop.by == "inbrenger" else meeting.state.facilitator
            stranger = self.participants[0]
            if stranger != owner:
                with refused(meeting, "loops"):
                    meeting.take_loop(stranger, loop.id)
            meeting.take_loop(owner, loop.id)
            self.loops_taken.add(loop.id)
            assert meeting.state.phase == loop.to
            return True
        return False

    def _nest(self, phase: PhaseSpec) -> None:
        meeting = self.meeting
        assert phase.nested is not None
        with refused(meeting, "nesting"):
            meeting.advance(meeting.state.facilitator)
        modules = phase.nested.choose_from or tuple(
            m.id for m in meeting.engine.registry.methods(modules=True) if m.kind == "module"
        )
        meeting.choose_module(self.inbrenger, modules[0])
        assert meeting.state.module is not None
        assert meeting.state.module.startswith(modules[0] + "@")
