"""Meetings set up in one call, for tests of methods and of hosts.

A standard group (Anna facilitates, Bram brings the case) and a meeting taken
straight into the first phase of a method, with a group the method accepts.
"""

from __future__ import annotations

from intervision.engine import Engine, Meeting, MethodSpec

__all__ = [
    "FACILITATOR",
    "INBRENGER",
    "MEMBERS",
    "NAMES",
    "PARTICIPANTS",
    "group_for",
    "start",
    "to_case_choice",
]

#: A group of five: Anna facilitates, Bram brings the case.
MEMBERS = ["Anna", "Bram", "Carla", "Dirk", "Eva"]
FACILITATOR, INBRENGER = "anna", "bram"
PARTICIPANTS = ["carla", "dirk", "eva"]


def to_case_choice(meeting: Meeting, texts: dict[str, str] | None = None) -> None:
    """Open the meeting and collect a leervraag from everyone present."""
    meeting.advance(FACILITATOR)
    for person in meeting.state.present:
        text = (texts or {}).get(person, f"leervraag van {person}")
        meeting.submit_leervraag(person, text)
    meeting.advance(FACILITATOR)


NAMES = ["Anna", "Bram", "Carla", "Dirk", "Eva", "Fleur", "Gijs", "Hanna", "Ilse", "Joost"]


def group_for(method: MethodSpec) -> list[str]:
    """Five members, or as many as the method needs."""
    size = max(method.fit.group_min, min(5, method.fit.group_max))
    return NAMES[:size]


def start(engine: Engine, method_id: str, variant: str | None = None) -> Meeting:
    """A meeting of a fitting group taken into the first phase of the method."""
    method = engine.registry.method(method_id, variant=variant)
    meeting = engine.start_meeting(group_for(method), facilitator="Anna")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True, variant=variant)
    return meeting
