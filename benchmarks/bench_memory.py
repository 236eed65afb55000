"""Memory per live meeting, and a full garbage collection with the meetings alive.

A live meeting in an engine is its journal rows (a :class:`MemoryJournal` keeps the
JSON each event encodes to, as SQLite would) plus the cached :class:`MeetingState`.
Every meeting is the first 20 events of the recorded full meeting (mid-method),
under its own id, decoded from its own JSON text, appended and replayed into the
engine's cache. Two baselines: the same events as plain dicts from ``json.loads``
(``memory.meeting``), and as their JSON text, one string an event
(``memory.meeting_text``), which is what a store keeps and the least a process can
hold a meeting in. Memory is what ``tracemalloc`` sees still allocated afterwards,
divided by the number of meetings; the collection is timed without tracemalloc.
"""

from __future__ import annotations

import gc
import json
import time
import tracemalloc
from typing import Any

from common import Config, Figure
from scenario import MEETING_ID, quiet_logs, record

from intervision.engine import (
    Engine,
    MemoryJournal,
    Registry,
    decode_event,
    encode_event,
    load_registry,
)

EVENTS = 20


def _rows(registry: Registry) -> list[str]:
    scenario = record(registry)
    journal = MemoryJournal()
    scenario.replay(Engine(journal, registry), MEETING_ID)
    rows = [encode_event(event) for event in journal.load(MEETING_ID)[:EVENTS]]
    state = Engine(_journal_with(rows), registry).state(MEETING_ID)
    assert state.frame == "method", f"20 events end in {state.frame}, not mid-method"
    return rows


def _journal_with(rows: list[str]) -> MemoryJournal:
    journal = MemoryJournal()
    journal.append(MEETING_ID, 0, [decode_event(MEETING_ID, v, r) for v, r in enumerate(rows, 1)])
    return journal


def _own_rows(rows: list[str], n: int) -> list[str]:
    meeting_id = f"m-{n:06d}"
    return [raw.replace(MEETING_ID, meeting_id) for raw in rows]


def build_ours(rows: list[str], registry: Registry, meetings: int) -> Engine:
    engine = Engine(MemoryJournal(), registry)
    for n in range(meetings):
        meeting_id = f"m-{n:06d}"
        events = [decode_event(meeting_id, v, r) for v, r in enumerate(_own_rows(rows, n), 1)]
        engine.journal.append(meeting_id, 0, events)
        del events
        engine.state(meeting_id)
    return engine


def build_baseline(rows: list[str], meetings: int) -> dict[str, list[dict[str, Any]]]:
    return {f"m-{n:06d}": [json.loads(r) for r in _own_rows(rows, n)] for n in range(meetings)}


def build_text(rows: list[str], meetings: int) -> dict[str, list[str]]:
    """Each meeting's own strings: ``str.replace`` gives back the very same object for a
    row without the meeting's id, which would let all meetings share one."""
    return {
        f"m-{n:06d}": [raw.encode().decode() for raw in _own_rows(rows, n)] for n in range(meetings)
    }


def _bytes_per_meeting(build: Any, meetings: int) -> float:
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = build()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return (after - before) / meetings


def _tracked_per_meeting(build: Any, meetings: int) -> float:
    """Objects the collector tracks (and so visits on every full collection) per meeting."""
    gc.collect()
    before = len(gc.get_objects())
    kept = build()
    gc.collect()  # untracks the tuples and dicts that hold only atoms, as CPython does
    after = len(gc.get_objects())
    del kept
    gc.collect()
    return (after - before) / meetings


def _gc_ms(build: Any, runs: int) -> list[float]:
    kept = build()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        gc.collect()
        times.append((time.perf_counter() - t0) * 1000)
    del kept
    gc.collect()
    return times


def run(config: Config) -> list[Figure]:
    quiet_logs()
    registry = load_registry(user_methods=False)
    rows = _rows(registry)
    meetings = config.pick(full=10_000, quick=200)
    runs = config.pick(full=3, quick=2)

    def ours() -> Engine:
        return build_ours(rows, registry, meetings)

    def baseline() -> dict[str, list[dict[str, Any]]]:
        return build_baseline(rows, meetings)

    mine = [_bytes_per_meeting(ours, meetings) / 1024 for _ in range(runs)]
    theirs = [_bytes_per_meeting(baseline, meetings) / 1024 for _ in range(runs)]
    text = [
        _bytes_per_meeting(lambda: build_text(rows, meetings), meetings) / 1024 for _ in range(runs)
    ]
    gc_runs = config.pick(full=7, quick=3)
    floor = sorted(_gc_ms(lambda: None, gc_runs))[gc_runs // 2]
    process = len(gc.get_objects())
    tracked = _tracked_per_meeting(ours, meetings), _tracked_per_meeting(baseline, meetings)
    note = f"{meetings:,} meetings of {EVENTS} events"
    return [
        Figure("memory.meeting", "KiB", mine, theirs, target=2, notes=[note]),
        Figure(
            "memory.meeting_text",
            "KiB",
            mine,
            text,
            target=2,
            notes=[f"{note}; baseline: the events' JSON text, one str an event"],
        ),
        Figure(
            "memory.gc",
            "ms",
            _gc_ms(ours, gc_runs),
            _gc_ms(baseline, gc_runs),
            target=20,
            absolute=True,
            notes=[
                f"gc.collect() with {note} alive; {floor:.1f} ms with none (the process's "
                f"own {process:,} tracked objects)",
                f"tracked objects a meeting: ours {tracked[0]:.1f}, baseline {tracked[1]:.1f}",
            ],
        ),
    ]
