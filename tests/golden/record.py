"""Record the golden histories: one full scripted meeting per built-in method and variant.

    python tests/golden/record.py                 # record the ones that are missing
    python tests/golden/record.py incident        # only these names (method[.variant])
    python tests/golden/record.py --overwrite X   # replace a recorded history (rarely right)

Run deliberately, never by the test suite: a golden history is a journal written by
an earlier intervision, and the point is that later versions replay it unchanged.
Re-recording an existing one hides exactly the breakage it is there to catch, so
that needs ``--overwrite`` and a reason in the commit message (see README.md).

The meeting is deterministic (a fixed meeting id and a clock that ticks 30 seconds
per command), so recording twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import structlog
from golden import (
    PLANTED,
    builtin_cases,
    builtin_registry,
    dumps,
    history_path,
    name_of,
    state_path,
    summary,
)

from intervision.engine import Engine, Meeting, Registry
from intervision.engine.storage import SqliteJournal
from intervision.testing import PhaseExerciser, group_for

#: The golden meetings start here; a fixed instant keeps recordings byte-identical.
T0 = datetime(2025, 3, 10, 19, 0, tzinfo=UTC)

#: Histories beyond one per method and variant: name -> (method, variant, what the
#: meeting starts with besides its members). The roles of the day were stored as
#: ``scribe`` and ``timekeeper`` fields of ``meeting_started`` version 1.
EXTRA: dict[str, tuple[str, str | None, dict[str, str]]] = {
    "incident.roles-of-the-day": ("incident", None, {"scribe": "Carla", "timekeeper": "Dirk"}),
}


class PlantedMeeting(Meeting):
    """A meeting whose every content text carries :data:`PLANTED`, so a test can see
    that no stored text leaks into an error or a log."""

    def contribute(self, by: str, kind: str, text: str, *, reply_to: str | None = None) -> str:
        return super().contribute(by, kind, f"{PLANTED} {text}", reply_to=reply_to)

    def decide(
        self,
        by: str,
        *,
        text: str = "",
        selected: Sequence[str] = (),
        labels: dict[str, str] | None = None,
    ) -> None:
        planted = f"{PLANTED} {text}" if text else ""
        super().decide(by, text=planted, selected=selected, labels=labels)

    def record_consensus(self, by: str, text: str = "") -> None:
        super().record_consensus(by, f"{PLANTED} {text}" if text else "")


def ticking_clock(start: datetime, step: timedelta) -> Callable[[], datetime]:
    now = start - step

    def clock() -> datetime:
        nonlocal now
        now += step
        return now

    return clock


def golden_id(name: str) -> str:
    """The meeting id of a history: ``golden-socratic-half-day`` (a dot is no part of
    a meeting id; histories recorded before that rule keep theirs)."""
    return "golden-" + name.replace(".", "-")


def record(
    registry: Registry,
    store: Path,
    method_id: str,
    variant: str | None,
    lang: str,
    name: str | None = None,
    **start: str,
) -> Engine:
    """A whole meeting: opening, leervragen, two cases where the method allows,
    recognitions, evaluation, closing; kept in the SQLite store at ``store``."""
    name = name or name_of(method_id, variant)
    clock = ticking_clock(T0, timedelta(seconds=30))
    engine = Engine(SqliteJournal(store), registry, clock=clock)
    members = group_for(registry.method(method_id, variant=variant))
    started = engine.start_meeting(
        members,
        facilitator="Anna",
        lang=lang,
        meeting_id=golden_id(name),  # type: ignore[arg-type]
        **start,  # type: ignore[arg-type]
    )
    meeting = PlantedMeeting(engine, started.id)
    fac = meeting.state.facilitator
    meeting.advance(fac)
    present = list(meeting.state.present)
    for person in present[:-1]:
        meeting.submit_leervraag(
            person, f"{PLANTED} leervraag of {person} for {name}: how do I keep my boundaries?"
        )
    meeting.pass_leervraag(present[-1])
    meeting.advance(fac)
    for number, inbrenger in enumerate(present[1:3], 1):
        if any(case.inbrenger == inbrenger for case in meeting.state.cases):
            break  # a method that rotates the inbrenger has had this one already
        meeting.choose_case(fac, inbrenger, consent=True)
        meeting.choose_method(fac, method_id, inbrenger_agrees=True, variant=variant)
        if number == 1:
            meeting.extend(fac, 5)
        else:
            meeting.skip(fac, f"{PLANTED} little time left for the second case")
        PhaseExerciser(meeting).run()
        if number == 1 and meeting.state.frame == "second_case":
            # The one who passed takes over, so the frame's hand-over is in the journal.
            meeting.hand_over(fac, present[-1])
            fac = meeting.state.facilitator
    meeting.advance(fac)
    if meeting.state.frame == "recognitions":  # else the method held them as its last round
        for person in present:
            meeting.contribute(person, "recognition", f"what {person} recognised")
        meeting.advance(fac)
    assert meeting.state.frame == "evaluation", meeting.state.frame
    for person in present:
        meeting.contribute(person, "learning_point", f"what {person} learned")
    meeting.close(fac, f"{PLANTED} closed as planned")
    assert meeting.state.closed
    return engine


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="method or method.variant (default: all)")
    parser.add_argument("--overwrite", action="store_true", help="replace recorded histories")
    args = parser.parse_args(argv)
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    registry = builtin_registry()
    cases = {name_of(m, v): (m, v, {}) for m, v in builtin_cases(registry)}
    cases.update(EXTRA)
    unknown = sorted(set(args.names) - set(cases))
    if unknown:
        parser.error(f"not a built-in method or variant: {', '.join(unknown)}")
    for index, name in enumerate(sorted(cases)):
        if args.names and name not in args.names:
            continue
        if history_path(name).exists() and not args.overwrite:
            print(f"kept     {history_path(name).name} (recorded already; see --overwrite)")
            continue
        method_id, variant, start = cases[name]
        lang = "nl" if index % 2 else "en"
        with tempfile.TemporaryDirectory() as folder:
            store = Path(folder) / "golden.sqlite3"
            with record(registry, store, method_id, variant, lang, name, **start) as engine:
                state = engine.state(golden_id(name))
            rows = stored_rows(store, golden_id(name))
        history_path(name).write_text("".join(row + "\n" for row in rows), encoding="utf-8")
        state_path(name).write_text(dumps(summary(state, registry)), encoding="utf-8")
        print(f"recorded {history_path(name).name} ({len(rows)} events)")
    return 0


def stored_rows(store: Path, meeting_id: str) -> list[str]:
    """The event column of the meeting's rows, exactly as SQLite holds it."""
    with contextlib.closing(sqlite3.connect(store)) as db:
        query = "SELECT data FROM events WHERE meeting_id = ? ORDER BY version"
        return [str(data) for (data,) in db.execute(query, (meeting_id,))]


if __name__ == "__main__":
    sys.exit(main())
