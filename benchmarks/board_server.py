"""A board with many meetings for ``bench_board.py``, or the bare relay it is measured against.

``python board_server.py ours  --meetings N --port P --store FILE --out LINKS.json``
starts N meetings of six members (an external facilitator guides each), takes each
into the incident method's questions phase, makes a link per member and serves them
with ``intervision board``'s own app on uvicorn, as the command does.

``python board_server.py relay --meetings N --port P --out LINKS.json`` serves the
same routes' shape with no engine, no store and no pages: a tap bumps a counter and
sends every page of its meeting a message of the size of a board's update. It is
the baseline: what the transport itself costs (uvicorn, Starlette, event streams).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import sys
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

MEMBERS = ["Anna", "Bram", "Carla", "Dirk", "Eva", "Fleur"]
#: About what a board sends a member's page when someone in the meeting spoke.
PAYLOAD = "x" * 2500


def ours(meetings: int, store: str, port: int, out: Path) -> Any:
    from intervision.cli.board.app import create_app
    from intervision.cli.board.passes import PassBook
    from intervision.engine.storage import open_engine

    engine = open_engine(store)
    book = PassBook(Path(tempfile.mkdtemp(prefix="intervision-bench-board-")))
    links: dict[str, dict[str, str]] = {}
    for _ in range(meetings):
        meeting = engine.start_meeting(
            MEMBERS, facilitator="Gids", lang="nl", external_facilitator=True
        )
        meeting.advance("gids")
        for person in meeting.state.present:
            meeting.submit_leervraag(person, f"Een leervraag van {person}")
        meeting.advance("gids")
        meeting.choose_case("gids", "bram")
        meeting.choose_method("gids", "incident")
        meeting.advance("gids")  # situation -> questions
        links[meeting.id] = {p: book.issue(meeting.id, "member", p) for p in meeting.state.present}
    out.write_text(json.dumps(links))
    host = f"127.0.0.1:{port}"
    return create_app(engine, book, hosts=[host], base_url=f"http://{host}")


def relay(meetings: int, out: Path) -> Any:
    """The transport alone: the same requests, answered with no engine and no page."""
    versions: dict[str, int] = {}
    listeners: dict[str, list[asyncio.Queue[int]]] = {}
    owner: dict[str, str] = {}
    links: dict[str, dict[str, str]] = {}
    for number in range(meetings):
        meeting_id = f"m{number}"
        versions[meeting_id] = 1
        listeners[meeting_id] = []
        links[meeting_id] = {}
        for member in MEMBERS:
            token = secrets.token_urlsafe(18)
            owner[token] = meeting_id
            links[meeting_id][member.lower()] = token
    out.write_text(json.dumps(links))

    def message(meeting_id: str) -> str:
        data = {"v": versions[meeting_id], "regions": {"feed": {"html": PAYLOAD}}}
        return f"event: view\ndata: {json.dumps(data)}\n\n"

    async def page(request: Request) -> Response:
        return HTMLResponse(
            '<form><input name="csrf" value="c"><input name="kind" value="question">'
        )

    async def events(request: Request) -> Response:
        meeting_id = owner[request.path_params["token"]]
        queue: asyncio.Queue[int] = asyncio.Queue()
        listeners[meeting_id].append(queue)

        async def stream() -> AsyncIterator[str]:
            try:
                yield message(meeting_id)
                while True:
                    await queue.get()
                    yield message(meeting_id)
            finally:
                listeners[meeting_id].remove(queue)

        return StreamingResponse(stream(), media_type="text/event-stream")

    async def do(request: Request) -> Response:
        meeting_id = owner[request.path_params["token"]]
        parse_qs((await request.body()).decode())  # read the form, as the board does
        versions[meeting_id] += 1
        for queue in listeners[meeting_id]:
            queue.put_nowait(versions[meeting_id])
        return JSONResponse({"ok": True, "version": versions[meeting_id]})

    return Starlette(
        routes=[
            Route("/b/{token}", page),
            Route("/b/{token}/events", events),
            Route("/b/{token}/do", do, methods=["POST"]),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("side", choices=["ours", "relay"])
    parser.add_argument("--meetings", type=int, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--store", default=":memory:")
    args = parser.parse_args()
    if args.side == "ours":
        app = ours(args.meetings, args.store, args.port, args.out)
    else:
        app = relay(args.meetings, args.out)
    print("ready", flush=True)
    uvicorn.run(app, host="127.0.0.1", port=args.port, access_log=False, log_level="warning")


if __name__ == "__main__":
    sys.exit(main())
