"""A group: its members, its contract, and its settings, kept as a journal stream.

A group is written the way a meeting is: events appended to the journal under
the stream id ``group:<id>``, so it is durable, versioned and safe with two
writers. Its history (who came, who facilitated, who brought a case, what was
promised) is not stored here: it is read from the group's meetings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from intervision.engine import GroupContract, GroupMember, Lang, SeriesPlan, Text, name_key

__all__ = [
    "DEFAULT_ATTENDANCE",
    "DEFAULT_CONFIDENTIALITY",
    "GROUP_PREFIX",
    "GroupState",
    "default_contract",
]

GROUP_PREFIX = "group:"

DEFAULT_CONFIDENTIALITY = Text(
    nl="Wat we hier bespreken, blijft in de groep. We praten er buiten de groep niet over, "
    "ook niet zonder namen, en wat we opschrijven is alleen voor onszelf. De organisatie "
    "hoort over onze voortgang alleen van de hele groep, nooit de inhoud van een casus.",
    en="What we discuss here stays in the group. We do not talk about it outside the group, "
    "not even without names, and what we write down is for ourselves only. The "
    "organisation hears about our progress only from the whole group, never a case's content.",
)
DEFAULT_ATTENDANCE = Text(
    nl="We zijn er elke bijeenkomst, op tijd en de hele tijd. Wie niet kan komen, meldt zich "
    "vooraf af bij de begeleider.",
    en="We attend every meeting, on time and for the whole time. Whoever cannot come lets "
    "the facilitator know beforehand.",
)


def default_contract(lang: Lang) -> GroupContract:
    """The contract a new group starts with, in its language."""
    return GroupContract(
        confidentiality=DEFAULT_CONFIDENTIALITY(lang), attendance=DEFAULT_ATTENDANCE(lang)
    )


@dataclass
class GroupState:
    """A group as its journal stream gives it: members, contract, settings, plan."""

    id: str
    name: str
    lang: Lang
    created: datetime
    contract: GroupContract
    members: dict[str, GroupMember] = field(default_factory=dict)
    #: The fixed external facilitator of a guided group; None for a self-run group.
    guided_by: str | None = None
    #: The members give each other feedback on their questions and advice at every
    #: meeting's evaluation; a meeting started for the group holds the round.
    feedback_round: bool = False
    series: SeriesPlan | None = None
    version: int = 1
    #: Every member id the group ever gave, of members removed too: never given twice,
    #: so a new member is never taken for someone in the group's history.
    ids_given: set[str] = field(default_factory=set)

    @property
    def stream(self) -> str:
        return GROUP_PREFIX + self.id

    def relations(self, member: GroupMember) -> list[str]:
        """Names of members this member has a direct work relation with."""
        keyed = {name_key(m.name): m for m in self.members.values() if m.id != member.id}
        found = []
        boss = keyed.get(name_key(member.reports_to)) if member.reports_to else None
        if boss is not None:
            found.append(boss.name)
        for other in self.members.values():
            if (
                other.id != member.id
                and other.reports_to
                and name_key(other.reports_to) == name_key(member.name)
            ):
                found.append(other.name)
        return found


def planned_dates(plan: SeriesPlan) -> list[date]:
    from datetime import timedelta

    return [(plan.start + timedelta(days=plan.every_days * n)).date() for n in range(plan.meetings)]
