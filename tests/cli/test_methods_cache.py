"""``intervision methods`` from its cache: the same listing, and never a stale one.

Every case runs the installed ``intervision`` script in new processes, as a user
would, with its own cache folder (``INTERVISION_CACHE_DIR``, from the autouse
fixture). Python's import timings on stderr (``PYTHONPROFILEIMPORTTIME``) tell
whether a run loaded the plugins or printed the cached listing. Files the cache
should trust are dated a minute back (:func:`settle`): a file changed within the
last two seconds is never trusted, which one case checks on its own.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

CLI = str(Path(sys.executable).with_name("intervision"))
BUILTIN = ("incident", "balint", "socratic", "gossip", "ten-steps", "troika")
CONTRIB = ("wise-crowds", "imi", "reflection")

# A third-party plugin module: one method whose title is the module's TITLE.
WALK = """
from intervision.engine import hookimpl

TITLE = {title!r}


@hookimpl
def intervision_methods():
    return [{{
        "id": "walk", "version": "1.0", "derived": True,
        "title": {{"nl": TITLE, "en": TITLE}},
        "summary": {{"nl": "Lopend overleg.", "en": "Talking while walking."}},
        "fit": {{"minutes": 30}},
        "phases": [{{"id": "walk", "title": {{"nl": "Lopen", "en": "Walk"}}, "minutes": 30}}],
    }}]
"""

TOML = """
id = "{id}"
version = "1.0"
derived = true
title = {{ nl = "{title}", en = "{title}" }}
summary = {{ nl = "Kort.", en = "Short." }}
fit = {{ minutes = {minutes} }}

[[phases]]
id = "tell"
title = {{ nl = "Vertellen", en = "Telling" }}
minutes = 5
"""


@dataclass(frozen=True)
class Listing:
    code: int
    stdout: str
    #: stderr without the import timings: what the user sees.
    stderr: str
    #: Whether the run loaded the method specs (and so the plugins) rather than the cache.
    loaded: bool
    #: Every module the run imported with an import statement (what -X importtime shows).
    imported: frozenset[str]

    def row(self, method_id: str) -> str:
        found = [
            line
            for line in self.stdout.splitlines()
            if line.startswith("  ") and line.split()[:1] == [method_id]
        ]
        assert len(found) == 1, self.stdout
        return found[0]

    def ids(self) -> set[str]:
        return {m["id"] for m in json.loads(self.stdout)}


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The test's own folders; a ``site`` folder on ``PYTHONPATH`` for fake plugins."""
    site = tmp_path / "site"
    site.mkdir()
    values = {k: v for k, v in os.environ.items() if not k.startswith("INTERVISION_")}
    values.update(
        {
            "INTERVISION_CACHE_DIR": str(tmp_path / "cache"),
            "INTERVISION_METHODS_DIR": str(tmp_path / "methods"),
            "PYTHONPATH": str(site),
            # No __pycache__ in the fake plugin's folder: its mtime would move.
            "PYTHONDONTWRITEBYTECODE": "1",
            "LANG": "C.UTF-8",
        }
    )
    (tmp_path / "methods").mkdir()
    (tmp_path / "work").mkdir()
    settle(tmp_path)
    return values


def methods(env: dict[str, str], *args: str, expect: int = 0) -> Listing:
    cwd = Path(env["PYTHONPATH"]).parent / "work"
    proc = subprocess.run(
        [CLI, "--lang", "en", *args],
        env={**env, "PYTHONPROFILEIMPORTTIME": "1"},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = proc.stderr.splitlines()
    timings = {line.rsplit("|", 1)[-1].strip() for line in lines if line.startswith("import time")}
    shown = "".join(f"{line}\n" for line in lines if not line.startswith("import time"))
    assert proc.returncode == expect, shown
    loaded = "intervision.engine.core.specs" in timings
    return Listing(proc.returncode, proc.stdout, shown, loaded, frozenset(timings))


def settle(*paths: Path, age: float = 60) -> None:
    """Date the files and folders a minute back, as files not touched for a while are."""
    then = time.time() - age
    for path in paths:
        for item in [path, *path.rglob("*")] if path.is_dir() else [path]:
            os.utime(item, (then, then))


def install_walk(env: dict[str, str], title: str = "Walk and talk") -> Path:
    """A third-party distribution ``walk`` with one plugin module, as pip lays it out."""
    site = Path(env["PYTHONPATH"])
    info = site / "walk-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: walk\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[intervision]\nwalk = walk_plugin\n")
    module = site / "walk_plugin.py"
    module.write_text(textwrap.dedent(WALK.format(title=title)), encoding="utf-8")
    return module


def write_method(folder: Path, method_id: str, title: str, minutes: int = 20) -> Path:
    path = folder / f"{method_id}.toml"
    path.write_text(TOML.format(id=method_id, title=title, minutes=minutes), encoding="utf-8")
    return path


def cache_files(env: dict[str, str]) -> list[Path]:
    folder = Path(env["INTERVISION_CACHE_DIR"])
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


# -- the same listing, without loading the plugins ------------------------------------


def test_the_second_listing_is_the_same_and_loads_no_plugin(env: dict[str, str]) -> None:
    first = methods(env, "methods")
    second = methods(env, "methods")
    assert first.loaded and not second.loaded
    assert {"pydantic", "pluggy", "intervision.plugins"} & second.imported == set()
    assert second.stdout == first.stdout
    for method_id in (*BUILTIN, *CONTRIB):
        assert method_id in second.stdout
    assert "variants: written-advice, blind-position" in second.stdout
    assert second.stderr == ""


def test_json_and_dutch_from_the_cache_equal_a_full_load(
    env: dict[str, str], tmp_path: Path
) -> None:
    methods(env, "methods")
    cached_json = methods(env, "methods", "--json")
    cached_nl = methods(env, "--lang", "nl", "methods")
    assert not cached_json.loaded and not cached_nl.loaded
    full_json = methods({**env, "INTERVISION_CACHE_DIR": str(tmp_path / "a")}, "methods", "--json")
    full_nl = methods(
        {**env, "INTERVISION_CACHE_DIR": str(tmp_path / "b")}, "--lang", "nl", "methods"
    )
    assert full_json.loaded and full_nl.loaded
    assert json.loads(cached_json.stdout) == json.loads(full_json.stdout)
    assert cached_nl.stdout == full_nl.stdout
    assert "Incidentmethode" in cached_nl.stdout


def test_the_cache_file_is_private_and_holds_the_listing_only(env: dict[str, str]) -> None:
    methods(env, "methods")
    [path] = cache_files(env)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {m["id"] for m in data["methods"]} >= set(BUILTIN + CONTRIB)
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left


# -- what makes the cache miss: each input the listing is built from -------------------


def test_a_method_file_added_to_the_users_folder_is_listed(env: dict[str, str]) -> None:
    folder = Path(env["INTERVISION_METHODS_DIR"])
    methods(env, "methods")
    assert not methods(env, "methods").loaded
    settle(write_method(folder, "looper", "Loop method"))
    added = methods(env, "methods")
    assert added.loaded and "Loop method" in added.row("looper")
    assert not methods(env, "methods").loaded  # and the new listing is cached in turn


def test_a_method_file_edited_in_the_same_second_with_the_same_size_is_read_again(
    env: dict[str, str],
) -> None:
    path = write_method(Path(env["INTERVISION_METHODS_DIR"]), "looper", "Loop method")
    settle(path)
    before = path.stat()
    assert "Loop method" in methods(env, "methods").row("looper")
    assert not methods(env, "methods").loaded
    path.write_text(path.read_text(encoding="utf-8").replace("Loop", "Lusm"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the same size and mtime
    edited = methods(env, "methods")
    assert edited.loaded and "Lusm method" in edited.row("looper")


def test_a_method_file_removed_from_the_users_folder_is_no_longer_listed(
    env: dict[str, str],
) -> None:
    path = write_method(Path(env["INTERVISION_METHODS_DIR"]), "looper", "Loop method")
    settle(path)
    assert "looper" in methods(env, "methods", "--json").ids()
    assert not methods(env, "methods").loaded
    path.unlink()
    assert "looper" not in methods(env, "methods", "--json").ids()


def test_a_method_file_option_is_read_again_when_the_file_changes(
    env: dict[str, str], tmp_path: Path
) -> None:
    path = write_method(tmp_path, "looper", "Loop method", minutes=20)
    settle(path)
    assert "20" in methods(env, "--method-file", str(path), "methods").row("looper")
    assert "looper" not in methods(env, "methods", "--json").ids()  # not without the option
    settle(write_method(tmp_path, "looper", "Loop method", minutes=45))
    assert "45" in methods(env, "--method-file", str(path), "methods").row("looper")


def test_plugins_allow_list_and_builtin_only_are_obeyed(env: dict[str, str]) -> None:
    assert set(CONTRIB) <= methods(env, "methods", "--json").ids()
    only = methods({**env, "INTERVISION_PLUGINS": "incident,imi"}, "methods", "--json")
    assert only.ids() == {"incident", "imi"}
    builtin = methods(env, "--builtin-only", "methods", "--json")
    assert set(BUILTIN) <= builtin.ids() and not set(CONTRIB) & builtin.ids()
    assert set(CONTRIB) <= methods(env, "methods", "--json").ids()


@pytest.mark.parametrize(
    "variable", ["INTERVISION_STRICT_PLUGINS", "PYDANTIC_DISABLE_PLUGINS", "INTERVISION_PLUGINS"]
)
def test_a_variable_the_load_reads_makes_it_load_again(env: dict[str, str], variable: str) -> None:
    methods(env, "methods")
    assert not methods(env, "methods").loaded
    assert methods({**env, variable: "incident"}, "methods").loaded


def test_a_newly_installed_plugin_is_listed(env: dict[str, str]) -> None:
    site = Path(env["PYTHONPATH"])
    mtime = site.stat().st_mtime_ns
    methods(env, "methods")
    assert not methods(env, "methods").loaded
    install_walk(env)
    settle(site)
    os.utime(site, ns=(mtime, mtime))  # the folder looks untouched: only the metadata tells
    listed = methods(env, "methods")
    assert listed.loaded and "Walk and talk" in listed.row("walk")
    assert "\nwalk\n" in listed.stdout  # under its distribution


def test_a_plugin_whose_entry_point_changes_in_place_is_loaded_again(
    env: dict[str, str],
) -> None:
    """An upgrade that rewrites ``entry_points.txt`` and touches nothing else that loaded."""
    install_walk(env, title="Walk and talk")
    site = Path(env["PYTHONPATH"])
    (site / "walk_plugin2.py").write_text(textwrap.dedent(WALK.format(title="Walk, version 2")))
    settle(site)
    assert "Walk and talk" in methods(env, "methods").row("walk")
    assert not methods(env, "methods").loaded
    points = site / "walk-1.0.dist-info" / "entry_points.txt"
    points.write_text("[intervision]\nwalk = walk_plugin2\n")
    settle(points)
    assert "Walk, version 2" in methods(env, "methods").row("walk")


def test_an_edited_plugin_module_is_loaded_again(env: dict[str, str]) -> None:
    module = install_walk(env, title="Walk and talk")
    settle(Path(env["PYTHONPATH"]))
    before = module.stat()
    assert "Walk and talk" in methods(env, "methods").row("walk")
    assert not methods(env, "methods").loaded
    module.write_text(module.read_text().replace("Walk and talk", "Talk and walk"))
    os.utime(module, ns=(before.st_atime_ns, before.st_mtime_ns))  # the same size and mtime
    assert "Talk and walk" in methods(env, "methods").row("walk")


def test_a_data_file_of_a_plugin_package_is_read_again(env: dict[str, str]) -> None:
    site = Path(env["PYTHONPATH"])
    package = site / "walk_pkg"
    package.mkdir()
    (package / "__init__.py").write_text(
        "from pathlib import Path\n"
        + textwrap.dedent(WALK.format(title="x")).replace(
            "TITLE = 'x'", "TITLE = (Path(__file__).parent / 'data' / 'title.txt').read_text()"
        )
    )
    (package / "data").mkdir()
    (package / "data" / "title.txt").write_text("Walk and talk")
    info = site / "walk-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: walk\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[intervision]\nwalk = walk_pkg\n")
    settle(site)
    assert "Walk and talk" in methods(env, "methods").row("walk")
    assert not methods(env, "methods").loaded
    title = package / "data" / "title.txt"
    before = title.stat()
    title.write_text("Walk & talk!!")
    os.utime(title, ns=(before.st_atime_ns, before.st_mtime_ns))  # the same size and mtime
    assert "Walk & talk!!" in methods(env, "methods").row("walk")


# -- problems are reported on every run, never cached ---------------------------------


def test_a_broken_method_file_is_reported_on_every_run(env: dict[str, str]) -> None:
    path = Path(env["INTERVISION_METHODS_DIR"]) / "broken.toml"
    path.write_text('id = "broken"\nversion = "1.0"\n', encoding="utf-8")
    settle(path)
    for _ in range(3):
        run = methods(env, "methods")
        assert run.loaded
        assert "warning: method file not loaded" in run.stderr and "broken.toml" in run.stderr
        assert "incident" in run.stdout
    assert cache_files(env) == []


def test_a_broken_plugin_is_never_hidden_by_the_cache(env: dict[str, str]) -> None:
    methods(env, "methods")
    assert not methods(env, "methods").loaded
    module = install_walk(env)
    module.write_text("raise RuntimeError('boom')\n")
    settle(Path(env["PYTHONPATH"]))
    strict = {**env, "INTERVISION_STRICT_PLUGINS": "1"}
    for _ in range(2):
        lenient = methods(env, "methods")
        assert lenient.loaded and "incident" in lenient.stdout and "walk" not in lenient.stdout
        failed = methods(strict, "methods", expect=3)
        assert "walk" in failed.stderr and "boom" in failed.stderr


def test_a_file_changed_just_now_is_not_trusted(env: dict[str, str]) -> None:
    write_method(Path(env["INTERVISION_METHODS_DIR"]), "looper", "Loop method")
    assert methods(env, "methods").loaded
    assert methods(env, "methods").loaded  # written under two seconds ago: loaded again
    assert cache_files(env) == []


# -- a cache that cannot be used is passed by, silently --------------------------------


def _no_json(data: dict[str, Any]) -> str:
    return "{not json"


def _a_list(data: dict[str, Any]) -> str:
    return "[]"


def _no_key(data: dict[str, Any]) -> str:
    return json.dumps({**data, "key": 1})


def _minutes_as_text(data: dict[str, Any]) -> str:
    data["methods"][0]["minutes"] = "fifty"
    return json.dumps(data)


def _title_in_one_language(data: dict[str, Any]) -> str:
    del data["methods"][0]["title"]["nl"]
    return json.dumps(data)


def _files_not_a_list(data: dict[str, Any]) -> str:
    data["files"] = {"x": 1}
    return json.dumps(data)


def _a_file_not_a_path(data: dict[str, Any]) -> str:
    data["files"][0] = [0, None]
    return json.dumps(data)


@pytest.mark.parametrize(
    "damage",
    [
        _no_json,
        _a_list,
        _no_key,
        _minutes_as_text,
        _title_in_one_language,
        _files_not_a_list,
        _a_file_not_a_path,
    ],
)
def test_a_damaged_cache_file_gives_the_full_listing_and_is_replaced(
    env: dict[str, str], damage: Callable[[dict[str, Any]], str]
) -> None:
    expected = methods(env, "methods").stdout
    [path] = cache_files(env)
    path.write_text(damage(json.loads(path.read_text(encoding="utf-8"))), encoding="utf-8")
    again = methods(env, "methods")
    assert again.loaded and again.stdout == expected and again.stderr == ""
    assert not methods(env, "methods").loaded  # written anew


def test_an_unreadable_and_unwritable_cache_is_passed_by(env: dict[str, str]) -> None:
    expected = methods(env, "methods").stdout
    [path] = cache_files(env)
    path.unlink()
    path.mkdir()  # neither readable as a file nor replaceable
    for _ in range(2):
        run = methods(env, "methods")
        assert run.loaded and run.stdout == expected and run.stderr == ""


def test_a_cache_folder_that_cannot_be_made_is_passed_by(
    env: dict[str, str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    unusable = {**env, "INTERVISION_CACHE_DIR": str(blocker / "cache")}
    for _ in range(2):
        run = methods(unusable, "methods")
        assert run.loaded and "incident" in run.stdout and run.stderr == ""
