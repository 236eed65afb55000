"""The key that seals a store's content: where it comes from, and how it is written.

A key is 32 random bytes, written as urlsafe base64 (44 characters). It comes from
``INTERVISION_KEY`` or from the file ``INTERVISION_KEY_FILE`` names, so a CLI, a
cron job and a host app find it by configuration. A key file that others can read
is refused, as ssh refuses such a private key: whoever reads the key reads the store.

No message here ever quotes a key, not even a malformed one: error messages end up
in logs and bug reports.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
import stat
from pathlib import Path

from intervision.engine import StoreError, Text

__all__ = [
    "KEY_ENV",
    "KEY_FILE_ENV",
    "EncryptionError",
    "configured_key",
    "key_id",
    "new_key",
    "parse_key",
    "read_key_file",
    "write_key_file",
]

KEY_ENV = "INTERVISION_KEY"
KEY_FILE_ENV = "INTERVISION_KEY_FILE"
KEY_BYTES = 32

_MAKE_ONE = Text(
    nl="maak er een met `intervision key new`", en="make one with `intervision key new`"
)


class EncryptionError(StoreError):
    """The store's encryption cannot be used: no key, a wrong key, or no library for it."""


def new_key() -> str:
    """A fresh key, as the text ``INTERVISION_KEY`` and a key file hold."""
    return base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).decode("ascii")


def parse_key(text: str | bytes, source: str) -> bytes:
    """The 32 bytes a key text stands for; ``source`` says where it came from, for errors.

    Accepts urlsafe and standard base64, with or without padding, and 32 raw bytes
    (a host app that holds the key as bytes).
    """
    if isinstance(text, bytes):
        if len(text) == KEY_BYTES:
            return text
        text = text.decode("ascii", errors="replace")
    cleaned = "".join(text.split())
    cleaned = cleaned.replace("+", "-").replace("/", "_")
    try:
        key = base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        raise EncryptionError(
            Text(
                nl=f"In {source} staat geen sleutel: een sleutel is {KEY_BYTES} bytes, "
                f"geschreven als base64 (44 tekens); {_MAKE_ONE.nl}.",
                en=f"{source} does not hold a key: a key is {KEY_BYTES} bytes written as "
                f"base64 (44 characters); {_MAKE_ONE.en}",
            )
        )
    return key


def read_key_file(path: str | os.PathLike[str]) -> bytes:
    """The key in ``path``; refuses a file that others than its owner can read or write."""
    path = Path(path).expanduser()
    try:
        info = path.stat()
        if os.name == "posix" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            mode = stat.S_IMODE(info.st_mode)
            raise EncryptionError(
                Text(
                    nl=f"Anderen kunnen het sleutelbestand {path} lezen (modus {mode:04o}); "
                    f"een sleutel is alleen voor de eigenaar: voer `chmod 600 {path}` uit.",
                    en=f"the key file {path} can be read by others (mode {mode:04o}); a key "
                    f"must be private to its owner: run `chmod 600 {path}`",
                )
            )
        text = path.read_bytes()
    except OSError as exc:
        raise EncryptionError(
            Text(
                nl=f"Kan het sleutelbestand {path} niet lezen ({exc.strerror}); kijk "
                f"{KEY_FILE_ENV} na.",
                en=f"cannot read the key file {path} ({exc.strerror}); check {KEY_FILE_ENV}",
            )
        ) from None
    return parse_key(text.decode("ascii", errors="replace"), f"the key file {path}")


def configured_key(environ: dict[str, str] | None = None) -> bytes | None:
    """The key ``INTERVISION_KEY`` or ``INTERVISION_KEY_FILE`` gives, or None for neither."""
    env = os.environ if environ is None else environ
    text, file = env.get(KEY_ENV, "").strip(), env.get(KEY_FILE_ENV, "").strip()
    if text and file:
        raise EncryptionError(
            Text(
                nl=f"Zowel {KEY_ENV} als {KEY_FILE_ENV} is gezet; zet er één, zodat duidelijk "
                "is welke sleutel de opslag opent.",
                en=f"both {KEY_ENV} and {KEY_FILE_ENV} are set; set only one of them, so it "
                "is clear which key opens the store",
            )
        )
    if text:
        return parse_key(text, KEY_ENV)
    if file:
        return read_key_file(file)
    return None


def key_id(key: bytes) -> str:
    """A short fingerprint of the key, stored with each sealed value.

    It tells a wrong key apart from a damaged row, and names which key a store
    wants. Eight hex digits of a hash: nothing about the key can be learnt from it.
    """
    return hashlib.sha256(b"intervision key id\x00" + key).hexdigest()[:8]


def key_mismatch(where: Text, stored_id: str, given_id: str) -> EncryptionError:
    """The error for a store sealed with another key than the one given, at ``where``."""
    return EncryptionError(
        Text(
            nl=f"{where.nl}: de sleutel past niet bij deze opslag (die is geschreven met "
            f"sleutel {stored_id}, de gegeven sleutel is {given_id}); zet {KEY_ENV} of "
            f"{KEY_FILE_ENV} op de sleutel waarmee de opslag geschreven is.",
            en=f"{where.en}: the key does not fit this store (it was written with key "
            f"{stored_id}, the key given is {given_id}); set {KEY_ENV} or {KEY_FILE_ENV} "
            "to the key the store was written with",
        )
    )


def where_in(meeting_id: str, version: int) -> Text:
    """Where in a store something was found, for a message."""
    return Text(
        nl=f"Bijeenkomst {meeting_id}, versie {version}",
        en=f"meeting {meeting_id}, version {version}",
    )


def write_key_file(path: str | os.PathLike[str]) -> str:
    """Write a new key to ``path``, private to its owner; return its fingerprint.

    Refuses an existing file: overwriting a key makes every store sealed with it
    unreadable.
    """
    path = Path(path).expanduser()
    key = new_key()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise EncryptionError(
            Text(
                nl=f"{path} bestaat al; een nieuwe sleutel daar zou elke opslag met de oude "
                "sleutel onleesbaar maken; kies een andere bestandsnaam.",
                en=f"{path} already exists; a new key there would lock out every store "
                "sealed with the old one; choose another file name",
            )
        ) from None
    except OSError as exc:
        raise EncryptionError(
            Text(
                nl=f"Kan het sleutelbestand {path} niet schrijven ({exc.strerror}).",
                en=f"cannot write the key file {path} ({exc.strerror})",
            )
        ) from None
    with os.fdopen(fd, "w", encoding="ascii") as file:
        file.write(key + "\n")
    return key_id(parse_key(key, "the new key"))
