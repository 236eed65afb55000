"""Live pages: each page's own view again, pushed as server-sent events when its meeting changes.

A stream sends a page its regions as its viewer may see them now: a snapshot, not
a list of changes. So a page that reconnects (a dropped connection, a restarted
server) gets the whole current view at once: nothing is lost and nothing shown
twice. After the first message only the regions whose signature changed are sent.

The engine calls its subscribers on the thread that committed a command; the
:class:`Hub` only hands the meeting's id to the event loop (``call_soon_threadsafe``),
which wakes that meeting's streams; each renders its page off the loop.

Every :data:`TICK` seconds a quiet stream sends the server's time: the pages count
down by the server's clock (one clock for the room, whatever the devices' own say),
and a page that hears nothing for 5 seconds says the connection is lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

from starlette.concurrency import run_in_threadpool

from intervision.engine import MeetingState

from .board import Board
from .passes import Pass

__all__ = ["TICK", "Hub", "sse", "stream"]

#: Seconds between two ticks of a quiet stream.
TICK = 2.0


def sse(event: str, data: dict[str, Any]) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


class Hub:
    """Wakes the streams of a meeting when it changes; counts who has a page open."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._changed: dict[str, asyncio.Event] = {}
        self._online: Counter[tuple[str, str]] = Counter()
        self.presence: Counter[str] = Counter()

    def on_event(self, state: MeetingState, event: object) -> None:
        """The engine's subscriber, on the committing thread."""
        # A closed loop (RuntimeError) means the board is stopping: nobody to wake.
        with contextlib.suppress(RuntimeError):
            self.loop.call_soon_threadsafe(self.changed, state.meeting_id)

    def changed(self, meeting_id: str) -> None:
        """On the loop: wake everyone waiting on this meeting."""
        waiting = self._changed.pop(meeting_id, None)
        if waiting is not None:
            waiting.set()

    def waiter(self, meeting_id: str) -> asyncio.Event:
        return self._changed.setdefault(meeting_id, asyncio.Event())

    def online(self, meeting_id: str) -> dict[str, int]:
        """Open member pages per member id (for the console's list)."""
        return {p: n for (m, p), n in self._online.items() if m == meeting_id and n > 0}

    def arrive(self, held: Pass, step: int) -> None:
        if held.person is not None:
            self._online[(held.meeting_id, held.person)] += step
            self.presence[held.meeting_id] += 1
            self.changed(held.meeting_id)


async def stream(
    board: Board, hub: Hub, held: Pass, base: str, tick: float = TICK
) -> AsyncIterator[str]:
    """One page's events until its link ends, its meeting closes or it goes away."""
    meeting_id, digest = held.meeting_id, held.digest
    sent: dict[str, str] = {}
    seen: tuple[object, ...] = ()
    hub.arrive(held, +1)
    try:
        yield "retry: 1500\n\n"
        while True:
            waiter = hub.waiter(meeting_id)  # before reading: a change meanwhile wakes it
            current = board.passes.current(digest)
            state = board.state(meeting_id)
            if current is None or state.closed:
                lang = board.lang_of(current or held)
                html = board.closed_html(lang) if state.closed else board.gone_html(lang)
                yield sse("end", {"html": html})
                return
            presence = hub.presence[meeting_id] if held.kind == "console" else 0
            now_seen = (state.version, current.lang, presence)
            if now_seen != seen:
                view = await run_in_threadpool(board.view, current, base, sent)
                seen = now_seen
                yield sse("view", view)
                continue
            try:
                await asyncio.wait_for(waiter.wait(), tick)
            except TimeoutError:
                yield sse("tick", {"now": board.now_ms()})
    finally:
        hub.arrive(held, -1)
