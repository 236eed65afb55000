"""Fuzzing names, ids and text sizes where they enter: the API, the CLI, the host app (#13).

Every generated name carries the marker ``Qz``, which no message of intervision
holds, so a refusal that echoes what was typed is seen. Whatever comes in:

- taken in, a name is kept trimmed, NFC, one space between words; each member has
  an id of the one pattern, and each name (and each id) finds that member;
- refused, it is an ``IntervisionError`` with a reason in Dutch and in English
  (the CLI: a message and a meaningful exit code; the host app: a 4xx with both
  reasons), nothing is written, and the message never holds the name;
- a text is taken in exactly when it fits the limit.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from starlette.testclient import TestClient
from support import fuzz_settings, store_rows

from intervision.cli import main
from intervision.engine import (
    ID_PATTERN,
    CommandRefused,
    Engine,
    IntervisionError,
    InvalidInputError,
    Limits,
    MemoryJournal,
    Registry,
    load_registry,
)
from intervision.engine.groups import groups_of

MARK = "Qz"
LIMITS = Limits(name=24, text=60, leervraag=60, reason=40, members=8)
REGISTRY = load_registry(strict=True, user_methods=False)
#: Numbers for the host app's groups, one per example: a group is made once.
NUMBERS = itertools.count(1)

#: Any character at all, the ones a name may not hold among them.
anything = st.characters(codec="utf-8")
#: Mostly ordinary names, now and then one with anything in it.
names = st.one_of(
    st.from_regex(r"[A-Z][a-zà-ÿ]{1,8}( [A-Z][a-z]{1,8})?", fullmatch=True),
    st.text(anything, max_size=30),
).map(lambda core: MARK + core)


def kept(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split())


def new_engine() -> Engine:
    return Engine(MemoryJournal(), REGISTRY, limits=LIMITS)


def assert_clean_refusal(error: IntervisionError) -> None:
    """Both languages, and nothing of what was typed."""
    assert error.reason is not None, type(error).__name__
    assert error.reason.nl.strip() and error.reason.en.strip()
    for text in (error.reason.nl, error.reason.en, str(error)):
        assert MARK not in text, text


@fuzz_settings(quick=60, full=600)
@given(members=st.lists(names, min_size=1, max_size=10))
def test_any_names_are_taken_in_exactly_or_refused_cleanly_by_the_api(members: list[str]) -> None:
    engine = new_engine()
    try:
        meeting = engine.start_meeting(members, facilitator=members[0])
    except IntervisionError as error:
        assert_clean_refusal(error)
        assert engine.meetings() == []
        return
    state = meeting.state
    assert [m.name for m in state.members.values()] == [kept(n) for n in members]
    assert len(set(state.members)) == len(members)
    for member_id, member in state.members.items():
        assert re.fullmatch(ID_PATTERN, member_id)
        assert meeting.person(member.name) == member_id
        assert meeting.person(member_id) == member_id


@fuzz_settings(quick=60, full=600)
@given(name=names, group_id=st.one_of(st.none(), st.text(anything, max_size=70)))
def test_any_group_name_and_id_are_taken_in_exactly_or_refused_cleanly(
    name: str, group_id: str | None
) -> None:
    engine = new_engine()
    book = groups_of(engine)
    try:
        group = book.create(name, group_id=group_id, members=[MARK + "Anna", MARK + "Bram"])
    except IntervisionError as error:
        assert_clean_refusal(error)
        assert book.all() == []
        return
    assert re.fullmatch(ID_PATTERN, group.id) and len(group.id) <= 64
    assert [g.id for g in book.all()] == [group.id]  # the listing reads it back
    assert group.name == kept(name)


@fuzz_settings(quick=60, full=600)
@given(meeting_id=st.text(anything, max_size=70))
def test_any_meeting_id_has_the_pattern_or_is_refused(meeting_id: str) -> None:
    engine = new_engine()
    try:
        engine.start_meeting(["Anna", "Bram"], facilitator="Anna", meeting_id=meeting_id)
    except InvalidInputError as error:
        assert error.field == "meeting id"
        assert engine.meetings() == []
        return
    assert re.fullmatch(ID_PATTERN, meeting_id)
    assert [s.meeting_id for s in engine.meetings()] == [meeting_id]
    assert groups_of(engine).all() == []


@fuzz_settings(quick=60, full=400)
@given(size=st.one_of(st.sampled_from([0, 1, 59, 60, 61, 5_000]), st.integers(0, 200)))
def test_a_text_is_taken_in_exactly_when_it_fits_the_limit(size: int) -> None:
    engine = new_engine()
    meeting = engine.start_meeting(["Anna", "Bram"], facilitator="Anna")
    text = "x" * size
    try:
        meeting.contribute("anna", "statement", text)
    except CommandRefused as refusal:
        assert size == 0 or size > LIMITS.text, (size, refusal.rule)
        if size > LIMITS.text:
            assert refusal.rule == "limits" and str(LIMITS.text) in refusal.reason.en
        assert meeting.refresh().version == 1
        return
    assert 0 < size <= LIMITS.text
    assert meeting.state.contributions[-1].text == text


# -- the command line -----------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("fuzz-names") / "store.sqlite3"
    made = CliRunner().invoke(main, ["--store", str(store), "group", "create", "Noord"])
    assert made.exit_code == 0, made.output
    return store


def copy_of(store: Path) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-names-"))
    for part in store.parent.glob(store.name + "*"):
        shutil.copy(part, folder / part.name)
    return folder / store.name


@fuzz_settings(quick=30, full=300)
@given(name=names, command=st.sampled_from(["add", "start"]))
def test_any_name_at_the_command_line_is_taken_or_refused_with_a_message(
    cli_store: Path, name: str, command: str
) -> None:
    if "\x00" in name or "," in name:
        name = name.replace("\x00", "").replace(",", "")  # an argv or a list separator
    store = copy_of(cli_store)
    try:
        before = store_rows(store)
        if command == "add":
            args = ["group", "add", "noord", name]
        else:
            args = ["meeting", "start", "--members", f"Anna,Bram,{name}", "--facilitator", "Anna"]
        result = CliRunner().invoke(main, ["--lang", "en", "--store", str(store), *args])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert "Traceback" not in result.output
        if result.exit_code != 0:
            assert result.exit_code in (2, 7), result.output
            assert result.stderr.startswith(("intervision: error: ", "Usage:")), result.stderr
            assert MARK not in result.stderr
            assert store_rows(store) == before
    finally:
        shutil.rmtree(store.parent, ignore_errors=True)


# -- the example host app ---------------------------------------------------------------


@pytest.fixture(scope="module")
def client(registry: Registry) -> Any:
    from host_app.app import create_app

    with TestClient(create_app("memory://", registry=registry)) as test_client:
        yield test_client


@fuzz_settings(quick=40, full=400)
@given(
    group=st.text(st.characters(codec="utf-8"), max_size=30).map(lambda s: MARK + s),
    members=st.lists(names, max_size=9),
)
def test_any_names_sent_to_the_host_app_are_made_whole_or_refused_in_both_languages(
    client: Any, group: str, members: list[str]
) -> None:
    response = client.post("/groups", json={"name": group, "lang": "nl", "members": members})
    assert response.status_code in (201, 400, 409, 422), response.text
    if response.status_code == 201:
        made = response.json()
        assert [m["name"] for m in made["members"]] == [kept(n) for n in members]
        assert client.get(f"/groups/{made['id']}").json() == made
        return
    body = response.json()
    assert body["reasons"]["nl"] and body["reasons"]["en"]
    assert MARK not in json.dumps(body, ensure_ascii=False)


@fuzz_settings(quick=40, full=300)
@given(size=st.one_of(st.sampled_from([0, 20_000, 20_001]), st.integers(0, 30_000)))
def test_a_text_sent_to_the_host_app_is_taken_exactly_when_it_fits(client: Any, size: int) -> None:
    made = client.post(
        "/groups", json={"name": f"Fuzz {next(NUMBERS)}", "lang": "en", "members": ["Anna", "Bram"]}
    )
    assert made.status_code == 201, made.text
    group_id = made.json()["id"]
    started = client.post(f"/groups/{group_id}/meetings", json={"facilitator": "Anna"})
    meeting_id = started.json()["meeting_id"]
    sent = client.post(
        f"/meetings/{meeting_id}/commands",
        json={"command": "contribute", "by": "anna", "kind": "statement", "text": "y" * size},
    )
    if 0 < size <= 20_000:
        assert sent.status_code == 200, sent.text[:300]
    else:
        assert sent.status_code in (400, 422), sent.text[:300]
        view = client.get(f"/meetings/{meeting_id}", params={"viewer": "anna"}).json()
        assert view["version"] == 1
