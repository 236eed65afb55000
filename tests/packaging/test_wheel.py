"""The wheel installs everything under the ``intervision`` namespace, never top-level.

The repo root keeps ``engine/``, ``plugins/`` and ``cli/`` side by side; ``pyproject.toml``
maps them to ``intervision.engine``, ``intervision.plugins`` and ``intervision.cli``. A
mistake in that mapping ships a top-level ``engine`` package into site-packages, or
leaves a subpackage out, and only a built wheel shows it.

The wheel is built once per session from a copy of the source tree, so that
setuptools' ``build/`` folder (which can carry stale modules into a later wheel) never
lands in, or comes from, the shared working tree. ``--no-isolation`` needs no network:
setuptools and wheel are installed in the test environment.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[2]
NAMESPACE = "intervision"
TOP_LEVEL_FOLDERS = ("engine", "plugins", "cli")
#: Entry point name -> module of every built-in method plugin.
BUILTIN_PLUGINS = {
    name: f"intervision.plugins.{name.replace('-', '_')}"
    for name in (
        "incident",
        "balint",
        "socratic",
        "socratic-dialogue",
        "gossip",
        "ten-steps",
        "troika",
    )
}

_NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".typing",
    ".venv",
    "venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    "tests",
    "*.sqlite3*",
)


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        args, capture_output=True, text=True, timeout=300, check=False, **kwargs
    )


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert (REPO_ROOT / "pyproject.toml").is_file(), REPO_ROOT
    source = tmp_path_factory.mktemp("source") / "intervision"
    shutil.copytree(REPO_ROOT, source, ignore=_NOT_SOURCE)
    outdir = tmp_path_factory.mktemp("wheel")
    built = _run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(outdir),
            str(source),
        ],
        cwd=source,
    )
    assert built.returncode == 0, f"build failed:\n{built.stdout}\n{built.stderr}"
    [found] = outdir.glob("intervision-*.whl")
    return found


@pytest.fixture(scope="session")
def names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def _dist_info_file(wheel: Path, names: list[str], filename: str) -> str:
    [path] = [n for n in names if n.endswith(f".dist-info/{filename}") and n.count("/") == 1]
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(path).decode("utf-8")


@pytest.fixture(scope="session")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("target")
    done = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel),
        ],
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert done.returncode == 0, f"pip failed:\n{done.stdout}\n{done.stderr}"
    return target


def _python_in(target: Path, code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` with ``target`` first on the path, from inside ``target``."""
    env = {k: v for k, v in os.environ.items() if k != "INTERVISION_STRICT_PLUGINS"}
    env["PYTHONPATH"] = str(target)
    return _run([sys.executable, "-c", code], cwd=target, env=env)


# -- the wheel's contents ------------------------------------------------------------


def test_no_top_level_engine_cli_or_plugins(names: list[str]) -> None:
    top_level = {name.split("/")[0] for name in names}
    for folder in TOP_LEVEL_FOLDERS:
        assert folder not in top_level, f"{folder}/ ships as a top-level package"


def test_every_module_is_under_the_namespace(names: list[str]) -> None:
    modules = [name for name in names if name.endswith((".py", ".pyi"))]
    assert modules
    outside = [name for name in modules if not name.startswith(f"{NAMESPACE}/")]
    assert outside == []


def test_the_namespace_is_implicit(names: list[str]) -> None:
    # intervision/ is a namespace package: contrib distributions can add to it
    assert f"{NAMESPACE}/__init__.py" not in names


@pytest.mark.parametrize(
    "path",
    [
        "intervision/engine/__init__.py",
        "intervision/engine/core/registry.py",
        "intervision/engine/storage/__init__.py",
        "intervision/engine/groups/__init__.py",
        "intervision/plugins/__init__.py",
        "intervision/plugins/incident.py",
        "intervision/plugins/balint.py",
        "intervision/plugins/socratic.py",
        "intervision/cli/__init__.py",
    ],
)
def test_package_files_are_present(names: list[str], path: str) -> None:
    assert path in names


def test_every_source_module_is_shipped(names: list[str]) -> None:
    for folder in TOP_LEVEL_FOLDERS:
        for module in (REPO_ROOT / folder).rglob("*.py"):
            if "__pycache__" in module.parts:
                continue
            shipped = f"{NAMESPACE}/{module.relative_to(REPO_ROOT).as_posix()}"
            assert shipped in names, f"{module.relative_to(REPO_ROOT)} is not in the wheel"


def test_the_boards_pages_are_shipped(names: list[str]) -> None:
    """``intervision board`` renders templates and serves its script and style sheet:
    without them in the wheel, the installed command would serve nothing."""
    board = REPO_ROOT / "cli" / "board"
    for folder in ("templates", "static"):
        for asset in (board / folder).iterdir():
            assert f"intervision/cli/board/{folder}/{asset.name}" in names, asset.name


@pytest.mark.parametrize("package", ["engine", "plugins", "cli"])
def test_py_typed_is_shipped(names: list[str], package: str) -> None:
    assert f"intervision/{package}/py.typed" in names


def test_the_community_methods_are_not_in_the_main_wheel(names: list[str]) -> None:
    """Without `pip install ./contrib_methods` the community methods are not there."""
    assert not [n for n in names if "contrib" in n]


def test_no_tests_or_caches_in_the_wheel(names: list[str]) -> None:
    assert not [n for n in names if n.startswith("tests/") or "__pycache__" in n]


def test_console_scripts(wheel: Path, names: list[str]) -> None:
    parser = configparser.ConfigParser(delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read_string(_dist_info_file(wheel, names, "entry_points.txt"))
    scripts = dict(parser["console_scripts"])
    assert scripts == {"intervision": "intervision.cli:main", "intervisie": "intervision.cli:main"}


def test_plugin_entry_points(wheel: Path, names: list[str]) -> None:
    parser = configparser.ConfigParser(delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read_string(_dist_info_file(wheel, names, "entry_points.txt"))
    plugins = dict(parser["intervision"])
    assert plugins == {**BUILTIN_PLUGINS, "builtin-rules": "intervision.plugins.rules"}


def test_metadata(wheel: Path, names: list[str]) -> None:
    metadata = HeaderParser().parsestr(_dist_info_file(wheel, names, "METADATA"))
    assert metadata["Name"] == "intervision"
    assert metadata["Requires-Python"] == ">=3.11"
    requires = " ".join(metadata.get_all("Requires-Dist") or [])
    for dependency in ("pluggy", "transitions", "pydantic", "click", "structlog", "platformdirs"):
        assert dependency in requires


# -- the installed wheel -------------------------------------------------------------


def test_installed_wheel_has_no_top_level_engine(installed: Path) -> None:
    for folder in TOP_LEVEL_FOLDERS:
        assert not (installed / folder).exists()
    proc = _python_in(
        installed,
        "import importlib\n"
        "for name in ('engine', 'cli', 'plugins'):\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ModuleNotFoundError:\n"
        "        continue\n"
        "    raise SystemExit(f'{name} is importable as a top-level package')\n",
    )
    assert proc.returncode == 0, proc.stderr


def test_installed_wheel_imports_from_its_own_folder(installed: Path) -> None:
    proc = _python_in(
        installed,
        "import json, intervision.engine as api, intervision.plugins.incident as incident\n"
        "registry = api.load_registry(strict=True)\n"
        "print(json.dumps({'engine': api.__file__, 'incident': incident.__file__,\n"
        "    'plugins': {p.name: [p.distribution, p.methods, p.errors]\n"
        "                for p in registry.plugins}}))\n",
    )
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    for key in ("engine", "incident"):
        assert Path(found[key]).resolve().is_relative_to(installed.resolve()), found[key]
    ours = {name: info for name, info in found["plugins"].items() if info[0] == "intervision"}
    assert ours == {
        "builtin-rules": ["intervision", [], []],  # rule kinds, no methods
        **{name: ["intervision", [name], []] for name in BUILTIN_PLUGINS},
    }


def test_installed_console_script_target_resolves(installed: Path) -> None:
    proc = _python_in(
        installed,
        "from intervision.cli import main\n"
        "import intervision.cli\n"
        "assert callable(main)\n"
        "print(intervision.cli.__file__)\n",
    )
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()).resolve().is_relative_to(installed.resolve())
