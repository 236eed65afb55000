"""Reading the facilitator's answers, from a terminal or from a pipe.

Not ``click.prompt``: it turns both Ctrl-C and end of input into the same
``Abort``, and the runner must tell them apart (exit 130 against a calm exit 0).
A line read from a pipe is echoed, so that a scripted session's output reads like
the conversation it was.
"""

from __future__ import annotations

import sys
import textwrap

import click

from .texts import Lang, t

__all__ = ["WIDTH", "EndOfInput", "ask", "confirm", "rule", "say", "wrap"]

WIDTH = 80


class EndOfInput(Exception):
    """Standard input ended (a pipe ran dry, or Ctrl-D at the terminal)."""


def ask(prompt: str) -> str:
    """One line from standard input, without its line ending."""
    stdin = sys.stdin
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
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent if hanging is None else hanging,
        break_on_hyphens=False,
    )


def rule(title: str) -> str:
    """A section heading the width of the screen."""
    head = f"── {title} "
    return head + "─" * max(3, WIDTH - len(head))
