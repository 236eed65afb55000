"""Where a meeting stands in a listing, and the opaque cursor of the page after it.

Every journal pages its listings of meeting digests the same way (newest first by
default, keyset on start and id), so a page costs the same in any size of store and
a cursor one adapter gave means the same to another.
"""

from __future__ import annotations

from datetime import datetime

__all__ = ["decode_cursor", "encode_cursor", "page_key", "page_start"]


def page_key(started_at: datetime, meeting_id: str) -> tuple[int, str]:
    """Where a meeting stands in a listing: its start in microseconds, then its id.

    An integer, so that stores order starts given with different offsets as instants
    (naive times count as local, as :meth:`datetime.timestamp` does).
    """
    return round(started_at.timestamp() * 1_000_000), meeting_id


def encode_cursor(key: tuple[int, str]) -> str:
    """The cursor of the page after the meeting at ``key``; opaque to a caller."""
    return f"{key[0]}.{key[1]}"


def page_start(limit: int | None, cursor: str | None) -> tuple[int, str] | None:
    """The key a page starts after (None: the first page), once its ``limit`` and
    ``cursor`` are checked; ``ValueError`` for a limit below one or a foreign cursor."""
    if limit is not None and limit < 1:
        raise ValueError(f"a page holds at least one meeting, not {limit}")
    return decode_cursor(cursor) if cursor else None


def decode_cursor(cursor: str) -> tuple[int, str]:
    """The key a cursor stands for; ``ValueError`` for a text no listing gave."""
    micros, dot, meeting_id = cursor.partition(".")
    if not dot or not meeting_id or not micros.lstrip("-").isdigit():
        raise ValueError(
            f"{cursor!r} is not a cursor a listing of meetings gave; leave it out to "
            "start from the first page"
        )
    return int(micros), meeting_id
