"""The tests use the same helpers a method author gets from ``intervision.testing``."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from hypothesis import HealthCheck, settings

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
    "FULL",
    "INBRENGER",
    "MEMBERS",
    "NAMES",
    "PARTICIPANTS",
    "ROLES",
    "PhaseExerciser",
    "assert_replays",
    "fuzz_settings",
    "group_for",
    "phases_of",
    "refused",
    "start",
    "store_rows",
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


#: ``INTERVISION_FULL=1`` runs the long property-based and fuzzing passes (tests/reliability).
FULL = os.environ.get("INTERVISION_FULL", "") not in ("", "0")


def fuzz_settings(quick: int, full: int) -> settings:
    """Hypothesis settings for a fuzzing test: ``quick`` examples in the normal suite,
    ``full`` with ``INTERVISION_FULL=1``; no deadline (the CLI loads plugins)."""
    return settings(
        max_examples=full if FULL else quick,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        print_blob=True,
    )


def store_rows(path: Path) -> list[tuple[object, ...]]:
    """Every row of a SQLite store's journal, in order: equal before and after means
    a command wrote nothing (bytes of the file may move with a WAL checkpoint)."""
    if not path.exists():
        return []
    with closing(sqlite3.connect(path)) as db:
        return list(db.execute("SELECT * FROM events ORDER BY 1, 2"))
