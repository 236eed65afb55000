"""The installed ``intervision`` script on a real standard input, in its own process.

CliRunner swaps streams inside one interpreter; this is the check that a pipe, a
real end of input and a real SQLite file across processes behave the same.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fresh_process import main_in_a_fresh_process

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent


def _script(name: str) -> Path:
    path = BIN / name
    assert path.exists(), f"the console script {name} is not installed next to {sys.executable}"
    return path


def _run(args: list[str], store: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTERVISION_")}
    env.update(LANG="C.UTF-8", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [str(_script("intervision")), "--store", str(store), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_a_whole_meeting_then_an_interrupted_one_resumed(tmp_path: Path, incident) -> None:
    store = tmp_path / "x.sqlite3"

    whole = _run(["-vv", "--lang", "nl", "run", *incident.members], store, incident.whole)
    assert whole.returncode == 0, whole.stderr
    assert "De bijeenkomst is afgesloten." in whole.stdout
    for planted in incident.planted:
        assert planted not in whole.stderr, planted

    cut = _run(["--lang", "en", "run", *incident.members], store, incident.lines(incident.opening))
    assert cut.returncode == 0, cut.stderr
    assert "End of input." in cut.stderr
    match = re.search(r"intervision run --resume (\S+)", cut.stdout)
    assert match, cut.stdout
    meeting_id = match.group(1)
    assert "Traceback" not in cut.stderr

    resumed = _run(["run", "--resume", meeting_id], store, incident.lines(incident.rest))
    assert resumed.returncode == 0, resumed.stderr
    assert "Phase 4/5 · Advice round" in resumed.stdout
    assert "The meeting is closed." in resumed.stdout

    listed = _run(["meetings", "--json"], store)
    assert listed.returncode == 0, listed.stderr
    meetings = {m["id"]: m for m in json.loads(listed.stdout)}
    assert len(meetings) == 2
    assert meetings[meeting_id]["closed"] is True
    assert all(m["closed"] for m in meetings.values())
    assert "GEHEIM" not in listed.stdout


def test_help_loads_neither_the_engine_nor_its_dependencies() -> None:
    result = main_in_a_fresh_process(
        ["--help"],
        after=(
            "heavy = ('pydantic', 'structlog', 'transitions', 'rich', 'intervision.engine')\n"
            "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
        ),
    )
    assert result.stderr.strip() == "[]"
    assert "intervision run" in result.stdout


def test_the_dutch_alias_is_the_same_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            str(_script("intervisie")),
            "--store",
            str(tmp_path / "x.sqlite3"),
            "--lang",
            "nl",
            "methods",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Incidentmethode" in result.stdout
