"""What one person sees of a meeting, as JSON: the screen a host draws for them.

Visibility is the engine's, never the host's own guess: contributions come from
``Meeting.visible_to(person)``, so a contribution written in silence stays hidden
until the facilitator reveals it, one hidden until a later phase stays hidden until
that phase comes, and its author always sees it. What a person "may do" and whom the
step waits for come from ``Meeting.capabilities()``, the engine's own answer, which
never offers a command the engine would refuse; the host adds no rule of its own.
"""

from __future__ import annotations

from typing import Any

from intervision.engine import Contribution, Meeting, MeetingDigest, frame_step
from intervision.engine.groups import GroupState

__all__ = ["contribution_view", "digest_view", "group_view", "meeting_view", "position"]


def group_view(group: GroupState) -> dict[str, Any]:
    return {
        "id": group.id,
        "name": group.name,
        "lang": group.lang,
        "version": group.version,
        "members": [{"id": m.id, "name": m.name} for m in group.members.values()],
    }


def digest_view(digest: MeetingDigest) -> dict[str, Any]:
    """A meeting in a listing: where it is, from its digest (no case content)."""
    case = digest.case
    return {
        "meeting_id": digest.meeting_id,
        "group_id": digest.group_id,
        "started": digest.started_at.isoformat(),
        "version": digest.version,
        "frame": digest.frame,
        "phase": digest.phase,
        "method": case.method_id if case else None,
        "closed": digest.closed,
    }


def position(meeting: Meeting) -> dict[str, Any]:
    """Where the meeting is: enough for a client to tell whether its screen is stale."""
    state = meeting.state
    remaining = meeting.remaining_seconds()
    return {
        "meeting_id": state.meeting_id,
        "version": state.version,
        "frame": state.frame,
        "phase": state.phase,
        "step": state.step_no,
        "title": meeting.title()(state.lang),
        "seconds_left": None if remaining is None else round(remaining),
        "closed": state.closed,
    }


def meeting_view(meeting: Meeting, viewer: str) -> dict[str, Any]:
    """The meeting as ``viewer`` (a member id or name) may see it now."""
    person = meeting.person(viewer)
    state, lang = meeting.state, meeting.state.lang
    case, method = state.case, meeting.method
    chosen = None
    if case is not None and case.method_id is not None and method is not None:
        chosen = {
            "id": case.method_id,
            "version": case.method_version,
            "variant": case.variant,
            "title": method.title(lang),
        }
    can = meeting.capabilities()
    theirs = can.of(person)
    return {
        **position(meeting),
        "group_id": state.group_id,
        "lang": lang,
        "method": chosen,
        "facilitator": _name(meeting, state.facilitator),
        "inbrenger": _name(meeting, state.inbrenger),
        "present": [_name(meeting, p) for p in state.present],
        "you": {
            "id": person,
            "name": _name(meeting, person),
            "roles": sorted(theirs.roles),
            "instructions": _instructions(meeting, theirs.roles),
            "may_contribute": list(theirs.kinds),
            "may": sorted(theirs.commands),
        },
        "waiting_for": [_name(meeting, p) for p in can.waiting_for],
        "waits": [
            {"reason": w.reason, "people": [_name(meeting, p) for p in w.people]}
            for w in can.waiting
        ],
        "leervragen": [
            {"id": lv.id, "by": _name(meeting, lv.by), "text": lv.text}
            for lv in state.leervragen.values()
        ],
        "contributions": [contribution_view(meeting, c) for c in meeting.visible_to(person)],
    }


def contribution_view(meeting: Meeting, contribution: Contribution) -> dict[str, Any]:
    return {
        "id": contribution.id,
        "author": _name(meeting, contribution.author),
        "kind": contribution.kind,
        "text": contribution.text,
        "frame": contribution.frame,
        "phase": contribution.phase,
        "reply_to": contribution.reply_to,
        "at": contribution.at.isoformat(),
    }


def _instructions(meeting: Meeting, their_roles: frozenset[str]) -> list[str]:
    lang, phase = meeting.state.lang, meeting.phase
    if phase is None:
        return [frame_step(meeting.state, meeting.engine.registry).instructions(lang)]
    return [phase.instructions[r](lang) for r in sorted(their_roles) if r in phase.instructions]


def _name(meeting: Meeting, person: str | None) -> str | None:
    if person is None:
        return None
    member = meeting.state.members.get(person)
    return member.name if member is not None else person
