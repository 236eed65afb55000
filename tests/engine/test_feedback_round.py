"""Feedback between members on how they asked and advised: a round a group switches on.

The group's setting is kept with the group; a meeting started for the group holds the
round at its evaluation, and closes only once every member present has given the
others feedback. Without the setting, feedback may still be given, and nobody waits.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from support import FACILITATOR, refused

from intervision.engine import Engine, Meeting, MemoryJournal, Registry, frame_step
from intervision.engine.groups import dump_group, groups_of, read_group_file

LATER = datetime(2030, 1, 1, tzinfo=UTC)


def at_evaluation(meeting: Meeting) -> Meeting:
    meeting.advance(FACILITATOR)
    meeting.pass_leervraag("anna")
    for person in meeting.state.present[1:]:
        meeting.submit_leervraag(person, "my leervraag")
    meeting.advance(FACILITATOR)
    meeting.choose_case(FACILITATOR, "bram")
    meeting.choose_method(FACILITATOR, "incident")
    while meeting.state.frame == "method":
        meeting.skip(FACILITATOR, "short")
    meeting.advance(FACILITATOR)
    for person in meeting.state.present:
        meeting.contribute(person, "recognition", "seen")
    meeting.advance(FACILITATOR)
    assert meeting.state.frame == "evaluation"
    return meeting


def feedback_group(engine: Engine, on: bool = True) -> Meeting:
    book = groups_of(engine)
    book.create("Wijkteam", lang="nl")
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        book.add_member("wijkteam", name)
    group = book.set_feedback_round("wijkteam", on)
    assert group.feedback_round is on
    return engine.start_meeting(group, facilitator="anna")


def test_a_group_with_the_round_closes_once_everyone_gave_feedback(registry: Registry) -> None:
    engine = Engine(MemoryJournal(), registry)
    meeting = at_evaluation(feedback_group(engine))
    assert meeting.state.feedback_round

    meeting.contribute("carla", "feedback", "Bram, your questions were open and short")
    with refused(meeting, "feedback_round"):
        meeting.close(FACILITATOR)
    wait = meeting.capabilities(LATER).waiting
    assert [(w.reason, w.people, w.rule) for w in wait] == [
        ("feedback", ("anna", "bram", "dirk"), "feedback_round")
    ]
    for person in ("anna", "bram", "dirk"):
        meeting.contribute(person, "feedback", "your advice came too early")
    meeting.close(FACILITATOR)
    assert meeting.state.closed


def test_the_evaluation_names_the_round_where_the_group_holds_it(registry: Registry) -> None:
    engine = Engine(MemoryJournal(), registry)
    with_round = at_evaluation(feedback_group(engine))
    step = frame_step(with_round.state, registry)
    assert "feedback op hoe zij vragen stelden en adviezen gaven" in step.instructions.nl

    other = Engine(MemoryJournal(), registry)
    without = at_evaluation(feedback_group(other, on=False))
    assert "feedback" not in frame_step(without.state, registry).instructions.en
    without.contribute("carla", "feedback", "optional, and welcome")
    without.close(FACILITATOR)  # nobody waits for it


def test_a_meeting_of_names_holds_the_round_only_when_asked(engine: Engine) -> None:
    plain = engine.start_meeting(["Anna", "Bram", "Carla"], facilitator="Anna")
    asked = engine.start_meeting(["Anna", "Bram", "Carla"], facilitator="Anna", feedback_round=True)
    assert (plain.state.feedback_round, asked.state.feedback_round) == (False, True)


def test_the_setting_travels_with_the_group_file(registry: Registry, tmp_path: Path) -> None:
    engine = Engine(MemoryJournal(), registry)
    feedback_group(engine)
    path = tmp_path / "wijkteam.toml"
    path.write_text(dump_group(groups_of(engine).get("wijkteam")), encoding="utf-8")
    assert "feedback_round = true" in path.read_text(encoding="utf-8")

    elsewhere = Engine(MemoryJournal(), registry)
    imported, _ = groups_of(elsewhere).import_group(read_group_file(path))
    assert imported.feedback_round
    assert groups_of(elsewhere).get("wijkteam").feedback_round
