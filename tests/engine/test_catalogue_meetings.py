"""Scripted meetings of the methods that need more than phases in a row.

troika rotates the inbrenger, problem-solving loops back, collegial consultation
nests a module, socratic only answers the questions the inbrenger found warm or
neutral, and the incident blind position hides the actual action until every
member has written what they would have done.
"""

from __future__ import annotations

from support import FACILITATOR, INBRENGER, assert_replays, refused, start, to_case_choice

from intervision.engine import CommandRefused, Engine


def test_troika_gives_every_member_one_round_as_inbrenger(engine: Engine) -> None:
    meeting = engine.start_meeting(["Anna", "Bram", "Carla"], facilitator="Anna")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, "troika", inbrenger_agrees=True)
    rounds = []
    while meeting.state.frame == "method":
        inbrenger = meeting.state.inbrenger
        assert inbrenger is not None
        if meeting.state.phase == "challenge":
            rounds.append(inbrenger)
            meeting.contribute(inbrenger, "statement", "my challenge")
        if meeting.state.phase == "consulting":
            consultant = next(p for p in meeting.state.present if p != inbrenger)
            advice = meeting.contribute(consultant, "advice", "try asking for help")
            with refused(meeting, "inbrenger_mode"):
                meeting.contribute(inbrenger, "reaction", "but...")
        if meeting.state.phase == "feedback":
            meeting.decide(inbrenger, selected=[advice], text="the most valuable")
        meeting.advance(FACILITATOR)
    assert rounds == ["bram", "anna", "carla"]
    assert [case.auto for case in meeting.state.cases] == [False, True, True]
    assert meeting.state.frame == "second_case"
    assert_replays(meeting)


def test_problem_solving_goes_back_to_the_questions_when_the_inbrenger_is_not_helped(
    engine: Engine,
) -> None:
    meeting = start(engine, "problem-solving")
    for _ in range(3):
        meeting.advance(FACILITATOR)
    assert meeting.state.phase == "advice"
    meeting.contribute("carla", "advice", "talk to your team lead")
    with refused(meeting, "loops"):
        meeting.take_loop("carla", "not_helped")
    meeting.contribute(INBRENGER, "reaction", "this does not help me, because...")
    meeting.take_loop(INBRENGER, "not_helped")
    assert meeting.state.phase == "questions"
    assert meeting.state.loops_taken == ((1, "not_helped"),)
    meeting.contribute("dirk", "question", "what did you try already?")
    for _ in range(2):
        meeting.advance(FACILITATOR)
    assert meeting.state.phase == "advice"
    assert [c.text for c in meeting.state.step_contributions()] == []
    with refused(meeting, "decision_required"):  # helped now: which advice, and what next
        meeting.advance(FACILITATOR)
    meeting.decide(INBRENGER, text="I will ask my team lead on Monday")
    meeting.advance(FACILITATOR)
    assert meeting.state.frame == "second_case"
    assert_replays(meeting)


def test_collegial_consultation_runs_a_nested_module_and_returns(engine: Engine) -> None:
    meeting = start(engine, "collegial-consultation")
    while meeting.state.phase != "consultation":
        if meeting.state.phase == "key_question":
            meeting.contribute(INBRENGER, "statement", "how do I say no without guilt?")
        meeting.advance(FACILITATOR)
    with refused(meeting, "nesting"):
        meeting.advance(FACILITATOR)
    with refused(meeting, "nesting"):
        meeting.choose_module(INBRENGER, "incident")
    meeting.choose_module(INBRENGER, "cb-brainstorming")
    assert meeting.state.module is not None and meeting.state.module.startswith("cb-brainstorming@")
    assert meeting.method is not None and meeting.method.id == "cb-brainstorming"
    idea = meeting.contribute("carla", "advice", "say it early, in a sentence")
    with refused(meeting, "inbrenger_mode"):
        meeting.contribute(INBRENGER, "reaction", "I only listen now")
    while meeting.state.module is not None:
        meeting.advance(FACILITATOR)
    assert (meeting.state.module, meeting.state.phase) == (None, "closing")
    assert meeting.state.contributions[-1].phase == "cb-brainstorming/ideas"
    meeting.decide(INBRENGER, selected=[idea], text="I will try the early sentence")
    meeting.advance(FACILITATOR)
    assert meeting.state.frame == "second_case"
    assert_replays(meeting)


def test_socratic_cold_questions_cannot_be_answered(engine: Engine) -> None:
    meeting = start(engine, "socratic")
    meeting.advance(FACILITATOR)
    warm = meeting.contribute("carla", "open_question", "what do you feel when she calls?")
    cold = meeting.contribute("dirk", "open_question", "why don't you quit?")
    open_ = [meeting.contribute(p, "open_question", "what else?") for p in ("anna", "eva")]
    meeting.reveal(FACILITATOR)
    meeting.advance(FACILITATOR)
    assert meeting.state.phase == "sorting"
    meeting.decide(
        INBRENGER, labels={warm: "warm", cold: "cold", **dict.fromkeys(open_, "neutral")}
    )
    meeting.advance(FACILITATOR)
    assert meeting.state.phase == "answering"
    with refused(meeting, "answers_labelled"):
        meeting.contribute(INBRENGER, "reaction", "I would not quit", reply_to=cold)
    meeting.contribute(INBRENGER, "reaction", "tense, mostly", reply_to=warm)
    assert_replays(meeting)


def test_incident_blind_position_hides_the_actual_action_until_every_position_is_written(
    engine: Engine,
) -> None:
    meeting = start(engine, "incident", variant="blind-position")
    while meeting.state.phase != "actual":
        meeting.advance(FACILITATOR)
    actual = meeting.contribute(INBRENGER, "statement", "I called the police")
    for member in ("anna", "carla", "dirk", "eva"):
        assert actual not in [c.id for c in meeting.visible_to(member)]
    meeting.advance(FACILITATOR)
    assert meeting.state.phase == "positions"
    meeting.contribute("carla", "position", "I would have waited")
    with refused(meeting, "everyone_contributes"):
        meeting.advance(FACILITATOR)
    for member in ("anna", "dirk", "eva"):  # the facilitator is a member too
        meeting.contribute(member, "position", "I would have talked first")
    assert actual not in [c.id for c in meeting.visible_to("carla")]
    meeting.reveal(FACILITATOR)
    assert actual not in [c.id for c in meeting.visible_to("carla")]
    meeting.advance(FACILITATOR)
    assert meeting.state.phase == "compare"
    assert actual in [c.id for c in meeting.visible_to("carla")]
    assert_replays(meeting)


def test_only_a_module_can_run_inside_a_phase_and_an_unknown_one_is_refused(
    engine: Engine,
) -> None:
    meeting = start(engine, "collegial-consultation")
    while meeting.state.phase != "consultation":
        if meeting.state.phase == "key_question":
            meeting.contribute(INBRENGER, "statement", "my key question")
        meeting.advance(FACILITATOR)
    with refused(meeting, "nesting"):
        meeting.choose_module(INBRENGER, "no-such-module")
    with refused(meeting, "nesting"):
        meeting.choose_module(INBRENGER, "gossip")


def test_an_unknown_variant_is_refused_at_method_choice(engine: Engine) -> None:
    meeting = engine.start_meeting(["Anna", "Bram", "Carla", "Dirk"], facilitator="Anna")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    with refused(meeting, "method_choice"):
        meeting.choose_method(FACILITATOR, "incident", inbrenger_agrees=True, variant="nope")


def test_a_dutch_refusal_names_the_labels_in_dutch(engine: Engine) -> None:
    meeting = engine.start_meeting(
        ["Anna", "Bram", "Carla", "Dirk", "Eva"], facilitator="Anna", lang="nl"
    )
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, "socratic", inbrenger_agrees=True)
    meeting.advance(FACILITATOR)
    cold = meeting.contribute("carla", "open_question", "waarom stop je niet?")
    others = [meeting.contribute(p, "open_question", "en verder?") for p in ("anna", "dirk", "eva")]
    meeting.reveal(FACILITATOR)
    meeting.advance(FACILITATOR)
    meeting.decide(INBRENGER, labels={cold: "cold", **dict.fromkeys(others, "neutral")})
    meeting.advance(FACILITATOR)
    try:
        meeting.contribute(INBRENGER, "reaction", "nee", reply_to=cold)
    except CommandRefused as refusal:
        assert "koud" in str(refusal) and "cold" in refusal.reason.en
    else:
        raise AssertionError("a cold question was answered")
