"""The timebox of a method phase: the clock it runs on, its line on the screen, its alarm.

The timer is advisory: it warns, the facilitator decides. At 80 % of a phase's
time the screen says once, softly, that the end is near; when the time is up it
says so once and suggests what the facilitator can do (extend, move on, skip);
nothing happens by itself.

``INTERVISION_TIME_SCALE`` makes the clock run fast for tests and demos: at 60
one real second counts as a minute, so a 50-minute meeting fits in under a
minute. The scale is the CLI's business, not the engine's: the engine simply
takes the clock it is given.

Only the standard library is imported at module level; the styled variant of the
line imports rich when it is drawn.
"""

from __future__ import annotations

import math
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from .texts import Lang, t

if TYPE_CHECKING:
    from rich.text import Text

    from intervision.engine import Meeting

__all__ = [
    "BAR_WIDTH",
    "TIME_SCALE_ENV",
    "Alarm",
    "clock_text",
    "nearly_up",
    "scaled_clock",
    "soft_warning",
    "time_scale",
    "timebox_bar",
    "timebox_line",
    "timebox_text",
    "timebox_total",
]

TIME_SCALE_ENV = "INTERVISION_TIME_SCALE"
#: Characters in the bar: with the words around it the line fits in 80 columns.
BAR_WIDTH = 30
#: The last part of the timebox, as a fraction, in which the bar turns yellow and the
#: soft warning comes: at 80 % of the phase's minutes.
_LATE = 0.2


# -- the clock ------------------------------------------------------------------


def time_scale(environ: dict[str, str] | None = None) -> float:
    """``INTERVISION_TIME_SCALE`` as a number; 1 when unset. Raises ValueError when it is
    not a positive, finite number."""
    raw = (os.environ if environ is None else environ).get(TIME_SCALE_ENV, "").strip()
    if not raw:
        return 1.0
    scale = float(raw)  # ValueError for words
    if not math.isfinite(scale) or scale <= 0:
        raise ValueError(raw)
    return scale


def scaled_clock(
    scale: float,
    *,
    wall: Callable[[], datetime] | None = None,
    monotonic: Callable[[], float] = time.monotonic,
) -> Callable[[], datetime]:
    """A clock for ``Engine(clock=...)`` on which ``scale`` seconds pass per real second.

    It starts at the real time of the call and moves on from there, so timestamps
    stay ordered and close to the truth for a short demo. At scale 1 it is the
    real clock. ``wall`` and ``monotonic`` are for tests.
    """
    now = wall or (lambda: datetime.now(UTC))
    if scale == 1:
        return now
    start, started = now(), monotonic()

    def clock() -> datetime:
        return start + timedelta(seconds=(monotonic() - started) * scale)

    return clock


# -- the line ---------------------------------------------------------------------


def clock_text(seconds: float) -> str:
    """``mm:ss``; minutes may pass 59 (a long phase reads ``90:00``)."""
    whole = math.ceil(abs(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def _elapsed(remaining: float, total: float) -> float:
    """How much of the timebox is used, from 0 to 1."""
    if total <= 0:
        return 1.0
    return min(1.0, max(0.0, 1 - remaining / total))


def timebox_bar(remaining: float, total: float, width: int = BAR_WIDTH) -> str:
    """The bar fills as the time goes: ``█`` used, ``░`` still there.

    Two different characters, not two colours, so it reads without colour too.
    """
    used = round(_elapsed(remaining, total) * width)
    return "█" * used + "░" * (width - used)


def _words(remaining: float, total: float, lang: Lang) -> tuple[str, str]:
    """The words before and after the bar."""
    if remaining > 0:
        before = t(lang, "timebox.left", clock=clock_text(remaining))
    else:
        before = t(lang, "timebox.over", clock=clock_text(remaining))
    after = t(lang, "timebox.of", minutes=round(total / 60))
    return before, after


def timebox_line(remaining: float, total: float, lang: Lang, *, width: int = BAR_WIDTH) -> str:
    """One line: the time left as ``mm:ss``, the bar and the timebox; once the time is
    up, the soft warning on the next line.

    ``remaining`` and ``total`` in seconds, ``remaining`` negative when over.
    """
    before, after = _words(remaining, total, lang)
    line = f"{before}  {timebox_bar(remaining, total, width)}  {after}"
    return line if remaining > 0 else f"{line}\n{soft_warning(lang)}"


def nearly_up(remaining: float, total: float) -> bool:
    """In the last fifth of the timebox, before its end: time for the soft warning."""
    return 0 < remaining <= total * _LATE


def timebox_text(
    remaining: float, total: float, lang: Lang, *, width: int = BAR_WIDTH, short: bool = False
) -> Text:
    """:func:`timebox_line` with styles: green, yellow near the end, red when over.

    ``short`` keeps it to one line for the cockpit: a word for near the end or over
    instead of the warning's two lines."""
    from rich.text import Text

    before, after = _words(remaining, total, lang)
    if remaining <= 0:
        style = "bold red"
    elif remaining <= total * _LATE:
        style = "yellow"
    else:
        style = "green"
    bar = timebox_bar(remaining, total, width)
    used = bar.count("█")
    text = Text()
    text.append(before, style="bold")
    text.append("  ")
    text.append(bar[:used], style=style)
    text.append(bar[used:], style="dim")
    text.append(f"  {after}")
    if short:
        if remaining <= 0:
            text.append(f"  {t(lang, 'timebox.over_short')}", style=style)
        elif nearly_up(remaining, total):
            text.append(f"  {t(lang, 'timebox.soon_short')}", style=style)
    elif remaining <= 0:
        text.append("\n")
        text.append(soft_warning(lang), style="yellow")
    return text


def soft_warning(lang: Lang) -> str:
    return t(lang, "timebox.up")


def timebox_total(meeting: Meeting) -> float:
    """The current phase's timebox in seconds, with its extensions."""
    phase = meeting.phase
    minutes = phase.minutes if phase is not None else 0
    return float((minutes + meeting.state.extra_minutes) * 60)


# -- the alarm --------------------------------------------------------------------


def _on_a_terminal() -> bool:
    """Both ends a terminal: from a pipe nothing is ever printed by itself."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


class Alarm:
    """Says, once per timebox each, that the end is near (at 80 %) and that the time is
    up, also while the prompt waits for a line.

    A timebox is one phase of one case as entered, with its extensions: extending
    starts a new one, so the warnings come again for the extra minutes. They are
    written from a background thread only at a terminal; the prompt is written again
    after them, with what was typed so far when readline knows it, unless the prompt
    redraws itself (``live``, the cockpit).
    """

    def __init__(
        self,
        meeting: Meeting,
        lang: Lang,
        *,
        interval: float = 0.2,
        write: Callable[[str], None] | None = None,
        live: bool = False,
    ) -> None:
        self.meeting = meeting
        self.lang = lang
        self.interval = interval
        self.live = live
        self._write = write or _write
        self._warned: set[object] = set()
        self._lock = threading.Lock()

    def _key(self) -> object:
        state = self.meeting.state
        case = state.case.no if state.case else None
        return (case, state.module, state.phase, state.step_entered_at, state.extra_minutes)

    def watches(self) -> bool:
        """Whether the alarm says anything by itself here: only at a terminal."""
        return _on_a_terminal()

    def _stage(self) -> str | None:
        """``"soon"`` or ``"up"`` when that warning is due now and not given yet."""
        remaining = self.meeting.remaining_seconds()
        if remaining is None:
            return None
        key = self._key()
        if remaining <= 0:
            return None if (key, "up") in self._warned else "up"
        if nearly_up(remaining, timebox_total(self.meeting)) and (key, "soon") not in self._warned:
            return "soon"
        return None

    def due(self) -> bool:
        """Whether a warning for the current timebox is due and nobody has been told yet."""
        return self._stage() is not None

    def told(self) -> None:
        """What the timebox says now was shown (on the screen, or by ``tijd``)."""
        with self._lock:
            key = self._key()
            remaining = self.meeting.remaining_seconds()
            self._warned.add((key, "soon"))
            if remaining is not None and remaining <= 0:
                self._warned.add((key, "up"))

    def _ring(self, prompt: str) -> bool:
        """Write the warning that is due; True when one was written."""
        with self._lock:
            stage = self._stage()
            if stage is None:
                return False
            key = self._key()
            self._warned.add((key, stage))
            if stage == "up":
                self._warned.add((key, "soon"))
            remaining = self.meeting.remaining_seconds() or 0.0
        from .console import render

        total = timebox_total(self.meeting)
        if stage == "soon":
            warning = render(timebox_text(remaining, total, self.lang, short=True))
            warning += "\n" + t(self.lang, "timebox.soon", clock=clock_text(remaining))
        else:
            warning = render(timebox_text(remaining, total, self.lang))
        if self.live:
            self._write(f"{warning}\n")
        else:
            self._write(f"\n{warning}\n{prompt}{_typed_so_far()}")
        return True

    @contextmanager
    def watching(self, prompt: str, *, force: bool = False) -> Iterator[None]:
        """Around a wait at ``prompt``: a thread that rings when the time runs out.

        Only at a terminal (``force`` is for tests); the thread ends with the wait.
        """
        if not (force or self.watches()) or self.meeting.remaining_seconds() is None:
            yield
            return
        stop = threading.Event()

        def watch() -> None:
            while not stop.wait(self.interval):
                try:
                    self._ring(prompt)
                except Exception:  # never let the alarm take the prompt down
                    return

        thread = threading.Thread(target=watch, name="intervision-timebox", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join(timeout=1)


def _typed_so_far() -> str:
    """What readline holds of the line being typed, when readline is in use at all."""
    readline = sys.modules.get("readline")
    getter = getattr(readline, "get_line_buffer", None)
    if getter is None:
        return ""
    try:
        return str(getter())
    except Exception:
        return ""


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
