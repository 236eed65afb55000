"""A meeting driven to its close by what the engine itself offers: the "no dead ends" check.

From a meeting's state, :func:`drive_to_close` asks :func:`~intervision.engine.capabilities`
what each person may do and what the step waits for, gives the step what it waits for
(a leervraag, a turn, the floor's contributions, the reveal, the
choice of whose example it is, the decision, feedback, ...), else moves on, and so walks to
the meeting's close without ``skip`` and without closing early. It works on the state
alone (``decide`` and ``apply``, no journal), so any state a random test reached can
be tried.
"""

from __future__ import annotations

from datetime import datetime

from intervision.engine import (
    Advance,
    Capabilities,
    ChooseCase,
    ChooseInbrenger,
    ChooseMethod,
    ChooseModule,
    Close,
    Command,
    Contribute,
    Decide,
    IntervisionError,
    MeetingState,
    PassLeervraag,
    PersonCan,
    RecordConsensus,
    Registry,
    Reveal,
    SubmitLeervraag,
    capabilities,
)
from intervision.engine.core.decide import current_phase, decide
from intervision.engine.core.state import apply

__all__ = ["DeadEnd", "drive_to_close"]

SAMPLE = "…"
#: More steps than any method's whole meeting takes, twice over.
MAX_STEPS = 600


class DeadEnd(AssertionError):
    """The meeting cannot reach its close from here by what the engine offers."""


def drive_to_close(
    state: MeetingState, registry: Registry, now: datetime, method: tuple[str, str | None]
) -> list[str]:
    """Walk ``state`` to its close; the commands it took, by name. Raises
    :class:`DeadEnd` when nothing offered moves it on, and ``IntervisionError`` when
    the engine refuses a command it offered."""
    taken: list[str] = []
    for _ in range(MAX_STEPS):
        if state.closed:
            return taken
        caps = capabilities(state, registry, now)
        command = _next(state, registry, caps, method, now)
        if command is None:
            raise DeadEnd(
                f"stuck in {state.frame}/{state.phase} after {taken[-8:]}: waiting for "
                f"{[(w.reason, w.people, w.rule) for w in caps.waiting]}, offered "
                f"{ {p: sorted(c.commands) for p, c in caps.people.items()} }"
            )
        for event in decide(state, command, registry, now):
            state = apply(state, event)
        taken.append(command.command)
    raise DeadEnd(f"not closed after {MAX_STEPS} steps: {taken[-12:]}")


def _next(
    state: MeetingState,
    registry: Registry,
    caps: Capabilities,
    method: tuple[str, str | None],
    now: datetime,
) -> Command | None:
    for wait in caps.waiting:
        for person in wait.people:
            command = _giving(wait.reason, state, registry, caps.of(person))
            if command is not None:
                return command
    people = list(caps.people.values())
    if state.frame == "case_choice":
        for can in people:
            if can.inbrengers:
                return ChooseCase(by=can.person, inbrenger=can.inbrengers[0], consent=True)
    if state.frame == "method_choice":
        for can in people:
            if method[0] in can.methods:
                return ChooseMethod(
                    by=can.person, method_id=method[0], variant=method[1], inbrenger_agrees=True
                )
            if can.methods:
                return ChooseMethod(by=can.person, method_id=can.methods[0], inbrenger_agrees=True)
    for can in people:
        if can.may("advance"):
            return Advance(by=can.person)
    for can in people:
        if can.may("close") and _accepted(state, registry, now, Close(by=can.person)):
            return Close(by=can.person)  # the end of the evaluation: no reason needed
    return None


def _giving(reason: str, state: MeetingState, registry: Registry, can: PersonCan) -> Command | None:
    """What ``can.person`` sends to give the step what it waits for (``reason``)."""
    who = can.person
    if reason == "leervraag":
        if not state.leervragen and can.may("submit_leervraag"):
            return SubmitLeervraag(by=who, text=SAMPLE)
        return PassLeervraag(by=who) if can.may("pass_leervraag") else None
    if reason in ("recognition", "everyone_contributes"):
        return Contribute(by=who, kind=can.kinds[0], text=SAMPLE) if can.kinds else None
    if reason == "feedback":
        return Contribute(by=who, kind="feedback", text=SAMPLE) if "feedback" in can.kinds else None
    if reason == "at_least":
        phase = current_phase(state, registry)
        floored = [k for k in can.kinds if phase is not None and k in phase.at_least]
        return Contribute(by=who, kind=floored[0], text=SAMPLE) if floored else None
    if reason == "inbrenger":
        if not can.examples:
            return None
        return ChooseInbrenger(by=who, inbrenger=can.examples[0], consent=True)
    if reason == "reveal":
        return Reveal(by=who) if can.may("reveal") else None
    if reason == "consensus":
        return RecordConsensus(by=who) if can.may("record_consensus") else None
    if reason == "decision":
        return _decision(state, registry, who) if can.may("decide") else None
    if reason == "module":
        return ChooseModule(by=who, method_id=can.modules[0]) if can.modules else None
    return None


def _decision(state: MeetingState, registry: Registry, who: str) -> Decide:
    phase = current_phase(state, registry)
    labels: dict[str, str] = {}
    if phase is not None and phase.labels is not None and phase.labels.values:
        case_no = state.case.no if state.case else None
        labels = {
            c.id: phase.labels.values[0]
            for c in state.contributions
            if c.case_no == case_no and c.kind in phase.labels.kinds
        }
    return Decide(by=who, text=SAMPLE, labels=labels)


def _accepted(state: MeetingState, registry: Registry, now: datetime, command: Command) -> bool:
    try:
        decide(state, command, registry, now)
    except IntervisionError:
        return False
    return True
