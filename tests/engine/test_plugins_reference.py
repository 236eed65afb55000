"""PLUGINS.md's reference is what the code is: the state's fields, the ``Meeting`` handle's
methods with their signatures, and the keys the command line's JSON carries.

The first two are generated (``tests/plugins_reference.py``); a change to the code
without running it fails here, saying what to run.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable

import plugins_reference as reference
import pytest
from click.testing import CliRunner, Result

from intervision.cli import main
from intervision.engine import Meeting

TEXT = reference.DOC.read_text(encoding="utf-8")


def test_the_generated_reference_is_what_the_code_gives() -> None:
    assert reference.rendered(TEXT) == TEXT, (
        "PLUGINS.md's reference no longer matches the code: run "
        "`python tests/plugins_reference.py` and commit PLUGINS.md"
    )


@pytest.mark.parametrize("cls", list(reference.FIELDS), ids=lambda c: c.__name__)
def test_every_field_of_the_state_is_described_and_none_that_is_gone(cls: type) -> None:
    fields = [field.name for field in dataclasses.fields(cls)]
    assert sorted(reference.FIELDS[cls]) == sorted(fields), (
        f"describe each field of {cls.__name__} in tests/plugins_reference.py, and only those"
    )


def test_every_public_member_of_the_handle_and_the_state_says_what_it_does() -> None:
    for cls in (Meeting, *reference.FIELDS):
        for name, member in reference._members(cls):
            assert reference._first_paragraph(member), f"{cls.__name__}.{name} has no docstring"


def test_the_reference_shows_signatures_with_their_keywords() -> None:
    assert (
        "| `contribute(by: str, kind: str, text: str, *, reply_to: str \\| None = None, "
        "commitment: str \\| None = None, request_id: str \\| None = None, "
        "typed_by: str \\| None = None) -> str` |"
    ) in TEXT
    assert "| `roles` | `Mapping[str, tuple[str, ...]]` |" in TEXT


def _documented_keys(title: str) -> list[set[str]]:
    """The keys of each table under a heading of the reference."""
    body = TEXT.split(f"### {title}", 1)[1].split("\n## ", 1)[0]
    tables: list[set[str]] = []
    for block in re.split(r"\n\s*\n", body):
        rows = [line for line in block.splitlines() if line.startswith("| `")]
        if rows:
            keys = {k for row in rows for k in re.findall(r"`(\w+)`", row.split("|")[1])}
            tables.append(keys)
    return tables


@pytest.fixture
def invoke(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    monkeypatch.setenv("INTERVISION_STORE", f"{tmp_path}/store.sqlite3")

    def run(*args: str) -> Result:
        return CliRunner().invoke(main, list(args))

    return run


def test_the_json_of_meeting_start_and_do_is_as_documented(
    invoke: Callable[..., Result],
) -> None:
    start, done, failed = _documented_keys(
        "For scripts: `meeting start --json` and `meeting do --json`"
    )
    started = json.loads(
        invoke(
            "meeting", "start", "--members", "Anna,Bram,Carla", "--facilitator", "Anna", "--json"
        ).stdout
    )
    assert set(started) == start
    meeting_id = started["meeting_id"]
    line = ["--request-id", "r-1", "Anna: s: ik begin"]
    said = json.loads(invoke("meeting", "do", meeting_id, "--json", *line).stdout)
    assert set(said) == done and said["recorded"] == "C1"
    keyed = {"committed", "repeated"}
    moved = json.loads(invoke("meeting", "do", meeting_id, "--json", "next").stdout)
    assert set(moved) == done - {"recorded"} - keyed
    assert moved["version"] == said["version"] + 1
    refused = invoke("meeting", "do", meeting_id, "--json", "Anna: q: mag dit?")
    assert refused.exit_code == 4 and set(json.loads(refused.stdout)) == failed
