"""Which methods fit today's leervraag: the suggestions behind `intervision recommend`.

At the method choice the facilitator and the inbrenger pick a method together
(issue #4). A list of every installed method does not help them: the method has to
fit the kind of leervraag, the group present, the time left and the group's
experience, and a group that always runs the same method stops learning from it.
So this module scores the installed methods on those points and says *why* each
suggestion is made, in both languages, so the inbrenger can agree or pick another.

The rules, kept few so a facilitator can follow them:

* a group size outside a method's fit, or a method longer than the time available,
  rules the method out: the engine would refuse it (group size) or the meeting
  would overrun (time), so suggesting it only misleads;
* a method the group fixed for its series comes first: the group agreed on it;
* everything else is weighed, never excluded: a matching kind of leervraag counts
  most, then a plugin's advice, then the group's experience and its recent
  meetings. A soft misfit (an "experienced" method for a beginning group, a method
  the group knows and used last time) lowers the score and is named as a caution.

A beginning group keeps one method over several meetings until its members know
it, so variety counts only for methods the group knows: a beginning group knows
a method after :data:`KNOWN_AFTER` meetings with it, an experienced one after one.
While a beginning group is still learning the method of its last meeting, that
method is proposed again and no other is pushed as fresh. A group whose experience
is not given counts as beginning for its first :data:`BEGINNING_MEETINGS` meetings.

Suggestions are ordered by score, then by id, so the same situation always gives
the same list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from intervision.engine import MethodSpec, Registry, Text
from intervision.engine.groups import MeetingRecord

__all__ = [
    "BEGINNING_MEETINGS",
    "KNOWN_AFTER",
    "LEERVRAAG_KINDS",
    "WEIGHTS",
    "Experience",
    "Suggestion",
    "duration",
    "group_experience",
    "recommend",
]


#: The kinds of leervraag a method's ``fit.leervraag_kinds`` may name, as the
#: facilitator offers them to the inbrenger (first person, as the inbrenger says it).
LEERVRAAG_KINDS: dict[str, Text] = {
    "incident": Text(nl="Een concreet incident", en="A concrete incident"),
    "relational": Text(
        nl="Een relationele of emotionele kwestie", en="A relational or emotional matter"
    ),
    "values": Text(nl="Waarden en overtuigingen", en="Values and beliefs"),
    "advice": Text(nl="Een adviesvraag", en="A request for advice"),
    "pattern": Text(nl="Een patroon in mijn eigen gedrag", en="A pattern in my own behaviour"),
    "positive": Text(nl="Een succes om van te leren", en="A success to learn from"),
}

#: The kinds as they read inside a sentence ("past bij een adviesvraag").
_KIND_PHRASES: dict[str, Text] = {
    "incident": Text(nl="een concreet incident", en="a concrete incident"),
    "relational": Text(
        nl="een relationele of emotionele kwestie", en="a relational or emotional matter"
    ),
    "values": Text(nl="een vraag over waarden en overtuigingen", en="a question of values"),
    "advice": Text(nl="een adviesvraag", en="a request for advice"),
    "pattern": Text(nl="een patroon in het eigen gedrag", en="a pattern in one's own behaviour"),
    "positive": Text(nl="een succes om van te leren", en="a success to learn from"),
}

#: How much each point weighs. The group's own choice for its series comes first.
#: The kind of leervraag outweighs the rest: a method that does not fit the
#: question is a poor choice however fresh it is. A known method of last meeting
#: loses about as much as a kind match gains, so a group that knows its methods is
#: not steered to the same one twice running unless nothing else fits; a method a
#: beginning group is still learning gains a little less than a kind match, so it
#: stays unless today's leervraag calls for another.
WEIGHTS: dict[str, float] = {
    "fixed": 10.0,
    "learning": 2.5,
    "kind": 3.0,
    "plugin": 2.0,
    "made_for_size": 0.5,
    "beginning": 1.0,
    "experienced": 0.5,
    "too_advanced": -2.0,
    "too_basic": -0.5,
    "not_lately": 1.0,
    "never_used": 0.5,
    "last_meeting": -3.0,
}

#: A method whose fit spans at most this many members (troika: 3-4) is made for
#: that size; a group of that size gets it as a plus, not as one option among many.
_NARROW_RANGE = 2
#: How many recent meetings count for variety.
_RECENT = 3

#: The recent meetings looked at, as a sentence names them (by how many there are).
_SPANS: dict[int, tuple[str, str]] = {
    1: ("de vorige bijeenkomst", "at its last meeting"),
    2: ("de laatste twee bijeenkomsten", "in its last two meetings"),
    3: ("de laatste drie bijeenkomsten", "in its last three meetings"),
}

Experience = Literal["beginning", "experienced"]

#: After how many meetings with a method a group knows it: a beginning group needs
#: a few rounds with one method before it can vary; an experienced one, one.
KNOWN_AFTER: dict[Experience, int] = {"beginning": 3, "experienced": 1}
#: A group whose experience is not given is beginning for this many meetings.
BEGINNING_MEETINGS = 3


def group_experience(history: Sequence[MeetingRecord]) -> Experience:
    """The experience of a group nobody described: beginning in its first meetings."""
    held = sum(1 for record in history if record.methods)
    return "beginning" if held < BEGINNING_MEETINGS else "experienced"


@dataclass(frozen=True)
class Suggestion:
    """A method that fits, how well (``score``), and why, in both languages.

    ``reasons`` argue for the method (at least one, always); ``cautions`` name a
    soft misfit the facilitator should weigh before the inbrenger agrees.
    """

    method_id: str
    score: float
    reasons: tuple[Text, ...]
    cautions: tuple[Text, ...] = ()


def duration(spec: MethodSpec, group_size: int) -> int:
    """Minutes the method takes for this group.

    A ``per_member`` method (troika, wise crowds) runs its phases once for every
    member present, so its ``fit.minutes`` is per round, not per meeting.
    """
    if spec.rounds == "per_member":
        return spec.fit.minutes * group_size
    return spec.fit.minutes


def recommend(
    registry: Registry,
    *,
    leervraag_kind: str | None,
    group_size: int,
    minutes: int | None = None,
    experience: Experience | None = None,
    history: Sequence[MeetingRecord] = (),
    fixed: str | None = None,
    limit: int = 5,
) -> list[Suggestion]:
    """The installed methods that fit, best first, at most ``limit`` of them.

    ``leervraag_kind`` is one of :data:`LEERVRAAG_KINDS` (``None``: not asked);
    ``minutes`` the time available for the method (``None``: no limit);
    ``history`` the group's earlier meetings (any order; sorted by start here);
    ``experience`` the group's, else :func:`group_experience` of its history (with
    history); ``fixed`` the method the group fixed for its series.
    Modules are never suggested: they only run inside the method that nests them.
    Raises ``ValueError`` for an unknown ``leervraag_kind``.
    """
    if leervraag_kind is not None and leervraag_kind not in LEERVRAAG_KINDS:
        raise ValueError(f"unknown kind of leervraag; known kinds: {', '.join(LEERVRAAG_KINDS)}")
    if experience not in (None, "beginning", "experienced"):
        raise ValueError("unknown group experience; known: beginning, experienced")
    # A meeting still at its case choice has no method yet: it is not "the last one".
    recent = sorted((r for r in history if r.methods), key=lambda record: record.started_at)
    if experience is None and recent:
        experience = group_experience(recent)
    learning = _learning(recent, experience)
    plugin_votes = _plugin_votes(registry, leervraag_kind, group_size, minutes)

    suggestions = []
    for spec in registry.methods():
        if spec.kind != "method":
            continue
        fit = spec.fit
        if not fit.group_min <= group_size <= fit.group_max:
            continue
        takes = duration(spec, group_size)
        if minutes is not None and takes > minutes:
            continue
        score = 0.0
        reasons: list[Text] = []
        cautions: list[Text] = []

        if spec.id == fixed:
            score += WEIGHTS["fixed"]
            reasons.append(
                Text(
                    nl="de groep legde deze methode vast voor de reeks",
                    en="the group fixed this method for its series",
                )
            )

        if leervraag_kind is not None and leervraag_kind in fit.leervraag_kinds:
            score += WEIGHTS["kind"]
            phrase = _KIND_PHRASES[leervraag_kind]
            reasons.append(Text(nl=f"past bij {phrase.nl}", en=f"fits {phrase.en}"))

        voters = plugin_votes.get(spec.id)
        if voters:
            score += WEIGHTS["plugin"]
            names = ", ".join(voters)
            reasons.append(
                Text(
                    nl=f"aanbevolen door de plugin {names}",
                    en=f"recommended by the plugin {names}",
                )
            )

        size = f"{fit.group_min} tot {fit.group_max}"
        size_en = f"{fit.group_min} to {fit.group_max}"
        if fit.group_max - fit.group_min <= _NARROW_RANGE:
            score += WEIGHTS["made_for_size"]
            reasons.append(
                Text(
                    nl=f"gemaakt voor groepen van {size}; jullie zijn met {group_size}",
                    en=f"made for groups of {size_en}; there are {group_size} of you",
                )
            )
        else:
            reasons.append(
                Text(
                    nl=f"geschikt voor groepen van {size}; jullie zijn met {group_size}",
                    en=f"suits groups of {size_en}; there are {group_size} of you",
                )
            )

        reasons.append(_time_reason(spec, takes, group_size, minutes))

        score += _experience(fit.experience, experience, reasons, cautions)
        if spec.id != fixed:
            score += _variety(spec.id, recent, experience, learning, reasons, cautions)

        suggestions.append(Suggestion(spec.id, score, tuple(reasons), tuple(cautions)))

    suggestions.sort(key=lambda s: (-s.score, s.method_id))
    return suggestions[: max(limit, 0)]


def _time_reason(spec: MethodSpec, takes: int, group_size: int, minutes: int | None) -> Text:
    """How long the method takes, against the time available if that is known."""
    if spec.rounds == "per_member":
        nl = f"duurt ongeveer {takes} minuten ({spec.fit.minutes} per lid, {group_size} rondes)"
        en = f"takes about {takes} minutes ({spec.fit.minutes} per member, {group_size} rounds)"
    else:
        nl = f"duurt ongeveer {takes} minuten"
        en = f"takes about {takes} minutes"
    if minutes is not None:
        nl += f"; er zijn {minutes} minuten beschikbaar"
        en += f"; {minutes} minutes are available"
    return Text(nl=nl, en=en)


def _experience(
    needs: str, group: Experience | None, reasons: list[Text], cautions: list[Text]
) -> float:
    """Weigh the method's intended experience against the group's.

    A method for experienced groups (Balint, gossip) asks for safety and discipline
    a new group may not have yet: a caution, not a ban, since the facilitator knows
    the group. A method written for beginners (ten steps) gives a new group
    structure to lean on, and only slows down an experienced one.
    """
    if group is None or needs == "any":
        return 0.0
    if needs == "experienced" and group == "beginning":
        cautions.append(
            Text(
                nl="vraagt een ervaren groep; jullie groep is net begonnen",
                en="asks for an experienced group; yours is just beginning",
            )
        )
        return WEIGHTS["too_advanced"]
    if needs == "beginning" and group == "beginning":
        reasons.append(
            Text(
                nl="geschreven voor beginnende groepen: veel structuur",
                en="written for beginning groups: plenty of structure",
            )
        )
        return WEIGHTS["beginning"]
    if needs == "beginning" and group == "experienced":
        cautions.append(
            Text(
                nl="geschreven voor beginnende groepen; een ervaren groep vindt het "
                "misschien traag",
                en="written for beginning groups; an experienced group may find it slow",
            )
        )
        return WEIGHTS["too_basic"]
    reasons.append(
        Text(
            nl="vraagt een ervaren groep, zoals de jullie",
            en="asks for an experienced group, as yours is",
        )
    )
    return WEIGHTS["experienced"]


def _uses(method_id: str, recent: Sequence[MeetingRecord]) -> int:
    return sum(1 for record in recent if method_id in record.methods)


def _learning(recent: list[MeetingRecord], experience: Experience | None) -> str | None:
    """The method a beginning group is still learning: its last meeting's, until known."""
    if experience != "beginning" or not recent:
        return None
    last = recent[-1].methods[0]
    return last if _uses(last, recent) < KNOWN_AFTER["beginning"] else None


def _variety(
    method_id: str,
    recent: list[MeetingRecord],
    experience: Experience | None,
    learning: str | None,
    reasons: list[Text],
    cautions: list[Text],
) -> float:
    """Keep the method a beginning group is learning; else prefer what the group has
    not done lately. A group new to the engine has no say: without history every
    method is equally new, so nothing is said about variety.
    """
    if not recent:
        return 0.0
    if method_id == learning:
        uses, needed = _uses(method_id, recent), KNOWN_AFTER["beginning"]
        reasons.append(
            Text(
                nl=f"de groep leert deze methode nog ({uses} van {needed} keer gebruikt): "
                "houd haar aan tot iedereen haar kent",
                en=f"the group is still learning this method (used {uses} of {needed} "
                "times): keep it until everyone knows it",
            )
        )
        return WEIGHTS["learning"]
    if learning is not None:
        return 0.0  # a beginning group learns one method at a time: no other is pushed
    if method_id in recent[-1].methods:
        cautions.append(
            Text(
                nl="de groep gebruikte deze methode de vorige bijeenkomst al",
                en="the group used this method at its last meeting",
            )
        )
        return WEIGHTS["last_meeting"]
    last_three = recent[-_RECENT:]
    score = 0.0
    if not any(method_id in record.methods for record in last_three):
        score += WEIGHTS["not_lately"]
        span_nl, span_en = _SPANS[len(last_three)]
        nl = f"de groep gebruikte deze methode {span_nl} niet"
        en = f"the group did not use this method {span_en}"
        reasons.append(Text(nl=nl, en=en))
    if not any(method_id in record.methods for record in recent):
        score += WEIGHTS["never_used"]
        reasons.append(
            Text(
                nl="nieuw voor deze groep: nog nooit gebruikt",
                en="new to this group: never used before",
            )
        )
    return score


def _plugin_votes(
    registry: Registry, leervraag_kind: str | None, group_size: int, minutes: int | None
) -> dict[str, list[str]]:
    """Which plugins recommend which method ids, asking each plugin on its own.

    Each implementation is called separately (not through the collected hook call)
    so that a suggestion can name the plugin that made it, and so that one failing
    plugin costs only its own advice. A plugin cannot override the hard filters: an
    id it names that does not fit, or is not installed, is simply not suggested.
    """
    args = {"leervraag_kind": leervraag_kind, "group_size": group_size, "minutes": minutes}
    votes: dict[str, list[str]] = {}
    # Registration order: the names in a reason read in the order plugins were installed.
    for plugin, answer in registry.call_each("intervision_methods_for", args, in_call_order=False):
        if not isinstance(answer, list | tuple):
            continue  # None (no opinion) or a malformed answer
        for method_id in dict.fromkeys(m for m in answer if isinstance(m, str)):
            votes.setdefault(method_id, []).append(plugin)
    return votes
