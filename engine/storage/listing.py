"""A page of meetings for a listing, also of an encrypted store read without its key.

Where an encrypted meeting stands (its step, its method, open or closed) is part of
what is sealed; its id, start and version are not. Without the key a listing reads
the digests with their texts left as stored and asks the rows which meetings hold a
sealed value, so it shows those by id only and the rest as usual. With the key the
journal opens every text, or says that the key does not fit.
"""

from __future__ import annotations

from contextlib import nullcontext

from intervision.engine import DEFAULT_PAGE, DigestPage, Journal

from .cipher import reading_sealed
from .read_tables import ReadModels
from .sealed import EncryptedJournal

__all__ = ["listing_page"]


def listing_page(
    journal: Journal,
    *,
    group_id: str | None = None,
    closed: bool | None = None,
    limit: int | None = DEFAULT_PAGE,
    cursor: str | None = None,
    oldest_first: bool = False,
) -> tuple[DigestPage, set[str]]:
    """A page of digests (as :meth:`Journal.digests`) and the ids of its meetings that
    are encrypted and read without the key. Their digests may hold sealed tokens where
    texts would be: show no more of them than id, start and version."""
    encrypted = isinstance(journal, EncryptedJournal)  # opens what it sealed itself
    with nullcontext() if encrypted else reading_sealed():
        page = journal.digests(
            group_id=group_id,
            closed=closed,
            limit=limit,
            cursor=cursor,
            oldest_first=oldest_first,
        )
    if encrypted:
        return page, set()
    if not isinstance(journal, ReadModels):  # a memory journal holds nothing sealed
        return page, set()
    return page, journal.sealed_among([d.meeting_id for d in page.digests])
