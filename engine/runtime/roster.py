"""Who is at a meeting as it starts: the members, who is present, who facilitates.

Every name is checked where it enters (:mod:`.identity`): the members' names, then
who is named present, facilitator or holder of a role of the day (scribe,
timekeeper, a role a method declares), each found by exact id or exact name, never
by a near match. A facilitator who is not a member is refused
unless the caller says the facilitator comes from outside the group, so a typo
never becomes a stranger at the meeting. Nothing is decided here that needs the
journal: :func:`seat` gives what the ``meeting_started`` event records.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from intervision.engine import (
    FRAME_ROLES,
    InvalidInputError,
    MemberRef,
    NotAMemberError,
    Text,
)

from .identity import (
    LOOKALIKE_NAMES,
    check_id,
    clean_name,
    find_person,
    free_slug,
    fresh_ids,
    lookalike_pairs,
    looks_alike,
)
from .limits import Limits

__all__ = ["Roster"]


class _Person(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


class Roster(Protocol):
    """Who a meeting can be started for: a group (``GroupState``) is one, by its shape."""

    @property
    def id(self) -> str: ...
    @property
    def members(self) -> Mapping[str, _Person]: ...


@dataclass(frozen=True, slots=True)
class Seating:
    """Who the ``meeting_started`` event names, by member id."""

    group_id: str | None
    members: tuple[MemberRef, ...]
    present: tuple[str, ...]
    facilitator: str
    #: Role of the day -> the members present holding it.
    roles: dict[str, tuple[str, ...]]


def seat(
    members: Sequence[str] | Roster,
    *,
    facilitator: str,
    present: Sequence[str] | None,
    roles: Mapping[str, str | Sequence[str]],
    known_roles: Mapping[str, Text],
    group_id: str | None,
    external_facilitator: bool,
    limits: Limits,
) -> Seating:
    """The members (a group keeps its ids), who is present, and who has which task;
    an ``InvalidInputError`` or ``NotAMemberError`` for what cannot be taken in.

    ``roles`` gives each role of the day to members present (a name or id, or
    several); ``known_roles`` is every role that can be held, with its title.
    """
    if not isinstance(members, Sequence):
        group_id = members.id
        refs = [MemberRef(id=m.id, name=m.name) for m in members.members.values()]
    else:
        refs = _member_refs(members, limits)
    if group_id is not None:
        check_id(group_id, GROUP_ID)
    if not refs:
        raise InvalidInputError(
            "members", Text(nl="Een bijeenkomst heeft leden nodig.", en="A meeting needs members.")
        )
    if len(refs) > limits.members:
        raise InvalidInputError("members", _too_many(limits.members))
    pairs = [(ref.id, ref.name) for ref in refs]

    def resolve(person: str, field: str, title: Text | None = None) -> str:
        found = find_person(pairs, person)
        if found is None:
            raise NotAMemberError(_not_among_members(field, title), field=field)
        return found

    if present is None:
        present_ids = [ref.id for ref in refs]
    else:
        present_ids = list(dict.fromkeys(resolve(p, "present") for p in present))
    if not present_ids:
        raise InvalidInputError(
            "present", Text(nl="Er is niemand aanwezig.", en="Nobody is present.")
        )
    facilitator_id = find_person(pairs, facilitator)
    if facilitator_id is None:
        if not external_facilitator:
            raise NotAMemberError(_not_among_members("facilitator"), field="facilitator")
        guest = _guest(facilitator, refs, limits)
        refs.append(guest)
        facilitator_id = guest.id
    return Seating(
        group_id=group_id,
        members=tuple(refs),
        present=tuple(present_ids),
        facilitator=facilitator_id,
        roles=_held(
            roles, known_roles, lambda person, title: resolve(person, "roles", title), present_ids
        ),
    )


def _held(
    roles: Mapping[str, str | Sequence[str]],
    known: Mapping[str, Text],
    resolve: Callable[[str, Text], str],
    present: Sequence[str],
) -> dict[str, tuple[str, ...]]:
    """The roles of the day as member ids: each role one a member can hold, each
    holder a member present; anything else refused before a word is written."""
    assigned: dict[str, tuple[str, ...]] = {}
    for role, people in roles.items():
        title = known.get(role)
        if title is None:
            raise InvalidInputError("roles", _not_held(role in FRAME_ROLES, known))
        ids = []
        for person in [people] if isinstance(people, str) else people:
            found = resolve(person, title)
            if found not in present:
                raise NotAMemberError(_not_present(title), field="roles")
            ids.append(found)
        if ids:
            assigned[role] = tuple(dict.fromkeys(ids))
    return assigned


def _guest(name: str, refs: list[MemberRef], limits: Limits) -> MemberRef:
    """A facilitator from outside the group, whose name looks like no member's."""
    name = clean_name(name, _FACILITATOR, limit=limits.name)
    if any(looks_alike(name, ref.name) for ref in refs):
        raise InvalidInputError("facilitator", _LOOKS_LIKE_A_MEMBER)
    taken = {ref.id for ref in refs}
    others = [ref.name for ref in refs]
    made = free_slug(name, taken, fallback="facilitator", others=others)
    return MemberRef(id=made, name=name, external=True)


def _member_refs(names: Sequence[str], limits: Limits) -> list[MemberRef]:
    """The members of a meeting started from names: each checked, none like another."""
    if isinstance(names, str) or len(names) > limits.members:
        raise InvalidInputError("members", _too_many(limits.members))
    cleaned = [clean_name(name, _MEMBER_NAME, limit=limits.name) for name in names]
    if lookalike_pairs(cleaned):
        raise InvalidInputError("members", LOOKALIKE_NAMES)
    return [MemberRef(id=i, name=n) for i, n in zip(fresh_ids(cleaned), cleaned, strict=True)]


def _too_many(limit: int) -> Text:
    return Text(
        nl=f"Een bijeenkomst of groep heeft ten hoogste {limit} leden.",
        en=f"A meeting or group has at most {limit} members.",
    )


def _not_held(frame: bool, known: Mapping[str, Text]) -> Text:
    """The refusal of a role nobody can be given, naming those that can (never the
    role typed, which may be anything)."""
    roles = ", ".join(sorted(known)) or "-"
    if frame:
        return Text(
            nl=f"Die rol geeft het kader zelf, niemand krijgt hem toegewezen; rollen van de "
            f"dag: {roles}.",
            en=f"The frame gives that role itself; nobody is assigned it. Roles of the day: "
            f"{roles}.",
        )
    return Text(
        nl=f"Die rol kent geen geïnstalleerde methode; rollen van de dag: {roles}.",
        en=f"No installed method knows that role; roles of the day: {roles}.",
    )


def _not_present(title: Text) -> Text:
    return Text(
        nl=f"De {title.nl.lower()} moet een aanwezig lid zijn.",
        en=f"The {title.en.lower()} must be a member who is present.",
    )


def _not_among_members(field: str, title: Text | None = None) -> Text:
    """``field``'s person (a role of the day's by its ``title``) is no member."""
    if title is not None:
        what = Text(nl=title.nl.lower(), en=title.en.lower())
    else:
        what = _ROLE_NAMES.get(field, Text(nl="persoon", en="person"))
    return Text(
        nl=f"De {what.nl} is geen lid: noem een lid bij id of bij de naam zoals die in de "
        "ledenlijst staat.",
        en=f"The {what.en} is not a member: name a member by id, or by their name as the "
        "member list has it.",
    )


MEETING_ID = Text(nl="bijeenkomst-id", en="meeting id")
GROUP_ID = Text(nl="groeps-id", en="group id")
_MEMBER_NAME = Text(nl="naam van een lid", en="member's name")
_FACILITATOR = Text(nl="naam van de begeleider", en="facilitator's name")
_ROLE_NAMES = {
    "present": Text(nl="aanwezige", en="person named as present"),
    "facilitator": Text(nl="begeleider", en="facilitator"),
}
_LOOKS_LIKE_A_MEMBER = Text(
    nl="De naam van de begeleider lijkt op die van een lid; noem het lid zoals de ledenlijst "
    "het schrijft, of kies voor een begeleider van buiten een naam die niet op een lid lijkt.",
    en="The facilitator's name looks like a member's; name the member as the member list "
    "writes it, or give a facilitator from outside a name that looks like no member's.",
)
