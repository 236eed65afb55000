"""Plugin discovery with extra installed distributions.

N fake distributions are written as ``*.dist-info`` folders (METADATA and
entry_points.txt) beside one tiny module each, in a temporary folder that the
measuring subprocess puts at the front of ``sys.path``. Each module registers one
small valid method (one phase, as a dict, so the engine validates it like any
third-party method) through the ``intervision`` entry point group; the built-in and
contrib methods are installed too and take part on both sides.

Every run is a new subprocess (discovery_child.py) that first imports pluggy and the
engine, untimed, then times one call: ours is ``load_registry(user_methods=False)``,
the baseline ``PluginManager("intervision")`` with the engine's hookspecs and
``load_setuptools_entrypoints("intervision")``. Both import every plugin module cold.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import Config, Figure

CHILD = Path(__file__).with_name("discovery_child.py")

_MODULE = '''"""A fake plugin for the discovery benchmark."""
import pluggy

hookimpl = pluggy.HookimplMarker("intervision")
_ROLES = ("facilitator", "inbrenger", "participant")


@hookimpl
def intervision_methods():
    return [{{
        "id": "bench-fake-{n}",
        "version": "1.0",
        "title": {{"nl": "Nep {n}", "en": "Fake {n}"}},
        "summary": {{"nl": "Een nepmethode.", "en": "A fake method."}},
        "derived": True,
        "fit": {{"minutes": 10}},
        "phases": [{{
            "id": "talk",
            "title": {{"nl": "Praten", "en": "Talk"}},
            "minutes": 10,
            "allowed": {{"participant": ["question"]}},
            "instructions": {{r: {{"nl": "Doe het.", "en": "Do it."}} for r in _ROLES}},
        }}],
    }}]
'''


def make_distributions(folder: Path, count: int) -> None:
    for n in range(count):
        name = f"bench_fake_{n}"
        (folder / f"{name}.py").write_text(_MODULE.format(n=n))
        info = folder / f"{name}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[intervision]\nbench-fake-{n} = {name}\n")
        (info / "top_level.txt").write_text(f"{name}\n")


def _child(mode: str, folder: Path, env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(CHILD), mode, str(folder)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, float] = json.loads(out)
    return result


def run(config: Config) -> list[Figure]:
    count = config.pick(full=100, quick=10)
    runs = config.pick(full=11, quick=3)
    with tempfile.TemporaryDirectory(prefix="intervision-bench-") as tmp:
        folder = Path(tmp) / "site"
        folder.mkdir()
        make_distributions(folder, count)
        env = dict(os.environ)
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
            env[var] = os.path.join(tmp, var.lower())
        env.pop("INTERVISION_PLUGINS", None)
        env["PYTHONDONTWRITEBYTECODE"] = "1"  # every run imports the fake modules cold
        first = _child("ours", folder, env), _child("pluggy", folder, env)  # warm the file cache
        if first[0]["plugins"] != first[1]["plugins"]:
            raise RuntimeError(f"the two sides loaded different plugins: {first}")
        ours, base = [], []
        for _ in range(runs):
            ours.append(_child("ours", folder, env)["ms"])
            base.append(_child("pluggy", folder, env)["ms"])
    note = f"{count} extra distributions, {int(first[0]['plugins'])} plugins on each side"
    return [Figure("discovery.plugins", "ms", ours, base, target=1.5, notes=[note])]
