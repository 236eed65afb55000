"""Who may do what through the board: each link acts as its own person, the engine rules.

Every refusal here is the engine's (a rule and its reason, in the language the member
chose), or the board's split between a member's page and the console: a member's
link never moves the meeting on and never acts for someone else.
"""

from __future__ import annotations

import pytest
from board_room import Room, to_phase
from markupsafe import escape

from intervision.engine import CommandRefused


def test_a_member_brings_a_leervraag_from_their_own_page(room: Room) -> None:
    room.do("console", "advance")
    room.do("bram", "submit_leervraag", text="Hoe blijf ik rustig bij een boze ouder?")
    room.do("carla", "pass_leervraag")
    state = room.meeting.state
    assert [(lv.by, lv.text) for lv in state.leervragen.values()] == [
        ("bram", "Hoe blijf ik rustig bij een boze ouder?")
    ]
    assert state.passed == ("carla",)


def test_a_participants_advice_in_the_questions_phase_is_refused_with_the_rule(
    room: Room,
) -> None:
    to_phase(room.meeting, "incident", "questions")
    version = room.meeting.state.version
    # Carla's page offers questions only; a hand-made form asking for advice is refused
    # by the engine, with its reason in Carla's language.
    with pytest.raises(CommandRefused) as refusal:
        room.meeting.contribute("carla", "advice", "Ik zou hem bellen.")
    assert refusal.value.rule == "allowed_kinds"
    reason = room.refused("carla", "contribute", kind="advice", text="Ik zou hem bellen.")
    assert reason == str(escape(refusal.value.reason("nl")))
    assert room.meeting.state.version == version

    room.choose_lang("carla", "en")
    reason_en = room.refused("carla", "contribute", kind="advice", text="Ik zou hem bellen.")
    assert reason_en == str(escape(refusal.value.reason("en")))
    assert room.meeting.state.version == version


def test_a_participant_cannot_take_the_inbrengers_decision(room: Room) -> None:
    to_phase(room.meeting, "incident", "advice")
    room.do("carla", "contribute", kind="advice", text="Bel de ouder de volgende dag terug.")
    room.do("console", "advance")
    assert room.meeting.state.phase == "choice"
    advice = room.meeting.state.contributions[-1].id
    reason = room.refused("dirk", "decide", text="Dat doen we", selected=[advice])
    assert "inbrenger" in reason
    assert not room.meeting.state.decisions
    room.do("bram", "decide", text="Ik bel terug.", selected=[advice])
    assert [(d.by, d.selected) for d in room.meeting.state.decisions] == [("bram", (advice,))]


def test_a_link_acts_for_its_own_person_only(room: Room) -> None:
    to_phase(room.meeting, "incident", "questions")
    version = room.meeting.state.version
    message = room.refused(
        "carla", "contribute", status=403, by="dirk", kind="question", text="Wie was er?"
    )
    assert "Carla" in message
    assert room.meeting.state.version == version
    room.do("carla", "contribute", by="carla", kind="question", text="Wie was er?")
    assert room.meeting.state.contributions[-1].author == "carla"


def test_only_the_console_moves_the_meeting_on_or_hands_it_over(room: Room) -> None:
    # Anna facilitates, but her own member page is a member's page.
    for action, fields in (
        ("advance", {}),
        ("hand_over", {"to": "carla"}),
        ("close", {"reason": "klaar"}),
        ("skip", {"reason": "geen tijd"}),
    ):
        room.refused("anna", action, status=403, **fields)
        room.refused("carla", action, status=403, **fields)
    assert room.meeting.state.frame == "opening"
    assert room.meeting.state.facilitator == "anna"
    room.refused("display", "advance", status=403)

    room.do("console", "hand_over", to="carla")
    assert room.meeting.state.facilitator == "carla"
    # The console now acts for Carla, who facilitates; Anna's page still cannot.
    room.do("console", "advance")
    assert room.meeting.state.frame == "leervragen"
    room.refused("anna", "advance", status=403)


def test_the_console_types_for_a_member_without_a_device(room: Room) -> None:
    room.do("console", "advance")
    room.do("console", "behalf", **{"as": "dirk|leervraag", "text": "Hoe zeg ik nee?"})
    room.do("console", "behalf", **{"as": "eva|pass"})
    state = room.meeting.state
    assert [(lv.by, lv.text) for lv in state.leervragen.values()] == [("dirk", "Hoe zeg ik nee?")]
    assert state.passed == ("eva",)


def test_a_tap_sent_twice_with_its_request_id_counts_once(room: Room) -> None:
    to_phase(room.meeting, "incident", "questions")
    before = len(room.meeting.state.contributions)
    for _ in range(3):
        room.do("carla", "contribute", kind="question", text="Wanneer was het?", request_id="tap-1")
    room.do("carla", "contribute", kind="question", text="Wanneer was het?", request_id="tap-2")
    assert len(room.meeting.state.contributions) == before + 2


def test_a_refusal_without_script_is_shown_once_on_the_page(room: Room) -> None:
    to_phase(room.meeting, "incident", "questions")
    response = room.client.post(
        f"{room.url('carla')}/do",
        data={"csrf": room.csrf("carla"), "action": "contribute", "kind": "advice", "text": "x"},
        headers={"origin": "http://testserver"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    first = room.page("carla")
    assert 'class="flash error"' in first
    assert 'class="flash error"' not in room.page("carla")


def test_the_members_page_offers_what_the_engine_allows_and_nothing_else(room: Room) -> None:
    to_phase(room.meeting, "incident", "questions")
    carla, bram = room.page("carla"), room.page("bram")
    assert 'name="kind" value="question"' in carla
    assert 'value="advice"' not in carla
    assert 'value="advance"' not in carla and 'value="advance"' not in room.page("anna")
    assert 'name="kind" value="reaction"' in bram
    assert 'value="advance"' in room.page("console")
    room.do("console", "advance")  # analysis: the inbrenger is away
    bram = room.page("bram")
    assert 'name="kind"' not in bram
    assert "weg uit het gesprek" in bram
