"""The contract every journal adapter keeps.

- ``append`` is atomic: all the events of one command are written, or none.
- Optimistic concurrency: ``append`` names the version the caller last saw; when the
  meeting has moved on, it raises :class:`ConcurrencyError` and writes nothing.
- A request id (idempotency key) is stored once per meeting, with the events it
  committed: a repeat is refused with ``RepeatedRequest`` and writes nothing.
- Versions start at 1 (the ``meeting_started`` event) and have no gaps.
- ``load`` returns the events in version order; an unreadable row raises
  :class:`CorruptJournalError` naming meeting and version, never its content.
- A row sealed by the storage part's ``EncryptedJournal`` read without it raises a
  clear ``EncryptionError`` (the storage adapters check), never passes tokens on as text.
- The read models (:mod:`.read_models`) are written in the same transaction as the
  events they follow, by the runtime's folds (``fold_meeting``), so they always equal what a
  replay gives; ``rebuild_read_models`` folds every stored meeting again.
- ``watch`` reports what other writers (other processes) commit, so a subscriber
  sees every command wherever it was sent; a journal no other process can write
  (memory) reports nothing.
- A store that cannot be reached fails fast with :class:`StoreUnavailableError` instead
  of making callers queue; ``check_available`` is the cheap probe a health check calls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from .errors import CorruptJournalError
from .events import Event, MeetingStarted, event_adapter
from .read_models import DigestPage, GroupDigest, MeetingDigest

__all__ = [
    "DEFAULT_PAGE",
    "Commit",
    "Journal",
    "MeetingSummary",
    "OnCommit",
    "Rebuilt",
    "StoredEvent",
    "belongs",
    "decode_current",
    "decode_event",
    "encode_event",
    "is_meeting_stream",
]


@dataclass(frozen=True)
class StoredEvent:
    """An event with the meeting and version it is stored under."""

    meeting_id: str
    version: int
    event: Event


@dataclass(frozen=True)
class MeetingSummary:
    """What a listing of meetings shows: no case content."""

    meeting_id: str
    version: int
    started_at: datetime
    last_type: str


@dataclass(frozen=True, slots=True)
class Commit:
    """Versions ``first`` to ``last`` of a stream, committed by another writer."""

    stream_id: str
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Rebuilt:
    """What rebuilding the read models did: the meetings folded again, and one
    message (ids and versions only) per meeting whose rows could not be read."""

    meetings: int
    damaged: tuple[str, ...] = ()


#: How many meetings a page of a listing holds when the caller does not say.
DEFAULT_PAGE = 50

#: Called by a watch with each commit of another writer; with None after the watch
#: was interrupted (a lost connection), when anything may have changed.
OnCommit = Callable[[Commit | None], None]


@runtime_checkable
class Journal(Protocol):
    """Where meetings are kept: append-only, atomic, with optimistic concurrency."""

    def append(
        self,
        meeting_id: str,
        expected_version: int,
        events: list[Event],
        *,
        request_id: str | None = None,
    ) -> int:
        """Append ``events`` after ``expected_version``; return the new version.

        ``expected_version`` is 0 for a new meeting. With ``request_id`` (a caller's
        idempotency key) the key is kept with the events, in the same transaction;
        a meeting that already holds the key raises :class:`RepeatedRequest` and
        nothing is written.
        """
        ...

    def committed(self, meeting_id: str, request_id: str) -> tuple[int, int] | None:
        """The first and last version appended with ``request_id``, or None."""
        ...

    def load(self, meeting_id: str, after: int = 0) -> list[Event]:
        """The events of a meeting after version ``after`` (all by default), in order;
        an empty list if there are none."""
        ...

    def version(self, meeting_id: str) -> int:
        """The meeting's current version (0 if it has no events)."""
        ...

    def meetings(self) -> list[MeetingSummary]:
        """Every stream in the journal, oldest first: reads the whole store, for tools
        (a key check, a backup); listings page through :meth:`digests` instead."""
        ...

    def streams(self, prefix: str) -> list[str]:
        """The ids of the streams that begin with ``prefix``, oldest first, found
        without reading the others (``group:`` gives the groups)."""
        ...

    # -- read models --------------------------------------------------------------

    def digest(self, meeting_id: str) -> MeetingDigest | None:
        """The meeting's digest, or None if there is no such meeting."""
        ...

    def digests(
        self,
        *,
        group_id: str | None = None,
        closed: bool | None = None,
        limit: int | None = DEFAULT_PAGE,
        cursor: str | None = None,
        oldest_first: bool = False,
    ) -> DigestPage:
        """A page of meeting digests, newest first (by start, then id) unless
        ``oldest_first``; only the group's with ``group_id``, only closed (True) or
        open (False) ones with ``closed``. ``cursor`` is a page's ``next_cursor``;
        ``limit`` None gives every one that is left. A cursor no listing gave raises
        ``ValueError``."""
        ...

    def group_digest(self, group_id: str) -> GroupDigest:
        """The group's counts (all zero for a group without meetings)."""
        ...

    def rebuild_read_models(self) -> Rebuilt:
        """Fold every stored meeting again and replace the read models, in one transaction."""
        ...

    # -- across processes -----------------------------------------------------------

    def watch(self, on_commit: OnCommit) -> Callable[[], None]:
        """Call ``on_commit`` on a thread of the journal's own with what other writers
        commit, until the returned function is called. Commits of this journal
        object may be reported too; the caller skips versions it has."""
        ...

    def check_available(self) -> None:
        """Raise :class:`StoreUnavailableError` if the store cannot be reached now; cheap
        enough for a health check answered on every request."""
        ...

    def close(self) -> None: ...


def is_meeting_stream(stream_id: str) -> bool:
    """Whether a stream in the journal is a meeting's. Other streams (a group's is
    ``group:<id>``) carry a kind before a colon, which a meeting id never has."""
    return ":" not in stream_id


def encode_event(event: Event) -> str:
    """The event as the JSON text every adapter stores (what ``model_dump_json`` gives).

    The model's serializer is called directly: ``model_dump_json`` first passes on a
    dozen keyword arguments left at their defaults, which on every command costs
    two thirds as much again as the encoding itself.
    """
    return type(event).__pydantic_serializer__.to_json(event).decode()


def decode_event(meeting_id: str, version: int, raw: str) -> Event:
    """Read back a row :func:`encode_event` wrote, in the current shape of its type.

    For the memory journal, whose rows this process wrote. A store that keeps rows
    for years reads through the storage part's ``decode_stored``, which also upgrades
    older shapes and says what is wrong with a damaged row.
    """
    event = decode_current(raw)
    if event is None:
        raise CorruptJournalError.at(
            meeting_id,
            version,
            "the event is not in the shape this intervision writes; restore the store from "
            "a backup",
        )
    return belongs(meeting_id, version, event)


def decode_current(raw: str) -> Event | None:
    """The event, if the row is plainly in the current shape of its type; else None.

    Resuming reads every row of a meeting, and pydantic's own JSON parser validates
    a row in one pass, in about the time ``json.loads`` alone takes. Only a row that
    starts with a whole-number version, as :func:`encode_event` writes it, and that
    validates at its type's current version takes this way: anything else (an older
    version, a damaged or hand-made row) is for a careful reader to explain.
    """
    if not raw.startswith('{"v":') or not raw[5 : raw.find(",", 5)].isdigit():
        return None
    try:
        event = event_adapter.validate_json(raw)
    except ValueError:  # pydantic's ValidationError is one
        return None
    return event if event.v == type(event).model_fields["v"].default else None


def belongs(meeting_id: str, version: int, event: Event) -> Event:
    """``event``, after checking that a start event read back names this meeting.

    The error is raised here, outside any ``except`` block, so that no JSON or
    pydantic error rides along as ``__context__``: it would quote the row.
    """
    # type() is, not isinstance: pydantic's metaclass makes isinstance slow, and this is hot.
    if type(event) is MeetingStarted and event.meeting_id != meeting_id:
        # The other id is not repeated: it is stored text like the rest of the row.
        raise CorruptJournalError.at(
            meeting_id,
            version,
            "the stored meeting_started event names another meeting (the row was copied or "
            "moved); restore the store from a backup",
        )
    return event
