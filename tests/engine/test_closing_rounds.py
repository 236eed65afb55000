"""A method that ends with a closing round of its own is not followed by the frame's.

Balint's sharing, the ten steps' last round, the qualities' take-away round are the
recognitions; the gossip method's process evaluation is the evaluation of the method.
Each says so in its spec (``closes_with``), and the frame then leaves its own round
out (recognitions) or leaves the method out of it (the evaluation, which still
closes the meeting). A meeting with another case as well keeps the frame's round.
"""

from __future__ import annotations

import pytest
from support import FACILITATOR, refused, start

from intervision.engine import Engine, Meeting, frame_step


def through_the_method(meeting: Meeting) -> None:
    """Every phase skipped: what follows the method is the point here."""
    while meeting.state.frame == "method":
        meeting.skip(FACILITATOR, "to the end of the method")


@pytest.mark.parametrize("method_id", ["balint", "ten-steps", "qualities"])
def test_after_a_method_that_held_the_recognitions_the_frame_goes_to_the_evaluation(
    engine: Engine, method_id: str
) -> None:
    meeting = start(engine, method_id)
    through_the_method(meeting)
    meeting.advance(FACILITATOR)  # no second case

    assert meeting.state.frame == "evaluation"
    meeting.close(FACILITATOR)
    assert meeting.state.closed


def test_a_method_without_such_a_round_keeps_the_frames_recognitions(engine: Engine) -> None:
    meeting = start(engine, "incident")
    through_the_method(meeting)
    meeting.advance(FACILITATOR)

    assert meeting.state.frame == "recognitions"
    with refused(meeting, "recognitions_complete"):
        meeting.advance(FACILITATOR)


def test_with_a_second_case_in_another_method_the_recognitions_are_held(engine: Engine) -> None:
    meeting = start(engine, "balint")
    through_the_method(meeting)
    meeting.choose_case(FACILITATOR, "carla")
    meeting.choose_method(FACILITATOR, "incident")
    through_the_method(meeting)
    meeting.advance(FACILITATOR)

    assert meeting.state.frame == "recognitions"


def test_the_balint_group_variant_has_no_sharing_and_keeps_the_recognitions(
    engine: Engine,
) -> None:
    meeting = engine.start_meeting(
        ["Anna", "Bram", "Carla", "Dirk", "Eva", "Fleur"], facilitator="Anna"
    )
    meeting.advance(FACILITATOR)
    for person in meeting.state.present:
        meeting.submit_leervraag(person, "my leervraag")
    meeting.advance(FACILITATOR)
    meeting.choose_case(FACILITATOR, "bram")
    meeting.choose_method(FACILITATOR, "balint", variant="balint-group")
    through_the_method(meeting)
    meeting.advance(FACILITATOR)

    assert meeting.state.frame == "recognitions"


def test_after_gossip_the_evaluation_leaves_the_method_out(engine: Engine) -> None:
    meeting = start(engine, "gossip")
    through_the_method(meeting)
    meeting.advance(FACILITATOR)
    meeting_frame = meeting.state.frame
    assert meeting_frame == "recognitions"  # gossip holds no recognitions round
    for person in meeting.state.present:
        meeting.contribute(person, "recognition", "I know that")
    meeting.advance(FACILITATOR)

    step = frame_step(meeting.state, meeting.engine.registry)
    assert step.id == "evaluation"
    assert "don't do it again" in step.instructions.en
    assert "niet nog eens" in step.instructions.nl
    assert "How did the method" not in step.instructions.en


def test_after_another_method_the_evaluation_asks_about_the_method(engine: Engine) -> None:
    meeting = start(engine, "incident")
    through_the_method(meeting)
    meeting.advance(FACILITATOR)
    for person in meeting.state.present:
        meeting.contribute(person, "recognition", "I know that")
    meeting.advance(FACILITATOR)

    step = frame_step(meeting.state, meeting.engine.registry)
    assert "How did the method and the roles go?" in step.instructions.en
