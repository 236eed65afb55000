"""Typing in for a member without a device: only the facilitator may, and it is recorded.

The board's console lets the facilitator enter what a member says who has no device
of their own. The member is the author (``by``); the event keeps who typed it
(``typed_by``), so it can be told apart from what the member typed themselves.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from intervision.engine import CommandRefused, Meeting, decode_event, encode_event


def test_the_facilitator_types_in_for_a_member_and_it_is_recorded(
    start_method: Callable[..., Meeting],
) -> None:
    meeting = start_method("incident")
    meeting.advance("anna")  # questions
    contribution = meeting.contribute("carla", "question", "Wie was er?", typed_by="anna")
    own = meeting.contribute("dirk", "question", "Hoe laat?", typed_by="dirk")
    typed = {c.id: c for c in meeting.state.contributions}
    assert (typed[contribution].author, typed[contribution].typed_by) == ("carla", "anna")
    assert typed[own].typed_by is None  # typing one's own words is not typing for someone
    events = meeting.engine.journal.load(meeting.id)
    assert events[-2].typed_by == "anna"  # type: ignore[union-attr]


def test_nobody_else_types_in_for_a_member(start_method: Callable[..., Meeting]) -> None:
    meeting = start_method("incident")
    meeting.advance("anna")
    version = meeting.state.version
    with pytest.raises(CommandRefused) as refused:
        meeting.contribute("carla", "question", "Namens Carla", typed_by="dirk")
    assert refused.value.rule == "typed_by"
    assert "begeleider" in refused.value.reason("nl")
    assert meeting.state.version == version


def test_leervragen_and_decisions_typed_in_are_recorded_too(
    start_method: Callable[..., Meeting],
) -> None:
    meeting = start_method("incident")
    assert all(lv.typed_by is None for lv in meeting.state.leervragen.values())
    while meeting.state.phase != "advice":
        meeting.advance("anna")
    advice = meeting.contribute("carla", "advice", "Bel terug.")
    for person in ("dirk",):
        meeting.contribute(person, "advice", "Neem iemand mee.")
    meeting.advance("anna")
    meeting.decide("bram", text="Ik bel terug.", selected=[advice], typed_by="anna")
    assert [(d.by, d.typed_by) for d in meeting.state.decisions] == [("bram", "anna")]


@pytest.mark.parametrize(
    ("event_type", "fields"),
    [
        ("contribution_added", {"contribution_id": "C1", "author": "bram", "kind": "question"}),
        ("leervraag_submitted", {"leervraag_id": "L1", "by": "bram"}),
        ("decision_made", {"decision_id": "d", "by": "bram"}),
    ],
)
def test_a_row_from_before_reads_as_typed_by_its_member(
    event_type: str, fields: dict[str, str]
) -> None:
    """The field has a default, so rows written before it existed read unchanged."""
    raw = {"v": 1, "at": "2025-03-10T19:00:00Z", "type": event_type, "text": "x", **fields}
    event = decode_event("m1", 3, json.dumps(raw, separators=(",", ":")))
    assert event.typed_by is None  # type: ignore[union-attr]
    assert decode_event("m1", 3, encode_event(event)) == event
