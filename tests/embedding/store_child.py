"""A host process on a store, told what to do line by line: the other side of the
cross-process tests of ``test_store_processes.py``.

    python store_child.py STORE

Reads one command a line from stdin and answers one line on stdout (flushed):

    start ID                  start a meeting of four with that id -> ``ack ID VERSION``
    note ID TEXT              Anna says something at the opening -> ``ack ID VERSION``
    second                    open a second engine on the store and close it -> ``ok``
    keyed ID KEY TEXT         a note with request id KEY; the process kills itself
                              with SIGKILL right after the commit, before it replies
    quit                      close the engine and exit 0

Errors are written as ``error TYPE`` (never the message: tests look at types).
"""

from __future__ import annotations

import os
import signal
import sys

from intervision.engine import Contribute, Engine, IntervisionError, load_registry
from intervision.engine.storage import open_engine

MEMBERS = ["Anna", "Bram", "Carla", "Dirk"]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(store: str) -> None:
    registry = load_registry(user_methods=False)
    engine = open_engine(store, registry=registry)
    say("ready")
    for line in sys.stdin:
        words = line.rstrip("\n").split(maxsplit=3)
        if not words:
            continue
        try:
            match words:
                case ["start", meeting_id]:
                    engine.start_meeting(MEMBERS, facilitator="Anna", meeting_id=meeting_id)
                    say(f"ack {meeting_id} 1")
                case ["note", meeting_id, *text]:
                    version = _note(engine, meeting_id, " ".join(text) or "a note", None)
                    say(f"ack {meeting_id} {version}")
                case ["second"]:
                    open_engine(store, registry=registry).close()
                    say("ok")
                case ["keyed", meeting_id, key, *text]:
                    engine.subscribe(lambda state, event: os.kill(os.getpid(), signal.SIGKILL))
                    _note(engine, meeting_id, " ".join(text) or "a note", key)
                    say("replied")  # never reached: the subscriber killed the process
                case ["quit"]:
                    break
                case _:
                    say("error Usage")
        except IntervisionError as exc:
            say(f"error {type(exc).__name__}")
    engine.close()


def _note(engine: Engine, meeting_id: str, text: str, key: str | None) -> int:
    note = Contribute(by="anna", kind="statement", text=text)
    return engine.execute(meeting_id, note, request_id=key).version


if __name__ == "__main__":
    main(sys.argv[1])
