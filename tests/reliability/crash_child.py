"""The child process of the crash tests: drives meetings on SQLite until it is killed.

    python crash_child.py STORE BASE_ID [--steps N]

Opens the store, resumes the newest meeting whose id starts with ``BASE_ID`` (or
starts ``BASE_ID-1``; a closed one is followed by ``BASE_ID-<n+1>``), and sends
valid commands one after another, chosen from the meeting's state alone, so that
any child can take over wherever the last one was killed. Prints to stdout, each
line flushed:

    ready                      the store is open
    resumed <meeting> <version>  where it takes over
    ack <meeting> <version>    after every acknowledged (committed) command

With ``--steps N`` it stops after N acknowledged commands and exits 0.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterator

import structlog

from intervision.engine import (
    CommandRefused,
    Engine,
    Meeting,
    NotAMemberError,
    SqliteJournal,
    UnknownMethodError,
    load_registry,
)

#: Six members: every method below fits the group.
MEMBERS = ["Anna", "Bram", "Carla", "Dirk", "Eva", "Fleur"]
#: The methods the meetings take in turn; one not installed falls back to incident.
METHODS = ("incident", "balint", "socratic", "collegial-consultation", "gossip", "ten-steps")

Command = Callable[[], object]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


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


def current(engine: Engine, base: str) -> tuple[Meeting, int]:
    """The meeting to go on with, and its number; a new one after a closed one."""
    mine = [s.meeting_id for s in engine.meetings() if s.meeting_id.startswith(base + "-")]
    number = max((int(m.rsplit("-", 1)[1]) for m in mine), default=0)
    if number:
        meeting = engine.meeting(f"{base}-{number}")
        if not meeting.state.closed:
            return meeting, number
    number += 1
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna", meeting_id=f"{base}-{number}")
    say(f"ack {meeting.id} {meeting.state.version}")
    return meeting, number


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("base")
    parser.add_argument("--steps", type=int, default=0)
    args = parser.parse_args()
    structlog.configure(
        wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
    )
    engine = Engine(SqliteJournal(args.store), load_registry(strict=True, user_methods=False))
    say("ready")
    meeting, number = current(engine, args.base)
    say(f"resumed {meeting.id} {meeting.state.version}")
    done = 0
    while not args.steps or done < args.steps:
        if meeting.state.closed:
            meeting, number = current(engine, args.base)
            done += 1
            continue
        for command in candidates(meeting, number):
            try:
                command()
            except (CommandRefused, NotAMemberError, UnknownMethodError):
                continue
            break
        else:
            raise SystemExit(f"stuck in {meeting.state.frame}/{meeting.state.phase}")
        say(f"ack {meeting.id} {meeting.state.version}")
        done += 1
    engine.journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
