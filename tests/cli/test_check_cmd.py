"""`intervision check`: every problem of a method or a plugin, one line each, and an exit
code a script can act on."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Invoke = Callable[..., Result]

BAD_TOML = """
id = "draft"
version = "1.0"
derived = true
title = { nl = "Concept", en = "Draft" }
summary = { nl = "Een concept.", en = "A draft." }
fit = { minutes = 60, leervraag_kinds = ["gossip"] }

[[phases]]
id = "tell"
title = { nl = "Vertellen", en = "Telling" }
minutes = 10
rules = [{ kind = "max_words" }]
instructions.facilitator = { nl = "Geef het woord.", en = "Give the floor." }
instructions.inbrenger = { nl = "Vertel.", en = "Vertel." }
"""

GOOD_PLUGIN = """
from intervision.engine import Fit, MethodSpec, PhaseSpec, Text, hookimpl

ROLES = ("facilitator", "inbrenger", "participant")


def phase(phase_id: str) -> PhaseSpec:
    return PhaseSpec(
        id=phase_id,
        title=Text(nl=phase_id, en=phase_id),
        minutes=10,
        instructions={r: Text(nl=f"De {r} luistert.", en=f"The {r} listens.") for r in ROLES},
    )


@hookimpl
def intervision_methods():
    return [
        MethodSpec(
            id="folder-method",
            version="1.0",
            derived=True,
            title=Text(nl="Map", en="Folder"),
            summary=Text(nl="Uit een map.", en="From a folder."),
            fit=Fit(minutes=45),
            phases=(phase("one"), phase("two")),
        )
    ]
"""

PYPROJECT = """
[project]
name = "intervision-folder"
version = "0.1.0"
dependencies = ["intervision"]

[project.entry-points.intervision]
folder-method = "intervision_folder_good"
broken = "intervision_folder_broken"
missing = "intervision_folder_missing:plugin"
"""


@pytest.fixture
def bad_toml(tmp_path: Path) -> Path:
    path = tmp_path / "draft.toml"
    path.write_text(BAD_TOML, encoding="utf-8")
    return path


@pytest.fixture
def distribution(tmp_path: Path) -> Path:
    """A plugin distribution that is not installed: src layout, one good plugin, one
    that fails on import and one whose module is not there."""
    folder = tmp_path / "intervision-folder"
    (folder / "src").mkdir(parents=True)
    (folder / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (folder / "src" / "intervision_folder_good.py").write_text(GOOD_PLUGIN, encoding="utf-8")
    (folder / "src" / "intervision_folder_broken.py").write_text(
        "raise RuntimeError('half written')\n", encoding="utf-8"
    )
    return folder


def test_an_installed_method_has_no_problems(invoke: Invoke) -> None:
    result = invoke("check", "incident", "troika")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["incident: no problems", "troika: no problems"]


def test_a_bad_toml_file_lists_every_problem_with_its_location(
    invoke: Invoke, bad_toml: Path
) -> None:
    result = invoke("check", str(bad_toml))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    at = f"{bad_toml}:"
    assert [line.split(": ")[0] for line in lines[:-1]] == [
        f"{at}fit.leervraag_kinds[0]",
        f"{at}phases[0] (tell).instructions.participant",
        f"{at}phases[0] (tell).instructions.inbrenger",
        f"{at}phases[0] (tell).rules[0]",
        f"{at}fit.minutes",
    ]
    assert "unknown rule kind 'max_words'" in result.output
    assert lines[-1] == "5 problems in 1 of the 1 targets checked."


def test_problems_are_told_in_dutch(invoke: Invoke, bad_toml: Path) -> None:
    result = invoke("--lang", "nl", "check", str(bad_toml), "incident")
    assert result.exit_code == 1
    assert "onbekende regelsoort 'max_words'" in result.output
    assert "incident: geen problemen" in result.output
    assert "in 1 van de 2 gecontroleerde doelen" in result.output


def test_a_distribution_folder_is_checked_without_installing_it(
    invoke: Invoke, distribution: Path
) -> None:
    result = invoke("check", str(distribution))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(
        "entry point broken (intervision_folder_broken): cannot be imported: "
        "RuntimeError: half written"
    )
    assert lines[1].startswith(
        "entry point missing (intervision_folder_missing:plugin): cannot be imported: "
        "ModuleNotFoundError"
    )
    assert lines[2].startswith("folder-method:fit.minutes: the phases add up to 20 minutes")
    assert len(lines) == 4
    assert "intervision_folder_good" not in sys.modules
    assert str(distribution / "src") not in sys.path


def test_a_fixed_distribution_has_no_problems(invoke: Invoke, distribution: Path) -> None:
    pyproject = distribution / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(text.split("broken =")[0], encoding="utf-8")
    good = distribution / "src" / "intervision_folder_good.py"
    good.write_text(good.read_text(encoding="utf-8").replace("minutes=45", "minutes=20"))
    result = invoke("check", str(distribution))
    assert result.exit_code == 0, result.output
    assert result.output == f"{distribution}: no problems\n"


def test_json_gives_every_target_with_its_problems(invoke: Invoke, bad_toml: Path) -> None:
    result = invoke("check", "--json", "incident", str(bad_toml), "no-such-method")
    assert result.exit_code == 2
    data = json.loads(result.output)
    assert [entry["target"] for entry in data] == ["incident", str(bad_toml), "no-such-method"]
    assert data[0] == {"target": "incident", "found": True, "ok": True, "problems": []}
    assert data[1]["ok"] is False
    assert len(data[1]["problems"]) == 5
    problem = data[1]["problems"][-1]
    assert set(problem) == {"where", "message", "nl"}
    assert problem["where"] == f"{bad_toml}:fit.minutes"
    assert problem["nl"].startswith("de fasen duren samen 10 minuten")
    assert data[2]["found"] is False
    # An error never repeats what was typed; the target says which one it is about.
    assert "not an installed method or plugin" in data[2]["error"]


def test_a_target_that_is_not_there_exits_2(invoke: Invoke) -> None:
    result = invoke("check", "no-such-method", "incident")
    assert result.exit_code == 2
    assert "no-such-method: not found:" in result.output
    assert "incident: no problems" in result.output
