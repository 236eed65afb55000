"""Starting a meeting of a group: who is here, and who facilitates today.

``intervision run --group`` asks; ``intervision meeting start --group`` is told.
Both take the members present from the group, let the engine propose the
facilitator (the guide, a plugin's policy, or the rotation) and start the meeting
with ``start_meeting(group, ...)``, so its history is the group's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .console import ask, confirm, say
from .texts import Lang, count, t

if TYPE_CHECKING:
    from intervision.engine import Engine, Meeting, MeetingPurpose
    from intervision.engine.groups import GroupState, MeetingRecord

__all__ = [
    "ask_facilitator",
    "ask_present",
    "ask_purpose",
    "ask_roles",
    "facilitator_problem",
    "present_problem",
    "rotation_roles",
    "start_with_guest",
    "with_held",
]


def present_problem(group: GroupState, names: list[str], lang: Lang) -> tuple[list[str], str]:
    """The ids of the members named, or what is wrong with the names."""
    from .group_view import match_members

    ids, unknown = match_members(group, names)
    if unknown:
        return ids, t(lang, "rotation.not_members", names=count(lang, len(unknown), "name"))
    if len(ids) < 2:
        return ids, t(lang, "run.too_few")
    return ids, ""


def ask_present(group: GroupState, lang: Lang) -> list[str]:
    """Who is here today; Enter means everyone."""
    from .parse import is_leave, split_names
    from .runner import Leave

    everyone = [m.name for m in group.members.values()]
    while True:
        answer = ask(t(lang, "rotation.ask_present", names=", ".join(everyone)))
        if is_leave(answer):
            raise Leave
        ids, problem = present_problem(group, split_names(answer) or everyone, lang)
        if not problem:
            return ids
        say(problem)


def facilitator_problem(group: GroupState, name: str, present: list[str], lang: Lang) -> str:
    """A member who is not here cannot facilitate; anyone else not a member is a guest."""
    from .group_view import find_member

    member = find_member(group, name)
    if member is not None and member.id not in present:
        return t(lang, "rotation.absent")
    return ""


def ask_facilitator(engine: Engine, group: GroupState, present: list[str], lang: Lang) -> str:
    """The proposal and its reason; Enter accepts it, a name overrides it."""
    from .group_view import find_member, history_of, propose
    from .parse import is_leave
    from .runner import Leave

    proposal = propose(engine, group, present, history_of(engine, group), lang)
    proposed = proposal.facilitator
    if proposed is not None:
        member = group.members.get(proposed)
        shown = member.name if member else proposed
        say(t(lang, "rotation.proposed", name=shown, why=proposal.why))
    while True:
        answer = ask(t(lang, "rotation.ask" if proposed else "run.ask_facilitator") + " ").strip()
        if is_leave(answer):
            raise Leave
        if not answer and proposed is not None:
            return proposed
        if not answer:
            continue
        problem = facilitator_problem(group, answer, present, lang)
        if problem:
            say(problem)
            continue
        if find_member(group, answer) is None and not is_guide(group, answer):
            agreed = confirm(lang, t(lang, "rotation.guest", name=answer), default=False)
            if isinstance(agreed, str):
                raise Leave
            if not agreed:
                continue
        return answer


def ask_purpose(engine: Engine, group: GroupState, lang: Lang) -> MeetingPurpose:
    """The intake before a group's first meeting, a refresh after members changed:
    proposed, Enter accepts; otherwise a regular meeting without asking."""
    from intervision.engine.groups import proposed_purpose

    from .group_view import history_of
    from .runner import Leave
    from .texts_start import t as start_t

    due = proposed_purpose(group, history_of(engine, group))
    if due is None:
        return "regular"
    agreed = confirm(lang, start_t(lang, f"start.propose_{due}", name=group.name), default=True)
    if isinstance(agreed, str):
        raise Leave
    if not agreed:
        return "regular"
    return "intake" if due == "intake" else "refresh"


def rotation_roles(
    group: GroupState,
    history: list[MeetingRecord],
    present: list[str],
    facilitator: str | None,
    held: dict[str, list[str]],
) -> dict[str, str]:
    """The glossary's roles of the day (notulist, tijdbewaker) that ``held`` (given
    with ``--role``) leaves open, as the rotation proposes them from the group's
    ``history``: in turn, like the facilitation, and never to whoever facilitates or
    holds another role today."""
    from intervision.engine.groups import DAY_ROLES, propose_roles

    from .group_view import find_member

    named = (find_member(group, name) for names in held.values() for name in names)
    busy = {member.id for member in named if member is not None}
    proposed = propose_roles(
        present,
        history,
        facilitator=facilitator,
        roles=tuple(role for role in DAY_ROLES if role not in held),
        busy=busy,
    )
    return {role: who for role, who in proposed.items() if who is not None}


def ask_roles(
    engine: Engine,
    group: GroupState,
    present: list[str],
    facilitator: str,
    held: dict[str, list[str]],
    lang: Lang,
) -> dict[str, list[str]]:
    """The roles of the day: those given with ``--role`` as given, the others proposed
    in turn like the facilitation: Enter accepts, '-' names nobody, names (in the
    roles' order) override."""
    from .group_view import find_member, history_of, match_members
    from .parse import is_leave, split_names
    from .runner import Leave
    from .texts_start import t as start_t

    chosen = find_member(group, facilitator)
    history = history_of(engine, group)
    offered = rotation_roles(group, history, present, chosen.id if chosen else None, held)
    picked: dict[str, str] = {}
    names = _role_names(group, offered, lang)
    while offered:
        answer = ask(start_t(lang, "roles.ask", roles=names)).strip()
        if is_leave(answer):
            raise Leave
        if not answer:
            picked = offered
            break
        if answer == "-":
            break
        ids, unknown = match_members(group, split_names(answer))
        wrong = len(unknown) + len([i for i in ids if i not in present])
        if wrong:
            say(start_t(lang, "roles.not_present", names=count(lang, wrong, "name")))
        elif len(ids) > len(offered):
            say(start_t(lang, "roles.too_many", n=len(offered)))
        else:
            picked = dict(zip(offered, ids, strict=False))
            break
    return with_held(picked, held)


def with_held(proposed: dict[str, str], held: dict[str, list[str]]) -> dict[str, list[str]]:
    """The roles of the day to start with: those proposed, and those given with
    ``--role`` (which win where both name a role)."""
    return {**{role: [who] for role, who in proposed.items()}, **held}


def _role_names(group: GroupState, roles: dict[str, str], lang: Lang) -> str:
    from intervision.engine import GLOSSARY

    return ", ".join(
        f"{GLOSSARY.role(role)(lang)} {group.members[who].name}" for role, who in roles.items()
    )


def start_with_guest(
    name: str,
    external: bool,
    lang: Lang,
    start: Callable[[bool], Meeting],
    *,
    ask_guest: bool = False,
) -> Meeting:
    """The meeting ``start(external)`` starts, where ``name``, a facilitator who is no member,
    is a guest from outside only on purpose.

    With ``--external-facilitator`` (``external``) the guest was said; at a terminal
    (``ask_guest``) the user is asked, as ``intervision run`` asks; otherwise the
    refusal names the option, so a typo in a name never makes a stranger the
    facilitator of a script's meeting.
    """
    from intervision.engine import NotAMemberError

    try:
        return start(external)
    except NotAMemberError as exc:
        if external or exc.field != "facilitator":  # a role's holder is never a guest
            raise
        if not ask_guest:
            import click

            raise click.UsageError(t(lang, "meeting.external_needed")) from None
    confirm_guest(lang, name)
    return start(True)


def confirm_guest(lang: Lang, name: str) -> None:
    """A facilitator who is not a member: a guest, if the user says so; else refused."""
    from intervision.engine import NotAMemberError, Text

    from .runner import Leave

    agreed = confirm(lang, t(lang, "run.guest", name=name), default=False)
    if isinstance(agreed, str):
        raise Leave
    if not agreed:
        raise NotAMemberError(Text(nl=t("nl", "run.not_a_guest"), en=t("en", "run.not_a_guest")))


def is_guide(group: GroupState, name: str) -> bool:
    """Whether ``name`` is the group's own guide, who comes from outside by definition."""
    return (group.guided_by or "").casefold() == name.strip().casefold()
