"""Meetings set up in one call, for tests of methods and of hosts.

A standard group (Anna facilitates, Bram brings the case) and a meeting taken
straight into the first phase of a method, with a group the method accepts.
"""

from __future__ import annotations

from intervision.engine import FRAME_ROLES, Engine, Meeting, MethodSpec

__all__ = [
    "FACILITATOR",
    "INBRENGER",
    "MEMBERS",
    "NAMES",
    "PARTICIPANTS",
    "group_for",
    "own_roles",
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


def own_roles(method: MethodSpec) -> list[str]:
    """The roles the method declares beyond the frame's: someone holds each."""
    return [role.id for role in method.roles if role.id not in FRAME_ROLES]


def group_for(method: MethodSpec) -> list[str]:
    """Five members, or as many as the method needs: with a member besides the
    facilitator and the inbrenger for each role of the method's own, and one more
    who is only a participant, where the method's group may be that large."""
    wanted = max(5, 3 + len(own_roles(method)))
    size = max(method.fit.group_min, min(wanted, method.fit.group_max))
    return NAMES[:size]


def start(engine: Engine, method_id: str, variant: str | None = None) -> Meeting:
    """A meeting of a fitting group taken into the first phase of the method; each
    role the method declares beyond the frame's is held by a participant, from the
    last member on (Carla stays a participant only)."""
    method = engine.registry.method(method_id, variant=variant)
    members = group_for(method)
    holders = [name for name in reversed(members) if name not in ("Anna", "Bram", "Carla")]
    roles = dict(zip(own_roles(method), holders, strict=False))
    meeting = engine.start_meeting(members, facilitator="Anna", roles=roles)
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True, variant=variant)
    return meeting
