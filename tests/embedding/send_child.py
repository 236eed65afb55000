"""One of several processes that send commands to one meeting without an expected version.

    python send_child.py STORE MEETING_ID WHO COUNT ENGINES

Opens ENGINES engines on the store, each driven by a thread of its own, waits for a
line on stdin (so that all processes start together), then sends COUNT statements as
WHO, spread over the engines, none with ``expected_version``: "apply to whatever is
current". Prints, each line flushed:

    ready                 the engines are open
    ack <n> <version>     statement n was committed at that version
    error <n> <type>      statement n was refused (which must not happen)
"""

from __future__ import annotations

import logging
import sys
import threading

import structlog

from intervision.engine import Contribute, IntervisionError, load_registry
from intervision.engine.storage import open_engine

_lock = threading.Lock()


def say(line: str) -> None:
    with _lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def main() -> int:
    store, meeting_id, who = sys.argv[1], sys.argv[2], sys.argv[3]
    count, engines = int(sys.argv[4]), int(sys.argv[5])
    structlog.configure(
        wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
    )
    registry = load_registry(strict=True, user_methods=False)
    opened = [open_engine(store, registry=registry) for _ in range(engines)]
    for engine in opened:
        engine.state(meeting_id)
    say("ready")
    sys.stdin.readline()

    def send(engine_no: int) -> None:
        engine = opened[engine_no]
        for n in range(engine_no, count, engines):
            command = Contribute(by=who, kind="statement", text=f"{who}-{n}")
            try:
                version = engine.execute(meeting_id, command).version
            except IntervisionError as exc:
                say(f"error {n} {type(exc).__name__}")
            else:
                say(f"ack {n} {version}")

    threads = [threading.Thread(target=send, args=(i,)) for i in range(engines)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for engine in opened:
        engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
