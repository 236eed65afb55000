"""The frame around every method, and what the engine does with bad commands."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support import FACILITATOR, INBRENGER, MEMBERS, assert_replays, refused, to_case_choice

from intervision.engine import (
    Advance,
    ConcurrencyError,
    Engine,
    Meeting,
    MeetingNotFoundError,
    NotAMemberError,
    UnknownMethodError,
    WrongPhaseError,
)


def test_the_frame_runs_in_order_around_the_method(start_method: Callable[..., Meeting]) -> None:
    meeting = start_method("incident")
    steps = []
    while meeting.state.frame == "method":
        phase = meeting.phase
        assert phase is not None
        if phase.decision:
            meeting.decide(INBRENGER, text="my next step")
        meeting.advance(FACILITATOR)
    steps.append(meeting.state.frame)
    meeting.advance(FACILITATOR)
    steps.append(meeting.state.frame)
    for person in meeting.state.present:
        meeting.contribute(person, "recognition", "I know this too")
    meeting.advance(FACILITATOR)
    steps.append(meeting.state.frame)
    meeting.contribute("dirk", "learning_point", "shorter question round next time")
    meeting.close(FACILITATOR)
    steps.append(meeting.state.frame)
    assert steps == ["second_case", "recognitions", "evaluation", "closed"]
    assert_replays(meeting)


def test_everyone_present_brings_a_leervraag_or_passes_once(engine: Engine) -> None:
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    with refused(meeting, "phase"):
        meeting.submit_leervraag("bram", "too early: the opening is still on")
    meeting.advance(FACILITATOR)
    meeting.submit_leervraag("bram", "how do I set limits with a demanding parent?")
    with refused(meeting, "one_leervraag_each"):
        meeting.submit_leervraag("bram", "a second one")
    meeting.pass_leervraag("carla")
    with refused(meeting, "leervragen_complete"):
        meeting.advance(FACILITATOR)
    for person in ("anna", "dirk", "eva"):
        meeting.pass_leervraag(person)
    meeting.advance(FACILITATOR)
    assert meeting.state.frame == "case_choice"


def test_the_case_needs_a_leervraag_and_the_inbrengers_consent(engine: Engine) -> None:
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    meeting.advance(FACILITATOR)
    meeting.submit_leervraag("bram", "a leervraag")
    for person in ("anna", "carla", "dirk", "eva"):
        meeting.pass_leervraag(person)
    meeting.advance(FACILITATOR)
    with refused(meeting, "case_choice"):
        meeting.choose_case(FACILITATOR, "carla", consent=True)
    with refused(meeting, "inbrenger_consents"):
        meeting.choose_case(FACILITATOR, "bram", consent=False)
    with refused(meeting, "advance_by"):
        meeting.choose_case("dirk", "bram", consent=True)
    meeting.choose_case(FACILITATOR, "bram", consent=True)
    with refused(meeting, "inbrenger_agrees"):
        meeting.choose_method(FACILITATOR, "incident", inbrenger_agrees=False)
    with pytest.raises(UnknownMethodError, match="incident"):
        meeting.choose_method(FACILITATOR, "no-such-method", inbrenger_agrees=True)
    meeting.choose_method("bram", "incident", inbrenger_agrees=True)
    assert meeting.state.case is not None
    assert (meeting.state.case.method_id, meeting.state.case.method_version) == ("incident", "1.0")


def test_a_second_case_runs_another_method(start_method: Callable[..., Meeting]) -> None:
    meeting = start_method("incident")
    while meeting.state.frame == "method":
        if meeting.phase and meeting.phase.decision:
            meeting.decide(INBRENGER, text="next step")
        meeting.advance(FACILITATOR)
    with refused(meeting, "case_choice"):
        meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_case(FACILITATOR, "carla", consent=True)
    meeting.choose_method(FACILITATOR, "socratic", inbrenger_agrees=True)
    assert meeting.state.inbrenger == "carla"
    assert [c.method_id for c in meeting.state.cases] == ["incident", "socratic"]
    assert "statement" in meeting.allowed_kinds("carla")
    assert_replays(meeting)


def test_recognitions_come_from_everyone(start_method: Callable[..., Meeting]) -> None:
    meeting = start_method("incident")
    meeting.skip(FACILITATOR, "we ran out of time")
    assert meeting.state.phase == "questions"
    while meeting.state.frame == "method":
        meeting.skip(FACILITATOR, "short meeting today")
    meeting.advance(FACILITATOR)
    meeting.contribute("bram", "recognition", "I learned a lot")
    with refused(meeting, "allowed_kinds"):
        meeting.contribute("carla", "advice", "not now")
    with refused(meeting, "recognitions_complete"):
        meeting.advance(FACILITATOR)
    assert len(meeting.state.skipped) == 5


def test_skip_and_early_close_need_a_reason_extend_is_recorded(
    start_method: Callable[..., Meeting],
) -> None:
    meeting = start_method("incident")
    with refused(meeting, "reason_required"):
        meeting.skip(FACILITATOR, "  ")
    before = meeting.remaining_seconds()
    meeting.extend(FACILITATOR, 5)
    after = meeting.remaining_seconds()
    assert before is not None and after is not None and after - before > 290
    with refused(meeting, "advance_by"):
        meeting.extend("carla", 5)
    with refused(meeting, "reason_required"):
        meeting.close(FACILITATOR)
    meeting.close(FACILITATOR, reason="fire alarm")
    assert meeting.state.closed and meeting.state.closed_reason == "fire alarm"
    with refused(meeting, "meeting_closed"):
        meeting.advance(FACILITATOR)


def test_bad_input_gets_a_specific_error_and_writes_nothing(engine: Engine) -> None:
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    journal = engine.journal
    before = journal.load(meeting.id)
    with pytest.raises(NotAMemberError, match="not a member") as stranger:
        meeting.advance("Zoë")
    assert "Zoë" not in str(stranger.value)  # never echoed
    with pytest.raises(WrongPhaseError):
        meeting.reveal(FACILITATOR)
    with pytest.raises(MeetingNotFoundError):
        engine.meeting("no-such-meeting")
    stale = meeting.state.version
    meeting.advance(FACILITATOR)
    with pytest.raises(ConcurrencyError) as conflict:
        engine.execute(meeting.id, Advance(by=FACILITATOR), expected_version=stale)
    assert (conflict.value.expected, conflict.value.actual) == (stale, stale + 1)
    assert len(journal.load(meeting.id)) == len(before) + 1


def test_the_opening_hears_how_earlier_commitments_went(engine: Engine) -> None:
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    added = meeting.contribute("bram", "statement", "I called the parents; it helped")
    assert [(c.id, c.frame, c.case_no) for c in meeting.state.contributions] == [
        (added, "opening", None)
    ]
    assert meeting.allowed_kinds("carla") == ("statement",)
    with refused(meeting, "allowed_kinds"):
        meeting.contribute("carla", "question", "the opening takes no questions")
    meeting.advance(FACILITATOR)
    with refused(meeting, "phase"):
        meeting.contribute("carla", "statement", "the leervragen step takes none")
    assert_replays(meeting)


def test_refusals_explain_in_the_meetings_language(engine: Engine) -> None:
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna", lang="nl")
    to_case_choice(meeting)
    with refused(meeting, "inbrenger_consents"):
        meeting.choose_case(FACILITATOR, INBRENGER, consent=False)
    try:
        meeting.choose_case(FACILITATOR, INBRENGER, consent=False)
    except Exception as exc:
        assert "inbrenger moet ermee instemmen" in str(exc)
        assert "must agree" in exc.reason.en  # type: ignore[attr-defined]


def test_invalid_command_fields_do_not_echo_the_text(start_method: Callable[..., Meeting]) -> None:
    meeting = start_method("incident")
    with refused(meeting, "command"):
        meeting.extend(FACILITATOR, 0)
    with refused(meeting, "command"):
        meeting.contribute(INBRENGER, "statement", "")


def test_the_facilitator_hands_over_when_the_method_forbids_facilitating_ones_own_case(
    engine: Engine,
) -> None:
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, FACILITATOR, consent=True)
    with refused(meeting, "facilitator_not_inbrenger"):
        meeting.choose_method(FACILITATOR, "balint", inbrenger_agrees=True)
    with refused(meeting, "advance_by"):
        meeting.hand_over("carla", "dirk")
    with refused(meeting, "hand_over"):
        meeting.hand_over(FACILITATOR, FACILITATOR)
    meeting.hand_over(FACILITATOR, "dirk")
    assert meeting.state.facilitator == "dirk"
    meeting.choose_method("dirk", "balint", inbrenger_agrees=True)
    assert meeting.state.phase == "explanation"
    with refused(meeting, "phase"):
        meeting.hand_over("dirk", "eva")
    assert_replays(meeting)


def test_a_command_out_of_its_phase_is_named_in_words_in_both_languages(engine: Engine) -> None:
    from intervision.engine import Contribute, Decide, Extend, Reveal, Skip, TakeLoop

    meeting = engine.start_meeting(MEMBERS, facilitator="Anna", lang="nl")
    meeting.advance(FACILITATOR)  # the leervragen: no phase commands, no contributions
    commands = [
        Reveal(by=FACILITATOR),
        Decide(by=FACILITATOR, text="…"),
        Extend(by=FACILITATOR, minutes=5),
        Skip(by=FACILITATOR, reason="…"),
        TakeLoop(by=FACILITATOR, loop_id="x"),
    ]
    commands.append(Contribute(by=INBRENGER, kind="note", text="…"))
    said = []
    for command in commands:
        with pytest.raises(WrongPhaseError) as refusal:
            engine.execute(meeting.id, command, expected_version=meeting.state.version)
        said.append((refusal.value.reason("nl"), refusal.value.reason("en")))
    assert said[0] == (
        "'onthullen' kan niet in de fase 'Leervragen'.",
        "'reveal' is not possible in the phase 'Leervragen'.",
    )
    assert [nl.split("'")[1] for nl, _ in said] == [
        "onthullen",
        "besluiten",
        "verlengen",
        "overslaan",
        "teruggaan",
        "iets bijdragen",
    ]
    assert not any("_" in nl for nl, _ in said)
