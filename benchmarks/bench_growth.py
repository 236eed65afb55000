"""What a command costs as the store grows: the same command on 100 and on 20,000 meetings.

One SQLite store grows through the sizes (closed meetings of about 60 events, see
``store_builder.py``): a target group with 60 closed meetings and three open ones
(at the opening, the case choice and in the method), and groups of 50 meetings
each for the rest. At every size each command runs as its own process, as a
facilitator types it (``intervision ...`` with the store in ``INTERVISION_STORE``),
and a host's ``group_history`` of the target group runs in this process on a fresh
engine (the journal open, nothing cached). The figure is the median at the largest
size against the median at the smallest, in the same run, in CPU time (user and
system, from ``getrusage``): on a machine shared with other work the wall time
swings with the load; the notes give it too, for every size.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import Config, Figure, spread
from scenario import quiet_logs
from store_builder import TARGET, StoreFiller, template

from intervision.engine import Engine, Journal, Registry, load_registry
from intervision.engine.storage import open_journal

CLI = str(Path(sys.executable).with_name("intervision"))


def _env(home: str, store: str) -> dict[str, str]:
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = os.path.join(home, var.lower())
    env.pop("INTERVISION_PLUGINS", None)
    env.pop("INTERVISION_CACHE_DIR", None)
    env.pop("INTERVISION_KEY", None)
    env.pop("INTERVISION_KEY_FILE", None)
    # A user's installed commands run from cached bytecode: a shell that says
    # PYTHONDONTWRITEBYTECODE would make every run compile the package again (about a
    # third of a one-shot command's CPU), which measures the shell, not the command.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["INTERVISION_STORE"] = store
    env["INTERVISION_LANG"] = "en"
    return env


def _has_limit(env: dict[str, str]) -> bool:
    """Whether ``intervision meetings`` takes ``--limit`` (the code before issue 16 did not)."""
    out = subprocess.run([CLI, "meetings", "--help"], env=env, capture_output=True, text=True)
    return "--limit" in out.stdout


def _process_ms(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """The CPU time (user and system) and the wall time of one process, in ms."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = (time.perf_counter() - t0) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return cpu, wall


def _history_ms(store: str, registry: Registry) -> tuple[float, float]:
    from intervision.engine.groups import group_history

    journal: Journal = open_journal(store)
    try:
        engine = Engine(journal, registry)
        t0, c0 = time.perf_counter(), time.process_time()
        history = group_history(engine, TARGET)
        cpu, wall = (time.process_time() - c0) * 1000, (time.perf_counter() - t0) * 1000
    finally:
        journal.close()
    assert len([r for r in history if r.closed_at is not None]) >= 60, len(history)
    return cpu, wall


def commands(env: dict[str, str], opened: dict[str, str]) -> dict[str, list[str]]:
    listing = ["meetings", "--limit", "50"] if _has_limit(env) else ["meetings"]
    return {
        "growth.meetings": [CLI, *listing],
        "growth.group_show": [CLI, "group", "show", TARGET],
        "growth.status_opening": [CLI, "meeting", "status", opened["opening"]],
        "growth.status_case_choice": [CLI, "meeting", "status", opened["case_choice"]],
        "growth.status_method": [CLI, "meeting", "status", opened["method"]],
        "growth.report": [CLI, "report", TARGET, "--for", "organisation"],
    }


def run(config: Config) -> list[Figure]:
    quiet_logs()
    registry = load_registry(user_methods=False)
    sizes = [60, 120] if config.quick else [100, 1_000, 5_000, 20_000]
    sizes = [int(s) for s in os.environ.get("INTERVISION_BENCH_SIZES", "").split(",") if s] or sizes
    runs = config.pick(full=5, quick=2)
    made = template(registry)
    results: dict[str, dict[int, list[float]]] = {}
    build_notes = []
    with tempfile.TemporaryDirectory(prefix="intervision-bench-") as home:
        store = str(Path(home) / "growth.sqlite")
        filler = StoreFiller(store, made)
        filler.fill(60)
        opened = filler.open_meetings()
        env = _env(home, store)
        argvs = commands(env, opened)
        for size in sizes:
            t0 = time.perf_counter()
            filler.fill(size)
            build_notes.append(f"{size:,}: filled in {time.perf_counter() - t0:.0f} s")
            timed: dict[str, Callable[[], tuple[float, float]]] = {
                name: (lambda argv=argv: _process_ms(argv, env)) for name, argv in argvs.items()
            }
            timed["growth.history"] = lambda: _history_ms(store, registry)
            for name, step in timed.items():
                warm = step()[1]  # the page cache and the .pyc files
                # A command of seconds (a store read whole) runs 3 times, not more.
                many = runs if warm < 2000 else min(runs, 3)
                results.setdefault(name, {})[size] = [step() for _ in range(many)]
            print(
                f"  {size:>7,} meetings, CPU: "
                + ", ".join(
                    f"{name.removeprefix('growth.')} {spread(_cpu(times[size]), 'ms')}"
                    for name, times in results.items()
                ),
                flush=True,
            )
    smallest, largest = sizes[0], sizes[-1]
    figures = []
    for name, by_size in results.items():
        notes = [
            "CPU " + "; ".join(f"{n:,}: {spread(_cpu(t), 'ms')}" for n, t in by_size.items()),
            "wall " + "; ".join(f"{n:,}: {spread(_wall(t), 'ms')}" for n, t in by_size.items()),
            f"ours: {largest:,} closed meetings in the store; baseline: {smallest:,}",
        ]
        if name == "growth.meetings":
            notes.append(f"listing: {' '.join(argvs[name][1:])}")
        ours, base = _cpu(by_size[largest]), _cpu(by_size[smallest])
        figures.append(Figure(name, "ms CPU", ours, base, 1.3, notes=notes))
    figures[0].notes.append("store: " + "; ".join(build_notes))
    return figures


def _cpu(runs: list[tuple[float, float]]) -> list[float]:
    return [cpu for cpu, _ in runs]


def _wall(runs: list[tuple[float, float]]) -> list[float]:
    return [wall for _, wall in runs]
