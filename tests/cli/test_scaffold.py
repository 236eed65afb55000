"""`intervision new-method` writes a distribution that installs, passes its own tests and
shows up in `intervision methods`: checked in a fresh virtual environment.

No network: the new environment gets intervision, pytest and pydantic from this test
environment through a ``.pth`` file (``--system-site-packages`` would not do: from a
virtual environment it points at the base interpreter's site-packages), and the
project is installed with ``--no-deps --no-build-isolation --no-index``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Invoke = Callable[..., Result]

NAME = "walk-and-talk"


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        args, capture_output=True, text=True, timeout=120, check=False, **kwargs
    )


def test_new_method_writes_a_complete_distribution(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "x"
    result = invoke("new-method", NAME, "--dir", str(target))
    assert result.exit_code == 0, result.output
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert files == [
        ".gitignore",
        "README.md",
        "pyproject.toml",
        "src/intervision_walk_and_talk/__init__.py",
        "tests/test_method.py",
    ]
    pyproject = (target / "pyproject.toml").read_text(encoding="utf-8")
    assert 'name = "intervision-walk-and-talk"' in pyproject
    assert 'walk-and-talk = "intervision_walk_and_talk"' in pyproject
    written = "".join(p.read_text(encoding="utf-8") for p in target.rglob("*.*"))
    assert not re.search(r"__[A-Z]+__", written), "a placeholder was left unfilled"
    assert "intervision check walk-and-talk" in result.output


def test_the_checker_finds_only_the_placeholder_source(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "x"
    assert invoke("new-method", NAME, "--dir", str(target)).exit_code == 0
    result = invoke("check", str(target))
    assert result.exit_code == 1, result.output
    [problem, summary] = result.output.splitlines()
    assert problem.startswith("walk-and-talk:sources[0]: ")
    assert "is a placeholder, not where the method is published" in problem
    assert summary.startswith("1 problem")

    method = target / "src" / "intervision_walk_and_talk" / "__init__.py"
    text = method.read_text(encoding="utf-8")
    cited = text.replace(
        "https://example.org/TODO-where-the-method-is-published", "https://fotoscholing.nl/x"
    )
    method.write_text(cited, encoding="utf-8")
    fixed = invoke("check", str(target))
    assert fixed.exit_code == 0, fixed.output
    assert fixed.output == f"{target}: no problems\n"


def test_a_folder_that_is_not_empty_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("mine", encoding="utf-8")
    result = invoke("new-method", NAME, "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert "already exists and is not empty" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]


def test_the_folder_defaults_to_intervision_name(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("--lang", "nl", "new-method", "quick")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "intervision-quick" / "src" / "intervision_quick" / "__init__.py").is_file()
    assert "Plugin-distributie intervision-quick geschreven in intervision-quick" in result.output


@pytest.mark.parametrize(
    "name", ["Walk", "walk_and_talk", "1walk", "walk--talk", "walk-", "walk-" + "a" * 40]
)
def test_a_name_that_cannot_be_a_method_id_is_refused(invoke: Invoke, name: str) -> None:
    result = invoke("new-method", name, "--dir", "unused")
    assert result.exit_code == 2
    assert "like walk-and-talk" in result.output
    assert not Path("unused").exists()


#: A plugin that cannot even be imported, installed beside the new one: its tests must
#: not care, as they load their own plugin only.
BROKEN_PYPROJECT = """
[build-system]
requires = ["setuptools>=69"]
build-backend = "setuptools.build_meta"

[project]
name = "intervision-broken"
version = "0.1.0"

[project.entry-points.intervision]
broken = "intervision_broken"

[tool.setuptools]
py-modules = ["intervision_broken"]
"""


@pytest.mark.slow
def test_the_distribution_installs_passes_its_tests_and_is_listed(
    invoke: Invoke, tmp_path: Path
) -> None:
    project = tmp_path / "x"
    assert invoke("new-method", NAME, "--dir", str(project)).exit_code == 0
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "pyproject.toml").write_text(BROKEN_PYPROJECT, encoding="utf-8")
    (broken / "intervision_broken.py").write_text(
        'raise RuntimeError("this plugin is broken on purpose")\n', encoding="utf-8"
    )
    venv = tmp_path / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    assert made.returncode == 0, made.stderr
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    new_site = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
    )
    ours = sysconfig.get_paths()["purelib"]
    # addsitedir, not a bare path: our site-packages' own .pth files (the editable
    # install of intervision) must be read too.
    (Path(new_site.stdout.strip()) / "_test_environment.pth").write_text(
        f"import site; site.addsitedir({ours!r})\n", encoding="utf-8"
    )
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
    flags = ["--no-deps", "--no-build-isolation", "--no-index"]
    installed = _run([*pip, *flags, "-e", str(project), "-e", str(broken)])
    assert installed.returncode == 0, installed.stdout + installed.stderr

    # As generated: lint, format and types clean, under the project's settings and
    # under ruff's own defaults. mypy cannot follow this environment's editable
    # install of intervision; the repository's .typing links stand in for the wheel,
    # and, as for an installed wheel, mypy reports the project's own files only
    # (--follow-imports=silent): intervision's untyped dependencies are not the author's.
    repo = Path(__file__).resolve().parents[2]
    for check in (
        ["ruff", "check", "."],
        ["ruff", "check", "--isolated", "."],
        ["ruff", "format", "--check", "."],
        ["ruff", "format", "--check", "--isolated", "."],
        ["mypy", "--follow-imports=silent"],
    ):
        done = _run(
            [str(python), "-m", *check],
            cwd=project,
            env={**os.environ, "MYPYPATH": str(repo / ".typing")},
        )
        assert done.returncode == 0, (check, done.stdout + done.stderr)

    tests = _run([str(python), "-m", "pytest", str(project), "-q", "-p", "no:cacheprovider"])
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "2 passed, 1 xfailed" in tests.stdout  # the xfail: the placeholder source

    listed = _run(
        [str(python), "-c", "from intervision.cli import main; main()", "methods", "--json"]
    )
    assert listed.returncode == 0, listed.stderr
    methods = {entry["id"]: entry for entry in json.loads(listed.stdout)}
    assert methods[NAME]["distribution"] == "intervision-walk-and-talk"
    assert methods[NAME]["plugin"] == NAME
    plugins = _run([str(python), "-c", "from intervision.cli import main; main()", "plugins"])
    assert "this plugin is broken on purpose" in plugins.stdout  # it is there, and broken

    # The test environment itself never saw the new distribution.
    here = _run([sys.executable, "-c", "from intervision.cli import main; main()", "methods"])
    assert NAME not in here.stdout
