"""Cold start of whole processes: ``intervision --help`` and ``intervision methods``.

Each run starts a new interpreter, ours and the baseline's alternating, so drift on
the machine hits both alike. One unmeasured run of each first fills the OS file
cache and writes the ``.pyc`` files: "cold" means a new process, not a cold disk.
The user's config and data folders point at an empty temporary folder, so no user
methods or settings take part.

``intervision methods`` prints its listing from a cache (``cli/methods_cache.py``)
once a run has written it. Two figures, each against a baseline that does what it
does at least:

- ``startup.methods``, the cached listing (the warm-up run wrote the cache): against
  ``import click`` and reading the cached file, which is all a cache hit has to do;
- ``startup.methods_cold``, the cache emptied before every run, so each run loads and
  validates every plugin (and writes the cache), as the first listing after a change
  does: against importing click, pluggy, ``importlib.metadata`` and pydantic's
  ``BaseModel``, what any loader of pydantic-declared plugins imports.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Config, Figure

PYTHON = sys.executable
CLI = str(Path(sys.executable).with_name("intervision"))

HELP_BASELINE = "import click"
METHODS_BASELINE = "import click, pluggy, importlib.metadata; from pydantic import BaseModel"
#: What a cache hit must do at least: start, import click, read the file.
CACHED_BASELINE = "import click, sys; open(sys.argv[1], encoding='utf-8').read()"


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


def _pair(name: str, ours: list[str], baseline: list[str], runs: int) -> Figure:
    with tempfile.TemporaryDirectory(prefix="intervision-bench-") as home:
        env = _clean_env(home)
        _seconds(ours, env), _seconds(baseline, env)  # warm the file cache and .pyc files
        mine: list[float] = []
        theirs: list[float] = []
        for _ in range(runs):
            mine.append(_seconds(ours, env) * 1000)
            theirs.append(_seconds(baseline, env) * 1000)
    return Figure(name, "ms", mine, theirs, target=1.3)


def _methods(runs: int) -> list[Figure]:
    """The cached listing against reading the cache; the cold one against the imports."""
    with tempfile.TemporaryDirectory(prefix="intervision-bench-") as home:
        env = _clean_env(home)
        cache = Path(env["XDG_CACHE_HOME"])
        _seconds([CLI, "methods"], env)  # writes the cache; warms the .pyc files
        [cached] = list(cache.rglob("methods-*.json"))
        hit = [PYTHON, "-c", CACHED_BASELINE, str(cached)]
        imports = [PYTHON, "-c", METHODS_BASELINE]
        _seconds(hit, env), _seconds(imports, env)
        warm, read, cold, loaders = [], [], [], []
        for _ in range(runs):
            warm.append(_seconds([CLI, "methods"], env) * 1000)
            read.append(_seconds(hit, env) * 1000)
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(_seconds([CLI, "methods"], env) * 1000)  # writes the cache again
            loaders.append(_seconds(imports, env) * 1000)
    return [
        Figure("startup.methods", "ms", warm, read, target=1.3),
        Figure("startup.methods_cold", "ms", cold, loaders, target=1.3),
    ]


def run(config: Config) -> list[Figure]:
    runs = config.pick(full=15, quick=3)
    return [
        _pair("startup.help", [CLI, "--help"], [PYTHON, "-c", HELP_BASELINE], runs),
        *_methods(runs),
    ]
