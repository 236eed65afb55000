"""One of two processes that send commands to the same meeting at the same time.

    python contend_child.py STORE MEETING_ID MEMBER COUNT

Opens its own engine on the store, waits for a line on stdin (so that both
processes start together), then contributes COUNT questions as MEMBER, each with
the version it last saw as ``expected_version``. A command refused as a conflict
is reloaded and sent again. Prints, each line flushed:

    ready                    the store is open
    ack <n> <version>        question n was acknowledged at that version
    conflict <n> <version>   question n was refused: the meeting had moved on
"""

from __future__ import annotations

import logging
import sys

import structlog

from intervision.engine import ConcurrencyError, Contribute, load_registry
from intervision.engine.storage import open_engine


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> int:
    store, meeting_id, member, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    structlog.configure(
        wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
    )
    engine = open_engine(store, registry=load_registry(strict=True, user_methods=False))
    seen = engine.state(meeting_id).version
    say("ready")
    sys.stdin.readline()
    for n in range(count):
        command = Contribute(by=member, kind="question", text=f"{member}-{n}")
        while True:
            try:
                seen = engine.execute(meeting_id, command, expected_version=seen).version
            except ConcurrencyError:
                say(f"conflict {n} {seen}")
                seen = engine.reload(meeting_id).version
                continue
            say(f"ack {n} {seen}")
            break
    engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
