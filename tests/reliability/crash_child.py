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
from pathlib import Path

import structlog

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for drive.py
from drive import candidates

from intervision.engine import (
    CommandRefused,
    Engine,
    Meeting,
    NotAMemberError,
    UnknownMethodError,
    load_registry,
)
from intervision.engine.storage import SqliteJournal

#: Six members: every method the driver takes fits the group.
MEMBERS = ["Anna", "Bram", "Carla", "Dirk", "Eva", "Fleur"]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


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
