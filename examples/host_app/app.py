"""The example host app: a Starlette service that runs intervision meetings over HTTP.

Run it from the repository root (``pip install "intervision[host-example]"``)::

    INTERVISION_STORE=sqlite:////srv/host/intervision.sqlite3 \\
        uvicorn examples.host_app.app:app --no-access-log --timeout-graceful-shutdown 5

Why it is built this way:

- The store is one URL (``INTERVISION_STORE``; memory when unset), so the same code
  runs on a SQLite file or on PostgreSQL: moving is configuration, not code.
- One :class:`Engine` serves the whole process, opened at startup and closed at
  shutdown: it is thread-safe and serialises each meeting by its own lock.
- Every engine call blocks (it reads and writes the store), so it runs in Starlette's
  threadpool, never on the event loop; ``stream`` bridges back to the loop.
- The person is a query parameter (``?viewer=``) only because this is an example. A
  real host takes who is asking from its own login session, never from the URL, and
  checks that ``by`` in a command is that person (or that the facilitator may type
  for them). ``--no-access-log`` because the URL names the viewer, and member names
  stay out of logs.
- An event stream never ends by itself, so a server waits for it on shutdown:
  ``--timeout-graceful-shutdown`` ends the streams, and browsers reconnect by
  themselves (the ``retry`` the stream starts with says after how long).
- Several workers (``--workers 4``) share the store: a command posted to one worker
  reaches the streams of every other through the journal's watch (PostgreSQL's
  LISTEN/NOTIFY, or SQLite's data version on one machine). ``X-Served-By`` names
  the worker process that answered, for whoever runs them.
- When the database is down a request fails at once with 503 and ``Retry-After``;
  ``GET /health`` says whether the store can be reached, without queueing.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from collections.abc import AsyncIterator
from typing import Any, TypeGuard

import structlog
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from intervision.engine import DEFAULT_PAGE, Engine, GroupError, Registry, StoreError, Text
from intervision.engine.groups import GroupState, groups_of
from intervision.engine.storage import open_engine

from .commands import BadRequest, send
from .errors import EXCEPTION_HANDLERS, Problem
from .stream import Feed, sse
from .views import digest_view, group_view, meeting_view, position

__all__ = ["STORE_VARIABLE", "app", "create_app"]

#: The environment variable naming the store, as for the ``intervision`` command.
STORE_VARIABLE = "INTERVISION_STORE"

log = structlog.get_logger("host_app")


def create_app(
    store: str | None = None, *, registry: Registry | None = None, heartbeat: float = 15.0
) -> Starlette:
    """The service on ``store`` (else ``$INTERVISION_STORE``, else memory).

    ``registry`` is the installed methods unless given; ``heartbeat`` is how often a
    quiet event stream sends a keep-alive comment, in seconds.
    """

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        url = store or os.environ.get(STORE_VARIABLE) or "memory://"
        with open_engine(url, registry=registry) as engine:
            app.state.engine = engine
            # The URL may hold a password: log only what kind of store it is.
            log.info("host_app_started", store=url.split(":", 1)[0] if "://" in url else "file")
            yield

    app = Starlette(
        routes=[
            Route("/health", health, methods=["GET"]),
            Route("/groups", create_group, methods=["POST"]),
            Route("/groups/{group_id}", read_group, methods=["GET"]),
            Route("/groups/{group_id}/meetings", start_meeting, methods=["POST"]),
            Route("/meetings", list_meetings, methods=["GET"]),
            Route("/meetings/{meeting_id}", read_meeting, methods=["GET"]),
            Route("/meetings/{meeting_id}/commands", post_command, methods=["POST"]),
            Route("/meetings/{meeting_id}/events", meeting_events, methods=["GET"]),
        ],
        exception_handlers=EXCEPTION_HANDLERS,
        lifespan=lifespan,
    )
    app.state.heartbeat = heartbeat
    app.add_middleware(ServedBy)
    return app


class ServedBy:
    """Adds ``X-Served-By: <process id>`` to every answer: which worker served it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.header = (b"x-served-by", str(os.getpid()).encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), self.header]
            await send(message)

        await self.app(scope, receive, send_with_header)


async def health(request: Request) -> Response:
    """Whether the store can be reached now: 200, or 503 at once while it is down."""
    engine = _engine(request)
    try:
        await run_in_threadpool(engine.journal.check_available)
    except StoreError:
        return JSONResponse({"store": "unavailable"}, status_code=503, headers=_RETRY)
    return JSONResponse({"store": "ok"})


_RETRY = {"Retry-After": "1"}


# -- groups -------------------------------------------------------------------------


async def create_group(request: Request) -> Response:
    """``{"name": "Team Noord", "lang": "nl", "members": ["Anna", "Bram", ...]}``"""
    body = await _json(request)
    name, lang, members = body.get("name"), body.get("lang", "en"), body.get("members", [])
    if not _text(name) or not _texts(members):
        raise BadRequest(
            Text(
                nl='Stuur "name" (tekst), "lang" ("nl" of "en") en "members" (namen).',
                en='Send "name" (text), "lang" ("nl" or "en") and "members" (names).',
            )
        )
    engine = _engine(request)
    # One append: the group with all its members, or nothing (a bad name refuses it all).
    group = await run_in_threadpool(
        lambda: groups_of(engine).create(name, lang=lang, members=members)
    )
    return JSONResponse(group_view(group), status_code=201)


async def read_group(request: Request) -> Response:
    engine = _engine(request)
    group = await _group(engine, request.path_params["group_id"])
    return JSONResponse(group_view(group))


async def start_meeting(request: Request) -> Response:
    """``{"facilitator": "Anna", "present": ["Anna", ...], "lang": "nl"}``; only the
    facilitator is required (present: everyone; language: the group's). A facilitator
    from outside the group needs ``"external_facilitator": true``."""
    body = await _json(request)
    engine = _engine(request)
    group = await _group(engine, request.path_params["group_id"])
    facilitator, present = body.get("facilitator"), body.get("present")
    lang, external = body.get("lang", group.lang), body.get("external_facilitator", False)
    if (
        not _text(facilitator)
        or (present is not None and not _texts(present))
        or not isinstance(external, bool)
    ):
        raise BadRequest(
            Text(
                nl='Stuur "facilitator" (een naam) en eventueel "present" (namen) en '
                '"external_facilitator" (true voor een begeleider van buiten de groep).',
                en='Send "facilitator" (a name) and optionally "present" (names) and '
                '"external_facilitator" (true for a facilitator from outside the group).',
            )
        )
    meeting = await run_in_threadpool(
        lambda: engine.start_meeting(
            group,
            facilitator=facilitator,
            present=present,
            lang=lang,
            external_facilitator=external,
        )
    )
    return JSONResponse(position(meeting), status_code=201)


# -- meetings -----------------------------------------------------------------------


async def list_meetings(request: Request) -> Response:
    """A page of meetings, newest first: ``?limit=50&cursor=…&group=…&closed=true&order=oldest``.

    The answer's ``next_cursor`` asks for the next page (null on the last). Ids,
    steps and times only: a listing holds no case content.
    """
    engine, query = _engine(request), request.query_params
    limit, closed = query.get("limit", str(DEFAULT_PAGE)), query.get("closed")
    order = query.get("order", "newest")
    if not limit.isdigit() or not 1 <= int(limit) <= 500 or order not in ("newest", "oldest"):
        raise BadRequest(
            Text(
                nl='"limit" is een getal van 1 tot 500, "order" is "newest" of "oldest".',
                en='"limit" is a number from 1 to 500, "order" is "newest" or "oldest".',
            )
        )
    if closed not in (None, "true", "false"):
        raise BadRequest(
            Text(nl='"closed" is "true" of "false".', en='"closed" is "true" or "false".')
        )

    def page() -> dict[str, Any]:
        found = engine.journal.digests(
            group_id=query.get("group"),
            closed=None if closed is None else closed == "true",
            limit=int(limit),
            cursor=query.get("cursor"),
            oldest_first=order == "oldest",
        )
        return {
            "meetings": [digest_view(d) for d in found.digests],
            "next_cursor": found.next_cursor,
        }

    try:
        return JSONResponse(await run_in_threadpool(page))
    except ValueError:
        raise BadRequest(
            Text(
                nl='Die "cursor" gaf geen lijst; laat hem weg voor de eerste pagina.',
                en='That "cursor" came from no listing; leave it out for the first page.',
            )
        ) from None


async def read_meeting(request: Request) -> Response:
    """The meeting as ``?viewer=`` may see it now."""
    engine, viewer = _engine(request), _viewer(request)
    meeting_id = request.path_params["meeting_id"]
    view = await run_in_threadpool(lambda: meeting_view(engine.meeting(meeting_id), viewer))
    return JSONResponse(view)


async def post_command(request: Request) -> Response:
    """One command; see ``commands`` for the body. Answers where the meeting is now,
    with what the command committed: its versions, the ids it made, and ``repeated``
    for a retry whose request id the meeting already held (nothing written again)."""
    engine, body = _engine(request), await _json(request)
    meeting_id = request.path_params["meeting_id"]

    def execute() -> dict[str, Any]:
        outcome = send(engine, meeting_id, body)
        return {
            **position(engine.meeting(meeting_id)),
            "committed": {
                "first_version": outcome.first_version,
                "version": outcome.version,
                "contribution_ids": list(outcome.contribution_ids),
                "leervraag_ids": list(outcome.leervraag_ids),
                "repeated": outcome.repeated,
            },
        }

    return JSONResponse({"ok": True, **await run_in_threadpool(execute)})


async def meeting_events(request: Request) -> Response:
    """``text/event-stream`` of the meeting's phase changes and of the contributions
    ``?viewer=`` may see, starting with ``ready`` (where the meeting is)."""
    engine, viewer = _engine(request), _viewer(request)
    meeting_id = request.path_params["meeting_id"]
    # Checked before the response starts, so an unknown meeting or person is a 404/422.
    person = await run_in_threadpool(lambda: engine.meeting(meeting_id).person(viewer))
    feed = Feed(engine, meeting_id, person, asyncio.get_running_loop())
    heartbeat: float = request.app.state.heartbeat

    async def events() -> AsyncIterator[str]:
        try:
            ready = await run_in_threadpool(feed.start)
            # A browser's EventSource reconnects after a dropped stream; wait 3 s.
            yield "retry: 3000\n" + sse("ready", ready)
            if not ready["closed"]:
                async for chunk in feed.messages(heartbeat):
                    yield chunk
        finally:
            # The client went away (the server cancels us), or the meeting closed.
            feed.stop()

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


# -- helpers ------------------------------------------------------------------------


def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


async def _group(engine: Engine, group_id: str) -> GroupState:
    try:
        return await run_in_threadpool(groups_of(engine).get, group_id)
    except GroupError:
        raise Problem(
            404,
            "group_not_found",
            Text(nl="Die groep bestaat niet; controleer het id.", en="There is no such group."),
        ) from None


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        body = None
    if not isinstance(body, dict):
        raise BadRequest(Text(nl="Stuur een JSON-object.", en="Send a JSON object."))
    return body


def _viewer(request: Request) -> str:
    viewer = request.query_params.get("viewer", "")
    if not viewer.strip():
        raise BadRequest(
            Text(
                nl="Zeg voor wie de stand is: ?viewer=ID of naam van een lid.",
                en="Say whose view this is: ?viewer=ID or name of a member.",
            )
        )
    return viewer


def _text(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and bool(value.strip())


def _texts(values: object) -> TypeGuard[list[str]]:
    return isinstance(values, list) and all(_text(v) for v in values)


app = create_app()
