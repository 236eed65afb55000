"""The performance figures of issues #8 and #15: ``python benchmarks/run.py [--quick]``.

Every figure is a ratio against a baseline measured in the same run, on the same
machine: the median of several runs, with min and max. ``--quick`` uses few
repetitions and small sizes; it proves the benchmarks still run (CI) and its
figures mean little. The exit code is 0 when every figure ran, PASS or MISS;
``--strict`` makes a MISS exit 1.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_board
import bench_command
import bench_discovery
import bench_growth
import bench_growth_pg
import bench_host_memory
import bench_live
import bench_memory
import bench_oneshot
import bench_resume
import bench_startup
from common import Config, Figure, FigureRun, table

#: Groups of figures, in the order they run; ``--only`` takes a group or a figure name.
GROUPS: dict[str, tuple[FigureRun, tuple[str, ...]]] = {
    "startup": (bench_startup.run, ("startup.help", "startup.methods", "startup.methods_cold")),
    "command": (bench_command.run, ("command.memory", "command.sqlite", "command.sqlite_cpu")),
    "memory": (bench_memory.run, ("memory.meeting", "memory.meeting_text", "memory.gc")),
    "resume": (bench_resume.run, ("resume.sqlite",)),
    "discovery": (bench_discovery.run, ("discovery.plugins",)),
    "oneshot": (bench_oneshot.run, ("oneshot.stack", "oneshot.status", "oneshot.do")),
    "host": (bench_host_memory.run, ("memory.host",)),
    "live": (bench_live.run, ("live.pg", "live.sqlite", "outage.pg")),
    "growth": (
        bench_growth.run,
        (
            "growth.meetings",
            "growth.group_show",
            "growth.status_opening",
            "growth.status_case_choice",
            "growth.status_method",
            "growth.report",
            "growth.history",
        ),
    ),
    "growth_pg": (bench_growth_pg.run, ("growth.pg_history", "growth.pg_history_largest")),
    "board": (
        bench_board.run,
        ("board.tap_p50", "board.tap_p99", "board.first_load", "board.join"),
    ),
}
FIGURES = [name for _, names in GROUPS.values() for name in names]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few runs, small sizes (CI)")
    parser.add_argument(
        "--only", action="append", metavar="NAME", help=f"a group or figure: {', '.join(GROUPS)}"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    wanted = set(args.only or GROUPS)
    unknown = wanted - set(GROUPS) - set(FIGURES)
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(sorted(unknown))}; known: {FIGURES}")

    config = Config(quick=args.quick)
    print(
        f"intervision benchmarks ({'quick' if args.quick else 'full'} mode), "
        f"{datetime.date.today()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.machine()} {platform.system()}"
    )
    figures: list[Figure] = []
    started = time.perf_counter()
    for group, (run, names) in GROUPS.items():
        if group not in wanted and not wanted & set(names):
            continue
        for figure in run(config):
            if group in wanted or figure.name in wanted:
                figures.append(figure)
                cells = figure.cells()
                print(
                    f"{cells[0]:<18} ours {cells[1]:<30} baseline {cells[2]:<30} "
                    f"ratio {cells[3]:<7} target {cells[4]:<18} {cells[5]}",
                    flush=True,
                )
                for note in figure.notes:
                    print(f"{'':<18} {note}")
    print(f"\n{table(figures)}\n")
    missed = [f.name for f in figures if not f.passed]
    print(
        f"{len(figures)} figures in {time.perf_counter() - started:.0f} s; "
        f"missed: {', '.join(missed) or 'none'}"
    )
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
