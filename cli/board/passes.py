"""Capability links: one unguessable token per person, per console and per room display.

Whoever holds a link acts as what it was made for, and as nothing else: a member's
link is that member in that meeting, the console's link is whoever facilitates it,
the room display's link is nobody (it sees what everyone may see). There is no
login: the token in the path is the whole credential, so it is long (144 random
bits) and never written down in the clear on the server. Only its SHA-256 is kept,
in a file of the board's own per meeting, readable by its owner only: a board
restarted after a crash knows the links its open pages hold, and a copy of the file
opens nothing. The file also holds the meeting's secret for the forms' CSRF field
and the language each link chose.

A link ends when the meeting closes (the file is deleted) and when it is replaced
(a member lost their phone, a console link was seen by the wrong person): the old
digest is dropped and only the new link works.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

__all__ = ["BOARD_DIR_ENV", "Pass", "PassBook", "PassKind", "default_board_dir"]

#: Where the board keeps its link files; else ``board/`` in the user data directory.
BOARD_DIR_ENV = "INTERVISION_BOARD_DIR"

PassKind = Literal["console", "display", "member"]
Lang = Literal["nl", "en"]

#: Random bytes per token: 144 bits, 24 characters in a URL.
_TOKEN_BYTES = 18


@dataclass(frozen=True, slots=True)
class Pass:
    """What one link opens: a view of one meeting, for one person or none."""

    meeting_id: str
    kind: PassKind
    #: The member id for a member's link; None for the console and the display.
    person: str | None
    digest: str
    #: The language chosen on the page; None until chosen (the meeting's is used).
    lang: Lang | None = None


def default_board_dir() -> Path:
    configured = os.environ.get(BOARD_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return platformdirs.user_data_path("intervision") / "board"


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


class PassBook:
    """The links of the meetings one board serves, kept in ``folder``. Thread-safe."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else default_board_dir()
        self._lock = threading.Lock()
        self._passes: dict[str, Pass] = {}
        self._secrets: dict[str, bytes] = {}

    # -- reading ------------------------------------------------------------------

    def find(self, token: str) -> Pass | None:
        """The pass a token opens, if it opens one. Looked up by digest, so the time
        taken says nothing about how close a guess came."""
        if not 16 <= len(token) <= 64:
            return None
        return self._passes.get(digest_of(token))

    def current(self, digest: str) -> Pass | None:
        """The pass under ``digest`` as it is now (its language may have changed)."""
        return self._passes.get(digest)

    def csrf(self, held: Pass) -> str:
        """The value every form of this link carries: bound to the link and the meeting's
        secret, so a page of another origin can neither read nor make it."""
        secret = self._secrets[held.meeting_id]
        return hmac.new(secret, f"csrf:{held.digest}".encode(), hashlib.sha256).hexdigest()[:32]

    def csrf_ok(self, held: Pass, value: str) -> bool:
        return hmac.compare_digest(self.csrf(held), value)

    # -- the meeting's links --------------------------------------------------------

    def load(self, meeting_id: str) -> bool:
        """Read the meeting's links from its file; False when there is none (yet)."""
        path = self._path(meeting_id)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return False
        except (OSError, ValueError):
            return False  # an unreadable file is replaced by new links, never trusted
        if not isinstance(data, dict) or data.get("meeting_id") != meeting_id:
            return False
        with self._lock:
            self._secrets[meeting_id] = bytes.fromhex(str(data["secret"]))
            for row in data.get("passes", []):
                held = Pass(
                    meeting_id,
                    row["kind"],
                    row.get("person"),
                    row["digest"],
                    row.get("lang"),
                )
                self._passes[held.digest] = held
        return True

    def issue(self, meeting_id: str, kind: PassKind, person: str | None = None) -> str:
        """A new link's token; an earlier link for the same view stops working."""
        token = secrets.token_urlsafe(_TOKEN_BYTES)
        with self._lock:
            self._secrets.setdefault(meeting_id, secrets.token_bytes(32))
            lang: Lang | None = None
            for digest, held in list(self._passes.items()):
                if held.meeting_id == meeting_id and held.kind == kind and held.person == person:
                    lang = held.lang
                    del self._passes[digest]
            fresh = Pass(meeting_id, kind, person, digest_of(token), lang)
            self._passes[fresh.digest] = fresh
            self._save(meeting_id)
        return token

    def choose_lang(self, held: Pass, lang: Lang) -> Pass:
        with self._lock:
            if held.digest not in self._passes:
                return held
            chosen = self._passes[held.digest] = replace(self._passes[held.digest], lang=lang)
            self._save(held.meeting_id)
        return chosen

    def end(self, meeting_id: str) -> None:
        """The meeting closed: every one of its links stops working, its file is removed."""
        with self._lock:
            for digest, held in list(self._passes.items()):
                if held.meeting_id == meeting_id:
                    del self._passes[digest]
            self._secrets.pop(meeting_id, None)
            self._path(meeting_id).unlink(missing_ok=True)

    # -- the file ---------------------------------------------------------------------

    def _path(self, meeting_id: str) -> Path:
        # The id may come from a host app's store: its hash is always a safe file name.
        name = hashlib.sha256(meeting_id.encode()).hexdigest()[:32]
        return self.folder / f"{name}.json"

    def _save(self, meeting_id: str) -> None:
        """Write the meeting's file whole, readable by its owner only (under the lock)."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        rows = [
            {"kind": p.kind, "person": p.person, "digest": p.digest, "lang": p.lang}
            for p in self._passes.values()
            if p.meeting_id == meeting_id
        ]
        data = {
            "meeting_id": meeting_id,
            "secret": self._secrets[meeting_id].hex(),
            "passes": rows,
        }
        path = self._path(meeting_id)
        partial = path.with_suffix(f".{secrets.token_hex(4)}.tmp")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
