"""The tests use the same helpers a method author gets from ``intervision.testing``."""

from __future__ import annotations

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
    "PhaseExerciser",
    "assert_replays",
    "group_for",
    "refused",
    "start",
    "to_case_choice",
]
