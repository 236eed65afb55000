"""A host's memory after touching many meetings: bounded by its cache, not by its store.

A SQLite store holds the most meetings (each the first 20 events of the recorded
meeting, mid-method). A new process opens an engine on it, as a host does, and
reads the state of the first N meetings one after the other (``engine.state``);
it reports how much its resident memory grew (``VmRSS``, from its own
``/proc/self/status``) from just after the engine was opened. Ours touches every
meeting of the store; the baseline touches a tenth of them, in the same run. An
engine that keeps every meeting it touched grows ten times; one with a bounded
cache grows by the cache and the allocator's slack.

The store is written with plain ``INSERT`` s of the encoded rows in one transaction
(a hundred thousand durable appends would take minutes) and its read models then
rebuilt from them, as ``intervision store rebuild`` does.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from common import Config, Figure, spread
from scenario import MEETING_ID, quiet_logs, record

from intervision.engine import Engine, MemoryJournal, encode_event, load_registry
from intervision.engine.storage import open_journal

EVENTS = 20

CHILD = """
import sys
from intervision.engine import Engine, load_registry
from intervision.engine.storage import open_journal

def rss_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])

store, touched = sys.argv[1], int(sys.argv[2])
engine = Engine(open_journal(store), load_registry(user_methods=False))
engine.state("m-000000")
before = rss_kib()
for n in range(touched):
    engine.state(f"m-{n:06d}")
print(rss_kib() - before)
"""


def _build(path: Path, meetings: int) -> None:
    quiet_logs()
    registry = load_registry(user_methods=False)
    scenario = record(registry)
    journal = MemoryJournal()
    scenario.replay(Engine(journal, registry), MEETING_ID)
    events = journal.load(MEETING_ID)[:EVENTS]
    rows = [(event.type, event.v, event.at.isoformat(), encode_event(event)) for event in events]
    open_journal(str(path)).close()  # the tables, as intervision makes them
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    for n in range(meetings):
        meeting_id = f"m-{n:06d}"
        db.executemany(
            "INSERT INTO events (meeting_id, version, type, schema, at, data) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (meeting_id, v, kind, schema, at, data.replace(MEETING_ID, meeting_id))
                for v, (kind, schema, at, data) in enumerate(rows, 1)
            ],
        )
    db.execute("COMMIT")
    db.close()
    journal_on_file = open_journal(str(path))
    rebuild = getattr(journal_on_file, "rebuild_read_models", None)
    if rebuild is not None:  # the code before issue 16 had no read models
        rebuild()
    journal_on_file.close()


def _grown_kib(store: Path, touched: int) -> float:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(store), str(touched)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def run(config: Config) -> list[Figure]:
    meetings = config.pick(full=100_000, quick=1_000)
    runs = config.pick(full=3, quick=2)
    with tempfile.TemporaryDirectory(prefix="intervision-bench-") as tmp:
        store = Path(tmp) / "host.sqlite"
        _build(store, meetings)
        ours, base = [], []
        for _ in range(runs):
            ours.append(_grown_kib(store, meetings) / 1024)
            base.append(_grown_kib(store, meetings // 10) / 1024)
    return [
        Figure(
            "memory.host",
            "MiB",
            ours,
            base,
            target=1.3,
            notes=[
                f"resident memory grown after touching {meetings:,} meetings of {EVENTS} "
                f"events (ours) and {meetings // 10:,} (baseline): {spread(ours, 'MiB')} "
                f"against {spread(base, 'MiB')}"
            ],
        )
    ]
