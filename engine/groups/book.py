"""Creating and changing groups: the checks a group of equals needs, then events.

Kept beside the meeting engine rather than inside it: groups change rarely and
by the facilitator, meetings change every minute; both share the journal, so a
group is as durable as a meeting and two writers get the same conflict error.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from intervision.engine import (
    DEFAULT_LIMITS,
    LOOKALIKE_NAMES,
    ConcurrencyError,
    ContractSet,
    Event,
    FeedbackRoundSet,
    GroupContract,
    GroupCreated,
    GroupError,
    GroupMember,
    GuidedSet,
    InvalidInputError,
    Journal,
    Lang,
    Limits,
    MemberAdded,
    MemberRemoved,
    SeriesMethodSet,
    SeriesPlan,
    SeriesPlanned,
    Text,
    check_id,
    check_lang,
    clean_name,
    find_person,
    free_slug,
    fresh_ids,
    lookalike_pairs,
    name_key,
    slug,
    too_long,
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
            state.ids_given.add(event.member.id)
            state.members_changed = event.at
        case MemberRemoved():
            state.members.pop(event.member_id, None)
            state.members_changed = event.at
        case ContractSet():
            state.contract = event.contract
        case GuidedSet():
            state.guided_by = event.facilitator
        case FeedbackRoundSet():
            state.feedback_round = event.on
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

    def __init__(
        self, journal: Journal, clock: Callable[[], datetime], limits: Limits = DEFAULT_LIMITS
    ) -> None:
        self.journal = journal
        self.clock = clock
        self.limits = limits
        self._lock = threading.Lock()

    def exists(self, group_id: str) -> bool:
        """Whether the journal holds a group with this id (without reading it)."""
        return self.journal.version(GROUP_PREFIX + group_id) > 0

    def create(
        self,
        name: str,
        *,
        lang: Lang = "en",
        group_id: str | None = None,
        members: Sequence[str] = (),
    ) -> GroupState:
        """A new group, with ``members`` (display names) if given, in one append.

        Every name is checked first, so a group is made whole or not at all: a bad
        third name leaves no group of two behind. The id is ``group_id``, else made
        from the name (``Team Noord`` -> ``team-noord``).
        """
        group_id, events = self._new_group(name, lang, group_id)
        now = events[0].at
        people = [self._checked(name, None, None, None) for name in members]
        names = [person.name for person in people]
        _refuse_lookalikes(names)
        for person, member_id in zip(people, fresh_ids(names), strict=True):
            member = person.model_copy(update={"id": member_id})
            events.append(MemberAdded(at=now, member=member))
        self._check_size(len(people))
        return self._append_new(group_id, events)[0]

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
        chosen: Lang = group.lang or lang
        group_id, events = self._new_group(group.name, chosen, group.group_id)
        now = events[0].at
        events[0] = events[0].model_copy(update={"contract": group.contract_for(chosen)})
        people = [
            self._checked(entry.name, entry.function, entry.reports_to, entry.relation_reason)
            for entry in group.members
        ]
        for person, member_id in zip(people, fresh_ids([p.name for p in people]), strict=True):
            events.append(MemberAdded(at=now, member=person.model_copy(update={"id": member_id})))
        self._check_size(len(group.members))
        if group.guided_by:
            guide = clean_name(group.guided_by, _GUIDE, limit=self.limits.name)
            events.append(GuidedSet(at=now, facilitator=guide))
        if group.feedback_round:
            events.append(FeedbackRoundSet(at=now, on=True))
        return self._append_new(group_id, events)

    def _new_group(self, name: str, lang: object, group_id: str | None) -> tuple[str, list[Event]]:
        """The id and the ``group_created`` event of a new group (not written yet)."""
        name = clean_name(name, _GROUP_NAME, limit=self.limits.name)
        chosen = check_lang(lang)
        if group_id is not None:
            check_id(group_id, _GROUP_ID)
        elif slug(name):
            group_id = slug(name)
        else:  # a name without a letter a-z (王组): numbered, never another group's id
            group_id = free_slug(name, _Existing(self), fallback="group")
        if self.exists(group_id):
            raise GroupError(_exists(group_id))
        created = GroupCreated(
            at=self.clock(),
            group_id=group_id,
            name=name,
            lang=chosen,
            contract=default_contract(chosen),
        )
        return group_id, [created]

    def _append_new(self, group_id: str, events: list[Event]) -> tuple[GroupState, list[Text]]:
        with self._lock:
            try:
                self.journal.append(GROUP_PREFIX + group_id, 0, events)
            except ConcurrencyError:
                raise GroupError(_exists(group_id)) from None
        state: GroupState | None = None
        for event in events:
            state = apply_group(state, event)
        assert state is not None
        return state, _size_warnings(len(state.members))

    def get(self, group_id: str) -> GroupState:
        events = self.journal.load(GROUP_PREFIX + group_id) if _is_id(group_id) else []
        if not events:
            raise GroupNotFoundError(
                Text(
                    nl="Die groep bestaat niet; `intervision group list` toont de groepen, "
                    "`intervision group create NAAM` maakt er een.",
                    en="There is no such group; `intervision group list` lists the groups, "
                    "`intervision group create NAME` makes one.",
                )
            )
        state: GroupState | None = None
        for event in events:
            state = apply_group(state, event)
        assert state is not None
        return state

    def all(self) -> list[GroupState]:
        """Every group, oldest first; found without reading any meeting."""
        return [
            self.get(stream.removeprefix(GROUP_PREFIX))
            for stream in self.journal.streams(GROUP_PREFIX)
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

        The name is checked (:mod:`~intervision.engine.runtime.identity`) and may not
        look like a member's; the new member gets an id no member of the group ever
        had. Returns the group and any warnings (a group outside 3 to 8 members).
        """
        candidate = self._checked(name, function, reports_to, relation_reason)
        with self._lock:
            group = self.get(group_id)
            _refuse_lookalikes([*(m.name for m in group.members.values()), candidate.name])
            self._check_size(len(group.members) + 1)
            others = [m.name for m in group.members.values()]
            if name_key(candidate.name) in group.members:
                # Named as another member's id is written: that word would name two.
                raise GroupError(LOOKALIKE_NAMES)
            made = free_slug(candidate.name, group.ids_given, others=others)
            member = candidate.model_copy(update={"id": made})
            if group.relations(member) and not member.relation_reason:
                raise GroupError(
                    Text(
                        nl="Het nieuwe lid heeft een directe werkrelatie met een lid: "
                        "intervisie vraagt een groep van gelijken. Accepteert de groep het "
                        "toch, voeg het lid dan opnieuw toe met de reden (--reason).",
                        en="The new member has a direct work relation with a member: "
                        "intervision needs a group of equals. If the group accepts it "
                        "anyway, add the member again with the reason (--reason).",
                    )
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
        for text in (contract.confidentiality, contract.attendance):
            if len(text) > self.limits.agreement:
                raise InvalidInputError("contract", too_long(_AGREEMENT, self.limits.agreement))
        with self._lock:
            group = self.get(group_id)
            self._append(group, ContractSet(at=self.clock(), contract=contract))
            return group

    def set_guided(self, group_id: str, facilitator: str | None) -> GroupState:
        if facilitator is not None:
            facilitator = clean_name(facilitator, _GUIDE, limit=self.limits.name)
        with self._lock:
            group = self.get(group_id)
            self._append(group, GuidedSet(at=self.clock(), facilitator=facilitator))
            return group

    def set_feedback_round(self, group_id: str, on: bool) -> GroupState:
        """Switch the group's feedback round on or off, for the meetings to come."""
        with self._lock:
            group = self.get(group_id)
            self._append(group, FeedbackRoundSet(at=self.clock(), on=on))
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

    def _checked(
        self,
        name: str,
        function: str | None,
        reports_to: str | None,
        relation_reason: str | None,
    ) -> GroupMember:
        """A member as kept (no id yet): every text trimmed, checked and within limits."""
        limits = self.limits
        reason = (relation_reason or "").strip() or None
        if reason is not None and len(reason) > limits.reason:
            raise InvalidInputError("relation_reason", too_long(_REASON, limits.reason))
        return GroupMember(
            id="",
            name=clean_name(name, _MEMBER_NAME, limit=limits.name),
            function=_optional(function, _FUNCTION, limits.line),
            reports_to=_optional(reports_to, _REPORTS_TO, limits.name),
            relation_reason=reason,
        )

    def _check_size(self, size: int) -> None:
        if size > self.limits.members:
            raise InvalidInputError(
                "members",
                Text(
                    nl=f"Een groep heeft ten hoogste {self.limits.members} leden.",
                    en=f"A group has at most {self.limits.members} members.",
                ),
            )


class _Existing:
    """The ids of the groups in a book, as a container ``free_slug`` can ask."""

    def __init__(self, book: GroupBook) -> None:
        self.book = book

    def __contains__(self, group_id: object) -> bool:
        return isinstance(group_id, str) and self.book.exists(group_id)


def _is_id(value: str) -> bool:
    try:
        check_id(value, _GROUP_ID)
    except InvalidInputError:
        return False
    return True


def _optional(value: str | None, what: Text, limit: int) -> str | None:
    """An optional line (a function, a name): trimmed and checked; blank is none."""
    if value is None or not value.strip():
        return None
    return clean_name(value, what, limit=limit)


def _refuse_lookalikes(names: list[str]) -> None:
    if lookalike_pairs(names):
        raise GroupError(LOOKALIKE_NAMES)


def _find(group: GroupState, who: str) -> GroupMember:
    found = find_person(((m.id, m.name) for m in group.members.values()), who)
    if found is None:
        raise GroupError(
            Text(
                nl="Die persoon is geen lid van de groep; `intervision group show` toont de leden.",
                en="That person is not a member of the group; `intervision group show` lists "
                "the members.",
            )
        )
    return group.members[found]


def _exists(group_id: str) -> Text:
    return Text(
        nl=f"Er bestaat al een groep {group_id}; kies een andere naam (of id), of zie "
        "`intervision group show`.",
        en=f"A group {group_id} already exists; choose another name (or id), or see "
        "`intervision group show`.",
    )


_GROUP_NAME = Text(nl="naam van de groep", en="group's name")
_GROUP_ID = Text(nl="groeps-id", en="group id")
_MEMBER_NAME = Text(nl="naam van het lid", en="member's name")
_FUNCTION = Text(nl="functie", en="function")
_REPORTS_TO = Text(nl="naam van de leidinggevende", en="name of whom they report to")
_REASON = Text(nl="reden", en="reason")
_AGREEMENT = Text(nl="afspraak", en="agreement")
_GUIDE = Text(nl="naam van de begeleider", en="facilitator's name")


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
    return GroupBook(engine.journal, engine.clock, engine.limits)
