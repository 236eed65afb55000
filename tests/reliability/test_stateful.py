"""Random sequences of commands from random members, against every installed method.

A hypothesis state machine starts a meeting of a fitting group in the method's
first phase and sends whatever a careless or mischievous group might: every
contribution kind, moving on, revealing, deciding with random selections and
labels, extending, skipping with and without a reason, loops, consensus, modules,
handing over, choosing cases and methods, closing. Refusals are fine; what must
hold after every step (issue #7):

- a refused command writes nothing;
- the state rebuilt from the journal equals the live state;
- versions run 1..n without gaps (journal length == state version);
- every accepted contribution has a kind its author's role allowed at that moment;
- every decision is made by the inbrenger of its case;
- the facilitator is never the inbrenger during a method that says so;
- what ``Meeting.capabilities()`` offers a person, the engine accepts from them (a
  rule picks an offered command and sends it), and a command it does not offer
  them, the engine refuses;
- the step waits for something exactly when nobody may move it on;
- no dead ends (#13): from the states reached (every twentieth step, and the last) the
  meeting can still reach its close by what the capabilities offer, without
  ``skip`` and without closing early (``towards_close.py``).

Quick by default (a few seconds per method); ``INTERVISION_FULL=1`` runs many more
and longer sequences.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import pytest
import structlog
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from intervision.engine import (
    CONTRIBUTION_KINDS,
    Advance,
    CommandRefused,
    Contribute,
    Engine,
    Extend,
    MeetingState,
    MemoryJournal,
    NotAMemberError,
    Registry,
    Reveal,
    UnknownMethodError,
    load_registry,
    replay,
)
from intervision.engine.core import events as ev
from intervision.engine.core.decide import case_method, decide
from intervision.engine.core.rules import FRAME_KINDS, roles_of
from intervision.testing import group_for, start

sys.path.insert(0, str(Path(__file__).parent))
from towards_close import drive_to_close

FULL = os.environ.get("INTERVISION_FULL", "") not in ("", "0")

# The quick run belongs in the normal suite; only the full run is marked slow.
pytestmark = [pytest.mark.slow] if FULL else []

SETTINGS = settings(
    max_examples=400 if FULL else 25,
    stateful_step_count=100 if FULL else 40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    print_blob=True,
)

#: Refusals a random command may meet; anything else is a bug.
REFUSALS = (CommandRefused, NotAMemberError, UnknownMethodError)

#: Someone who is not at the meeting at all.
STRANGER = "Zed"

_REGISTRY = load_registry(strict=True, user_methods=False)


def _cases() -> list[Any]:
    found = []
    for method in _REGISTRY.methods():
        for variant in (None, *(v.id for v in method.variants)):
            name = method.id if variant is None else f"{method.id}/{variant}"
            found.append(pytest.param(method.id, variant, id=name))
    return found


#: Loop ids of every method and module, and one no method declares.
LOOP_IDS = sorted(
    {loop.id for m in _REGISTRY.methods(modules=True) for p in m.phases for loop in p.loops}
    | {"no-such-loop"}
)
#: Module ids, a method that is no module, and an id nothing has.
MODULE_IDS = sorted(
    {m.id for m in _REGISTRY.methods(modules=True) if m.kind == "module"}
    | {"incident", "no-such-module"}
)
METHOD_IDS = sorted({m.id for m in _REGISTRY.methods(modules=True)} | {"no-such-method"})

#: Who sends a command: mostly the facilitator or the inbrenger (whose commands move
#: the meeting on), else anyone present, and now and then someone who is not there.
people = st.integers(min_value=0, max_value=11)
texts = st.sampled_from(["something", "a longer remark about the case", "", " "])


class MeetingMachine(RuleBasedStateMachine):
    """Drives one meeting; subclassed per method by :func:`machine_for`."""

    registry: Registry = _REGISTRY
    method_id: str = ""
    variant: str | None = None

    # -- set-up -------------------------------------------------------------------

    @initialize(external=st.booleans())
    def start_meeting(self, external: bool) -> None:
        self.engine = Engine(MemoryJournal(), self.registry)
        if external:
            # A guiding facilitator from outside the group: present, never a participant.
            method = self.registry.method(self.method_id, variant=self.variant)
            meeting = self.engine.start_meeting(
                group_for(method), facilitator="Xena Extern", external_facilitator=True
            )
            fac = meeting.state.facilitator
            meeting.advance(fac)
            for person in meeting.state.present:
                meeting.submit_leervraag(person, f"leervraag van {person}")
            meeting.advance(fac)
            meeting.choose_case(fac, "bram", consent=True)
            meeting.choose_method(fac, self.method_id, variant=self.variant)
            self.meeting = meeting
        else:
            self.meeting = start(self.engine, self.method_id, self.variant)
        self.accepted = 0
        self.refused = 0
        self.steps = 0

    # -- helpers ------------------------------------------------------------------

    @property
    def state(self) -> MeetingState:
        return self.meeting.state

    def person(self, n: int) -> str:
        """A member present, the facilitator, or (rarely) someone not there at all."""
        state = self.state
        if n == 11:
            return STRANGER
        if n < 4:
            return state.facilitator
        if n < 7 and state.inbrenger is not None:
            return state.inbrenger
        candidates = [*state.present, state.facilitator]
        return candidates[n % len(candidates)]

    def contribution_id(self, n: int) -> str:
        ids = [c.id for c in self.state.contributions]
        if not ids or n == 11:
            return f"C{900 + n}"
        return ids[n % len(ids)]

    def send(self, action: Any, *args: Any, **kwargs: Any) -> bool:
        """Send one command; a refusal must leave the journal and the state as they were."""
        journal, meeting_id = self.engine.journal, self.meeting.id
        before_version = journal.version(meeting_id)
        before_state = replay(journal.load(meeting_id))
        assert before_version == self.state.version
        try:
            action(*args, **kwargs)
        except REFUSALS:
            self.refused += 1
            assert journal.version(meeting_id) == before_version, "a refusal wrote to the journal"
            assert self.meeting.state == before_state, "a refusal changed the live state"
            assert self.engine.state(meeting_id) == before_state
            return False
        self.accepted += 1
        after = journal.version(meeting_id)
        assert after > before_version, "an accepted command wrote nothing"
        assert after == self.state.version
        return True

    # -- rules: what people say -----------------------------------------------------

    @rule(who=people, pick=st.integers(0, 2 * len(CONTRIBUTION_KINDS)), text=texts, reply=people)
    def contribute(self, who: int, pick: int, text: str, reply: int) -> None:
        by = self.person(who)
        state = self.state
        # What the author may say, from the spec, at the moment the command is sent.
        allowed = self._allowed_now(by)
        # Half the time a kind the engine offers this person, else any kind at all.
        offered = self.meeting.allowed_kinds(by) if by != STRANGER else ()
        if pick < len(CONTRIBUTION_KINDS) or not offered:
            kind = CONTRIBUTION_KINDS[pick % len(CONTRIBUTION_KINDS)]
        else:
            kind = offered[pick % len(offered)]
        reply_to = self.contribution_id(reply) if reply % 3 == 0 else None
        if self.send(self.meeting.contribute, by, kind, text, reply_to=reply_to):
            added = self.state.contributions[-1]
            assert added.author == self.meeting.person(by)
            assert kind in allowed, (
                f"{added.author} (roles {sorted(self._roles(by, state))}) contributed a "
                f"{kind!r} in {state.frame}/{state.phase_path}; allowed: {allowed}"
            )

    def _roles(self, by: str, state: MeetingState) -> frozenset[str]:
        method = self.meeting.method
        neutral = method is not None and method.neutral_facilitator
        try:
            person = self.meeting.person(by)
        except NotAMemberError:
            return frozenset()
        return roles_of(state, person, neutral_facilitator=neutral)

    def _allowed_now(self, by: str) -> tuple[str, ...]:
        """Recomputed from the phase spec, independently of the rule checks."""
        state, phase = self.state, self.meeting.phase
        roles = self._roles(by, state)
        if not roles:
            return ()
        if phase is None:
            return FRAME_KINDS.get(state.frame, ())
        if "inbrenger" in roles:
            if phase.inbrenger_mode in ("listens", "away"):
                return ()
            kinds = phase.allowed.get("inbrenger", ())
            if phase.inbrenger_mode == "answers_briefly":
                kinds = tuple(k for k in kinds if k == "reaction")
            return kinds
        return tuple(k for role in roles for k in phase.allowed.get(role, ()))

    @rule(
        who=people,
        picks=st.lists(people, max_size=3),
        labels=st.lists(st.tuples(people, st.integers(0, 4)), max_size=4),
        label_all=st.booleans(),
        text=texts,
    )
    def decide(
        self, who: int, picks: list[int], labels: list[tuple[int, int]], label_all: bool, text: str
    ) -> None:
        phase = self.meeting.phase
        values: tuple[str, ...] = ("warm", "cold", "no-such-label")
        if phase is not None and phase.labels is not None:
            values = (*phase.labels.values, "no-such-label")
        chosen = {self.contribution_id(c): values[v % len(values)] for c, v in labels}
        if label_all and phase is not None and phase.labels is not None:
            # A complete, valid labelling of this case's contributions, as the rule wants.
            case_no = self.state.case.no if self.state.case else None
            for i, c in enumerate(self.state.contributions):
                if c.case_no == case_no and c.kind in phase.labels.kinds:
                    chosen[c.id] = phase.labels.values[i % len(phase.labels.values)]
        selected = [self.contribution_id(p) for p in picks]
        self.send(
            self.meeting.decide, self.person(who), text=text, selected=selected, labels=chosen
        )

    # -- rules: moving through the meeting -----------------------------------------

    @rule(who=people)
    def advance(self, who: int) -> None:
        self.send(self.meeting.advance, self.person(who))

    @rule(who=people)
    def reveal(self, who: int) -> None:
        self.send(self.meeting.reveal, self.person(who))

    @rule(who=people, minutes=st.integers(min_value=-1, max_value=130))
    def extend(self, who: int, minutes: int) -> None:
        self.send(self.meeting.extend, self.person(who), minutes)

    @rule(who=people, reason=texts)
    def skip(self, who: int, reason: str) -> None:
        self.send(self.meeting.skip, self.person(who), reason)

    @rule(who=people, loop=st.sampled_from(LOOP_IDS))
    def take_loop(self, who: int, loop: str) -> None:
        self.send(self.meeting.take_loop, self.person(who), loop)

    @rule(who=people, text=texts)
    def record_consensus(self, who: int, text: str) -> None:
        self.send(self.meeting.record_consensus, self.person(who), text)

    @rule(who=people, module=st.sampled_from(MODULE_IDS))
    def choose_module(self, who: int, module: str) -> None:
        self.send(self.meeting.choose_module, self.person(who), module)

    @rule(who=people, to=people)
    def hand_over(self, who: int, to: int) -> None:
        self.send(self.meeting.hand_over, self.person(who), self.person(to))

    @rule(who=people, inbrenger=people, consent=st.booleans())
    def choose_case(self, who: int, inbrenger: int, consent: bool) -> None:
        self.send(
            self.meeting.choose_case, self.person(who), self.person(inbrenger), consent=consent
        )

    @rule(who=people, inbrenger=people, consent=st.booleans())
    def choose_inbrenger(self, who: int, inbrenger: int, consent: bool) -> None:
        self.send(
            self.meeting.choose_inbrenger, self.person(who), self.person(inbrenger), consent=consent
        )

    @rule(who=people, method=st.sampled_from(METHOD_IDS), agrees=st.booleans())
    def choose_method(self, who: int, method: str, agrees: bool) -> None:
        self.send(self.meeting.choose_method, self.person(who), method, inbrenger_agrees=agrees)

    @rule(who=people, text=texts)
    def submit_leervraag(self, who: int, text: str) -> None:
        self.send(self.meeting.submit_leervraag, self.person(who), text)

    @rule(who=people, reason=st.sampled_from([None, "", "out of time"]), now=st.integers(0, 4))
    def close(self, who: int, reason: str | None, now: int) -> None:
        # Rarely: a closed meeting refuses everything, which ends the interesting part.
        if now == 0:
            self.send(self.meeting.close, self.person(who), reason)

    # -- rules: what the engine offers --------------------------------------------

    @rule(who=people, pick=st.integers(0, 50))
    def do_what_is_offered(self, who: int, pick: int) -> None:
        """Anything ``capabilities`` offers is accepted; this also walks meetings deep."""
        can = self.meeting.capabilities()
        person = self.person(who)
        if person == STRANGER or person not in can.people:
            assert can.of(person).commands == frozenset()
            return
        mine = can.of(person)
        offers: list[tuple[Any, tuple[Any, ...], dict[str, Any]]] = []
        meeting = self.meeting
        offers += [(meeting.contribute, (person, k, "offered"), {}) for k in mine.kinds]
        plain = {
            "advance": (meeting.advance, (person,), {}),
            "reveal": (meeting.reveal, (person,), {}),
            "extend": (meeting.extend, (person, 5), {}),
            "skip": (meeting.skip, (person, "offered"), {}),
            "record_consensus": (meeting.record_consensus, (person,), {}),
            "pass_leervraag": (meeting.pass_leervraag, (person,), {}),
            "submit_leervraag": (meeting.submit_leervraag, (person, "offered"), {}),
        }
        offers += [action for name, action in plain.items() if mine.may(name)]
        offers += [(meeting.take_loop, (person, loop), {}) for loop in mine.loops]
        offers += [(meeting.choose_module, (person, m), {}) for m in mine.modules]
        offers += [(meeting.choose_case, (person, i), {}) for i in mine.inbrengers]
        offers += [(meeting.choose_inbrenger, (person, i), {}) for i in mine.examples]
        offers += [(meeting.hand_over, (person, to), {}) for to in mine.hand_over_to]
        offers += [(meeting.choose_method, (person, m), {}) for m in mine.methods]
        if mine.may("decide"):
            phase = meeting.phase
            assert phase is not None
            labels = {}
            if phase.labels is not None:
                case_no = self.state.case.no if self.state.case else None
                labels = {
                    c.id: phase.labels.values[0]
                    for c in self.state.contributions
                    if c.case_no == case_no and c.kind in phase.labels.kinds
                }
            offers.append((meeting.decide, (person,), {"text": "offered", "labels": labels}))
        if not offers:
            return
        action, args, kwargs = offers[pick % len(offers)]
        before = self.state.version
        try:
            action(*args, **kwargs)
        except REFUSALS as exc:
            raise AssertionError(
                f"{action.__name__}{args[1:]} was offered to {person} in "
                f"{self.state.frame}/{self.state.phase_path} and refused: {exc}"
            ) from None
        assert self.state.version > before
        self.accepted += 1

    # -- invariants ---------------------------------------------------------------

    @invariant()
    def what_is_not_offered_is_refused(self) -> None:
        """The commands without arguments and the kinds: not offered means refused."""
        can = self.meeting.capabilities()
        state, registry, now = self.state, self.registry, self.engine.clock()
        for person, mine in can.people.items():
            for kind in CONTRIBUTION_KINDS:
                if kind not in mine.kinds:
                    command = Contribute(by=person, kind=kind, text="not offered")
                    assert not _accepted(state, command, registry, now), (person, kind)
            for command in (Advance(by=person), Reveal(by=person), Extend(by=person, minutes=5)):
                if not mine.may(command.command):
                    assert not _accepted(state, command, registry, now), (person, command)

    @invariant()
    def the_step_waits_exactly_when_nobody_may_move_on(self) -> None:
        can = self.meeting.capabilities()
        if self.state.closed:
            assert can.people == {} and can.waiting == ()
            return
        anyone = any(mine.may("advance") for mine in can.people.values())
        assert anyone != bool(can.waiting) or self.state.frame in (
            "case_choice",
            "method_choice",
        ), (self.state.frame, self.state.phase_path, can.waiting, anyone)

    @invariant()
    def journal_replays_to_live_state(self) -> None:
        events = self.engine.journal.load(self.meeting.id)
        assert replay(events) == self.state
        assert self.engine.state(self.meeting.id) == self.state

    @invariant()
    def versions_have_no_gaps(self) -> None:
        events = self.engine.journal.load(self.meeting.id)
        assert isinstance(events[0], ev.MeetingStarted)
        assert not any(isinstance(e, ev.MeetingStarted) for e in events[1:])
        assert len(events) == self.state.version == self.engine.journal.version(self.meeting.id)

    @invariant()
    def decisions_are_the_inbrengers(self) -> None:
        state = self.state
        for decision in state.decisions:
            case = state.cases[decision.case_no - 1]
            assert case.no == decision.case_no
            assert decision.by in case.inbrengers, (
                f"decision {decision.decision_id} in case {case.no} by {decision.by}, "
                f"inbrenger {case.inbrenger}"
            )

    @invariant()
    def facilitator_is_not_the_inbrenger(self) -> None:
        state = self.state
        if state.frame != "method":
            return
        method = case_method(state, self.registry)
        assert method is not None
        if method.facilitator_may_bring_case is None:
            assert state.facilitator != state.inbrenger, (
                f"{state.facilitator} facilitates and is the inbrenger in {method.id}"
            )

    @invariant()
    def the_close_can_be_reached(self) -> None:
        self.steps += 1
        if self.steps % 20 == 0:
            self._reach_the_close()

    def teardown(self) -> None:
        if hasattr(self, "meeting"):
            self._reach_the_close()

    def _reach_the_close(self) -> None:
        """From here, what the engine offers leads to the close: no skip, no early close."""
        taken = drive_to_close(
            self.state, self.registry, self.engine.clock(), (self.method_id, self.variant)
        )
        assert "skip" not in taken

    @invariant()
    def facilitator_is_there(self) -> None:
        state = self.state
        assert state.facilitator in state.present or state.members[state.facilitator].external


def _accepted(state: MeetingState, command: Any, registry: Registry, now: Any) -> bool:
    try:
        decide(state, command, registry, now)
    except REFUSALS:
        return False
    return True


def machine_for(method_id: str, variant: str | None) -> type[MeetingMachine]:
    name = f"Meeting_{method_id}_{variant or 'default'}".replace("-", "_")
    return type(name, (MeetingMachine,), {"method_id": method_id, "variant": variant})


@pytest.fixture
def _quiet_logs() -> None:
    """Thousands of commands: keep structlog from formatting each one."""
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))


@pytest.mark.usefixtures("_quiet_logs")
@pytest.mark.parametrize(("method_id", "variant"), _cases())
def test_random_commands_keep_the_invariants(method_id: str, variant: str | None) -> None:
    machine = machine_for(method_id, variant)
    run_state_machine_as_test(machine, settings=SETTINGS)
