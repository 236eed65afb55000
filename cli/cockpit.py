"""The facilitator's cockpit: at a terminal, the meeting's state stays in view.

Below the prompt a live region shows where the meeting is (method, phase or frame
step), who is here in which roles and may contribute what now, whom the step waits
for and the timebox counting down; everything else (what is said, the screens of
each step, refusals) scrolls above it. The region redraws itself twice a second, so
the timer runs while nobody types; past 80 % of the phase the bar turns yellow and
at the end red, and the alarm (:class:`~intervision.cli.timebox.Alarm`) writes its
warnings into the scrolling part once.

Built on prompt_toolkit's prompt with a bottom toolbar and ``refresh_interval``,
with ``patch_stdout`` so that a line written while the prompt waits lands above it.
rich's ``Live`` was the other candidate, but it cannot take a line of input while
it refreshes: the region and the typed line overwrite each other. Textual would
take over the whole screen and its scrollback, which a facilitator copying from or
scrolling back through the meeting loses. The region's content is drawn with rich,
like every other screen of the CLI, and handed to prompt_toolkit as ANSI text.

Only at a terminal on both ends, and not with ``TERM=dumb`` or ``run --plain``: a
pipe, a test and a screen reader get the plain scrolling text of
:mod:`intervision.cli.console`. ``NO_COLOR`` keeps the cockpit without colour.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .console import colour, render, screen_width
from .status import people_rows, waiting_text
from .texts import Lang, t
from .timebox import timebox_text

if TYPE_CHECKING:
    from rich.console import RenderableType

    from intervision.engine import Capabilities, Meeting

__all__ = ["Cockpit", "live_terminal", "status_region"]

#: How often the region redraws itself, in seconds: often enough for a running clock.
REFRESH = 0.5
#: What Ctrl-L types: the whole screen of the step again.
REDRAW_LINE = "scherm"


def live_terminal() -> bool:
    """Whether the cockpit can run: a terminal on both ends that can move its cursor."""
    if os.environ.get("TERM", "") == "dumb":
        return False
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def status_region(
    meeting: Meeting, can: Capabilities, lang: Lang, now: datetime, *, width: int
) -> str:
    """The live region as text (with colour where :func:`colour` allows): a heading
    with where the meeting is, a row per group of people, the wait and the timer."""
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = [Text(_heading(meeting, lang, width), style="bold")]
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(max_width=22, overflow="ellipsis", no_wrap=True)
    grid.add_column(max_width=24, overflow="ellipsis", no_wrap=True)
    grid.add_column(overflow="ellipsis", no_wrap=True)
    for names, roles, may in people_rows(meeting, can, lang):
        grid.add_row(f" {names}", roles, may)
    parts.append(grid)
    waiting = waiting_text(meeting, can, lang)
    if waiting:
        parts.append(Text(f" {waiting}", overflow="ellipsis", no_wrap=True))
    if can.ends_at is not None:
        phase = meeting.phase
        total = float(((phase.minutes if phase else 0) + meeting.state.extra_minutes) * 60)
        remaining = (can.ends_at - now).total_seconds()
        bar = timebox_text(remaining, total, lang, width=max(10, min(20, width - 55)), short=True)
        line = Text(" ", overflow="ellipsis", no_wrap=True).append(bar)
        parts.append(line)
    return render(*parts, width=width)


def _heading(meeting: Meeting, lang: Lang, width: int) -> str:
    from .screen import phase_number

    state = meeting.state
    method, phase = meeting.method, meeting.phase
    if method is not None and phase is not None:
        number, total = phase_number(meeting)
        where = t(
            lang,
            "cockpit.phase",
            method=method.title(lang),
            no=number,
            total=total,
            phase=phase.title(lang),
        )
    else:
        where = meeting.title()(lang)
    if state.closed:
        where = t(lang, "status.next.closed")
    head = f"── {where} "
    return head + "─" * max(3, width - len(head))


class Cockpit:
    """Reads lines at a prompt under the live region of one meeting."""

    def __init__(self, meeting: Meeting, lang: Lang) -> None:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.formatted_text import ANSI
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.styles import Style

        self.meeting = meeting
        self.lang = lang
        self._cached: tuple[int, Capabilities] | None = None
        keys = KeyBindings()

        @keys.add("c-l")
        def _redraw(event: Any) -> None:
            event.app.exit(result=REDRAW_LINE)

        def toolbar() -> ANSI:
            return ANSI(self.region())

        self.session: PromptSession[str] = PromptSession(
            bottom_toolbar=toolbar,
            refresh_interval=REFRESH,
            key_bindings=keys,
            style=Style.from_dict({"bottom-toolbar": "noreverse", "bottom-toolbar.text": ""}),
            include_default_pygments_style=False,
        )

    def capabilities(self) -> Capabilities:
        """The engine's answer, asked again only when the meeting changed."""
        state = self.meeting.state
        if self._cached is None or self._cached[0] != state.version:
            self._cached = (state.version, self.meeting.capabilities())
        return self._cached[1]

    def region(self) -> str:
        """The live region now; never raises (a failing redraw must not end the prompt)."""
        try:
            now = self.meeting.engine.clock()
            width = max(40, min(screen_width(), _columns()))
            return status_region(self.meeting, self.capabilities(), self.lang, now, width=width)
        except Exception:
            return ""

    def ask(self, prompt: str) -> str:
        """One line; EOFError and KeyboardInterrupt pass on as from ``input``."""
        from prompt_toolkit.patch_stdout import patch_stdout

        with patch_stdout(raw=True):
            return self.session.prompt(prompt, color_depth=None if colour() else _mono())


def _mono() -> Any:
    from prompt_toolkit.output import ColorDepth

    return ColorDepth.DEPTH_1_BIT


def _columns() -> int:
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80
