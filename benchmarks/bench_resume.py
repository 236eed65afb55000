"""Resume a long meeting from SQLite: load its rows and replay them into a state.

The meeting is the recorded one up to its first method phase, then contributions
(participants in turn, each kind the phase allows them) until it holds exactly the
wanted number of events; a phase that refuses more is advanced past. Ours is
``Engine.reload`` on an open :class:`SqliteJournal` (SELECT, decode and validate
every event, replay). The baseline is the same ``SELECT`` and ``json.loads`` of each
row, on a raw connection to the same file.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from pathlib import Path

from common import Config, Figure
from scenario import quiet_logs

from intervision.engine import CommandRefused, Engine, Registry, load_registry
from intervision.engine.storage import SqliteJournal
from intervision.testing import start

SELECT = "SELECT version, data FROM events WHERE meeting_id = ? ORDER BY version"


def fill(journal: SqliteJournal, registry: Registry, events: int) -> None:
    engine = Engine(journal, registry)
    meeting = start(engine, "incident")
    engine_id = meeting.id
    turn = 0
    while meeting.state.version < events:
        if meeting.state.frame != "method":
            raise RuntimeError(f"the method ended after {meeting.state.version} events")
        people = [p for p in meeting.state.present if p != meeting.state.facilitator]
        person = people[turn % len(people)]
        turn += 1
        kinds = meeting.allowed_kinds(person)
        if not kinds:
            if turn % len(people) == 0:
                meeting.advance(meeting.state.facilitator)
            continue
        try:
            meeting.contribute(person, kinds[turn % len(kinds)], f"contribution {turn}")
        except CommandRefused:
            meeting.advance(meeting.state.facilitator)
    assert meeting.state.version == events, meeting.state.version
    journal_rows = journal.load(engine_id)
    assert len(journal_rows) == events


def run(config: Config) -> list[Figure]:
    quiet_logs()
    registry = load_registry(user_methods=False)
    events = config.pick(full=1000, quick=100)
    runs = config.pick(full=15, quick=3)
    with tempfile.TemporaryDirectory(prefix="intervision-bench-") as tmp:
        path = Path(tmp) / "resume.sqlite"
        journal = SqliteJournal(path)
        fill(journal, registry, events)
        (meeting_id,) = [m.meeting_id for m in journal.meetings()]
        engine = Engine(journal, registry)
        raw = sqlite3.connect(path, isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        engine.reload(meeting_id), [json.loads(d) for _, d in raw.execute(SELECT, (meeting_id,))]
        ours, base = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            state = engine.reload(meeting_id)
            ours.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            rows = raw.execute(SELECT, (meeting_id,)).fetchall()
            loaded = [json.loads(data) for _, data in rows]
            base.append((time.perf_counter() - t0) * 1000)
            assert state.version == len(loaded) == events
        raw.close()
        journal.close()
    return [Figure("resume.sqlite", "ms", ours, base, target=3, notes=[f"{events} events"])]
