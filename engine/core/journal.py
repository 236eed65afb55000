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
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from pydantic import ValidationError

from .errors import CorruptJournalError
from .events import Event, MeetingStarted, event_adapter
from .migrations import CURRENT_VERSIONS, UnreadableEvent, upgrade

__all__ = [
    "Journal",
    "MeetingSummary",
    "StoredEvent",
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

    def load(self, meeting_id: str) -> list[Event]:
        """All events of a meeting in order; an empty list if there is none."""
        ...

    def version(self, meeting_id: str) -> int:
        """The meeting's current version (0 if it has no events)."""
        ...

    def meetings(self) -> list[MeetingSummary]:
        """Every meeting in the journal, oldest first."""
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
    """Read one stored event; a broken row names where it is, not what it says.

    The row is parsed, brought to the current shape by the explicit steps of
    :mod:`..migrations` (a version newer than known, or an older one without a
    step, is refused), validated, and checked to belong to this meeting.

    The error is raised outside the ``except`` blocks on purpose: the JSON or
    pydantic error would otherwise ride along as ``__context__``, and it quotes the
    row, which may hold case content.
    """
    quick = _current(raw)
    event = _problem(raw) if quick is None else quick
    # type() is, not isinstance: pydantic's metaclass makes isinstance slow, and this is hot.
    if type(event) is MeetingStarted and event.meeting_id != meeting_id:
        # The other id is not repeated: it is stored text like the rest of the row.
        event = (
            "the stored meeting_started event names another meeting (the row was "
            "copied or moved); restore the store from a backup"
        )
    if isinstance(event, str):
        raise CorruptJournalError.at(meeting_id, version, event)
    return event


def _current(raw: str) -> Event | None:
    """The event, if the row is plainly in the current shape of its type; else None.

    Resuming reads every row of a meeting, and pydantic's own JSON parser validates
    a row in one pass, in about the time ``json.loads`` alone takes. Only a row that
    starts with a whole-number version, as :func:`encode_event` writes it, and that
    validates at its type's current version takes this way: anything else (an older
    version, a damaged or hand-made row) goes through :func:`_problem`, which reads
    it again and says what is wrong.
    """
    if not raw.startswith('{"v":') or not raw[5 : raw.find(",", 5)].isdigit():
        return None
    try:
        event = event_adapter.validate_json(raw)
    except ValueError:  # pydantic's ValidationError is one
        return None
    return event if event.v == CURRENT_VERSIONS.get(event.type) else None


def _problem(raw: str) -> Event | str:
    """The event, or what is wrong with the row in words free of its content."""
    try:
        data = json.loads(raw)
    except (TypeError, ValueError) as exc:
        return (
            f"the stored event is not valid JSON ({type(exc).__name__}); "
            "restore the store from a backup"
        )
    if not isinstance(data, dict):
        return "the stored event is not a JSON object; restore the store from a backup"
    try:
        data = upgrade(data)
    except UnreadableEvent as exc:
        return str(exc)
    try:
        event = event_adapter.validate_python(data)
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) or "(root)" for e in exc.errors())
        return (
            f"the stored {data['type']} event does not have the fields of its schema "
            f"version (fields: {fields}); restore the store from a backup"
        )
    return event
