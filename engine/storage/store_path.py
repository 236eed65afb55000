"""Where the journal lives, and which adapter a store string means.

One string names a store everywhere (the ``INTERVISION_STORE`` variable, a CLI
option, a host app's setting), so that moving from the embedded file to another
adapter is a change of configuration, not of code.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import platformdirs

from intervision.engine import (
    DEFAULT_LIMITS,
    Engine,
    Journal,
    Limits,
    MemoryJournal,
    Registry,
    StoreError,
    Text,
)

from .cipher import require_cryptography
from .keys import configured_key, parse_key
from .sqlite import SqliteJournal

__all__ = ["default_store_path", "open_engine", "open_journal"]

ENV_VAR = "INTERVISION_STORE"

_SUPPORTED = (
    "a file path, sqlite:///absolute/path, postgresql://user@host/database, :memory: or memory://"
)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def default_store_path() -> Path:
    """The store used when none is named: ``$INTERVISION_STORE``, else the user's data dir."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    return platformdirs.user_data_path("intervision") / "intervision.sqlite3"


def open_engine(
    store: str | os.PathLike[str] | None = None,
    *,
    registry: Registry | None = None,
    key: bytes | str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Engine:
    """An engine on the store at ``store``: a path, ``sqlite:///...``, ``postgresql://...``
    or ``:memory:``.

    Without ``store``: ``INTERVISION_STORE``, else the default file in the user's
    data directory. With ``key`` (else ``INTERVISION_KEY`` or ``INTERVISION_KEY_FILE``)
    the case content is encrypted at rest. ``limits`` are the most each text, name
    and group takes in (:class:`~intervision.engine.Limits`).
    """
    return Engine(open_journal(store, key=key), registry, limits=limits)


def open_journal(
    store: str | os.PathLike[str] | None = None, *, key: bytes | str | None = None
) -> Journal:
    """Open the journal a store string names; ``None`` means the default store.

    Accepts a file path, ``sqlite:///absolute/path``, ``postgresql://...`` (also
    ``postgres://``; needs the ``postgres`` extra), ``:memory:`` or ``memory://``.
    With a ``key`` (else ``INTERVISION_KEY`` or ``INTERVISION_KEY_FILE``), the
    content is encrypted at rest (:class:`~.sealed.EncryptedJournal`).
    """
    # The key is read before the store is touched: a bad key file leaves no new file.
    key = configured_key() if key is None else parse_key(key, "the key given")
    if key is not None:
        from .sealed import EncryptedJournal

        require_cryptography()
        return EncryptedJournal(_open_adapter(store), key)
    return _open_adapter(store)


def _open_adapter(store: str | os.PathLike[str] | None) -> Journal:
    if store is None:
        store = os.environ.get(ENV_VAR) or default_store_path()
    if not isinstance(store, str):
        return SqliteJournal(store)
    if store in (":memory:", "memory://"):
        return MemoryJournal()
    match = _SCHEME.match(store)
    if match is None:
        if not store.strip():
            raise StoreError(
                Text(
                    nl=f"De opslag is een lege tekst; gebruik {_SUPPORTED}.",
                    en=f"the store is an empty string; use {_SUPPORTED}",
                )
            )
        return SqliteJournal(Path(store).expanduser())
    scheme = match.group(1).lower()
    if scheme == "sqlite":
        return SqliteJournal(_sqlite_path(store))
    if scheme in ("postgresql", "postgres"):
        from .postgres import PostgresJournal  # psycopg is optional: import on demand

        return PostgresJournal(store)
    # Only the scheme is quoted back: the rest of a URL may hold a password.
    raise StoreError(
        Text(
            nl=f"Opslag van de soort {scheme}:// kent intervision niet; gebruik {_SUPPORTED}.",
            en=f"stores of the kind {scheme}:// are not supported; use {_SUPPORTED}",
        )
    )


def _sqlite_path(url: str) -> Path:
    parts = urlsplit(url)
    if parts.netloc or not parts.path or parts.query or parts.fragment:
        raise StoreError(
            Text(
                nl=f"Een sqlite-opslag schrijf je sqlite:///absoluut/pad; gebruik {_SUPPORTED}.",
                en=f"a sqlite store is written sqlite:///absolute/path; use {_SUPPORTED}",
            )
        )
    return Path(unquote(parts.path))
