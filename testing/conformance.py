"""The conformance checks every method gets, built in or third-party.

``check_conformance("my-method")`` takes a meeting through every phase of the
method (and of each variant) and tries every rule both ways: what a phase allows
is accepted, what it forbids is refused by the rule that forbids it, and the
journal replays to the live state throughout.

What it says is placeholder text ("advice by a participant"), unless the author
gives a text a rule that reads texts accepts: per kind (``samples={"advice": "..."}``),
or per rule kind, as ``(accepted, refused)`` (``samples={"max_words": ("Call her.",
"word " * 50)}``; a rule kind's own ``RuleKind.samples`` is the default). A rule kind
with samples is tried both ways on every kind its phase allows: the refused text
must be refused by it for at least one kind, the accepted text is what the walk says.
"""

from __future__ import annotations

from collections.abc import Mapping

from intervision.engine import (
    CommandRefused,
    Contribute,
    Engine,
    Meeting,
    MemoryJournal,
    PhaseSpec,
    Registry,
    load_registry,
    turn_takers,
)

from .assertions import assert_replays, refused
from .meetings import start

__all__ = ["PhaseExerciser", "Samples", "check_conformance"]

#: Sample texts: a kind's id -> the text said for it, or a rule kind's id ->
#: ``(a text it accepts, a text it refuses)``.
Samples = Mapping[str, str | tuple[str, str]]


def check_conformance(
    method_id: str,
    *,
    registry: Registry | None = None,
    variant: str | None = None,
    samples: Samples | None = None,
) -> None:
    """Run one scripted meeting of the method (every variant too, unless one is
    named) through every phase, trying every rule both ways; raises
    ``AssertionError`` naming what does not conform. ``samples`` gives the texts to
    say where a rule reads them (see the module's docstring)."""
    registry = registry or load_registry(strict=True, user_methods=False)
    method = registry.method(method_id)
    variants = [variant] if variant else [None, *(v.id for v in method.variants)]
    for name in variants:
        meeting = start(Engine(MemoryJournal(), registry), method_id, name)
        exerciser = PhaseExerciser(meeting, samples)
        exerciser.run()
        spec = registry.method(method_id, variant=name)
        missing = {p.id for p in spec.phases} - set(exerciser.phases_seen)
        assert not missing, f"{method_id}/{name}: phases never reached: {sorted(missing)}"
        assert meeting.state.frame == "second_case", f"{method_id}/{name}: did not end"


class PhaseExerciser:
    """Takes a meeting through its method, trying every rule of every phase both
    ways: what the phase allows is accepted, what it forbids is refused by the rule
    that forbids it, and the journal replays to the live state throughout."""

    def __init__(self, meeting: Meeting, samples: Samples | None = None) -> None:
        self.meeting = meeting
        self.samples = dict(samples or {})
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
        """The members who are only participants first, then those holding a role of
        the day: the walk's plain participant is ``participants[0]``."""
        state = self.meeting.state
        others = [p for p in state.present if p not in (state.facilitator, self.inbrenger)]
        return sorted(others, key=lambda p: bool(state.held_by(p)))

    # -- what is said ---------------------------------------------------------------

    def text(self, kind: str, said: str) -> str:
        """What to say as ``kind``: the author's sample for the kind, else the text a
        rule that reads texts here accepts, else ``said``, a placeholder."""
        own = self.samples.get(kind)
        if isinstance(own, str):
            return own
        rules = self._text_rules()
        return rules[0][1][0] if rules else said

    def _text_rules(self) -> list[tuple[str, tuple[str, str]]]:
        """The rule kinds here that read a contribution's text, with their samples."""
        meeting = self.meeting
        registry = meeting.engine.registry
        method, phase = meeting.method, meeting.phase
        ids = [r.kind for r in (*(method.rules if method else ()), *(phase.rules if phase else ()))]
        ids += [k.id for k in registry.always_rule_kinds(Contribute)]
        found: dict[str, tuple[str, str]] = {}
        for kind_id in ids:
            given = self.samples.get(kind_id)
            kind = registry.rule_kinds.get(kind_id)
            if isinstance(given, tuple):
                found[kind_id] = given
            elif kind is not None and kind.samples is not None and kind.concerns(Contribute):
                found[kind_id] = kind.samples
        return list(found.items())

    # -- the walk -----------------------------------------------------------------

    def run(self) -> None:
        while self.meeting.state.frame == "method":
            phase = self.meeting.state.phase_path
            try:
                self.exercise_phase()
            except CommandRefused as exc:
                raise AssertionError(
                    f"phase {phase}: the walk was refused where the phase allows it, by "
                    f"{exc.rule!r}: {exc.reason('en')} If {exc.rule!r} reads what is said, "
                    f"give a text it accepts: samples={{{exc.rule!r}: (accepted, refused)}} "
                    "or per kind, or RuleKind(samples=...)"
                ) from exc
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
        self._requested(phase)
        self._kinds(phase)
        self._answers(phase)
        self._quotas(phase)
        self._everyone(phase)
        self._floors(phase)
        self._hidden_until(phase)
        self._written_first(phase)
        self._decision(phase)
        self._consensus(phase)
        self._choose_inbrenger(phase)
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
        every_kind = tuple(meeting.engine.registry.glossary.kinds)
        self._text_rules_both_ways(phase)
        for kind in every_kind:
            if kind in phase.allowed.get("participant", ()):
                meeting.contribute(who, kind, self.text(kind, f"{kind} by a participant"))
            else:
                with refused(meeting, "allowed_kinds"):
                    meeting.contribute(who, kind, "not allowed here")
        self._held_roles(phase, every_kind)
        inbrenger_kinds = phase.allowed.get("inbrenger", ())
        for kind in every_kind:
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
                meeting.contribute(
                    self.inbrenger, kind, self.text(kind, f"{kind} by the inbrenger")
                )

    def _held_roles(self, phase: PhaseSpec, every_kind: tuple[str, ...]) -> None:
        """Each role of the day its phase names: its holder may give its kinds (and a
        participant's), nothing else."""
        meeting, state = self.meeting, self.meeting.state
        for role, holders in state.roles.items():
            if role not in phase.allowed:
                continue
            holder = next((p for p in holders if p in self.participants), None)
            if holder is None:
                continue
            theirs = {*phase.allowed.get(role, ()), *phase.allowed.get("participant", ())}
            for kind in every_kind:
                if kind not in theirs:
                    with refused(meeting, "allowed_kinds"):
                        meeting.contribute(holder, kind, f"not for the {role}")
            for kind in phase.allowed[role]:
                if kind not in phase.quotas:
                    meeting.contribute(holder, kind, self.text(kind, f"{kind} by the {role}"))

    def _text_rules_both_ways(self, phase: PhaseSpec) -> None:
        """A rule kind that reads the text refuses its refused sample for at least one
        kind allowed here, and no kind's accepted sample. Tried on a copy of the
        meeting, so the walk's own meeting hears none of it."""
        allowed = [
            (who, kind)
            for who, role in ((self.participants[0], "participant"), (self.inbrenger, "inbrenger"))
            for kind in phase.allowed.get(role, ())
            if role != "inbrenger" or phase.inbrenger_mode in ("speaks", "answers_briefly")
        ]
        for rule, (accepted, refused_text) in self._text_rules() if allowed else ():
            refusing = []
            for who, kind in allowed:
                if self._refused_by(who, kind, accepted) == rule:
                    raise AssertionError(
                        f"phase {phase.id}: the rule {rule!r} refused its accepted sample "
                        f"{accepted!r} as {kind!r}; give it samples (samples={{{rule!r}: "
                        "(accepted, refused)}) or a text per kind"
                    )
                if self._refused_by(who, kind, refused_text) == rule:
                    refusing.append(kind)
            assert refusing, (
                f"phase {phase.id}: the rule {rule!r} never refused its refused sample "
                f"{refused_text!r} (tried as {', '.join(k for _, k in allowed)})"
            )

    def _refused_by(self, who: str, kind: str, text: str) -> str | None:
        """The rule that refuses ``who`` saying ``text`` as ``kind`` now, on a copy."""
        meeting = self.meeting
        copy = Engine(MemoryJournal(), meeting.engine.registry, clock=meeting.engine.clock)
        copy.journal.append(meeting.id, 0, meeting.engine.journal.load(meeting.id))
        try:
            copy.meeting(meeting.id).contribute(who, kind, text)
        except CommandRefused as exc:
            return exc.rule
        return None

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
            already = sum(
                1 for c in meeting.state.step_contributions() if c.author == who and c.kind == kind
            )
            for n in range(limit - already):
                meeting.contribute(who, kind, self.text(kind, f"{kind} {n}"))
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
            meeting.contribute(person, kinds[0], self.text(kinds[0], "my turn"))

    def _floors(self, phase: PhaseSpec) -> None:
        """Moving on waits until every participant gave the floor of each kind."""
        meeting = self.meeting
        method = meeting.method
        neutral = method is not None and method.neutral_facilitator
        takers = turn_takers(meeting.state, neutral_facilitator=neutral)
        for kind, floor in phase.at_least.items():
            for person in takers:
                given = sum(
                    1
                    for c in meeting.state.step_contributions()
                    if c.author == person and c.kind == kind
                )
                if given >= floor:
                    continue
                with refused(meeting, "at_least"):
                    meeting.advance(meeting.state.facilitator)
                for n in range(floor - given):
                    meeting.contribute(person, kind, f"{kind} {n} to reach the floor")

    def _requested(self, phase: PhaseSpec) -> None:
        """What the inbrenger has to ask for is refused until they ask, then accepted."""
        if not phase.on_request:
            return
        meeting, who = self.meeting, self.participants[0]
        for kind in phase.on_request:
            with refused(meeting, "on_request"):
                meeting.contribute(who, kind, "before the inbrenger asked")
        meeting.decide(self.inbrenger, text="I would like some of that, please")

    def _choose_inbrenger(self, phase: PhaseSpec) -> None:
        """The group's choice of the example: waited for, the facilitator's to record,
        with the chosen member's consent; the chosen member is the inbrenger after it."""
        if not phase.inbrenger_chosen:
            return
        meeting = self.meeting
        facilitator = meeting.state.facilitator
        chosen = self.participants[-1]
        with refused(meeting, "choose_inbrenger"):
            meeting.advance(facilitator)
        if self.participants[0] != facilitator:
            with refused(meeting, "advance_by"):
                meeting.choose_inbrenger(self.participants[0], chosen)
        with refused(meeting, "inbrenger_consents"):
            meeting.choose_inbrenger(facilitator, chosen, consent=False)
        method = meeting.method
        if facilitator in meeting.state.present and (
            method is None or method.facilitator_may_bring_case is None
        ):
            with refused(meeting, "choose_inbrenger"):
                meeting.choose_inbrenger(facilitator, facilitator)
        meeting.choose_inbrenger(facilitator, chosen)
        assert meeting.state.inbrenger == chosen

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
        if decision.required and not state.step_decisions():
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
