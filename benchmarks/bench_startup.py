"""Cold start of whole processes: ``intervision --help`` and ``intervision methods``.

Each run starts a new interpreter, ours and the baseline's alternating, so drift on
the machine hits both alike. One unmeasured run of each first fills the OS file
cache and writes the ``.pyc`` files: "cold" means a new process, not a cold disk.
The user's config and data folders point at an empty temporary folder, so no user
methods or settings take part.

``intervision methods`` prints its listing from a cache (``cli/methods_cache.py``)
once a run has written it: the warm-up run does, so the figure is the cached listing.
The note gives the cold figure too: the cache emptied before every run, so each run
loads every plugin (and writes the cache), as the first listing after a change does.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Config, Figure, spread

PYTHON = sys.executable
CLI = str(Path(sys.executable).with_name("intervision"))

HELP_BASELINE = "import click"
METHODS_BASELINE = "import click, pluggy, importlib.metadata; from pydantic import BaseModel"


def _clean_env(home: str) -> dict[str, str]:
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = os.path.join(home, var.lower())
    env.pop("INTERVISION_PLUGINS", None)
    env.pop("INTERVISION_STORE", None)
    env.pop("INTERVISION_CACHE_DIR", None)
    return env


def _seconds(argv: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def _pair(name: str, ours: list[str], baseline: list[str], runs: int, cold: bool = False) -> Figure:
    with tempfile.TemporaryDirectory(prefix="intervision-bench-") as home:
        env = _clean_env(home)
        _seconds(ours, env), _seconds(baseline, env)  # warm the file cache and .pyc files
        mine: list[float] = []
        theirs: list[float] = []
        empty: list[float] = []
        for _ in range(runs):
            mine.append(_seconds(ours, env) * 1000)
            theirs.append(_seconds(baseline, env) * 1000)
            if cold:
                shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
                empty.append(_seconds(ours, env) * 1000)
                # (that run writes the cache again, for the next warm run)
    figure = Figure(name, "ms", mine, theirs, target=1.3)
    if empty:
        ratio = statistics.median(empty) / statistics.median(theirs)
        figure.notes.append(
            f"cold, the cache emptied before every run: {spread(empty, 'ms')}, {ratio:.2f}x"
        )
    return figure


def run(config: Config) -> list[Figure]:
    runs = config.pick(full=15, quick=3)
    return [
        _pair("startup.help", [CLI, "--help"], [PYTHON, "-c", HELP_BASELINE], runs),
        _pair(
            "startup.methods", [CLI, "methods"], [PYTHON, "-c", METHODS_BASELINE], runs, cold=True
        ),
    ]
