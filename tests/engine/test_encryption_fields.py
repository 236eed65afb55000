"""Every text field the store holds is classified: sealed as content, or readable as structure.

The list in ``intervision.engine.storage.content`` cannot rot: a new ``str`` field in
an event (or in a model inside one) that nobody classified fails here, and stops
the encrypted journal from writing until it is.
"""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from intervision.engine import GroupContract, GroupMember
from intervision.engine.core import events as ev
from intervision.engine.storage.content import (
    CONTENT,
    STRUCTURE,
    content_plan,
    map_content,
    stored_models,
)


def _text_fields(model: type[BaseModel]) -> set[str]:
    """The fields whose type holds a str (str, str | None, tuples, dicts, literals)."""
    import typing

    def holds_str(annotation: object) -> bool:
        if annotation is str:
            return True
        if typing.get_origin(annotation) is typing.Literal:
            return True
        return any(holds_str(arg) for arg in typing.get_args(annotation))

    return {name for name, info in model.model_fields.items() if holds_str(info.annotation)}


@pytest.mark.parametrize("model", stored_models(), ids=lambda m: m.__name__)
def test_every_text_field_of_every_stored_model_is_content_or_structure(
    model: type[BaseModel],
) -> None:
    content = CONTENT.get(model, frozenset())
    structure = STRUCTURE.get(model, frozenset())

    unclassified = _text_fields(model) - content - structure

    assert not unclassified, (
        f"{model.__name__}: {sorted(unclassified)} not classified; add each to CONTENT "
        "(sealed at rest) or STRUCTURE in intervision/engine/journal/content.py"
    )
    assert not content & structure
    content_plan(model)  # the encrypted journal agrees


def test_the_classification_names_only_fields_that_exist() -> None:
    for table in (CONTENT, STRUCTURE):
        for model, names in table.items():
            assert model in stored_models(), model.__name__
            assert names <= set(model.model_fields), (model.__name__, names)


def test_the_texts_people_write_and_their_names_are_content() -> None:
    assert {"text"} <= CONTENT[ev.LeervraagSubmitted]
    assert {"text"} <= CONTENT[ev.ContributionAdded]
    assert {"text", "labels"} <= CONTENT[ev.DecisionMade]
    assert {"text"} <= CONTENT[ev.ConsensusRecorded]
    assert {"reason"} <= CONTENT[ev.PhaseSkipped] & CONTENT[ev.MeetingClosed]
    assert {"name"} <= CONTENT[ev.MemberRef] & CONTENT[ev.GroupCreated]
    assert {"name", "function", "reports_to", "relation_reason"} <= CONTENT[GroupMember]
    assert {"confidentiality", "attendance"} <= CONTENT[GroupContract]


def test_an_unclassified_text_field_stops_the_sealing_instead_of_passing_in_the_clear(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Annotated(ev.ContributionAdded):
        """A contribution as it would be with a new field nobody classified."""

        note: str = ""

    monkeypatch.setitem(CONTENT, Annotated, CONTENT[ev.ContributionAdded])
    monkeypatch.setitem(STRUCTURE, Annotated, STRUCTURE[ev.ContributionAdded])

    with pytest.raises(TypeError, match=r"Annotated\.note is a text field .* add it to CONTENT"):
        content_plan(Annotated)


def test_map_content_reaches_nested_members_and_label_values_and_nothing_else() -> None:
    from datetime import UTC, datetime

    at = datetime(2025, 3, 1, tzinfo=UTC)
    started = ev.MeetingStarted(
        at=at,
        meeting_id="m1",
        lang="nl",
        members=(ev.MemberRef(id="anna", name="Anna"), ev.MemberRef(id="bram", name="Bram")),
        present=("anna", "bram"),
        facilitator="anna",
    )
    decided = ev.DecisionMade(at=at, decision_id="d1", by="bram", labels={"C1": "warm"})
    seen: list[tuple[str, str]] = []

    def shout(path: str, value: str) -> str:
        seen.append((path, value))
        return value.upper()

    loud = map_content(started, shout)
    labelled = map_content(decided, shout)

    assert [m.name for m in loud.members] == ["ANNA", "BRAM"]
    assert [m.id for m in loud.members] == ["anna", "bram"]
    assert loud.present == ("anna", "bram") and loud.facilitator == "anna"
    assert labelled.labels == {"C1": "WARM"} and labelled.text == ""
    assert seen == [
        ("members.0.name", "Anna"),
        ("members.1.name", "Bram"),
        ("text", ""),
        ("labels.C1", "warm"),
    ]
    assert started.members[0].name == "Anna"  # the original is untouched
