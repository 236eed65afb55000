"""A floor under a quota ("one to three questions each", "at least one advice each"),
and kinds that wait for the inbrenger to ask for them (socratic: tips on request).

Moving on waits for the floor as it waits for everyone's turn, and the engine's own
answer to "what does the step wait for" names who still owes; a note is not an
advice. A tip before the inbrenger asked is refused; the asking is the inbrenger's
decision, recorded like any other.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError
from support import FACILITATOR, INBRENGER, assert_replays, refused, start

from intervision.engine import CommandRefused, DecisionSpec, Engine, Meeting, PhaseSpec, Text

LATER = datetime(2030, 1, 1, tzinfo=UTC)


def test_the_socratic_writing_waits_for_at_least_one_question_each(engine: Engine) -> None:
    meeting = start(engine, "socratic")
    meeting.advance(FACILITATOR)
    assert meeting.state.phase == "writing"
    meeting.contribute("carla", "open_question", "what do you fear?")
    meeting.contribute("dirk", "open_question", "what would she say?")

    wait = [w for w in meeting.capabilities(LATER).waiting if w.reason == "at_least"]
    assert [(w.people, w.rule) for w in wait] == [(("anna", "eva"), "at_least")]
    with refused(meeting, "at_least"):
        meeting.advance(FACILITATOR)
    with refused(meeting, "written_first"):  # revealed now, the floor could not be reached
        meeting.reveal(FACILITATOR)
    assert not meeting.capabilities(LATER).of(FACILITATOR).may("reveal")


def test_the_refusal_counts_who_still_owes_and_names_nobody(engine: Engine) -> None:
    meeting = start(engine, "socratic")
    meeting.advance(FACILITATOR)
    for person in ("anna", "carla", "dirk"):
        meeting.contribute(person, "open_question", "and then?")

    with pytest.raises(CommandRefused) as caught:
        meeting.advance(FACILITATOR)
    assert caught.value.rule == "at_least"
    assert "1 of the participants" in caught.value.reason.en
    assert "1 van de deelnemers" in caught.value.reason.nl
    assert "Eva" not in str(caught.value)


def test_a_floor_met_lets_the_step_move_on_and_skipping_stays_possible(engine: Engine) -> None:
    meeting = start(engine, "socratic")
    meeting.advance(FACILITATOR)
    for person in ("anna", "carla", "dirk", "eva"):
        meeting.contribute(person, "open_question", f"a question of {person}")
    meeting.reveal(FACILITATOR)
    meeting.advance(FACILITATOR)
    assert meeting.state.phase == "sorting"

    other = start(engine, "socratic")
    other.advance(FACILITATOR)
    other.skip(FACILITATOR, "we ran out of time")  # a facilitator may always skip, with a reason
    assert other.state.phase == "sorting"


def test_in_five_steps_a_note_is_not_an_advice(engine: Engine) -> None:
    meeting = start(engine, "five-steps")
    while meeting.state.phase != "advice":
        meeting.advance(FACILITATOR)
    meeting.contribute(FACILITATOR, "note", "the facilitator's note")
    for person in ("carla", "dirk", "eva"):
        meeting.contribute(person, "advice", f"advice of {person}")

    with refused(meeting, "at_least"):
        meeting.advance(FACILITATOR)
    meeting.contribute(FACILITATOR, "advice", "the facilitator is a member too")
    meeting.advance(FACILITATOR)
    assert meeting.state.phase == "evaluation"
    assert_replays(meeting)


def at_forces(engine: Engine) -> Meeting:
    meeting = start(engine, "socratic")
    while meeting.state.phase != "forces":
        meeting.skip(FACILITATOR, "straight to the forces")
    return meeting


def test_a_socratic_tip_waits_until_the_inbrenger_asks_for_it(engine: Engine) -> None:
    meeting = at_forces(engine)
    meeting.contribute("carla", "analysis", "the team's habit of rushing")
    assert "advice" not in meeting.capabilities(LATER).of("carla").kinds

    with refused(meeting, "on_request"):
        meeting.contribute("carla", "advice", "plan a talk with her")
    meeting.decide(INBRENGER, text="tips for the first sentence, please")

    assert "advice" in meeting.capabilities(LATER).of("carla").kinds
    meeting.contribute("carla", "advice", "start with what you saw")
    meeting.advance(FACILITATOR)  # asking for tips is never owed
    assert meeting.state.phase == "next_step"
    assert_replays(meeting)


def test_nobody_else_can_ask_on_the_inbrengers_behalf(engine: Engine) -> None:
    meeting = at_forces(engine)

    with refused(meeting, "inbrenger_decides"):
        meeting.decide("carla", text="she surely wants tips")
    with refused(meeting, "on_request"):
        meeting.contribute("dirk", "advice", "still too early")


def test_a_phase_whose_floors_or_requests_cannot_hold_is_refused_when_written() -> None:
    base = {"id": "p", "title": Text(nl="Fase", en="Phase"), "minutes": 5}
    with pytest.raises(ValidationError, match="more than the quota"):
        PhaseSpec(
            **base,
            allowed={"participant": ("advice",)},
            quotas={"advice": 1},
            at_least={"advice": 2},
        )
    with pytest.raises(ValidationError, match="cannot give the kind 'advice' here"):
        PhaseSpec(**base, at_least={"advice": 1})
    with pytest.raises(ValidationError, match="required = false"):
        PhaseSpec(
            **base,
            allowed={"participant": ("advice",)},
            on_request=("advice",),
            decision=DecisionSpec(id="ask", title=Text(nl="Vraag", en="Ask")),
        )
