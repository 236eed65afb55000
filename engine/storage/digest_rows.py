"""A meeting's digest as a row: the columns a listing orders and most appends change,
and the rest as JSON.

The position (version, time, frame, phase, module) has columns of its own, so that
an append that changes nothing else (see ``position_change``) writes them without
reading the row; what changes with a case, a decision, the facilitator or the close
is one JSON array. A decision's text and a learning goal's are kept as the append
gave them: sealed where the store is encrypted, and refused to a reader without the
key, as the events are.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from intervision.engine import (
    CaseDigest,
    DecisionDigest,
    GoalDigest,
    MeetingDigest,
    StoreError,
    Text,
)

from .cipher import is_reading_sealed, is_token, read_without_key

__all__ = [
    "COLUMNS",
    "digest_from_row",
    "digest_to_json",
    "holds_sealed_text",
    "refuse_sealed_digest",
]

# One encoder for every digest: json.dumps with options builds a new one per call.
_compact = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def refuse_sealed_digest(digest: MeetingDigest) -> MeetingDigest:
    """The digest, unless it holds a sealed text and no encrypted journal reads it:
    as for events, a store opened without its key must not pass tokens on as text."""
    if not is_reading_sealed() and holds_sealed_text(digest):
        where = Text(nl=f"Bijeenkomst {digest.meeting_id}", en=f"meeting {digest.meeting_id}")
        raise read_without_key(where)
    return digest


def holds_sealed_text(digest: MeetingDigest) -> bool:
    """Whether a decision's or a learning goal's text in the digest is sealed."""
    return any(is_token(d.text) for d in digest.decisions) or any(
        is_token(g.text) for g in digest.goals
    )


#: The columns a digest is read back from, in this order, before its JSON part.
COLUMNS = "meeting_id, group_id, version, updated_at, frame, phase, module, met, data"


def digest_to_json(digest: MeetingDigest) -> str:
    """What the columns do not hold: what changes only with a case, a decision, the
    facilitator, a report or a learning goal, or the close (see ``position_change``)."""
    return _compact(
        [
            digest.lang,
            digest.started_at.isoformat(),
            digest.facilitator,
            digest.present,
            [
                [c.no, c.inbrenger, c.method_id, c.method_version, c.variant, c.co_inbrenger]
                for c in digest.cases
            ],
            [
                [d.version, d.decision_id, d.by, d.phase, d.case_no, d.at.isoformat(), d.text]
                for d in digest.decisions
            ],
            digest.closed_at.isoformat() if digest.closed_at else None,
            digest.purpose,
            digest.roles,
            digest.reports,
            [[g.version, g.member, g.at.isoformat(), g.text] for g in digest.goals],
        ]
    )


def digest_from_row(row: tuple[Any, ...]) -> MeetingDigest:
    """A stored digest from its columns (:data:`COLUMNS`); a damaged one is a
    :class:`StoreError` saying to rebuild."""
    meeting_id, group_id, version, updated_at, frame, phase, module, met, data = row
    try:
        lang, started_at, facilitator, present, cases, decisions, closed_at, *more = json.loads(
            data
        )
        # a row of READ_MODEL_VERSION 1 ends here; the store rebuilds it when opened
        purpose, roles, reports, goals = more or ("regular", [], [], [])
        return MeetingDigest(
            meeting_id=meeting_id,
            version=int(version),
            group_id=group_id,
            lang=lang,
            started_at=datetime.fromisoformat(started_at),
            updated_at=datetime.fromisoformat(updated_at),
            facilitator=facilitator,
            present=tuple(present),
            frame=frame,
            phase=phase,
            module=module,
            cases=tuple(CaseDigest(*case) for case in cases),
            decisions=tuple(
                DecisionDigest(v, did, by, at_phase, no, datetime.fromisoformat(at), text)
                for v, did, by, at_phase, no, at, text in decisions
            ),
            closed_at=datetime.fromisoformat(closed_at) if closed_at else None,
            met=bool(met),
            purpose=purpose,
            roles=tuple((role, tuple(people)) for role, people in roles),
            reports=tuple((commitment, member) for commitment, member in reports),
            goals=tuple(
                GoalDigest(v, member, datetime.fromisoformat(at), text)
                for v, member, at, text in goals
            ),
        )
    except (KeyError, TypeError, ValueError):
        # Raised outside the handler's context: the row holds decision texts.
        pass
    raise StoreError(
        Text(
            nl=f"Bijeenkomst {meeting_id}: de opgeslagen samenvatting is niet te lezen; bouw "
            "de samenvattingen opnieuw op met `intervision store rebuild`.",
            en=f"meeting {meeting_id}: its stored summary cannot be read; rebuild the read "
            "models with `intervision store rebuild`",
        )
    )
