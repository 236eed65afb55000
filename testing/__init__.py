"""Testing helpers for method authors: the conformance checks and a pytest plugin.

``check_conformance("my-method")`` gives a third-party method the same checks the
built-in ones get. Under pytest the fixtures ``intervision_registry``,
``intervision_engine``, ``intervision_meeting`` and ``intervision_logs`` are
available without an import (the ``pytest11`` entry point loads them), and
``refused(meeting, rule)`` asserts a refusal that wrote nothing. Needs pytest.
"""

from __future__ import annotations

from .assertions import assert_replays, refused
from .conformance import PhaseExerciser, Samples, check_conformance
from .meetings import (
    FACILITATOR,
    INBRENGER,
    MEMBERS,
    NAMES,
    PARTICIPANTS,
    group_for,
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
    "Samples",
    "assert_replays",
    "check_conformance",
    "group_for",
    "refused",
    "start",
    "to_case_choice",
]
