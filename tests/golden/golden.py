"""What a golden history is: where it lives, which ones must exist, what is compared.

Shared by ``record.py`` (which writes them, deliberately) and
``test_golden_histories.py`` (which replays them on every run). The summary is an
explicit choice of what a later intervision must reproduce from an old journal;
it is not a dump of ``MeetingState``, so a new field there does not break the old
histories, and a field that changes meaning has to be changed here, visibly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from intervision.engine import MeetingState, Registry, load_registry
from intervision.engine.groups.history import record_of
from intervision.engine.runtime.registration import BUILTIN_DISTRIBUTION

__all__ = [
    "GOLDEN_DIR",
    "PLANTED",
    "builtin_cases",
    "builtin_registry",
    "history_path",
    "state_path",
    "summary",
]

GOLDEN_DIR = Path(__file__).resolve().parent

#: In every text of a golden meeting, so a leak of stored content is easy to spot.
PLANTED = "GOUDEN-CASUS"


def builtin_registry() -> Registry:
    """Only the methods shipped with intervision: other plugins must not change the
    recording or the replay."""
    return load_registry(strict=True, builtin_only=True, user_methods=False)


def builtin_cases(registry: Registry) -> list[tuple[str, str | None]]:
    """(method id, variant) of every built-in method and each of its variants."""
    cases: list[tuple[str, str | None]] = []
    for method in registry.methods(modules=True):
        if registry.owner(method.id).distribution != BUILTIN_DISTRIBUTION:
            continue
        cases.append((method.id, None))
        cases.extend((method.id, variant.id) for variant in method.variants)
    return cases


def name_of(method_id: str, variant: str | None) -> str:
    return method_id if variant is None else f"{method_id}.{variant}"


def history_path(name: str) -> Path:
    """One stored event JSON per line, exactly as the journal stores it."""
    return GOLDEN_DIR / f"{name}.jsonl"


def state_path(name: str) -> Path:
    """The summary the replayed history must give."""
    return GOLDEN_DIR / f"{name}.state.json"


def summary(state: MeetingState, registry: Registry) -> dict[str, Any]:
    """What replaying a meeting's journal must give, as plain JSON data."""
    record = record_of(state, registry)
    case = state.case
    return {
        "meeting_id": state.meeting_id,
        "lang": state.lang,
        "group_id": state.group_id,
        "members": [[m.id, m.name, m.external] for m in state.members.values()],
        "present": list(state.present),
        "facilitator": state.facilitator,
        "version": state.version,
        "frame": state.frame,
        "phase": state.phase,
        "module": state.module,
        "closed": state.closed,
        "closed_reason": state.closed_reason,
        "started_at": state.started_at.isoformat(),
        "closed_at": state.closed_at.isoformat() if state.closed_at else None,
        "method": case.method_id if case else None,
        "inbrenger": state.inbrenger,
        "leervragen": [[lv.id, lv.by, lv.text] for lv in state.leervragen.values()],
        "passed": list(state.passed),
        "cases": [
            {
                "no": c.no,
                "leervraag": c.leervraag_id,
                "inbrenger": c.inbrenger,
                "method": c.method_id,
                "method_version": c.method_version,
                "variant": c.variant,
                "auto": c.auto,
            }
            for c in state.cases
        ],
        "contributions": [
            {
                "id": c.id,
                "author": c.author,
                "kind": c.kind,
                "text": c.text,
                "frame": c.frame,
                "phase": c.phase,
                "case": c.case_no,
                "written": c.written,
                "reply_to": c.reply_to,
                "hidden_until": c.hidden_until,
            }
            for c in state.contributions
        ],
        "visible_to_all": [c.id for c in state.visible_to(None)],
        "decisions": [
            {
                "id": d.decision_id,
                "by": d.by,
                "selected": list(d.selected),
                "text": d.text,
                "phase": d.phase,
                "case": d.case_no,
                "labels": dict(d.labels),
            }
            for d in state.decisions
        ],
        "labels": dict(sorted(state.labels.items())),
        "loops_taken": [list(loop) for loop in state.loops_taken],
        "skipped": [list(skip) for skip in state.skipped],
        "commitments": [[c.member, c.text] for c in record.commitments],
        "inbrengers": list(record.inbrengers),
        "methods": list(record.methods),
        # Only where a role was held: the histories recorded before roles were kept have none.
        **({"roles": roles} if (roles := held_roles(state)) else {}),
    }


def held_roles(state: MeetingState) -> dict[str, list[str]]:
    """The roles of the day (scribe, timekeeper, ...) and who held them."""
    return {role: list(people) for role, people in state.roles.items()}


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
