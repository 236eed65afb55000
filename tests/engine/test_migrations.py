"""Schema versions of stored events: explicit upgrade steps, and clear refusals.

The real steps (a meeting started before the roles of the day were a mapping, or
before the feedback round; a case chosen before pairs) are read here from rows in
their old shape. The other tests register steps of their own (``monkeypatch`` on the
table and on the current versions) to show that the read path runs them before
validation, in order, and refuses what it cannot upgrade without guessing.
"""

from __future__ import annotations

import json
import traceback
from typing import Any, get_args

import pytest

from intervision.engine import CorruptJournalError
from intervision.engine.core import events
from intervision.engine.storage.migrations import (
    CURRENT_VERSIONS,
    UPGRADES,
    UnreadableEvent,
    current_versions,
    upgrade,
)
from intervision.engine.storage.rows import decode_stored as decode_event

SECRET = "GEHEIM-leervraag over mijn teamleider"


def row(**fields: Any) -> str:
    return json.dumps({"at": "2025-03-10T19:00:00Z", **fields})


def member_to_by(data: dict[str, Any]) -> dict[str, Any]:
    """A test-local step: version 1 of ``leervraag_passed`` called the field ``member``."""
    upgraded = {key: value for key, value in data.items() if key != "member"}
    upgraded["by"] = data["member"]
    return upgraded


@pytest.fixture
def passed_at_v2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend ``leervraag_passed`` is written at version 2, with a step from 1."""
    monkeypatch.setitem(CURRENT_VERSIONS, "leervraag_passed", 2)
    monkeypatch.setitem(UPGRADES, ("leervraag_passed", 1), member_to_by)


def read(raw: str, version: int = 4) -> str:
    """The message of the error reading ``raw`` as version ``version`` of meeting m1."""
    with pytest.raises(CorruptJournalError) as caught:
        decode_event("m1", version, raw)
    message = str(caught.value)
    assert message.startswith(f"meeting m1, version {version}: ")
    assert SECRET not in "".join(traceback.format_exception(caught.value))
    return message


def test_every_event_type_has_a_current_version() -> None:
    classes = get_args(get_args(events.Event)[0])
    union = {cls.model_fields["type"].default for cls in classes}
    versions = current_versions()
    assert set(versions) == union
    assert {"meeting_started", "contribution_added", "group_created"} <= set(versions)
    assert all(v >= 1 for v in versions.values())


def test_every_raised_version_has_a_step_from_each_older_one() -> None:
    """Raising an event type's ``v`` without a step would strand every old journal."""
    for event_type, current in CURRENT_VERSIONS.items():
        missing = [v for v in range(1, current) if (event_type, v) not in UPGRADES]
        assert not missing, f"{event_type}: no upgrade step from version(s) {missing}"
    for event_type, from_version in UPGRADES:
        assert from_version < CURRENT_VERSIONS[event_type], (event_type, from_version)


def test_an_event_at_the_current_version_is_read_unchanged() -> None:
    event = decode_event("m1", 5, row(v=1, type="leervraag_passed", by="bram"))
    assert event == events.LeervraagPassed(at=event.at, by="bram")


def test_a_meeting_started_before_the_feedback_round_held_none() -> None:
    raw = (
        '{"v":1,"at":"2025-03-10T19:00:00Z","type":"meeting_started","meeting_id":"m1",'
        '"group_id":null,"lang":"nl","members":[{"id":"anna","name":"Anna","external":false}],'
        '"present":["anna"],"facilitator":"anna","scribe":null,"timekeeper":null}'
    )
    event = decode_event("m1", 1, raw)
    assert isinstance(event, events.MeetingStarted)
    assert (event.v, event.feedback_round) == (3, False)


def test_a_version_2_start_keeps_its_roles_and_held_no_feedback_round() -> None:
    raw = (
        '{"v":2,"at":"2025-03-10T19:00:00Z","type":"meeting_started","meeting_id":"m1",'
        '"group_id":null,"lang":"nl","members":[{"id":"anna","name":"Anna","external":false},'
        '{"id":"bram","name":"Bram","external":false}],"present":["anna","bram"],'
        '"facilitator":"anna","roles":{"scribe":["bram"]}}'
    )
    event = decode_event("m1", 1, raw)
    assert isinstance(event, events.MeetingStarted)
    assert (event.v, event.feedback_round) == (3, False)
    assert event.roles == {"scribe": ("bram",)}


def test_a_case_chosen_before_pairs_had_one_inbrenger() -> None:
    raw = (
        '{"v":1,"at":"2025-03-10T19:00:00Z","type":"case_chosen","case_no":1,'
        '"leervraag_id":"L2","inbrenger":"bram","auto":false}'
    )
    event = decode_event("m1", 9, raw)
    assert isinstance(event, events.CaseChosen)
    assert (event.v, event.inbrenger, event.co_inbrenger) == (2, "bram", None)


@pytest.mark.usefixtures("passed_at_v2")
def test_an_older_event_is_upgraded_by_its_step_before_validation() -> None:
    event = decode_event("m1", 5, row(v=1, type="leervraag_passed", member="bram"))

    assert isinstance(event, events.LeervraagPassed)
    assert (event.by, event.v) == ("bram", 2)


@pytest.mark.usefixtures("passed_at_v2")
def test_an_event_already_in_the_new_shape_gets_no_step() -> None:
    event = decode_event("m1", 5, row(v=2, type="leervraag_passed", by="carla"))
    assert isinstance(event, events.LeervraagPassed) and event.by == "carla"


def test_steps_run_in_order_and_leave_the_stored_fields_alone() -> None:
    stored = {"type": "t", "v": 1, "n": 0}
    steps = {
        ("t", 1): lambda d: {**d, "n": d["n"] * 10 + 1},
        ("t", 2): lambda d: {**d, "n": d["n"] * 10 + 2},
    }

    assert upgrade(stored, steps=steps, versions={"t": 3}) == {"type": "t", "v": 3, "n": 12}
    assert upgrade({"type": "t", "v": 2, "n": 0}, steps=steps, versions={"t": 3})["n"] == 2
    assert stored == {"type": "t", "v": 1, "n": 0}


def test_a_missing_step_in_the_middle_names_where_the_chain_breaks() -> None:
    steps = {("t", 1): lambda d: d}
    with pytest.raises(UnreadableEvent, match=r"version 1, .* no upgrade from version 2 to 3"):
        upgrade({"type": "t", "v": 1}, steps=steps, versions={"t": 3})


@pytest.mark.usefixtures("passed_at_v2")
def test_an_old_row_that_does_not_fit_its_step_is_refused_not_half_upgraded() -> None:
    message = read(row(v=1, type="leervraag_passed", by=SECRET))
    assert "does not have the shape of its schema version 1" in message


def test_a_version_newer_than_known_says_to_upgrade_intervision() -> None:
    message = read(row(v=2, type="contribution_added", text=SECRET))
    assert "contribution_added" in message and "schema version 2" in message
    assert "upgrade intervision" in message


def test_an_older_version_without_a_step_is_refused_not_guessed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(CURRENT_VERSIONS, "contribution_added", 3)
    monkeypatch.setitem(UPGRADES, ("contribution_added", 2), lambda d: d)

    message = read(row(v=1, type="contribution_added", text=SECRET))

    assert "schema version 1" in message and "no upgrade from version 1 to 2" in message
    assert "restore it from a backup" in message


@pytest.mark.parametrize(
    "fields",
    [
        {"type": "leervraag_passed", "by": SECRET},
        {"v": "1", "type": "leervraag_passed", "by": SECRET},
        {"v": 0, "type": "leervraag_passed", "by": SECRET},
        {"v": True, "type": "leervraag_passed", "by": SECRET},
    ],
    ids=["missing", "text", "zero", "bool"],
)
def test_an_event_without_a_valid_schema_version_is_not_read_as_current(
    fields: dict[str, Any],
) -> None:
    message = read(row(**fields))
    assert "leervraag_passed event has no valid schema version" in message


@pytest.mark.parametrize("version", ['"1"', "0", "true", "1.0", "-1"])
def test_a_row_laid_out_as_written_but_without_a_whole_version_is_not_read_as_current(
    version: str,
) -> None:
    """Rows that start like the journal writes them are read the quick way; a version
    that is not a plain whole number must still get the careful refusal."""
    raw = f'{{"v":{version},"at":"2025-03-10T19:00:00Z","type":"leervraag_passed","by":"b"}}'
    message = read(raw)
    assert "leervraag_passed event has no valid schema version" in message


def test_a_row_laid_out_as_written_at_a_newer_version_says_to_upgrade() -> None:
    raw = events.LeervraagPassed(at="2025-03-10T19:00:00Z", by=SECRET).model_dump_json()  # type: ignore[arg-type]
    message = read(raw.replace('{"v":1,', '{"v":2,', 1))
    assert "schema version 2, newer than" in message and "upgrade intervision" in message


@pytest.mark.usefixtures("passed_at_v2")
def test_a_row_laid_out_as_written_at_an_older_version_is_upgraded() -> None:
    fields = {"v": 1, "at": "2025-03-10T19:00:00Z", "type": "leervraag_passed", "member": "bram"}
    event = decode_event("m1", 5, json.dumps(fields, separators=(",", ":")))
    assert isinstance(event, events.LeervraagPassed) and (event.by, event.v) == ("bram", 2)


def test_an_unknown_event_type_is_refused_without_repeating_it() -> None:
    message = read(row(v=1, type=SECRET))
    assert "a type this intervision does not know" in message
    assert "upgrade intervision" in message and "restore the store" in message


@pytest.mark.parametrize("raw", ['["contribution_added"]', '"GEHEIM"', "17"])
def test_json_that_is_not_an_object_is_refused(raw: str) -> None:
    assert "not a JSON object" in read(raw)


def test_a_known_type_with_wrong_fields_names_the_fields_not_the_values() -> None:
    message = read(row(v=1, type="contribution_added", text=SECRET))
    assert "contribution_added event does not have the fields" in message
    assert "contribution_id" in message


def test_a_start_event_of_another_meeting_is_refused() -> None:
    start = events.MeetingStarted(
        at="2025-03-10T19:00:00Z",  # type: ignore[arg-type]
        meeting_id="m2-" + SECRET,
        lang="en",
        members=(events.MemberRef(id="a", name="A"),),
        present=("a",),
        facilitator="a",
    )

    message = read(start.model_dump_json(), version=1)

    assert "names another meeting" in message and "m2-" not in message


def started_v1(**fields: Any) -> str:
    """A ``meeting_started`` row as version 1 wrote it: roles of the day as two fields."""
    return row(
        v=1,
        type="meeting_started",
        meeting_id="m1",
        group_id=None,
        lang="nl",
        members=[{"id": i, "name": i.title(), "external": False} for i in ("anna", "bram")],
        present=["anna", "bram"],
        facilitator="anna",
        **fields,
    )


def test_a_version_1_start_keeps_its_scribe_and_timekeeper_as_roles() -> None:
    event = decode_event("m1", 1, started_v1(scribe="bram", timekeeper="anna"))

    assert isinstance(event, events.MeetingStarted)
    assert event.roles == {"scribe": ("bram",), "timekeeper": ("anna",)}
    assert event.v == events.MeetingStarted.model_fields["v"].default


def test_a_version_1_start_without_roles_of_the_day_holds_none() -> None:
    event = decode_event("m1", 1, started_v1(scribe=None, timekeeper=None))

    assert isinstance(event, events.MeetingStarted)
    assert event.roles == {}
