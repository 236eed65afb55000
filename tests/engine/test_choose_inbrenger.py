"""The group chooses whose example the case becomes, inside the method.

In the Socratic dialogue (and IMI) everyone tells an example first and the group then
chooses one; only then is it known whose example is examined. The engine records
that choice (``choose_inbrenger``) where a phase leaves it to the group, and the
chosen member is the inbrenger from then on: roles, decisions, commitments and the
group's history all follow.
"""

from __future__ import annotations

from datetime import UTC, datetime

from support import FACILITATOR, INBRENGER, assert_replays, refused, start

from intervision.engine import Engine, InbrengerChosen, Meeting
from intervision.engine.groups.history import record_of

LATER = datetime(2030, 1, 1, tzinfo=UTC)


def at_examples(engine: Engine, method_id: str = "socratic-dialogue") -> Meeting:
    """A Socratic dialogue at the step where everyone tells an example; Bram was named
    at the case choice."""
    meeting = start(engine, method_id)
    while meeting.state.phase != "examples":
        if meeting.phase is not None and meeting.phase.consensus:
            meeting.record_consensus(FACILITATOR, "agreed")
        meeting.advance(FACILITATOR)
    for person in ("bram", "carla", "dirk", "eva"):
        meeting.contribute(person, "statement", f"the example of {person}")
    meeting.record_consensus(FACILITATOR, "Carla's example")
    return meeting


def test_the_step_waits_for_the_groups_choice_of_the_example(engine: Engine) -> None:
    meeting = at_examples(engine)

    with refused(meeting, "choose_inbrenger"):
        meeting.advance(FACILITATOR)
    waits = meeting.capabilities(LATER).waiting
    assert [(w.reason, w.people, w.rule) for w in waits] == [
        ("inbrenger", (FACILITATOR,), "choose_inbrenger")
    ]
    # whom the facilitator may record: any member present but the neutral facilitator
    assert meeting.capabilities(LATER).of(FACILITATOR).examples == ("bram", "carla", "dirk", "eva")
    assert meeting.capabilities(LATER).of(FACILITATOR).may("choose_inbrenger")
    assert not meeting.capabilities(LATER).of("carla").may("choose_inbrenger")


def test_the_chosen_member_is_the_inbrenger_from_then_on(engine: Engine) -> None:
    meeting = at_examples(engine)

    meeting.choose_inbrenger(FACILITATOR, "Carla")

    state = meeting.state
    assert state.inbrenger == "carla" and state.case is not None
    assert state.case.leervraag_id == "L2"  # the question the group works on stays
    assert isinstance(meeting.engine.journal.load(meeting.id)[-1], InbrengerChosen)
    assert "inbrenger" in meeting.roles("carla")
    assert "inbrenger" not in meeting.roles(INBRENGER)
    assert "participant" in meeting.roles(INBRENGER)
    meeting.advance(FACILITATOR)
    assert meeting.state.phase == "clarification"
    meeting.contribute("carla", "statement", "it happened on a Tuesday")
    meeting.contribute(INBRENGER, "open_question", "what did you feel then?")
    with refused(meeting, "allowed_kinds"):  # Bram asks now, he no longer tells
        meeting.contribute(INBRENGER, "statement", "my own example")
    assert_replays(meeting)


def test_the_example_owner_makes_the_closing_decision_and_it_comes_back(engine: Engine) -> None:
    meeting = at_examples(engine)
    meeting.choose_inbrenger(FACILITATOR, "carla")
    while meeting.state.phase != "evaluation":
        if meeting.phase is not None and meeting.phase.consensus:
            meeting.record_consensus(FACILITATOR, "agreed")
        for person in ("bram", "dirk", "eva"):
            if meeting.phase is not None and meeting.phase.everyone_contributes:
                meeting.contribute(person, "statement", "my version")
        meeting.advance(FACILITATOR)
    with refused(meeting, "inbrenger_decides"):
        meeting.decide(INBRENGER, text="not his to say any more")
    meeting.decide("carla", text="I will ask what trust needs before I give it")
    meeting.advance(FACILITATOR)

    record = record_of(meeting.state, meeting.engine.registry)
    assert record.inbrengers == ("carla",)  # the history counts whose example it was
    assert [(c.member, c.text) for c in record.commitments] == [
        ("carla", "I will ask what trust needs before I give it")
    ]


def test_a_choice_that_cannot_stand_is_refused_and_writes_nothing(engine: Engine) -> None:
    meeting = at_examples(engine)

    with refused(meeting, "advance_by"):  # the group's choice, entered by the facilitator
        meeting.choose_inbrenger("carla", "carla")
    with refused(meeting, "inbrenger_consents"):
        meeting.choose_inbrenger(FACILITATOR, "dirk", consent=False)
    with refused(meeting, "choose_inbrenger"):  # whoever leads brings no example
        meeting.choose_inbrenger(FACILITATOR, FACILITATOR)


def test_outside_a_phase_that_leaves_it_to_the_group_the_inbrenger_stays(engine: Engine) -> None:
    meeting = start(engine, "incident")

    with refused(meeting, "phase"):
        meeting.choose_inbrenger(FACILITATOR, "carla")
    assert meeting.state.inbrenger == INBRENGER


def test_imi_records_whose_incident_the_group_chose(engine: Engine) -> None:
    meeting = start(engine, "imi")
    for person in ("anna", "bram", "carla", "dirk", "eva"):
        if person != INBRENGER:
            meeting.contribute(person, "statement", f"an incident of {person}")
    meeting.contribute(INBRENGER, "statement", "mine")
    meeting.advance(FACILITATOR)
    assert meeting.state.phase == "choice"
    meeting.record_consensus(FACILITATOR, "Dirk's incident")
    with refused(meeting, "choose_inbrenger"):
        meeting.advance(FACILITATOR)

    meeting.choose_inbrenger(FACILITATOR, "dirk")
    meeting.advance(FACILITATOR)

    assert (meeting.state.phase, meeting.state.inbrenger) == ("story", "dirk")
    meeting.contribute("dirk", "statement", "a client threw a chair")
    assert_replays(meeting)
