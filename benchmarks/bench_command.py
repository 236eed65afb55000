"""One command through a full meeting: in memory, and durable on SQLite.

``command.memory`` replays a recorded full meeting (see scenario.py) on an engine
with a :class:`MemoryJournal` and times every command of it, of every kind (the
leervragen, the case and method choice, contributions, the decision, each advance,
the close), building the command from its fields included; the notes give each
kind on its own. The baseline does, for the same steps, what a bare-Python engine
would: look the transition up in a dict, call a function that applies the event to
a dict, and ``json.dumps`` the event. Both sides wrap every step in the same pair of
``time.thread_time`` calls: the CPU time of the thread, which a machine shared with
other work does not stretch (a wall clock there catches the scheduler's slices).

``command.sqlite`` is a rate: commands per second through an engine on a
:class:`SqliteJournal` (WAL, ``synchronous=FULL``, one transaction per command),
against single-row ``INSERT`` + ``COMMIT`` of the same event rows on a raw
``sqlite3`` connection with the same pragmas, in the same folder; the two sides
take turns meeting by meeting, as the time an ``fsync`` takes drifts.
``command.sqlite_cpu`` is the same runs as CPU time per durable command
(``time.thread_time`` around each): what the engine costs beside the disk, steadier
than a rate the disk sets.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import Config, Figure
from scenario import Scenario, quiet_logs, record

from intervision.engine import Engine, MemoryJournal, Registry, load_registry
from intervision.engine.storage import SqliteJournal

Timed = list[tuple[str, float]]


def _ours_memory(scenario: Scenario, registry: Registry) -> Callable[[int], Timed]:
    """One full meeting at a time on one engine: (kind, seconds) of each command."""
    engine = Engine(MemoryJournal(), registry)

    def meeting(n: int) -> Timed:
        return scenario.replay(engine, f"bench-{n}", timer=time.thread_time)

    return meeting


def _paired(
    ours: Callable[[int], list[float]], baseline: Callable[[int], list[float]], meetings: int
) -> tuple[list[float], list[float]]:
    """Both sides meeting by meeting, taking turns at going first.

    For the durable figure, bound by the disk: how long an ``fsync`` takes drifts
    with what else the machine writes, and a slow moment then falls on both sides
    alike instead of on whichever ran its whole share at that moment.
    """
    mine: list[float] = []
    theirs: list[float] = []
    for n in range(meetings):
        if n % 2:
            theirs += baseline(n)
            mine += ours(n)
        else:
            mine += ours(n)
            theirs += baseline(n)
    return mine, theirs


def _bare_steps(scenario: Scenario) -> list[tuple[tuple[str, str], dict[str, Any]]]:
    """Every command as (transition key, event dict), step by step."""
    steps = []
    step = 0
    for command in scenario.commands:
        trigger = type(command).trigger
        event = {"type": trigger, "at": "2026-01-01T10:00:00+00:00", **command.model_dump()}
        steps.append(((f"step-{step}", trigger), event))
        if trigger == "advance":
            step += 1
    return steps


def _bare_apply(state: dict[str, Any], event: dict[str, Any], to: str) -> None:
    state["version"] += 1
    state["step"] = to
    state["events"].append(event)


def _baseline_memory(scenario: Scenario) -> Callable[[int], Timed]:
    steps = _bare_steps(scenario)
    transitions = {
        key: (f"step-{n + 1}" if key[1] == "advance" else key[0])
        for n, (key, _) in enumerate(steps)
    }
    timer = time.thread_time
    dumps = json.dumps

    def meeting(n: int) -> Timed:
        times: Timed = []
        state: dict[str, Any] = {"version": 0, "step": "step-0", "events": []}
        for key, event in steps:
            t0 = timer()
            to = transitions[key]
            _bare_apply(state, dict(event), to)
            dumps(event)
            times.append((key[1], timer() - t0))
        return times

    return meeting


def memory_figure(config: Config, scenario: Scenario, registry: Registry) -> Figure:
    runs, meetings = config.pick(full=15, quick=3), config.pick(full=40, quick=3)
    _ours_memory(scenario, registry)(0), _baseline_memory(scenario)(0)  # warm up
    ours, base = [], []
    kinds: dict[str, tuple[list[float], list[float]]] = {}
    for run in range(runs):
        # Each side runs its whole share at a time (taking turns at going first), so
        # that neither starts its meetings in caches the other just filled or emptied.
        sides = [(0, _ours_memory(scenario, registry)), (1, _baseline_memory(scenario))]
        for side, meeting in sides[:: 1 if run % 2 == 0 else -1]:
            timed = [step for n in range(meetings) for step in meeting(n)]
            (ours, base)[side].append(statistics.fmean(s for _, s in timed) * 1e6)
            for kind, seconds in timed:
                kinds.setdefault(kind, ([], []))[side].append(seconds * 1e6)
    each = ", ".join(
        f"{kind} {statistics.median(mine):.1f}/{statistics.median(theirs):.2f} µs"
        for kind, (mine, theirs) in sorted(kinds.items(), key=lambda k: -len(k[1][0]))
    )
    counts = Counter(type(c).trigger for c in scenario.commands)
    return Figure(
        "command.memory",
        "µs",
        ours,
        base,
        target=10,
        notes=[
            f"every command of the meeting ({len(scenario.commands)}: "
            + ", ".join(f"{n} {kind}" for kind, n in counts.most_common())
            + f"), {meetings} meetings a run",
            f"each kind, ours/baseline median: {each}",
        ],
    )


def _ours_sqlite(
    scenario: Scenario, registry: Registry, journal: SqliteJournal, cpu: list[float]
) -> Callable[[int], list[float]]:
    """One full meeting at a time through an engine on ``journal``: seconds per command;
    the CPU seconds of each go to ``cpu``."""
    engine = Engine(journal, registry)

    def meeting(n: int) -> list[float]:
        started = time.thread_time()
        steps = scenario.replay(engine, f"bench-{n}", timer=time.perf_counter)
        cpu.append((time.thread_time() - started) / len(steps))
        return [seconds for _, seconds in steps]

    return meeting


def _raw_connection(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=5, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA busy_timeout=5000")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute(
        "CREATE TABLE IF NOT EXISTS events (meeting_id TEXT NOT NULL, version INTEGER NOT NULL,"
        " type TEXT NOT NULL, schema INTEGER NOT NULL, at TEXT NOT NULL, data TEXT NOT NULL,"
        " PRIMARY KEY (meeting_id, version))"
    )
    return db


def _baseline_sqlite(
    rows: list[tuple[str, str, int, str, str]], db: sqlite3.Connection, cpu: list[float]
) -> Callable[[int], list[float]]:
    timer = time.perf_counter

    def meeting(n: int) -> list[float]:
        meeting_id = f"bench-{n}"
        started = time.thread_time()
        times: list[float] = []
        for version, (_, kind, schema, at, data) in enumerate(rows, 1):
            t0 = timer()
            db.execute("BEGIN IMMEDIATE")
            db.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)",
                (meeting_id, version, kind, schema, at, data),
            )
            db.execute("COMMIT")
            times.append(timer() - t0)
        cpu.append((time.thread_time() - started) / len(rows))
        return times

    return meeting


def _rows_of(scenario: Scenario, registry: Registry) -> list[tuple[str, str, int, str, str]]:
    """The scenario's stored rows, one per command (its last event), for the raw inserts."""
    with tempfile.TemporaryDirectory() as tmp:
        journal = SqliteJournal(Path(tmp) / "rows.sqlite")
        scenario.replay(Engine(journal, registry), "rows")
        journal.close()
        db = sqlite3.connect(Path(tmp) / "rows.sqlite")
        rows = db.execute(
            "SELECT meeting_id, type, schema, at, data FROM events ORDER BY version"
        ).fetchall()
        db.close()
    return [tuple(row) for row in rows[-len(scenario.commands) :]]


def sqlite_figures(
    config: Config, scenario: Scenario, registry: Registry, folder: Path | None = None
) -> list[Figure]:
    runs, meetings = config.pick(full=7, quick=2), config.pick(full=10, quick=1)
    rows = _rows_of(scenario, registry)
    ours, base = [], []
    our_cpu: list[float] = []
    their_cpu: list[float] = []
    with tempfile.TemporaryDirectory(prefix="intervision-bench-", dir=folder) as tmp:
        for run in range(runs):
            where = Path(tmp) / f"run-{run}"
            where.mkdir()
            journal = SqliteJournal(where / "ours.sqlite")
            db = _raw_connection(where / "raw.sqlite")
            try:
                mine, theirs = _paired(
                    _ours_sqlite(scenario, registry, journal, our_cpu),
                    _baseline_sqlite(rows, db, their_cpu),
                    meetings,
                )
            finally:
                journal.close()
                db.close()
            ours.append(len(mine) / sum(mine))
            base.append(len(theirs) / sum(theirs))
        notes = [
            f"folder {tmp}; {len(scenario.commands)} commands a meeting, {meetings} a run, "
            "the two sides taking turns meeting by meeting"
        ]
    return [
        Figure(
            "command.sqlite", "cmd/s", ours, base, target=0.75, higher_is_better=True, notes=notes
        ),
        Figure(
            "command.sqlite_cpu",
            "µs CPU",
            [seconds * 1e6 for seconds in our_cpu],
            [seconds * 1e6 for seconds in their_cpu],
            target=3,
            notes=["CPU time of the thread per durable command, each meeting on its own"],
        ),
    ]


def run(config: Config) -> list[Figure]:
    quiet_logs()
    registry = load_registry(user_methods=False)
    scenario = record(registry)
    return [memory_figure(config, scenario, registry), *sqlite_figures(config, scenario, registry)]
