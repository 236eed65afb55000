"""Fuzzing TOML method files: mutations of examples/methods/*.toml through the CLI.

A facilitator adapts a method by editing its TOML file; whatever the edit does,
``intervision check FILE`` must answer with ``WHERE: MESSAGE`` lines and exit 1
(or say it is fine and exit 0), and ``intervision --method-file FILE methods``
must either load the method or warn naming the file, while the other methods
keep working; never a traceback, never a write to the store. A file that
``check`` calls fine must also load (issue #7).
"""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import tomli_w
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st
from support import fuzz_settings, store_rows

from intervision.cli import main

EXAMPLES = Path(__file__).parents[2] / "examples" / "methods"
SOURCES = {
    path.stem: tomllib.loads(path.read_text(encoding="utf-8"))
    for path in sorted(EXAMPLES.glob("*.toml"))
}
#: The examples are the built-in methods; a copy under its own id loads beside them.
OWN_ID = "fuzzed"
REQUIRED = ("id", "version", "title", "summary", "fit", "phases")

wrong_values = st.one_of(
    st.integers(-(10**12), 10**12),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(min_size=1, max_size=5), st.text(max_size=5), max_size=2),
    st.datetimes(),
)


def paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found: list[tuple[str | int, ...]] = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            found += paths(item, (*prefix, n))
    return found


def at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """An example method with one to three random edits anywhere in its tree."""
    source = draw(st.sampled_from(sorted(SOURCES)))
    data: dict[str, Any] = json.loads(json.dumps(SOURCES[source]))
    data["id"] = OWN_ID
    for _ in range(draw(st.integers(1, 3))):
        every = paths(data)
        path = draw(st.sampled_from(every))
        parent, last = at(data, path[:-1]), path[-1]
        how = draw(st.sampled_from(["replace", "delete", "unknown_key", "huge", "empty", "copy"]))
        if how == "replace":
            parent[last] = draw(wrong_values)
        elif how == "delete":
            del parent[last]
        elif how == "unknown_key" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["colour", "phase", "Minutes", "titel"]))] = draw(
                wrong_values
            )
        elif how == "huge":
            parent[last] = "lang verhaal " * draw(st.sampled_from([10, 5_000]))
        elif how == "empty":
            parent[last] = type(parent[last])() if isinstance(parent[last], dict | list) else ""
        elif isinstance(parent, list):
            parent.append(json.loads(json.dumps(parent[last], default=str)))
    return data


@st.composite
def broken(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """An example method with one thing certainly broken, and the field it names."""
    source = draw(st.sampled_from(sorted(SOURCES)))
    data: dict[str, Any] = json.loads(json.dumps(SOURCES[source]))
    data["id"] = OWN_ID
    how = draw(st.sampled_from(["missing", "unknown", "title_type", "phase_type"]))
    if how == "missing":
        field = draw(st.sampled_from([f for f in REQUIRED if f != "id"]))
        del data[field]
        return data, field
    if how == "unknown":
        data["colour"] = draw(wrong_values)
        return data, "colour"
    if how == "title_type":
        data["title"]["nl"] = draw(st.integers())
        return data, "title"
    n = draw(st.integers(0, len(data["phases"]) - 1))
    data["phases"][n] = draw(st.integers() | st.text(max_size=5))
    return data, "phases"


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    """An example file's bytes, cut short, flipped, or with invalid UTF-8 inside."""
    data: dict[str, Any] = json.loads(json.dumps(SOURCES[draw(st.sampled_from(sorted(SOURCES)))]))
    data["id"] = OWN_ID
    content = bytearray(tomli_w.dumps(data).encode())
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.integers(0, len(content)))
        how = draw(st.sampled_from(["cut", "flip", "bad_utf8", "insert"]))
        if how == "cut":
            del content[where:]
        elif how == "flip" and content:
            content[min(where, len(content) - 1)] = draw(st.integers(0, 255))
        elif how == "bad_utf8":
            content[where:where] = draw(st.sampled_from([b"\xff", b"\xc3(", b"\xed\xa0\x80"]))
        else:
            content[where:where] = draw(st.sampled_from([b"[[phases]]\n", b"= =", b"[fit]\n"]))
    return bytes(content)


@contextmanager
def method_file(content: bytes) -> Iterator[tuple[Path, Path]]:
    with tempfile.TemporaryDirectory(prefix="method-fuzz-") as folder:
        path = Path(folder) / "adapted.toml"
        path.write_bytes(content)
        yield path, Path(folder) / "store.sqlite3"


def invoke(store: Path, *args: str, strict: bool = False) -> Result:
    env = {"INTERVISION_STRICT_PLUGINS": "1" if strict else ""}
    return CliRunner(env=env).invoke(main, ["--lang", "en", "--store", str(store), *args])


def no_crash(result: Result, *codes: int) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    assert result.exit_code in codes, result.output


def check_and_load(path: Path, store: Path) -> tuple[Result, Result]:
    """``check FILE`` and ``--method-file FILE methods``, with what must hold for both."""
    checked = invoke(store, "check", str(path))
    no_crash(checked, 0, 1)
    if checked.exit_code == 1:
        *problems, summary = [line for line in checked.stdout.splitlines() if line.strip()]
        assert problems and "in 1 of the 1 targets checked" in summary, checked.output
        for line in problems:
            where, _, message = line.partition(": ")
            assert where and message.strip(), line
    loaded = invoke(store, "--method-file", str(path), "methods", "--json")
    no_crash(loaded, 0)
    ids = [m["id"] for m in json.loads(loaded.stdout)]
    assert "incident" in ids, "the other methods must keep working"
    if OWN_ID in ids:
        assert loaded.stderr == ""
    else:
        assert f"method file not loaded: {path}" in loaded.stderr, loaded.stderr
    if checked.exit_code == 0:
        assert OWN_ID in ids, "check called the file fine, but it does not load"
    strict = invoke(store, "--method-file", str(path), "methods", strict=True)
    no_crash(strict, 0, 3)
    assert (strict.exit_code == 0) == (OWN_ID in ids)
    if strict.exit_code == 3:
        assert strict.stderr.startswith(f"intervision: error: {path}"), strict.stderr
    assert store_rows(store) == []
    return checked, loaded


def test_an_unchanged_example_under_its_own_id_checks_and_loads() -> None:
    for source in SOURCES.values():
        with method_file(tomli_w.dumps({**source, "id": OWN_ID}).encode()) as (path, store):
            checked, loaded = check_and_load(path, store)
            assert checked.exit_code == 0, checked.output
            assert OWN_ID in loaded.stdout


@fuzz_settings(quick=25, full=400)
@given(data=mutated())
def test_any_edit_of_a_method_file_is_checked_or_loaded_never_a_traceback(
    data: dict[str, Any],
) -> None:
    with method_file(tomli_w.dumps(data).encode()) as (path, store):
        check_and_load(path, store)


@fuzz_settings(quick=20, full=200)
@given(case=broken())
def test_a_broken_method_file_is_refused_naming_the_field(case: tuple[dict[str, Any], str]) -> None:
    data, field = case
    with method_file(tomli_w.dumps(data).encode()) as (path, store):
        checked, loaded = check_and_load(path, store)
        assert checked.exit_code == 1
        assert field in checked.stdout
        assert f"field {field}" in loaded.stderr


@fuzz_settings(quick=20, full=300)
@given(content=st.one_of(mangled(), st.binary(max_size=200)))
def test_broken_bytes_are_reported_with_the_file_never_a_traceback(content: bytes) -> None:
    with method_file(content) as (path, store):
        checked, _ = check_and_load(path, store)
        if checked.exit_code == 1:
            assert path.name in checked.stdout


def test_the_method_file_option_needs_an_existing_file() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store.sqlite3"
        missing = invoke(store, "--method-file", os.path.join(folder, "nope.toml"), "methods")
        no_crash(missing, 2)
        assert "nope.toml" in missing.stderr and "does not exist" in missing.stderr
