"""Drive any meeting to its end from its state alone: what the crash and load tests send.

:func:`candidates` lists commands worth trying now, the most useful first; the
caller tries them in order and keeps the first one the engine accepts (a refusal
writes nothing). Because the choice depends only on the meeting's state, any
process can take over a meeting wherever another one stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from intervision.engine import Meeting

__all__ = ["METHODS", "Command", "candidates"]

#: The methods meetings take in turn; one not installed falls back to incident.
METHODS = ("incident", "balint", "socratic", "collegial-consultation", "gossip", "ten-steps")

Command = Callable[[], object]


def candidates(meeting: Meeting, number: int) -> Iterator[Command]:
    """Commands worth trying now, the most useful first; refusals write nothing."""
    state = meeting.state
    fac = state.facilitator
    present = list(state.present)
    frame = state.frame
    if frame == "opening":
        yield lambda: meeting.advance(fac)
    elif frame == "leervragen":
        done = set(state.passed) | {lv.by for lv in state.leervragen.values()}
        for p in present:
            if p not in done:
                yield lambda p=p: meeting.submit_leervraag(p, f"leervraag van {p}")
        yield lambda: meeting.advance(fac)
    elif frame in ("case_choice", "second_case"):
        had = {case.inbrenger for case in state.cases}
        for p in present:
            if p not in had and p != fac:
                yield lambda p=p: meeting.choose_case(fac, p, consent=True)
        yield lambda: meeting.advance(fac)
    elif frame == "method_choice":
        method = METHODS[(number + len(state.cases)) % len(METHODS)]
        yield lambda: meeting.choose_method(fac, method, inbrenger_agrees=True)
        yield lambda: meeting.choose_method(fac, "incident", inbrenger_agrees=True)
    elif frame == "method":
        yield from _in_method(meeting)
    elif frame in ("recognitions", "evaluation"):
        said = {c.author for c in state.step_contributions()}
        kind = "recognition" if frame == "recognitions" else "learning_point"
        for p in present:
            if p not in said:
                yield lambda p=p: meeting.contribute(p, kind, f"{kind} van {p}")
        if frame == "recognitions":
            yield lambda: meeting.advance(fac)
        yield lambda: meeting.close(fac, "done")


def _in_method(meeting: Meeting) -> Iterator[Command]:
    state, phase = meeting.state, meeting.phase
    assert phase is not None
    fac, inbrenger = state.facilitator, state.inbrenger
    if phase.nested is not None and state.module is None:
        modules = phase.nested.choose_from or ()
        for module in modules[:1]:
            yield lambda module=module: meeting.choose_module(fac, module)
    yield from _what_the_step_waits_for(meeting)
    said = {c.author for c in state.step_contributions()}
    revealed = state.step_no in state.revealed
    for p in state.present:
        if p in said or p == inbrenger or revealed:
            continue
        kinds = meeting.allowed_kinds(p)
        if kinds:
            yield lambda p=p, k=kinds[0]: meeting.contribute(p, k, f"{k} van {p}")
    if phase.written_first and not revealed:
        yield lambda: meeting.reveal(fac)
    if phase.decision is not None and not state.step_decisions() and inbrenger is not None:
        labels: dict[str, str] = {}
        if phase.labels is not None:
            spec = phase.labels
            labels = {
                c.id: spec.values[i % len(spec.values)]
                for i, c in enumerate(state.contributions)
                if state.case is not None and c.case_no == state.case.no and c.kind in spec.kinds
            }
        yield lambda: meeting.decide(inbrenger, text="wat ik meeneem", labels=labels)
    if phase.consensus and state.step_no not in state.consensus:
        yield lambda: meeting.record_consensus(fac, "eens")
    yield lambda: meeting.advance(fac)
    yield lambda: meeting.skip(fac, "vastgelopen")


def _what_the_step_waits_for(meeting: Meeting) -> Iterator[Command]:
    """The floor's contributions and the group's choice of example, as the engine's
    own answer names them: a method's rules need not be known here."""
    phase = meeting.phase
    can = meeting.capabilities()
    for wait in can.waiting:
        for person in wait.people:
            offered = can.of(person)
            if wait.reason == "at_least" and phase is not None:
                floored = [k for k in offered.kinds if k in phase.at_least]
                for kind in floored[:1]:
                    yield lambda p=person, k=kind: meeting.contribute(p, k, f"{k} van {p}")
            elif wait.reason == "inbrenger" and offered.examples:
                example = offered.examples[0]
                yield lambda p=person, e=example: meeting.choose_inbrenger(p, e, consent=True)
