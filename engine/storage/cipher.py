"""Sealed values: one content field as an AES-GCM token, bound to its place.

A token reads ``enc:v1:<key id>:<base64 of nonce, ciphertext and tag>``. The
version in the prefix leaves room for another format; the key id tells a wrong key
apart from a damaged row. The associated data is the meeting, the version, the
event type and the field's path, so a token copied to another row or field does
not open: nobody can make one meeting's leervraag show up in another.

``cryptography`` is imported only when a key is used: a store without a key, and
``intervision --help``, never load it.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
from collections.abc import Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING

from intervision.engine import CorruptJournalError, Text

from .content import map_content
from .keys import KEY_ENV, KEY_FILE_ENV, EncryptionError, key_id, key_mismatch, where_in

if TYPE_CHECKING:
    from intervision.engine import Event

__all__ = [
    "SEALED_MARK",
    "TOKEN_PREFIX",
    "FieldCipher",
    "holds_token",
    "is_reading_sealed",
    "is_token",
    "read_without_key",
    "reading_sealed",
    "refuse_plain_write",
    "refuse_sealed",
    "require_cryptography",
    "sealing",
    "token_key_id",
    "writing_sealed",
]

TOKEN_PREFIX = "enc:v1:"
#: How a token starts inside an event's JSON: a cheap test before a closer look.
SEALED_MARK = '"' + TOKEN_PREFIX
_NONCE_BYTES = 12
# A nonce, a 16-byte tag and at least nothing: 28 bytes are 38 base64 characters.
_TOKEN = re.compile(r"enc:v1:([0-9a-f]{8}):([A-Za-z0-9_-]{38,})")
_TOKEN_IN_JSON = re.compile(r'"enc:v1:[0-9a-f]{8}:[A-Za-z0-9_-]{38,}"')

_READING_SEALED: ContextVar[bool] = ContextVar("intervision_reading_sealed", default=False)
_WRITING_SEALED: ContextVar[bool] = ContextVar("intervision_writing_sealed", default=False)

# One encoder for every value: json.dumps with options builds a new one per call.
_compact_json = json.JSONEncoder(separators=(",", ":")).encode

INSTALL_HINT = "pip install 'intervision[encryption]'"


def holds_token(raw: str) -> bool:
    """Whether a stored row (an event's JSON) holds a sealed value."""
    return SEALED_MARK in raw and _TOKEN_IN_JSON.search(raw) is not None


def is_token(value: str) -> bool:
    """A sealed value, as opposed to a text that only starts like one."""
    return token_key_id(value) is not None


def token_key_id(value: str) -> str | None:
    """The key id a token was sealed with; None for a plain value."""
    match = _TOKEN.fullmatch(value) if value.startswith(TOKEN_PREFIX) else None
    return match.group(1) if match else None


@contextlib.contextmanager
def reading_sealed() -> Iterator[None]:
    """Lets an adapter hand sealed events to the encrypted journal that reads through it.

    Outside this block :func:`refuse_sealed` stops a plain journal from passing
    tokens on as if they were what a member said.
    """
    token = _READING_SEALED.set(True)
    try:
        yield
    finally:
        _READING_SEALED.reset(token)


def is_reading_sealed() -> bool:
    """Whether an encrypted journal is reading through this adapter now."""
    return _READING_SEALED.get()


@contextlib.contextmanager
def writing_sealed() -> Iterator[None]:
    """Tells the adapter below that this append comes through an encrypted journal:
    it marks the store as holding encrypted content, in the same transaction."""
    token = _WRITING_SEALED.set(True)
    try:
        yield
    finally:
        _WRITING_SEALED.reset(token)


def sealing() -> bool:
    """Whether the append under way comes through an encrypted journal."""
    return _WRITING_SEALED.get()


def refuse_plain_write() -> EncryptionError:
    """The error for a write without the key to a store that holds encrypted content.

    Without it a process that forgot the key would put case text in the clear beside
    what the group meant to keep sealed.
    """
    return EncryptionError(
        Text(
            nl="Deze opslag bevat versleutelde inhoud; zonder de sleutel wordt er niets in "
            f"geschreven. Zet {KEY_ENV} of {KEY_FILE_ENV} op de sleutel van de opslag; er is "
            "niets geschreven.",
            en="this store holds encrypted content; nothing is written to it without its "
            f"key. Set {KEY_ENV} or {KEY_FILE_ENV} to the store's key; nothing was written",
        )
    )


def refuse_sealed(meeting_id: str, version: int, event: Event) -> None:
    """Raise when a journal opened without a key reads a sealed event.

    Called by :func:`~.rows.decode_stored` for a row that
    holds the token prefix; the message names where, never what.
    """
    if _READING_SEALED.get():
        return
    sealed: list[str] = []

    def look(path: str, value: str) -> str:
        if is_token(value):
            sealed.append(path)
        return value

    map_content(event, look)
    if sealed:
        raise read_without_key(where_in(meeting_id, version))


def read_without_key(where: Text) -> EncryptionError:
    """The error for reading a sealed value without the key: where, never what."""
    return EncryptionError(
        Text(
            nl=f"{where.nl}: deze opslag is versleuteld; zet {KEY_ENV} of {KEY_FILE_ENV} "
            "op de sleutel waarmee hij geschreven is.",
            en=f"{where.en}: this store is encrypted; set {KEY_ENV} or {KEY_FILE_ENV} to "
            "the key it was written with",
        )
    )


def require_cryptography() -> None:
    """Raise a clear error, with the command that helps, when ``cryptography`` is missing."""
    try:
        import cryptography.hazmat.primitives.ciphers.aead  # noqa: F401
    except ImportError:
        raise EncryptionError(
            Text(
                nl="Er is een sleutel voor de opslag gezet, maar de bibliotheek cryptography "
                f"die versleutelde opslag leest is niet geïnstalleerd; voer {INSTALL_HINT} uit.",
                en="a key is set for the store, but the cryptography library that reads "
                f"encrypted stores is not installed; run {INSTALL_HINT}",
            )
        ) from None


class FieldCipher:
    """Seals and opens content fields with one key (AES-256-GCM)."""

    def __init__(self, key: bytes) -> None:
        require_cryptography()
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(key)
        self.key_id = key_id(key)

    def seal(self, meeting_id: str, version: int, event_type: str, path: str, value: str) -> str:
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aead.encrypt(
            nonce, value.encode("utf-8"), _bound(meeting_id, version, event_type, path)
        )
        payload = base64.urlsafe_b64encode(nonce + sealed).rstrip(b"=").decode("ascii")
        return f"{TOKEN_PREFIX}{self.key_id}:{payload}"

    def open(self, meeting_id: str, version: int, event_type: str, path: str, token: str) -> str:
        """The value sealed in ``token``; a clear error when it does not open, never garbage."""
        from cryptography.exceptions import InvalidTag

        match = _TOKEN.fullmatch(token)
        if match is None:
            raise CorruptJournalError.at(
                meeting_id,
                version,
                f"the encrypted field {path} is damaged; restore the store from a backup",
            )
        stored_id, payload = match.groups()
        if stored_id != self.key_id:
            raise key_mismatch(where_in(meeting_id, version), stored_id, self.key_id)
        try:
            raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
            bound = _bound(meeting_id, version, event_type, path)
            return self._aead.decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], bound).decode()
        except (InvalidTag, ValueError):  # binascii and UTF-8 errors are ValueErrors
            pass
        # Raised outside the except block: nothing of the row rides along as context.
        raise CorruptJournalError.at(
            meeting_id,
            version,
            f"the encrypted field {path} does not open although the key fits: the row was "
            "changed or moved; restore the store from a backup",
        )


def _bound(meeting_id: str, version: int, event_type: str, path: str) -> bytes:
    """The associated data: where a value belongs, so that it opens only there."""
    return _compact_json([meeting_id, version, event_type, path]).encode()
