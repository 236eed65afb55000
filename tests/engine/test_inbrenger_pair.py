"""Two members bring one case together, where the method allows a pair (Balint).

Both are the inbrenger while the case runs: both tell, both listen where the
inbrenger listens, each makes the decision of their own, and both had a turn in the
group's history.
"""

from __future__ import annotations

from datetime import UTC, datetime

from support import FACILITATOR, assert_replays, refused, to_case_choice

from intervision.engine import Engine, Meeting
from intervision.engine.groups.history import record_of

LATER = datetime(2030, 1, 1, tzinfo=UTC)


def paired(engine: Engine) -> Meeting:
    meeting = engine.start_meeting(["Anna", "Bram", "Carla", "Dirk", "Eva"], facilitator="Anna")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, "Bram", co_inbrenger="Carla")
    return meeting


def test_a_pair_is_chosen_only_for_a_method_that_allows_one(engine: Engine) -> None:
    meeting = paired(engine)
    assert meeting.state.inbrengers == ("bram", "carla")

    with refused(meeting, "inbrenger_pair"):
        meeting.choose_method(FACILITATOR, "incident")
    meeting.choose_method(FACILITATOR, "balint")

    assert meeting.roles("bram") >= {"inbrenger"} and meeting.roles("carla") >= {"inbrenger"}
    assert "participant" not in meeting.roles("carla")


def test_both_of_a_pair_tell_listen_and_each_decide(engine: Engine) -> None:
    meeting = paired(engine)
    meeting.choose_method(FACILITATOR, "balint")
    meeting.contribute("bram", "statement", "we both were there")
    meeting.contribute("carla", "statement", "I saw it from the door")
    meeting.advance(FACILITATOR)
    with refused(meeting, "inbrenger_mode"):  # the associations: both wait in silence
        meeting.contribute("carla", "reaction", "no, that is not it")
    while meeting.state.phase != "decision":
        for person in ("dirk", "eva"):
            kinds = meeting.allowed_kinds(person)
            if kinds and kinds[0] != "question":
                meeting.contribute(person, kinds[0], "written")
        if meeting.phase is not None and meeting.phase.written_first:
            meeting.reveal(FACILITATOR)
        meeting.advance(FACILITATOR)

    meeting.decide("bram", text="I will call the family myself")
    with refused(meeting, "decision_required"):  # each of the two decides
        meeting.advance(FACILITATOR)
    wait = meeting.capabilities(LATER).waiting
    assert [(w.reason, w.people) for w in wait] == [("decision", ("carla",))]
    meeting.decide("carla", text="I will ask the team for a second opinion")
    meeting.advance(FACILITATOR)

    record = record_of(meeting.state, meeting.engine.registry)
    assert record.inbrengers == ("bram", "carla")
    assert sorted(c.member for c in record.commitments) == ["bram", "carla"]
    # Each of the pair is asked at a later opening about their own commitment.
    assert len({c.id for c in record.commitments}) == 2
    assert_replays(meeting)


def test_a_pair_is_two_members_here_who_had_no_case_today(engine: Engine) -> None:
    meeting = engine.start_meeting(["Anna", "Bram", "Carla", "Dirk", "Eva"], facilitator="Anna")
    to_case_choice(meeting)

    with refused(meeting, "inbrenger_pair"):
        meeting.choose_case(FACILITATOR, "Bram", co_inbrenger="Bram")
    meeting.choose_case(FACILITATOR, "Bram", co_inbrenger="Carla")
    meeting.choose_method(FACILITATOR, "balint")
    meeting.skip(FACILITATOR, "a short first case")
    while meeting.state.frame == "method":
        meeting.skip(FACILITATOR, "on to the second case")
    assert meeting.state.frame == "second_case"

    with refused(meeting, "inbrenger_pair"):  # Carla brought a case already, with Bram
        meeting.choose_case(FACILITATOR, "Carla")
    with refused(meeting, "inbrenger_pair"):
        meeting.choose_case(FACILITATOR, "Dirk", co_inbrenger="Carla")
    meeting.choose_case(FACILITATOR, "Dirk")
    assert meeting.state.inbrengers == ("dirk",)
