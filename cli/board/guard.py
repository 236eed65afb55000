"""The board's defences, in one place: what a request must be to be heard at all.

- **Host names**: only the names the board was started for (no DNS rebinding: a
  page of another site that points its own name at this address is refused).
- **Origin**: a form or a request that changes anything must come from the
  board's own pages (a browser names the page's origin on every such request) and
  carry the link's CSRF value; only ``application/json`` and the board's own form
  encoding are read, never more than :data:`MAX_BODY` bytes.
- **Rate**: a link gets a bucket of requests that refills at a steady rate.
- **Headers** on every answer: nothing is cached, no page is framed, nothing is
  loaded from another origin (a strict Content-Security-Policy: the pages work on
  a room's network without internet, and an injected script would not run), and
  no address is passed on to another site as a referrer (links carry their token in
  the path).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "CSP",
    "MAX_BODY",
    "BadRequest",
    "Guard",
    "RateLimit",
    "read_form",
]

#: The most bytes a request body may have: a few texts of at most 4,000 characters.
MAX_BODY = 32 * 1024

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

_HEADERS = (
    ("content-security-policy", CSP),
    ("referrer-policy", "same-origin"),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


class BadRequest(Exception):
    """The request is refused before it is read as a command; ``key`` names the text."""

    def __init__(self, status: int, key: str) -> None:
        super().__init__(key)
        self.status = status
        self.key = key


class Guard:
    """ASGI middleware: refuses unknown host names and adds the board's headers."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str], *, tls: bool) -> None:
        self.app = app
        self.hosts = frozenset(h.lower() for h in hosts)
        self.headers = [*_HEADERS]
        if tls:
            self.headers.append(("strict-transport-security", "max-age=31536000"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = _header(scope, b"host").lower()
        if host not in self.hosts:
            await _plain(send, 421, "This board does not answer to that host name.\n")
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers:
                    headers[name] = value
                if "cache-control" not in headers:
                    headers["cache-control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return ""


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def read_form(request: Request) -> dict[str, list[str]]:
    """The body of a request that changes something, once it is shown to come from
    the board's own page: same origin, a known encoding, not too large."""
    _same_origin(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("application/x-www-form-urlencoded", "application/json"):
        raise BadRequest(415, "form.unknown_action")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise BadRequest(413, "form.too_long")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise BadRequest(413, "form.too_long")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest(400, "form.unknown_action") from None
    if kind == "application/json":
        return _json_form(text)
    return parse_qs(text, keep_blank_values=True, max_num_fields=200)


def _same_origin(request: Request) -> None:
    """A browser names the origin of the page behind every request that changes
    something; it must be the board's own (the host was checked by :class:`Guard`).
    A client that names no origin is no browser, and so no page of another site."""
    origin = request.headers.get("origin")
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        raise BadRequest(403, "form.unknown_action")
    if origin is None or (origin == "null" and site == "same-origin"):
        return
    parts = urlsplit(origin)
    if (
        parts.scheme != request.url.scheme
        or parts.netloc.lower() != request.headers.get("host", "").lower()
    ):
        raise BadRequest(403, "form.unknown_action")


def _json_form(text: str) -> dict[str, list[str]]:
    try:
        data = json.loads(text)
    except ValueError:
        raise BadRequest(400, "form.unknown_action") from None
    if not isinstance(data, dict):
        raise BadRequest(400, "form.unknown_action")
    form: dict[str, list[str]] = {}
    for key, value in data.items():
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str | int | bool) for v in values):
            raise BadRequest(400, "form.unknown_action")
        form[str(key)] = ["yes" if v is True else str(v) for v in values if v is not False]
    return form


class RateLimit:
    """A bucket of ``burst`` requests per key, refilled at ``rate`` per second."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, then = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * self.rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1, now)
            return True
