"""The board's web routes: a page, its live stream and its actions, per link.

``/b/{token}`` is a link's page; ``/events`` its stream, ``/do`` an action,
``/lang`` the page's language, ``/link`` (the console's) a new link for a member
or the room display. Every engine call blocks (it reads or writes the store), so it
runs in a worker thread, never on the event loop. A form posted by a page with
script gets JSON back; one posted without script is redirected to its page again
(post, redirect, get), which then shows the outcome once.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Scope

from intervision.engine import (
    Engine,
    Event,
    MeetingClosed,
    MeetingState,
    Subscriber,
    get_logger,
)

from .actions import Form
from .board import Board, Outcome
from .guard import BadRequest, Guard, RateLimit, read_form
from .live import TICK, Hub, stream
from .passes import Pass, PassBook
from .texts import Lang, t

__all__ = ["create_app"]

log = get_logger("intervision.board")

STATIC = Path(__file__).parent / "static"


def create_app(
    engine: Engine,
    passes: PassBook,
    *,
    hosts: list[str],
    base_url: str,
    tls: bool = False,
    rate: float = 1.0,
    tick: float = TICK,
) -> ASGIApp:
    """The board for ``engine``'s meetings whose links are in ``passes``.

    ``hosts`` are the host names (with port) the board answers to; ``base_url`` is
    what new links start with; ``rate`` is how fast the engine's clock runs (1 but
    in demos and tests), so the pages count down at the same pace; ``tick`` is how
    often a quiet stream sends the time, in seconds.
    """
    board = Board(engine, passes, base_url=base_url, rate=rate)
    actions = RateLimit(rate=4, burst=20)
    reads = RateLimit(rate=2, burst=40)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        hub = Hub(asyncio.get_running_loop())
        board.online = hub.online
        app.state.hub = hub
        unsubscribe = engine.subscribe(hub.on_event)
        closing = engine.subscribe(_end_links_on_close(passes))
        try:
            yield
        finally:
            unsubscribe()
            closing()

    def held(request: Request, limit: RateLimit) -> Pass | Response:
        token = request.path_params["token"]
        found = passes.find(token)
        if found is None:
            lang = engine_lang(request)
            return HTMLResponse(board.gone_html(lang), status_code=404)
        if not limit.allow(found.digest):
            return Response(
                t(board.lang_of(found), "form.too_fast"),
                status_code=429,
                headers={"retry-after": "2"},
            )
        return found

    def engine_lang(request: Request) -> Lang:
        """For a page that belongs to no link: the browser's first language."""
        accept = request.headers.get("accept-language", "")
        return "nl" if accept.lower().startswith("nl") else "en"

    async def index(request: Request) -> Response:
        lang = engine_lang(request)
        html = board.renderer.message(lang, "intervision", t(lang, "index.body"))
        return HTMLResponse(html)

    async def page(request: Request) -> Response:
        found = held(request, reads)
        if not isinstance(found, Pass):
            return found
        base = _base(request)
        html = await run_in_threadpool(board.page_html, found, base)
        return HTMLResponse(html)

    async def events(request: Request) -> Response:
        found = held(request, reads)
        if not isinstance(found, Pass):
            return found
        from starlette.responses import StreamingResponse

        return StreamingResponse(
            stream(board, request.app.state.hub, found, _base(request), tick),
            media_type="text/event-stream",
            headers={"cache-control": "no-store", "x-accel-buffering": "no"},
        )

    async def posted(request: Request) -> tuple[Pass, Form] | Response:
        """A change's link and form, once the form is shown to come from that link's
        own page (its origin, its encoding, its size, the link's CSRF value)."""
        found = held(request, actions)
        if not isinstance(found, Pass):
            return found
        try:
            form = await read_form(request)
            if not passes.csrf_ok(found, _field(form, "csrf")):
                raise BadRequest(403, "form.unknown_action")
        except BadRequest as exc:
            return _not_read(request, board, found, exc)
        return found, form

    async def do(request: Request) -> Response:
        answer = await posted(request)
        if isinstance(answer, Response):
            return answer
        found, form = answer
        outcome = await run_in_threadpool(board.act, found, form)
        log.info("board_action", view=found.kind, ok=outcome.ok, status=outcome.status)
        return _answer(request, found, board, outcome)

    async def choose_lang(request: Request) -> Response:
        answer = await posted(request)
        if isinstance(answer, Response):
            return answer
        found, form = answer
        lang = _field(form, "lang")
        if lang in ("nl", "en"):
            passes.choose_lang(found, "nl" if lang == "nl" else "en")
            request.app.state.hub.changed(found.meeting_id)
        return RedirectResponse(_base(request), status_code=303)

    async def new_link(request: Request) -> Response:
        answer = await posted(request)
        if isinstance(answer, Response):
            return answer
        found, form = answer
        if found.kind != "console":
            outcome = Outcome(False, 403, _escaped(board, found, "form.unknown_action"))
        else:
            outcome = await run_in_threadpool(board.new_link, found, _field(form, "person"))
            request.app.state.hub.changed(found.meeting_id)
            if _wants_json(request):
                board.take_flash(found)
        return _answer(request, found, board, outcome)

    app = Starlette(
        routes=[
            Route("/", index),
            Route("/b/{token}", page),
            Route("/b/{token}/events", events),
            Route("/b/{token}/do", do, methods=["POST"]),
            Route("/b/{token}/lang", choose_lang, methods=["POST"]),
            Route("/b/{token}/link", new_link, methods=["POST"]),
            Mount("/static", app=_Static(directory=STATIC), name="static"),
        ],
        lifespan=lifespan,
    )
    return Guard(app, hosts, tls=tls)


class _Static(StaticFiles):
    """The board's own script, style sheet and icon; a browser may keep them an hour."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers["cache-control"] = "max-age=3600"
        return response


def _field(form: Form, name: str) -> str:
    values = form.get(name) or [""]
    return values[0]


def _base(request: Request) -> str:
    return f"/b/{request.path_params['token']}"


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _escaped(board: Board, found: Pass, key: str) -> Markup:
    return escape(t(board.lang_of(found), key))


def _not_read(request: Request, board: Board, found: Pass, exc: BadRequest) -> Response:
    """A request refused before it was read: never a page, only the status and why."""
    message = t(board.lang_of(found), exc.key)
    if _wants_json(request):
        body = {"ok": False, "message": str(escape(message)), "version": 0}
        return JSONResponse(body, status_code=exc.status)
    return Response(message, status_code=exc.status, media_type="text/plain")


def _answer(request: Request, found: Pass, board: Board, outcome: Outcome) -> Response:
    if _wants_json(request):
        return JSONResponse(
            {"ok": outcome.ok, "message": str(outcome.message), "version": outcome.version},
            status_code=outcome.status,
        )
    board.remember(found, outcome)
    return RedirectResponse(_base(request), status_code=303)


def _end_links_on_close(passes: PassBook) -> Subscriber:
    """The engine's subscriber that ends a meeting's links when it closes."""

    def end(state: MeetingState, event: Event) -> None:
        if type(event) is MeetingClosed:
            passes.end(state.meeting_id)

    return end
