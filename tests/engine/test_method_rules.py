"""The rules of the first three built-in methods, exercised both ways.

For each phase of incident, balint and socratic the PhaseExerciser (tests/support.py)
has a participant and the inbrenger try every contribution kind, fills quotas to
their limit, checks written-first and hidden contributions, the inbrenger's
decision and who moves on; after every accepted command the journal replays to
the live state. The tests below pin facts a facilitator would notice.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support import (
    FACILITATOR,
    INBRENGER,
    MEMBERS,
    PhaseExerciser,
    refused,
    start,
    to_case_choice,
)

from intervision.engine import Engine, Meeting, Registry

PARTICIPANT = "carla"


@pytest.mark.parametrize("method_id", ["incident", "balint", "socratic"])
def test_every_rule_of_every_phase(method_id: str, engine: Engine, registry: Registry) -> None:
    meeting = start(engine, method_id)
    exerciser = PhaseExerciser(meeting)
    exerciser.run()
    assert exerciser.phases_seen == [phase.id for phase in registry.method(method_id).phases]
    assert meeting.state.frame == "second_case"


def test_incident_analysis_happens_without_the_inbrenger(
    start_method: Callable[..., Meeting],
) -> None:
    meeting = start_method("incident")
    for _ in range(2):
        meeting.advance(FACILITATOR)
    assert meeting.state.phase == "analysis"
    with refused(meeting, "inbrenger_mode"):
        meeting.contribute(INBRENGER, "reaction", "but that is not what happened")
    assert meeting.allowed_kinds(INBRENGER) == ()
    assert "analysis" in meeting.allowed_kinds(PARTICIPANT)


def test_the_incident_choice_selects_from_the_advice_and_records_a_commitment(
    start_method: Callable[..., Meeting],
) -> None:
    meeting = start_method("incident")
    for _ in range(3):
        meeting.advance(FACILITATOR)
    advice = meeting.contribute(PARTICIPANT, "advice", "call the family first")
    meeting.advance(FACILITATOR)
    meeting.decide(INBRENGER, selected=[advice], text="I will call the family on Monday")
    decision = meeting.state.decisions[-1]
    assert decision.selected == (advice,) and decision.decision_id == "usable_advice"
    assert meeting.method is not None and meeting.method.phase("choice").decision is not None
    assert meeting.method.phase("choice").decision.commitment  # type: ignore[union-attr]


def test_balint_never_lets_the_facilitator_be_the_inbrenger(engine: Engine) -> None:
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, FACILITATOR, consent=True)
    for method_id in ("balint", "incident"):
        with refused(meeting, "facilitator_not_inbrenger"):
            meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True)
    meeting.hand_over(FACILITATOR, "carla")
    meeting.choose_method("carla", "balint", inbrenger_agrees=True)
    assert meeting.state.phase == "explanation"


@pytest.mark.parametrize(
    ("method_id", "too_small", "big_enough"),
    [("incident", 3, 4), ("balint", 4, 5), ("socratic", 3, 4)],
)
def test_a_method_refuses_a_group_outside_its_size(
    engine: Engine, method_id: str, too_small: int, big_enough: int
) -> None:
    names = ["Anna", "Bram", "Carla", "Dirk", "Eva", "Fleur"]
    for size in (too_small, big_enough):
        meeting = engine.start_meeting(names[:size], facilitator="Anna")
        to_case_choice(meeting)
        meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
        if size == too_small:
            with refused(meeting, "group_size"):
                meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True)
        else:
            meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True)
            assert meeting.state.frame == "method"
