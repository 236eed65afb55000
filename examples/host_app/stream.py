"""Server-Sent Events: a meeting's phase changes and contributions, pushed to one viewer.

The engine calls its subscribers on the thread that committed the command (here a
worker of Starlette's threadpool), while the response is written by the event loop,
which is not thread-safe. So the callback works out, on its own thread, what is new
*for this viewer*, and hands plain dicts to the loop with ``call_soon_threadsafe``;
the loop only writes them out. The subscription ends in a ``finally`` when the
client goes away, so a closed browser tab leaves no callback behind.

A contribution is sent when it becomes visible to the viewer, by the engine's own
rule (``MeetingState.visible_to``): a written one at the reveal, a hidden one when
its phase comes, the author's own at once. Nothing reaches a viewer earlier than
the same viewer's ``GET`` would show it.

Commands committed by any process on the same store are seen: the engine's
subscription follows the journal's watch (PostgreSQL's LISTEN/NOTIFY, or SQLite's
data version on one machine), so a viewer connected to one uvicorn worker sees a
command posted to another; those callbacks run on the watch's thread, and take the
same bridge to the loop.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

from intervision.engine import Contribution, Engine, MeetingState

from .views import contribution_view, position

__all__ = ["Feed", "sse"]

Message = dict[str, Any]


def sse(event: str, data: Message) -> str:
    """One event in the text/event-stream format; ``id`` lets a client tell them apart."""
    payload = json.dumps(data, ensure_ascii=False)
    return f"event: {event}\nid: {data.get('version', '')}\ndata: {payload}\n\n"


#: The order of one callback's messages (a stable sort keeps each kind's own order).
_ORDER = {"said": 0, "phase": 1, "contribution": 2, "closed": 3}


def _said_before(contribution: Contribution, state: MeetingState) -> bool:
    """Said in an earlier step and visible as it was said: not one a step reveals."""
    return contribution.step_no < state.step_no and contribution.hidden_until is None


class Feed:
    """One viewer's subscription to one meeting, bridged from engine threads to the loop."""

    def __init__(
        self, engine: Engine, meeting_id: str, viewer: str, loop: asyncio.AbstractEventLoop
    ) -> None:
        """``viewer`` is a member id (``Meeting.person`` gives it for a name)."""
        self.engine, self.meeting_id, self.viewer, self.loop = engine, meeting_id, viewer, loop
        self._queue: asyncio.Queue[tuple[str, Message]] = asyncio.Queue()
        # The callback may run on several committing threads at once.
        self._lock = threading.Lock()
        self._seen: set[str] | None = None
        self._where: tuple[int, str] = (0, "")
        self._unsubscribe: Callable[[], None] | None = None

    def start(self) -> Message:
        """Subscribe, then take the snapshot the stream starts from (blocking: off the loop).

        Subscribing first and ignoring events until the snapshot is taken means a
        command committed in between is in the snapshot, never lost and never sent twice.
        """
        self._unsubscribe = self.engine.subscribe(self._on_event, meeting_id=self.meeting_id)
        meeting = self.engine.meeting(self.meeting_id)
        with self._lock:
            self._seen = {c.id for c in meeting.visible_to(self.viewer)}
            self._where = (meeting.state.step_no, meeting.state.frame)
            return position(meeting)

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    async def messages(self, heartbeat: float) -> AsyncIterator[str]:
        """The events as they come; a comment line every ``heartbeat`` seconds keeps
        proxies from closing a quiet connection. Ends after the meeting closes."""
        while True:
            try:
                event, data = await asyncio.wait_for(self._queue.get(), timeout=heartbeat)
            except TimeoutError:
                yield ": keep-alive\n\n"
                continue
            yield sse(event, data)
            if event == "closed":
                return

    # -- on the committing thread ---------------------------------------------------

    def _on_event(self, state: MeetingState, event: object) -> None:
        if state.meeting_id != self.meeting_id:
            return
        out: list[tuple[str, Message]] = []
        with self._lock:
            if self._seen is None:
                return
            meeting = self.engine.meeting(self.meeting_id)
            where = (state.step_no, state.frame)
            step_changed = where != self._where
            for contribution in state.visible_to(self.viewer):
                if contribution.id not in self._seen:
                    self._seen.add(contribution.id)
                    message = {
                        "version": state.version,
                        **contribution_view(meeting, contribution),
                    }
                    # said in the step before, and heard with the step change (another
                    # process's commits arrive together): it belongs before it
                    before = step_changed and _said_before(contribution, state)
                    out.append(("said" if before else "contribution", message))
            if step_changed:
                self._where = where
                out.append(("closed" if state.closed else "phase", position(meeting)))
        # What was said in the step before comes first, then the step change, then a
        # contribution the step change reveals; the closing message comes last, since
        # the stream ends with it.
        out.sort(key=lambda item: _ORDER.get(item[0], 2))
        for name, message in out:
            self._post(("contribution" if name == "said" else name, message))

    def _post(self, item: tuple[str, Message]) -> None:
        try:
            self.loop.call_soon_threadsafe(self._queue.put_nowait, item)
        except RuntimeError:
            # The loop has closed: the server is shutting down and the client is gone.
            self.stop()
