"""A group: its members, its contract, and its settings, kept as a journal stream.

A group is written the way a meeting is: events appended to the journal under
the stream id ``group:<id>``, so it is durable, versioned and safe with two
writers. Its history (who came, who facilitated, who brought a case, what was
promised) is not stored here: it is read from the group's meetings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from intervision.engine import GroupContract, GroupMember, Lang, SeriesPlan, Text, name_key

__all__ = [
    "CONTRACT_TEXTS",
    "DEFAULT_ATTENDANCE",
    "DEFAULT_CONFIDENTIALITY",
    "DEFAULT_MATERIAL",
    "DEFAULT_WORKING_TIME",
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
DEFAULT_MATERIAL = Text(
    nl="Een casus brengen we mondeling in, zonder namen of andere gegevens waaraan cliënten "
    "of collega's te herkennen zijn. Wat iemand op papier meebrengt, blijft in de groep en "
    "gaat aan het eind terug mee of wordt vernietigd.",
    en="A case is brought in by telling it, without names or other details by which clients "
    "or colleagues could be recognised. Whatever someone brings on paper stays in the group "
    "and is taken back or destroyed at the end.",
)
DEFAULT_WORKING_TIME = Text(
    nl="We komen bij elkaar in werktijd, op een plek waar we niet gestoord worden: telefoons "
    "uit, en niemand wordt tussendoor weggeroepen.",
    en="We meet in working time, in a place where we are not disturbed: phones off, and "
    "nobody is called away in between.",
)
DEFAULT_ATTENDANCE = Text(
    nl="We zijn er elke bijeenkomst, op tijd en de hele tijd. Wie niet kan komen, meldt zich "
    "vooraf af bij de begeleider.",
    en="We attend every meeting, on time and for the whole time. Whoever cannot come lets "
    "the facilitator know beforehand.",
)


#: The contract's texts, in the order a facilitator reads them out.
CONTRACT_TEXTS: tuple[str, ...] = ("confidentiality", "material", "attendance", "working_time")


def default_contract(lang: Lang) -> GroupContract:
    """The contract a new group starts with, in its language."""
    return GroupContract(
        confidentiality=DEFAULT_CONFIDENTIALITY(lang),
        attendance=DEFAULT_ATTENDANCE(lang),
        material=DEFAULT_MATERIAL(lang),
        working_time=DEFAULT_WORKING_TIME(lang),
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
    #: The series as a calendar knows it: the start of the plan that began it (its
    #: events keep their ids while the plan changes), how often the plan changed
    #: since, and the most meetings any version of it planned.
    series_began: datetime | None = None
    series_changes: int = 0
    series_most: int = 0
    #: The method the group fixed for its series (and its variant), if it did.
    series_method: str | None = None
    series_variant: str | None = None
    #: When a member last joined or left: a refresh meeting is due after it.
    members_changed: datetime | None = None
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
