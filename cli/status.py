"""The engine's answer to "who may do what now" in a facilitator's words.

The phase screen, the live cockpit and ``meeting status`` all read
:meth:`~intervision.engine.Meeting.capabilities` and say it through these
functions: who is here in which roles and may contribute what (each person once,
with all their roles: a facilitating member is a participant too), whom the step
waits for, and what to type for the decision. Nothing here decides what is allowed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from intervision.engine import GLOSSARY

from .kinds import kinds_typed
from .texts import Lang, t

if TYPE_CHECKING:
    from intervision.engine import Capabilities, Meeting, Text

__all__ = ["decision_hint", "people_rows", "role_words", "waiting_key", "waiting_text"]


def role_words(roles: frozenset[str], lang: Lang, titles: Mapping[str, Text] | None = None) -> str:
    """``begeleider, deelnemer``: a person's roles in the glossary's words and order;
    a role the glossary lacks (a method's own) by its title in ``titles``."""
    order = list(GLOSSARY.roles)
    ordered = sorted(roles, key=lambda r: (order.index(r) if r in order else len(order), r))
    named = (
        GLOSSARY.role(r)(lang)
        if r in GLOSSARY.roles or not titles or r not in titles
        else titles[r](lang).lower()
        for r in ordered
    )
    return ", ".join(named)


def _name(meeting: Meeting, person: str) -> str:
    member = meeting.state.members.get(person)
    return member.name if member else person


def people_rows(meeting: Meeting, can: Capabilities, lang: Lang) -> list[tuple[str, str, str]]:
    """``(names, roles, may contribute)`` per group of people who may the same now.

    People with the same roles and kinds share a row (``Carla, Dirk``), so the table
    stays short for eight members; each person is in one row only.
    """
    words = meeting.engine.registry.glossary
    titles = meeting.engine.registry.held_roles()
    rows: dict[tuple[frozenset[str], tuple[str, ...]], list[str]] = {}
    for person, person_can in can.people.items():
        rows.setdefault((person_can.roles, person_can.kinds), []).append(_name(meeting, person))
    return [
        (
            ", ".join(names),
            role_words(roles, lang, titles),
            kinds_typed(kinds, lang, words) if kinds else t(lang, "phase.may_nothing"),
        )
        for (roles, kinds), names in rows.items()
    ]


_WAIT_KEYS = {
    "leervraag": "wait.leervraag",
    "learning_goal": "wait.learning_goal",
    "recognition": "wait.recognition",
    "everyone_contributes": "wait.turn",
    "reveal": "wait.reveal",
    "consensus": "wait.consensus",
    "decision": "wait.decision",
    "module": "wait.module",
    "feedback": "wait.feedback",
    "at_least": "wait.at_least",
    "inbrenger": "wait.inbrenger",
}


def waiting_key(reason: str) -> str | None:
    """The text key that names a wait, or None where a rule names it by its title."""
    return _WAIT_KEYS.get(reason)


def waiting_text(meeting: Meeting, can: Capabilities, lang: Lang) -> str:
    """``Wacht op: Bram (besluit) · Carla, Dirk (een beurt)``; empty when nothing waits."""
    parts = []
    for wait in can.waiting:
        names = ", ".join(_name(meeting, p) for p in wait.people)
        key = waiting_key(wait.reason)
        if key is None:
            kind = meeting.engine.registry.rule_kinds.get(wait.rule)
            what = kind.title(lang) if kind is not None else wait.rule
        else:
            what = t(lang, key)
        parts.append(f"{names} ({what})" if names else what)
    return t(lang, "wait.line", what=" · ".join(parts)) if parts else ""


def decision_hint(meeting: Meeting, can: Capabilities, lang: Lang) -> str:
    """Exactly what to type for the phase's decision, with this meeting's ids: the
    labels for every contribution to label, or the contributions to choose from.
    Empty when the phase has no decision."""
    phase, state = meeting.phase, meeting.state
    if phase is None or phase.decision is None:
        return ""
    deciders = [p for p in can.people if can.of(p).may("decide")]
    who = ", ".join(_name(meeting, p) for p in deciders) or GLOSSARY.role(phase.decision.by)(lang)
    case_no = state.case.no if state.case else None
    visible = [c for c in meeting.visible_to(None) if c.case_no == case_no]
    word = t(lang, "decide.word")
    to_label = [c.id for c in visible if phase.labels and c.kind in phase.labels.kinds]
    if phase.labels is not None and phase.labels.values and to_label:
        first = GLOSSARY.label(phase.labels.values[0])(lang)
        typed = " ".join(f"{cid}={first}" for cid in to_label)
        values = ", ".join(GLOSSARY.label(v)(lang) for v in phase.labels.values)
        return t(lang, "decide.labels", who=who, typed=f"{word} {typed}", values=values)
    ids = [c.id for c in visible if c.kind in phase.decision.selects_from]
    if ids:
        example = " ".join(f"#{cid}" for cid in ids[:2])
        kinds = kinds_typed(phase.decision.selects_from, lang, meeting.engine.registry.glossary)
        return t(lang, "decide.select", who=who, word=word, example=example, kinds=kinds)
    return t(lang, "decide.text", who=who, word=word)
