"""A group as the facilitator sees it: who is in it, who came and did what, who is next.

Shared by ``intervision group``, ``intervision run --group`` and ``intervision
meeting``. Everything here comes from the group's stream and its meetings' journals
(the engine's history); what it shows of a meeting is names, dates and methods,
never a leervraag or what was said. A commitment is the one piece of content, and
it is shown only to the group itself, at its next opening.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .texts import Lang, t

if TYPE_CHECKING:
    from datetime import datetime

    from intervision.engine import Engine, GroupContract, GroupMember, Meeting
    from intervision.engine.groups import Commitment, GroupState, MeetingRecord

__all__ = [
    "Proposal",
    "agreed_lines",
    "fairness_lines",
    "find_group",
    "group_json",
    "group_of",
    "history_of",
    "match_members",
    "member_line",
    "propose",
    "relation_text",
]


def find_group(engine: Engine, ref: str, lang: Lang) -> GroupState:
    """A group by its exact id or name; an unknown one is not found (exit 8), listing the
    groups' ids (never what was typed)."""
    from intervision.engine import Text, find_person
    from intervision.engine.groups import GroupNotFoundError, groups_of

    book = groups_of(engine)
    if book.exists(ref):  # by its id: one stream read, not every group
        return book.get(ref)
    groups = book.all()
    found = find_person(((g.id, g.name) for g in groups), ref)
    for group in groups:
        if group.id == found:
            return group
    known = ", ".join(g.id for g in groups)

    def unknown(lang: Lang) -> str:
        return t(lang, "group.unknown", known=known or t(lang, "group.none_known"))

    raise GroupNotFoundError(Text(nl=unknown("nl"), en=unknown("en")))


def find_member(group: GroupState, who: str) -> GroupMember | None:
    """The member ``who`` names by exact id or name (see ``find_person``), or None."""
    from intervision.engine import find_person

    found = find_person(((m.id, m.name) for m in group.members.values()), who)
    return None if found is None else group.members[found]


def match_members(group: GroupState, names: list[str]) -> tuple[list[str], list[str]]:
    """The member ids for ``names``, and the names that are not members."""
    ids: list[str] = []
    unknown: list[str] = []
    for name in names:
        member = find_member(group, name)
        if member is None:
            unknown.append(name)
        elif member.id not in ids:
            ids.append(member.id)
    return ids, unknown


def group_of(engine: Engine, meeting: Meeting) -> GroupState | None:
    """The group a meeting belongs to, if it was started for one that still exists."""
    group_id = meeting.state.group_id
    if group_id is None:
        return None
    from intervision.engine import GroupError
    from intervision.engine.groups import groups_of

    try:
        return groups_of(engine).get(group_id)
    except GroupError:
        return None


def agreed_lines(contract: GroupContract, lang: Lang) -> list[str]:
    """What the group agreed, one wrapped line an agreement, read out at the opening
    and at a contract step (agreements not made yet are left out)."""
    from intervision.engine.groups import CONTRACT_TEXTS

    from .console import wrap

    return [
        wrap(t(lang, f"contract.{key}", text=text), indent="  ", hanging="    ")
        for key in CONTRACT_TEXTS
        if (text := getattr(contract, key))
    ]


def history_of(engine: Engine, group: GroupState) -> list[MeetingRecord]:
    from intervision.engine.groups import group_history

    return group_history(engine, group.id)


def day(moment: datetime | None, lang: Lang) -> str:
    if moment is None:
        return t(lang, "fair.never")
    return moment.astimezone().strftime("%Y-%m-%d")


# -- members ------------------------------------------------------------------------


def relation_text(group: GroupState, member: GroupMember, lang: Lang) -> str:
    """The direct work relations of ``member`` with the group, in words."""
    parts = []
    for other in group.relations(member):
        if (member.reports_to or "").casefold() == other.casefold():
            parts.append(t(lang, "group.reports_to", a=member.name, b=other))
        else:
            parts.append(t(lang, "group.reports_to", a=other, b=member.name))
    return "; ".join(parts)


def member_line(member: GroupMember, lang: Lang) -> str:
    parts = [member.name]
    if member.function:
        parts.append(member.function)
    if member.reports_to:
        parts.append(t(lang, "group.member_reports", name=member.reports_to))
    if member.relation_reason:
        parts.append(t(lang, "group.member_reason", reason=member.relation_reason))
    return " · ".join(parts)


# -- rotation -----------------------------------------------------------------------


class Proposal:
    """Who facilitates today, and why: the guide, a plugin, or the rotation."""

    def __init__(self, facilitator: str | None, why: str) -> None:
        self.facilitator = facilitator
        self.why = why


def propose(
    engine: Engine, group: GroupState, present: list[str], history: list[MeetingRecord], lang: Lang
) -> Proposal:
    """The engine's proposal (a plugin may replace the rotation), with the reason.

    A policy plugin that failed is named in a warning on stderr: the proposal then
    comes from the rotation, and the facilitator knows why it may look different.
    """
    import click

    from intervision.engine.groups import facilitator_proposal

    proposal = facilitator_proposal(engine, group, present, history)
    for plugin in proposal.failed:
        click.echo(
            t(lang, "warning", text=t(lang, "rotation.plugin_failed", plugin=plugin)), err=True
        )
    if proposal.why == "guided":
        return Proposal(proposal.member, t(lang, "rotation.why_guided"))
    if proposal.why == "plugin":
        return Proposal(proposal.member, t(lang, "rotation.why_plugin"))
    why = t(lang, "rotation.why_rotation", times=proposal.times, last=day(proposal.last, lang))
    return Proposal(proposal.member, why)


# -- fairness and history -----------------------------------------------------------


def fairness_lines(
    group: GroupState, history: list[MeetingRecord], lang: Lang, present: tuple[str, ...] = ()
) -> list[str]:
    """Who has waited longest to bring a case comes first; the group still decides."""
    from intervision.engine.groups import fairness

    lines = [t(lang, "fair.title")]
    for turn in fairness(group, history):
        member = group.members.get(turn.member)
        name = member.name if member else turn.member
        line = t(lang, "fair.line", name=name, times=turn.times, last=day(turn.last, lang))
        if present and turn.member not in present:
            line += f" {t(lang, 'fair.absent')}"
        lines.append(f"  {line}")
    return lines


def open_commitments(
    group: GroupState, history: list[MeetingRecord], meeting_id: str
) -> list[Commitment]:
    """What the meeting ``meeting_id`` looks back on: every commitment its members
    left open before it (a member who left the group is not asked any more)."""
    from intervision.engine.groups import look_back

    promised = look_back(history, before=meeting_id)
    return [c for c in promised if c.member in group.members]


def commitment_line(group: GroupState | None, commitment: Commitment, lang: Lang) -> str:
    member = group.members.get(commitment.member) if group else None
    name = member.name if member else commitment.member
    return t(
        lang, "opening.commitment", name=name, day=day(commitment.at, lang), text=commitment.text
    )


def _names(group: GroupState, ids: tuple[str, ...]) -> list[str]:
    from intervision.engine import slug

    known = {m.id: m.name for m in group.members.values()}
    if group.guided_by:
        known.setdefault(slug(group.guided_by) or "facilitator", group.guided_by)
    return [known.get(i, i) for i in ids]


def history_lines(group: GroupState, history: list[MeetingRecord], lang: Lang) -> list[str]:
    if not history:
        return [f"  {t(lang, 'group.no_history')}"]
    lines = []
    for record in history:
        [facilitator] = _names(group, (record.facilitator,))
        inbrengers = ", ".join(_names(group, record.inbrengers))
        line = t(
            lang,
            "group.meeting_line",
            date=day(record.started_at, lang),
            facilitator=facilitator,
            inbrengers=inbrengers or t(lang, "group.no_case"),
            present=len(record.present),
        )
        if record.closed_at is None:
            line += f" {t(lang, 'group.still_open')}"
        lines.append(f"  {line}")
    return lines


def group_json(group: GroupState, history: list[MeetingRecord] | None = None) -> dict[str, Any]:
    """The group for a script: members, contract, settings and, if given, its history."""
    from intervision.engine.groups import fairness

    data: dict[str, Any] = {
        "id": group.id,
        "name": group.name,
        "lang": group.lang,
        "created": group.created.isoformat(),
        "guided_by": group.guided_by,
        "feedback_round": group.feedback_round,
        "members": [m.model_dump() for m in group.members.values()],
        "contract": group.contract.model_dump(),
    }
    if history is not None:
        data["meetings"] = [
            {
                "meeting_id": r.meeting_id,
                "started": r.started_at.isoformat(),
                "closed": r.closed_at.isoformat() if r.closed_at else None,
                "present": list(r.present),
                "facilitator": r.facilitator,
                "inbrengers": list(r.inbrengers),
                "methods": list(r.methods),
            }
            for r in history
        ]
        data["fairness"] = [
            {
                "member": turn.member,
                "times": turn.times,
                "last": turn.last.isoformat() if turn.last else None,
            }
            for turn in fairness(group, history)
        ]
    return data
