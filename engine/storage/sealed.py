"""Encryption at rest for any journal: content sealed on the way in, opened on the way out.

A wrapper rather than a feature of each adapter, so memory, SQLite, PostgreSQL and
whatever comes next all get it the same way, and keep their own contract: the
inner adapter still does the atomic append and the version check, and still sees
ids, types, versions and timestamps in the clear (see :mod:`.content`).

A store that was used without a key and later with one: old events stay readable
as they were written (in the clear), new ones are sealed. Turning encryption on
does not cost a group its history; ``intervision key check`` counts what is still
in the clear. What one store never holds is events sealed with two keys: a new
meeting or group is refused when the store's key is another one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from intervision.engine import (
    DEFAULT_PAGE,
    CorruptJournalError,
    DigestPage,
    Event,
    GroupDigest,
    Journal,
    MeetingDigest,
    MeetingSummary,
    OnCommit,
    Rebuilt,
)

from .cipher import FieldCipher, is_token, reading_sealed, token_key_id, writing_sealed
from .content import map_content
from .digest_rows import holds_sealed_text
from .keys import key_mismatch, parse_key, where_in

__all__ = ["EncryptedJournal", "SealedCount"]

#: Where a group's stream begins (the groups part's ``GROUP_PREFIX``; the storage
#: part does not import that part for one string).
_GROUPS = "group:"


@dataclass
class SealedCount:
    """How many content fields of a store are sealed and how many are in the clear."""

    streams: int = 0
    events: int = 0
    sealed: int = 0
    plain: int = 0


class EncryptedJournal:
    """Keeps the :class:`~intervision.engine.storage.Journal` contract over ``inner``,
    with every content field sealed by ``key`` (32 bytes, or their base64 text)."""

    def __init__(self, inner: Journal, key: bytes | str) -> None:
        self.inner = inner
        self._cipher = FieldCipher(parse_key(key, "the key given"))
        # Set once the store has shown a value sealed with this key, or took one.
        self._key_fits = False

    @property
    def key_id(self) -> str:
        """The key's fingerprint, as stored with every sealed value."""
        return self._cipher.key_id

    def append(
        self,
        meeting_id: str,
        expected_version: int,
        events: list[Event],
        *,
        request_id: str | None = None,
    ) -> int:
        if expected_version == 0:
            self._check_key_fits()
        sealed = [
            self._seal(meeting_id, version, event)
            for version, event in enumerate(events, expected_version + 1)
        ]
        # A request id is the caller's random key, never content: it is stored as given.
        with writing_sealed():
            version = self.inner.append(meeting_id, expected_version, sealed, request_id=request_id)
        self._key_fits = True
        return version

    def load(self, meeting_id: str, after: int = 0) -> list[Event]:
        with reading_sealed():
            stored = self.inner.load(meeting_id, after)
        return [
            self._open(meeting_id, version, event)
            for version, event in enumerate(stored, after + 1)
        ]

    def version(self, meeting_id: str) -> int:
        return self.inner.version(meeting_id)

    def committed(self, meeting_id: str, request_id: str) -> tuple[int, int] | None:
        return self.inner.committed(meeting_id, request_id)

    def meetings(self) -> list[MeetingSummary]:
        with reading_sealed():
            return self.inner.meetings()

    def streams(self, prefix: str) -> list[str]:
        return self.inner.streams(prefix)

    def digest(self, meeting_id: str) -> MeetingDigest | None:
        with reading_sealed():
            digest = self.inner.digest(meeting_id)
        return None if digest is None else self._open_digest(digest)

    def digests(
        self,
        *,
        group_id: str | None = None,
        closed: bool | None = None,
        limit: int | None = DEFAULT_PAGE,
        cursor: str | None = None,
        oldest_first: bool = False,
    ) -> DigestPage:
        with reading_sealed():
            page = self.inner.digests(
                group_id=group_id,
                closed=closed,
                limit=limit,
                cursor=cursor,
                oldest_first=oldest_first,
            )
        return replace(page, digests=tuple(self._open_digest(d) for d in page.digests))

    def group_digest(self, group_id: str) -> GroupDigest:
        return self.inner.group_digest(group_id)

    def rebuild_read_models(self) -> Rebuilt:
        """The inner journal's rebuild: the texts stay sealed, no key is needed."""
        return self.inner.rebuild_read_models()

    def watch(self, on_commit: OnCommit) -> Callable[[], None]:
        return self.inner.watch(on_commit)

    def check_available(self) -> None:
        self.inner.check_available()

    def close(self) -> None:
        self.inner.close()

    def count(self) -> SealedCount:
        """Open every stream (a wrong key or a damaged row raises) and count its fields."""
        count = SealedCount()

        def tally(path: str, value: str) -> str:
            if is_token(value):
                count.sealed += 1
            else:
                count.plain += 1
            return value

        for summary in self.meetings():
            with reading_sealed():
                stored = self.inner.load(summary.meeting_id)
            count.streams += 1
            count.events += len(stored)
            for version, event in enumerate(stored, 1):
                map_content(event, tally)
                self._open(summary.meeting_id, version, event)
        return count

    def __repr__(self) -> str:
        return f"EncryptedJournal({self.inner!r}, key {self.key_id})"

    def _seal(self, meeting_id: str, version: int, event: Event) -> Event:
        def seal(path: str, value: str) -> str:
            return self._cipher.seal(meeting_id, version, event.type, path, value)

        return map_content(event, seal)

    def _open(self, meeting_id: str, version: int, event: Event) -> Event:
        def open_(path: str, value: str) -> str:
            # Not a token: written before the store had a key (see the module's docstring),
            # or a text that only starts like one.
            if not is_token(value):
                return value
            opened = self._cipher.open(meeting_id, version, event.type, path, value)
            self._key_fits = True
            return opened

        return map_content(event, open_)

    def _open_digest(self, digest: MeetingDigest) -> MeetingDigest:
        """The digest with its decisions' and learning goals' texts opened, each bound
        to its event."""
        if not holds_sealed_text(digest):
            return digest

        def opened(version: int, event_type: str, text: str) -> str:
            if not is_token(text):
                return text  # written before the store had a key
            return self._cipher.open(digest.meeting_id, version, event_type, "text", text)

        decisions = tuple(
            replace(d, text=opened(d.version, "decision_made", d.text)) for d in digest.decisions
        )
        goals = tuple(
            replace(g, text=opened(g.version, "contribution_added", g.text)) for g in digest.goals
        )
        return replace(digest, decisions=decisions, goals=goals)

    def _check_key_fits(self) -> None:
        """Before a new stream: refuse a key other than the one the store is sealed with.

        Otherwise a mistyped key would start meetings no later command can read
        beside the ones it cannot. Looks at the newest meetings (as many as a page
        holds) and the groups, and stops at the first sealed value; a store with
        none there takes any key. Never the whole store: this runs in every process
        before its first new meeting.
        """
        if self._key_fits:
            return
        with reading_sealed():
            newest = [d.meeting_id for d in self.inner.digests(limit=DEFAULT_PAGE).digests]
        for stream in [*newest, *self.inner.streams(_GROUPS)]:
            try:
                with reading_sealed():
                    stored = self.inner.load(stream)
            except CorruptJournalError:
                continue  # a damaged stream says nothing about the key
            for version, event in enumerate(stored, 1):
                found: list[str] = []

                def look(path: str, value: str, found: list[str] = found) -> str:
                    stored_id = token_key_id(value)
                    if stored_id is not None:
                        found.append(stored_id)
                    return value

                map_content(event, look)
                if not found:
                    continue
                if found[0] != self.key_id:
                    raise key_mismatch(where_in(stream, version), found[0], self.key_id)
                self._key_fits = True
                return
