"""A journal that lives in memory, for tests and short-lived hosts.

Events are kept as the JSON strings :func:`encode_event` gives, exactly as the SQLite
adapter stores them, so a load runs the same decode path (a test against memory
catches an event that does not round-trip) and no caller can mutate a stored event
through a reference it kept.
"""

from __future__ import annotations

import threading

from .errors import ConcurrencyError, RepeatedRequest
from .events import Event
from .journal import MeetingSummary, decode_event, encode_event

__all__ = ["MemoryJournal"]


class MemoryJournal:
    """Keeps the :class:`~intervision.engine.storage.Journal` contract without a file."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # Insertion-ordered, so meetings that start at the same instant keep their order.
        self._rows: dict[str, list[str]] = {}
        self._requests: dict[tuple[str, str], tuple[int, int]] = {}

    def append(
        self,
        meeting_id: str,
        expected_version: int,
        events: list[Event],
        *,
        request_id: str | None = None,
    ) -> int:
        # Encode before taking the lock: an event that fails to encode leaves nothing behind.
        encoded = [encode_event(event) for event in events]
        with self._lock:
            rows = self._rows.get(meeting_id)
            actual = 0 if rows is None else len(rows)
            if request_id is not None and (meeting_id, request_id) in self._requests:
                raise RepeatedRequest(meeting_id, request_id)
            if actual != expected_version:
                raise ConcurrencyError(meeting_id, expected_version, actual)
            if rows is not None:
                rows.extend(encoded)
            elif encoded:  # a meeting with no rows is not listed, so none is made for nothing
                self._rows[meeting_id] = encoded
            if request_id is not None and encoded:
                span = (expected_version + 1, expected_version + len(encoded))
                self._requests[(meeting_id, request_id)] = span
            return expected_version + len(encoded)

    def committed(self, meeting_id: str, request_id: str) -> tuple[int, int] | None:
        with self._lock:
            return self._requests.get((meeting_id, request_id))

    def load(self, meeting_id: str) -> list[Event]:
        with self._lock:
            rows = list(self._rows.get(meeting_id, ()))
        return [decode_event(meeting_id, version, raw) for version, raw in enumerate(rows, 1)]

    def version(self, meeting_id: str) -> int:
        with self._lock:
            return len(self._rows.get(meeting_id, ()))

    def meetings(self) -> list[MeetingSummary]:
        with self._lock:
            snapshot = [(mid, len(rows), rows[0], rows[-1]) for mid, rows in self._rows.items()]
        summaries = [
            MeetingSummary(
                meeting_id=mid,
                version=version,
                started_at=decode_event(mid, 1, first).at,
                last_type=decode_event(mid, version, last).type,
            )
            for mid, version, first, last in snapshot
        ]
        # A stable sort on the instant: naive and aware timestamps compare without error.
        summaries.sort(key=lambda s: s.started_at.timestamp())
        return summaries

    def close(self) -> None:
        """Nothing to release; the events stay readable until the journal is dropped."""
