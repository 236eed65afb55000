"""The tests use the same helpers a method author gets from ``intervision.testing``."""

from __future__ import annotations

from intervision.engine import MethodSpec, Text
from intervision.testing import (
    FACILITATOR,
    INBRENGER,
    MEMBERS,
    NAMES,
    PARTICIPANTS,
    PhaseExerciser,
    assert_replays,
    group_for,
    refused,
    start,
    to_case_choice,
)

__all__ = [
    "FACILITATOR",
    "INBRENGER",
    "MEMBERS",
    "NAMES",
    "PARTICIPANTS",
    "ROLES",
    "PhaseExerciser",
    "assert_replays",
    "group_for",
    "phases_of",
    "refused",
    "start",
    "texts_of",
    "to_case_choice",
]


#: The roles every phase gives instructions to.
ROLES = ("facilitator", "inbrenger", "participant")


def phases_of(method: MethodSpec) -> list[tuple[str, int]]:
    """A method's phases as (id, minutes), in order: what methods.md tables give."""
    return [(phase.id, phase.minutes) for phase in method.phases]


def texts_of(method: MethodSpec) -> list[tuple[str, Text]]:
    """Every text a facilitator reads in a method, with where it is."""
    found = [("title", method.title), ("summary", method.summary)]
    for phase in method.phases:
        found.append((f"{phase.id}.title", phase.title))
        found.extend((f"{phase.id}.{role}", text) for role, text in phase.instructions.items())
        if phase.decision is not None:
            found.append((f"{phase.id}.decision", phase.decision.title))
    return found
