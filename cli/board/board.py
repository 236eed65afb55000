"""The board as a service: one engine, its meetings' links, and each link's page.

The web routes (:mod:`.app`) and the live streams (:mod:`.live`) ask this object for
a page, a view or an action; it reads the engine through its public API, takes a
:class:`~.scene.Snapshot` once per meeting version for every page drawn from it, and
sends commands through the one :class:`~.actions.Sender`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from intervision.engine import (
    CommandRefused,
    ConcurrencyError,
    Engine,
    IntervisionError,
    MeetingState,
    StoreError,
)

from .actions import Form, NotSent, Sender, command_for
from .pages import console_page, display_page, member_page
from .passes import Pass, PassBook, PassKind
from .render import MAX_TEXT, Renderer
from .scene import Snapshot, name_of, snapshot
from .texts import Lang, t

__all__ = ["Board", "Flash", "Outcome"]


@dataclass(frozen=True, slots=True)
class Flash:
    """A message for the next page of a link (a refusal, a new link), in its language."""

    kind: str
    html: Markup


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of a request: ok or not, its message, and the HTTP status."""

    ok: bool
    status: int
    message: Markup
    version: int = 0


class Board:
    """Everything the routes need; thread-safe, as the routes run engine calls in threads."""

    def __init__(
        self,
        engine: Engine,
        passes: PassBook,
        *,
        base_url: str = "",
        rate: float = 1.0,
        online: Callable[[str], dict[str, int]] | None = None,
    ) -> None:
        self.engine = engine
        self.passes = passes
        self.base_url = base_url
        self.rate = rate
        self.renderer = Renderer()
        self.sender = Sender(engine)
        self.online = online or (lambda meeting_id: {})
        self._snapshots: dict[str, Snapshot] = {}
        self._look_back: dict[str, list[Any]] = {}
        self._flash: dict[str, Flash] = {}
        self._lock = threading.Lock()
        self._meeting_locks: dict[str, threading.Lock] = {}

    # -- reading ------------------------------------------------------------------

    def now_ms(self) -> int:
        return round(self.engine.clock().timestamp() * 1000)

    def state(self, meeting_id: str) -> MeetingState:
        return self.engine.state(meeting_id)

    def snapshot(self, meeting_id: str) -> Snapshot:
        """The meeting at its current version, taken once per version for every page.

        A change wakes all of a meeting's pages at once, each on a thread of its own;
        the first takes the snapshot (asking the engine what everyone may do costs a
        few milliseconds), the others wait for it instead of taking it again.
        """
        with self._lock:
            lock = self._meeting_locks.setdefault(meeting_id, threading.Lock())
        with lock:
            state = self.engine.state(meeting_id)
            cached = self._snapshots.get(meeting_id)
            if cached is not None and cached.caps.version == state.version:
                return cached
            snap = snapshot(self.engine.meeting(meeting_id))
            self._snapshots[meeting_id] = snap
            return snap

    def lang_of(self, held: Pass) -> Lang:
        if held.lang is not None:
            return held.lang
        return self.engine.state(held.meeting_id).lang

    def context(self, held: Pass, snap: Snapshot, lang: Lang) -> dict[str, Any]:
        """Everything a template of this link's page reads."""
        view = held.kind
        if view == "member" and held.person is not None:
            page: Any = member_page(snap, held.person, lang, self._look_back_of(snap))
            who = name_of(snap.state, held.person)
        elif view == "console":
            page = console_page(snap, lang, self.online(held.meeting_id))
            who = page.facilitator
        else:
            page = display_page(snap, lang)
            who = None
        return {
            "view": view,
            "page": page,
            "scene": page.scene,
            "items": page.items,
            "leervragen": page.leervragen,
            "lang": lang,
            "who": who,
            "title": page.scene.title,
            "csrf": self.passes.csrf(held),
            "version": snap.caps.version,
            "now_ms": self.now_ms(),
            "rate": self.rate,
            "max_text": MAX_TEXT,
            "live": True,
            "flash": None,
            "t": lambda key, **values: t(lang, key, **values),
        }

    def page_html(self, held: Pass, base: str) -> str:
        """The whole page of a link, with the one message waiting for it, if any."""
        lang = self.lang_of(held)
        state = self.engine.state(held.meeting_id)
        if state.closed:
            return self.closed_html(lang)
        context = self.context(held, self.snapshot(held.meeting_id), lang)
        context["base"] = base
        context["flash"] = self._flash.pop(held.digest, None)
        return self.renderer.page(held.kind, context)

    def view(self, held: Pass, base: str, sent: dict[str, str]) -> dict[str, Any]:
        """The regions of a link's page that changed since ``sent`` (region -> signature),
        for its live stream; ``sent`` is updated."""
        lang = self.lang_of(held)
        snap = self.snapshot(held.meeting_id)
        context = self.context(held, snap, lang)
        context["base"] = base
        regions = {}
        for region in self.renderer.regions(held.kind, context):
            if sent.get(region.id) != region.sig:
                sent[region.id] = region.sig
                regions[region.id] = {"sig": region.sig, "html": str(region.html)}
        return {
            "v": snap.caps.version,
            "now": context["now_ms"],
            "rate": self.rate,
            "title": context["title"],
            "regions": regions,
        }

    def closed_html(self, lang: Lang) -> str:
        return self.renderer.message(lang, t(lang, "closed.title"), t(lang, "closed.body"))

    def gone_html(self, lang: Lang) -> str:
        return self.renderer.message(lang, t(lang, "gone.title"), t(lang, "gone.body"))

    def _look_back_of(self, snap: Snapshot) -> list[Any]:
        """What members promised and have not yet told about: read once per meeting."""
        state = snap.state
        if state.group_id is None or state.frame != "opening":
            return []
        found = self._look_back.get(state.meeting_id)
        if found is None:
            from intervision.engine.groups import group_history, look_back

            history = group_history(self.engine, state.group_id)
            found = look_back(history, before=state.meeting_id)
            self._look_back[state.meeting_id] = found
        return found

    # -- acting -------------------------------------------------------------------

    def act(self, held: Pass, form: Form) -> Outcome:
        """Send what the form asks, as this link may ask it; the rule's reason if refused.

        The form has been shown to come from the link's own page (``app.posted``).
        """
        lang = self.lang_of(held)
        state = self.engine.state(held.meeting_id)
        request_id = (form.get("request_id") or [""])[0][:64] or None
        try:
            command = command_for(held, form, state)
            version = self.sender.send(held.meeting_id, command, request_id)
        except NotSent as exc:
            return self._not(lang, exc.status, exc.key, **exc.values)
        except CommandRefused as exc:
            return Outcome(False, 422, escape(exc.reason(lang)))
        except ConcurrencyError:
            return self._not(lang, 409, "form.busy")
        except StoreError:
            return self._not(lang, 503, "form.store")
        except IntervisionError as exc:
            return Outcome(False, 422, escape(str(exc)))
        return Outcome(True, 200, escape(t(lang, "form.sent")), version)

    def _not(self, lang: Lang, status: int, key: str, **values: object) -> Outcome:
        return Outcome(False, status, escape(t(lang, key, **values)))

    def remember(self, held: Pass, outcome: Outcome) -> None:
        """Keep a refusal for the link's next page (a form posted without script)."""
        if not outcome.ok:
            self._flash[held.digest] = Flash("error", outcome.message)

    def new_link(self, held: Pass, target: str) -> Outcome:
        """The console replaces a member's link, or the room display's."""
        lang = self.lang_of(held)
        state = self.engine.state(held.meeting_id)
        kind: PassKind
        if target == "display":
            kind, person, name = "display", None, t(lang, "console.display_name")
        elif target in state.present:
            kind, person, name = "member", target, name_of(state, target)
        else:
            return self._not(lang, 400, "form.unknown_action")
        token = self.passes.issue(held.meeting_id, kind, person)
        url = f"{self.base_url}/b/{token}"
        message = Markup(
            '<p>{text}</p><p class="link"><a href="{url}">{url}</a></p>'
            '<figure class="qr" aria-label="{label}">{svg}</figure>'
        ).format(
            text=t(lang, "console.link_made", name=name),
            url=url,
            label=f"QR: {name}",
            svg=Markup(_qr_svg(url)),
        )
        self._flash[held.digest] = Flash("ok", message)
        return Outcome(True, 200, message)

    def take_flash(self, held: Pass) -> None:
        self._flash.pop(held.digest, None)


def _qr_svg(url: str) -> str:
    import segno

    return str(segno.make(url, error="m").svg_inline(scale=4, dark="#000", light="#fff"))
