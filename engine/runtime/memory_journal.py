"""A journal that lives in memory, for tests and short-lived hosts.

Events are kept as the JSON strings :func:`encode_event` gives, exactly as the SQLite
adapter stores them, so a load runs the same decode path (a test against memory
catches an event that does not round-trip) and no caller can mutate a stored event
through a reference it kept. The read models are kept beside them, by the same
folds as every other adapter, under the same lock as the events they follow.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable

from intervision.engine import (
    DEFAULT_PAGE,
    ConcurrencyError,
    CorruptJournalError,
    DigestPage,
    Event,
    GroupDelta,
    GroupDigest,
    MeetingDigest,
    MeetingSummary,
    OnCommit,
    Rebuilt,
    RepeatedRequest,
    decode_event,
    digest_stored,
    encode_event,
    fold_meeting,
    group_delta,
    is_meeting_stream,
)

from .paging import encode_cursor, page_key, page_start

__all__ = ["MemoryJournal"]

Key = tuple[int, str]


class _Tally:
    """A group's counts, changed in place by each delta."""

    __slots__ = ("facilitated", "held", "inbrenger", "meetings")

    def __init__(self) -> None:
        self.meetings = self.held = 0
        self.facilitated: dict[str, int] = {}
        self.inbrenger: dict[str, int] = {}

    def add(self, delta: GroupDelta) -> None:
        self.meetings += delta.meetings
        self.held += delta.held
        for member, facilitated, inbrenger in delta.members:
            self.facilitated[member] = self.facilitated.get(member, 0) + facilitated
            self.inbrenger[member] = self.inbrenger.get(member, 0) + inbrenger


class MemoryJournal:
    """Keeps the :class:`~intervision.engine.storage.Journal` contract without a file."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # Insertion-ordered, so meetings that start at the same instant keep their order.
        self._rows: dict[str, list[str]] = {}
        self._requests: dict[tuple[str, str], tuple[int, int]] = {}
        self._clear_read_models()

    def _clear_read_models(self) -> None:
        self._digests: dict[str, MeetingDigest] = {}
        #: The page keys of every digest, and of each group's, in listing order.
        self._keys: list[Key] = []
        self._group_keys: dict[str, list[Key]] = {}
        self._tallies: dict[str, _Tally] = {}

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
            old = self._digests.get(meeting_id)
            new = old
            if encoded and is_meeting_stream(meeting_id):
                new = fold_meeting(old, meeting_id, expected_version + 1, events)
            if rows is not None:
                rows.extend(encoded)
            elif encoded:  # a meeting with no rows is not listed, so none is made for nothing
                self._rows[meeting_id] = encoded
            if request_id is not None and encoded:
                span = (expected_version + 1, expected_version + len(encoded))
                self._requests[(meeting_id, request_id)] = span
            if new is not old and new is not None:
                self._keep(old, new)
            return expected_version + len(encoded)

    def _keep(self, old: MeetingDigest | None, new: MeetingDigest) -> None:
        self._digests[new.meeting_id] = new
        if old is None:
            key = page_key(new.started_at, new.meeting_id)
            bisect.insort(self._keys, key)
            if new.group_id is not None:
                bisect.insort(self._group_keys.setdefault(new.group_id, []), key)
        delta = group_delta(old, new)
        if delta is not None:
            self._tallies.setdefault(delta.group_id, _Tally()).add(delta)

    def committed(self, meeting_id: str, request_id: str) -> tuple[int, int] | None:
        with self._lock:
            return self._requests.get((meeting_id, request_id))

    def load(self, meeting_id: str, after: int = 0) -> list[Event]:
        with self._lock:
            rows = list(self._rows.get(meeting_id, ())[after:])
        return [
            decode_event(meeting_id, version, raw) for version, raw in enumerate(rows, after + 1)
        ]

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

    def streams(self, prefix: str) -> list[str]:
        with self._lock:
            return [stream for stream in self._rows if stream.startswith(prefix)]

    # -- read models --------------------------------------------------------------

    def digest(self, meeting_id: str) -> MeetingDigest | None:
        with self._lock:
            return self._digests.get(meeting_id)

    def digests(
        self,
        *,
        group_id: str | None = None,
        closed: bool | None = None,
        limit: int | None = DEFAULT_PAGE,
        cursor: str | None = None,
        oldest_first: bool = False,
    ) -> DigestPage:
        after = page_start(limit, cursor)
        with self._lock:
            keys = self._keys if group_id is None else self._group_keys.get(group_id, [])
            if oldest_first:
                start = 0 if after is None else bisect.bisect_right(keys, after)
                order = range(start, len(keys))
            else:
                end = len(keys) if after is None else bisect.bisect_left(keys, after)
                order = range(end - 1, -1, -1)
            found: list[MeetingDigest] = []
            for index in order:
                digest = self._digests[keys[index][1]]
                if closed is None or digest.closed == closed:
                    if limit is not None and len(found) == limit:
                        last = found[-1]
                        return DigestPage(
                            tuple(found), encode_cursor(page_key(last.started_at, last.meeting_id))
                        )
                    found.append(digest)
        return DigestPage(tuple(found))

    def group_digest(self, group_id: str) -> GroupDigest:
        with self._lock:
            tally = self._tallies.get(group_id)
            if tally is None:
                return GroupDigest(group_id)
            return GroupDigest(
                group_id,
                tally.meetings,
                tally.held,
                {m: n for m, n in tally.facilitated.items() if n},
                {m: n for m, n in tally.inbrenger.items() if n},
            )

    def rebuild_read_models(self) -> Rebuilt:
        with self._lock:
            snapshot = {mid: list(rows) for mid, rows in self._rows.items()}
            self._clear_read_models()
            damaged: list[str] = []
            for meeting_id, rows in snapshot.items():
                if not is_meeting_stream(meeting_id):
                    continue
                try:
                    events = [decode_event(meeting_id, v, raw) for v, raw in enumerate(rows, 1)]
                    self._keep(None, digest_stored(meeting_id, events))
                except CorruptJournalError as exc:
                    damaged.append(str(exc))
            return Rebuilt(len(self._digests), tuple(damaged))

    # -- across processes -----------------------------------------------------------

    def watch(self, on_commit: OnCommit) -> Callable[[], None]:
        """No other process writes to this journal: nothing to report."""
        return _nothing

    def check_available(self) -> None:
        """Memory is always there."""

    def close(self) -> None:
        """Nothing to release; the events stay readable until the journal is dropped."""


def _nothing() -> None:
    pass
