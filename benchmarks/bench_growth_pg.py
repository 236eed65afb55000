"""A host's group history on PostgreSQL as the database grows, up to 100,000 meetings.

The same stores as ``bench_growth.py`` (closed meetings of about 60 events, the
target group's 60 among groups of 50), on a throwaway PostgreSQL cluster started
for the run as the tests start theirs (``tests/postgres_cluster.py``: ``initdb``
into a temporary folder, a Unix socket only, ``fsync=off``). At every size a fresh
engine (nothing cached) reads the target group's history; the figure is the
largest size against the smallest, and the largest on its own against 50 ms.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from common import Config, Figure, spread
from scenario import quiet_logs
from store_builder import TARGET, StoreFiller, template

from intervision.engine import Engine, load_registry
from intervision.engine.storage import open_journal

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import postgres_cluster


def _history_ms(url: str, registry: object) -> float:
    from intervision.engine.groups import group_history

    journal = open_journal(url)
    try:
        engine = Engine(journal, registry)  # type: ignore[arg-type]
        t0 = time.perf_counter()
        history = group_history(engine, TARGET)
        ms = (time.perf_counter() - t0) * 1000
    finally:
        journal.close()
    assert len(history) >= 60, len(history)
    return ms


def run(config: Config) -> list[Figure]:
    quiet_logs()
    registry = load_registry(user_methods=False)
    sizes = [60, 120] if config.quick else [100, 1_000, 5_000, 20_000, 100_000]
    wanted = os.environ.get("INTERVISION_BENCH_PG_SIZES", "")
    sizes = [int(s) for s in wanted.split(",") if s] or sizes
    runs = config.pick(full=5, quick=2)
    bindir = postgres_cluster.find_bindir()
    if bindir is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    cluster = postgres_cluster.Cluster(bindir)
    by_size: dict[int, list[float]] = {}
    notes = []
    try:
        url = postgres_cluster.new_database(cluster.start())
        filler = StoreFiller(url, template(registry))
        for size in sizes:
            t0 = time.perf_counter()
            filler.fill(size)
            notes.append(f"{size:,}: filled in {time.perf_counter() - t0:.0f} s")
            warm = _history_ms(url, registry)
            many = runs if warm < 2000 else min(runs, 3)
            by_size[size] = [_history_ms(url, registry) for _ in range(many)]
            print(f"  {size:>7,} meetings on PostgreSQL: {spread(by_size[size], 'ms')}", flush=True)
    finally:
        cluster.stop()
    smallest, largest = sizes[0], sizes[-1]
    table = "; ".join(f"{size:,}: {spread(times, 'ms')}" for size, times in by_size.items())
    return [
        Figure(
            "growth.pg_history",
            "ms",
            by_size[largest],
            by_size[smallest],
            1.3,
            notes=[table, f"ours: {largest:,} meetings; baseline: {smallest:,}", *notes],
        ),
        Figure(
            "growth.pg_history_largest",
            "ms",
            by_size[largest],
            by_size[smallest],
            50,
            absolute=True,
            notes=[f"one group's history with {largest:,} meetings in the database"],
        ),
    ]
