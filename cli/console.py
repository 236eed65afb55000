"""Reading the facilitator's answers, from a terminal or from a pipe.

Not ``click.prompt``: it turns both Ctrl-C and end of input into the same
``Abort``, and the runner must tell them apart (exit 130 against a calm exit 0).
A line read from a pipe is echoed, so that a scripted session's output reads like
the conversation it was.

The screen is as wide as the terminal up to :data:`MAX_WIDTH`, and everything is
written to read well at 80 columns. Output to a pipe is plain text, 80 wide unless
``COLUMNS`` says otherwise. Colour only at a terminal, and never with ``NO_COLOR``
(any value) or ``TERM=dumb``. rich draws the phase screen, but is imported only when
something is drawn, so that ``intervision --help`` stays quick.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from .texts import Lang, t

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = [
    "MAX_WIDTH",
    "WIDTH",
    "EndOfInput",
    "ask",
    "asking_with",
    "colour",
    "confirm",
    "render",
    "rule",
    "say",
    "screen_width",
    "show",
    "wrap",
    "write_file",
]

#: The width when it cannot be asked (a pipe): what every screen is written for.
WIDTH = 80
#: Wider than this, lines get too long to read at a glance.
MAX_WIDTH = 100
_MIN_WIDTH = 40


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def screen_width() -> int:
    """The terminal's width up to :data:`MAX_WIDTH`; ``COLUMNS``, else 80, for a pipe."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        width = int(columns)
    elif _isatty(sys.stdout):
        width = shutil.get_terminal_size((WIDTH, 24)).columns
    else:
        width = WIDTH
    return max(_MIN_WIDTH, min(width, MAX_WIDTH))


def colour() -> bool:
    """Colour (and any other escape code) only at a terminal that wants it."""
    if "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    return _isatty(sys.stdout)


def render(*parts: RenderableType, width: int | None = None) -> str:
    """Draw rich renderables to a string, for :func:`show` or a test.

    Plain text unless :func:`colour`; no line ends in spaces.
    """
    from rich.console import Console

    styled = colour()
    console = Console(
        file=io.StringIO(),
        width=width or screen_width(),
        force_terminal=styled,
        no_color=not styled,
        color_system="auto" if styled else None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        safe_box=True,
    )
    with console.capture() as captured:
        for part in parts:
            console.print(part)
    return "\n".join(line.rstrip() for line in captured.get().rstrip("\n").split("\n"))


def show(text: str) -> None:
    """Print text already laid out (by :func:`render`): no wrapping again."""
    click.echo(text)


class EndOfInput(Exception):
    """Standard input ended (a pipe ran dry, or Ctrl-D at the terminal)."""


#: What reads a line at a terminal instead of ``input`` (the cockpit), while set.
_prompter: Callable[[str], str] | None = None


@contextmanager
def asking_with(prompter: Callable[[str], str]) -> Iterator[None]:
    """Within the block, :func:`ask` reads lines at a terminal through ``prompter``."""
    global _prompter
    before, _prompter = _prompter, prompter
    try:
        yield
    finally:
        _prompter = before


def ask(prompt: str) -> str:
    """One line from standard input, without its line ending."""
    stdin = sys.stdin
    if stdin.isatty() and _prompter is not None:
        try:
            return _prompter(prompt)
        except EOFError:
            click.echo()
            raise EndOfInput from None
    if stdin.isatty():
        try:
            return input(prompt)
        except EOFError:
            click.echo()
            raise EndOfInput from None
    click.echo(prompt, nl=False)
    line = stdin.readline()
    if not line:
        click.echo()
        raise EndOfInput
    line = line.rstrip("\r\n")
    click.echo(line)
    return line


def confirm(lang: Lang, question: str, *, default: bool) -> str | bool:
    """Yes or no, in either language; returns the raw line when it means leaving."""
    hint = t(lang, "yes_no_hint" if default else "no_yes_hint")
    while True:
        answer = ask(f"{question} {hint} ").strip().casefold()
        if not answer:
            return default
        if answer in ("y", "j", "yes", "ja"):
            return True
        if answer in ("n", "no", "nee"):
            return False
        from .parse import is_leave

        if is_leave(answer):
            return answer
        say(t(lang, "answer_yes_no"))


def say(text: str = "", *, indent: str = "") -> None:
    """Print wrapped to the screen width, keeping the text's own line breaks."""
    for line in text.splitlines() or [""]:
        click.echo(wrap(line, indent=indent) if line.strip() else "")


def wrap(text: str, *, indent: str = "", hanging: str | None = None) -> str:
    return textwrap.fill(
        text,
        width=screen_width(),
        initial_indent=indent,
        subsequent_indent=indent if hanging is None else hanging,
        break_on_hyphens=False,
    )


def rule(title: str) -> str:
    """A section heading the width of the screen."""
    head = f"── {title} "
    return head + "─" * max(3, screen_width() - len(head))


def write_file(path: str, text: str, *, private: bool) -> None:
    """Write ``text`` to ``path``; a ``private`` file (case content, names) is readable
    by its owner only from the moment it exists, not after a chmod."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o666)
    with open(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
