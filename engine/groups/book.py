"""Creating and changing groups: the checks a group of equals needs, then events.

Kept beside the meeting engine rather than inside it: groups change rarely and
by the facilitator, meetings change every minute; both share the journal, so a
group is as durable as a meeting and two writers get the same conflict error.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from intervision.engine import (
    ConcurrencyError,
    ContractSet,
    Event,
    GroupContract,
    GroupCreated,
    GroupError,
    GroupMember,
    GuidedSet,
    Journal,
    Lang,
    MemberAdded,
    MemberRemoved,
    SeriesMethodSet,
    SeriesPlan,
    SeriesPlanned,
    Text,
    free_slug,
    slug,
)

from .file import GroupFile, GroupFileError, group_file_problems
from .group import GROUP_PREFIX, GroupState, default_contract

if TYPE_CHECKING:
    from intervision.engine import Engine

__all__ = [
    "GROUP_MAX",
    "GROUP_MIN",
    "GroupBook",
    "GroupNotFoundError",
    "apply_group",
    "groups_of",
]


class GroupNotFoundError(GroupError):
    """No group with this id in the store: not found (exit 8), not a refused change."""

    exit_code = 8


#: intervision groups are 3 to 8 members; outside that range we warn, not refuse.
GROUP_MIN, GROUP_MAX = 3, 8


def apply_group(state: GroupState | None, event: Event) -> GroupState:
    """Apply one group event; pure, like the meeting's ``apply``."""
    if isinstance(event, GroupCreated):
        return GroupState(event.group_id, event.name, event.lang, event.at, event.contract)
    if state is None:
        raise ValueError(f"the first event of a group must be group_created, not {event.type}")
    state.version += 1
    match event:
        case MemberAdded():
            state.members[event.member.id] = event.member
            state.members_changed = event.at
        case MemberRemoved():
            state.members.pop(event.member_id, None)
            state.members_changed = event.at
        case ContractSet():
            state.contract = event.contract
        case GuidedSet():
            state.guided_by = event.facilitator
        case SeriesPlanned():
            if state.series is None or event.new_series:
                state.series_began, state.series_changes = event.plan.start, 0
                state.series_most = event.plan.meetings
            else:
                state.series_changes += 1
                state.series_most = max(state.series_most, event.plan.meetings)
            state.series = event.plan
        case SeriesMethodSet():
            state.series_method = event.method_id
            state.series_variant = event.variant if event.method_id else None
    return state


class GroupBook:
    """The groups in one journal."""

    def __init__(self, journal: Journal, clock: Callable[[], datetime]) -> None:
        self.journal = journal
        self.clock = clock
        self._lock = threading.Lock()

    def exists(self, group_id: str) -> bool:
        """Whether the journal holds a group with this id (without reading it)."""
        return self.journal.version(GROUP_PREFIX + group_id) > 0

    def create(self, name: str, *, lang: Lang = "en", group_id: str | None = None) -> GroupState:
        group_id = group_id or slug(name)
        if self.exists(group_id):
            raise GroupError(
                f"a group {group_id!r} already exists; choose another name or see "
                "`intervision group show`"
            )
        event = GroupCreated(
            at=self.clock(),
            group_id=group_id,
            name=name,
            lang=lang,
            contract=default_contract(lang),
        )
        self.journal.append(GROUP_PREFIX + group_id, 0, [event])
        return apply_group(None, event)

    def import_group(
        self, group: GroupFile, *, lang: Lang = "en", path: str = ""
    ) -> tuple[GroupState, list[Text]]:
        """Create a whole group from a group file, in one append, or nothing at all.

        Every member is checked first (a name twice, a work relation without a
        reason); then the group, its members, its guide are one atomic write, so a
        problem with the fifth member leaves no group of four behind. ``lang`` is the
        group's language when the file names none. Returns the group and warnings.
        """
        problems = group_file_problems(group)
        if problems:
            raise GroupFileError(path, problems, refused=True)
        group_id = group.group_id
        chosen: Lang = group.lang or lang
        with self._lock:
            if self.exists(group_id):
                raise GroupError(
                    f"a group {group_id!r} already exists; choose another name (or id) in "
                    "the file, or see `intervision group show`"
                )
            now = self.clock()
            events: list[Event] = [
                GroupCreated(
                    at=now,
                    group_id=group_id,
                    name=group.name,
                    lang=chosen,
                    contract=group.contract_for(chosen),
                )
            ]
            taken: set[str] = set()
            for entry in group.members:
                member_id = free_slug(entry.name, taken)
                taken.add(member_id)
                member = GroupMember(id=member_id, **entry.model_dump())
                events.append(MemberAdded(at=now, member=member))
            if group.guided_by:
                events.append(GuidedSet(at=now, facilitator=group.guided_by))
            try:
                self.journal.append(GROUP_PREFIX + group_id, 0, events)
            except ConcurrencyError:
                raise GroupError(
                    f"a group {group_id!r} was created just now by someone else; see "
                    "`intervision group show`"
                ) from None
        state: GroupState | None = None
        for event in events:
            state = apply_group(state, event)
        assert state is not None
        return state, _size_warnings(len(state.members))

    def get(self, group_id: str) -> GroupState:
        events = self.journal.load(GROUP_PREFIX + group_id)
        if not events:
            known = ", ".join(g.id for g in self.all()) or "none yet"
            raise GroupNotFoundError(
                f"no group {group_id!r} (groups: {known}); create one with "
                "`intervision group create NAME`"
            )
        state: GroupState | None = None
        for event in events:
            state = apply_group(state, event)
        assert state is not None
        return state

    def all(self) -> list[GroupState]:
        return [
            self.get(summary.meeting_id.removeprefix(GROUP_PREFIX))
            for summary in self.journal.meetings()
            if summary.meeting_id.startswith(GROUP_PREFIX)
        ]

    def add_member(
        self,
        group_id: str,
        name: str,
        *,
        function: str | None = None,
        reports_to: str | None = None,
        relation_reason: str | None = None,
    ) -> tuple[GroupState, list[Text]]:
        """Add a member; refuses a direct work relation unless a reason is recorded.

        Returns the group and any warnings (a group outside 3 to 8 members).
        """
        with self._lock:
            group = self.get(group_id)
            if any(m.name.casefold() == name.strip().casefold() for m in group.members.values()):
                raise GroupError(f"{name!r} is already a member of {group.name!r}")
            member_id = free_slug(name, group.members)
            member = GroupMember(
                id=member_id,
                name=name.strip(),
                function=function,
                reports_to=reports_to,
                relation_reason=relation_reason,
            )
            related = group.relations(member)
            if related and not (relation_reason or "").strip():
                raise GroupError(
                    f"{name!r} has a direct work relation with {', '.join(related)}: "
                    "intervision needs a group of equals. If the group accepts it anyway, "
                    "add the member again with the reason (--reason)"
                )
            self._append(group, MemberAdded(at=self.clock(), member=member))
            return group, _size_warnings(len(group.members))

    def remove_member(self, group_id: str, who: str) -> tuple[GroupState, list[Text]]:
        with self._lock:
            group = self.get(group_id)
            member = _find(group, who)
            self._append(group, MemberRemoved(at=self.clock(), member_id=member.id))
            return group, _size_warnings(len(group.members))

    def set_contract(self, group_id: str, contract: GroupContract) -> GroupState:
        with self._lock:
            group = self.get(group_id)
            self._append(group, ContractSet(at=self.clock(), contract=contract))
            return group

    def set_guided(self, group_id: str, facilitator: str | None) -> GroupState:
        with self._lock:
            group = self.get(group_id)
            self._append(group, GuidedSet(at=self.clock(), facilitator=facilitator))
            return group

    def plan_series(
        self, group_id: str, plan: SeriesPlan, *, new_series: bool = False
    ) -> GroupState:
        """Plan the group's series; a plan that replaces another changes that series
        (its calendar events keep their ids) unless ``new_series`` begins another."""
        with self._lock:
            group = self.get(group_id)
            self._append(group, SeriesPlanned(at=self.clock(), plan=plan, new_series=new_series))
            return group

    def fix_method(
        self, group_id: str, method_id: str | None, variant: str | None = None
    ) -> GroupState:
        """Fix the method (and variant) of the group's series; ``None`` frees it again.

        Which methods exist is the registry's business: the caller checks the id.
        """
        with self._lock:
            group = self.get(group_id)
            event = SeriesMethodSet(at=self.clock(), method_id=method_id, variant=variant)
            self._append(group, event)
            return group

    def _append(self, group: GroupState, event: Event) -> None:
        self.journal.append(group.stream, group.version, [event])
        apply_group(group, event)


def _find(group: GroupState, who: str) -> GroupMember:
    for member in group.members.values():
        if who in (member.id, member.name) or member.name.casefold() == who.casefold():
            return member
    names = ", ".join(m.name for m in group.members.values()) or "none"
    raise GroupError(f"{who!r} is not a member of {group.name!r} (members: {names})")


def _size_warnings(size: int) -> list[Text]:
    if size < GROUP_MIN:
        members = Text(
            nl="1 lid" if size == 1 else f"{size} leden",
            en="1 member" if size == 1 else f"{size} members",
        )
        return [
            Text(
                nl=f"De groep heeft {members.nl}; intervisie werkt het best met 3 tot 8.",
                en=f"The group has {members.en}; intervision works best with 3 to 8.",
            )
        ]
    if size > GROUP_MAX:
        return [
            Text(
                nl=f"De groep heeft {size} leden; boven de 8 krijgt niet iedereen genoeg aandacht.",
                en=f"The group has {size} members; above 8 not everyone gets enough attention.",
            )
        ]
    return []


def groups_of(engine: Engine) -> GroupBook:
    """The groups in an engine's journal: one book per engine, made on first use."""
    return engine.attached(_book)


def _book(engine: Engine) -> GroupBook:
    return GroupBook(engine.journal, engine.clock)
