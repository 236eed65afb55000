"""``Meeting.roles``: the roles a host shows a person are the ones the rules count."""

from __future__ import annotations

from collections.abc import Callable

from support import FACILITATOR, INBRENGER, MEMBERS

from intervision.engine import Engine, Meeting


def test_the_inbrenger_is_the_inbrenger_only_while_their_case_runs(
    engine: Engine, start_method: Callable[..., Meeting]
) -> None:
    opening = engine.start_meeting(MEMBERS, facilitator="Anna")
    assert opening.roles(INBRENGER) == {"participant"}

    meeting = start_method("incident")
    assert meeting.roles(INBRENGER) == {"inbrenger"}
    assert meeting.roles(FACILITATOR) == {"facilitator", "participant"}


def test_a_method_with_a_neutral_facilitator_does_not_count_them_as_participant(
    start_method: Callable[..., Meeting],
) -> None:
    meeting = start_method("socratic-dialogue")

    assert meeting.roles(FACILITATOR) == {"facilitator"}
    assert meeting.roles("Carla") == {"participant"}


def test_scribe_and_timekeeper_are_roles_too(engine: Engine) -> None:
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna", scribe="Carla", timekeeper="Dirk")

    assert meeting.roles("carla") == {"participant", "scribe"}
    assert meeting.roles("Dirk") == {"participant", "timekeeper"}
