"""A click group that imports a command's module only when that command runs.

``intervision --help`` lists every command but runs none, so it should not pay for
importing them all (their options, their texts, what they import in turn): a
facilitator types it, and waits for it, far more often than any one command. The
group knows each command by name, where it lives and its short help;
``tests/cli/test_lazy_commands.py`` keeps that short help equal to the command's own,
so the listing cannot drift from the commands.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from .click_words import word

__all__ = ["LazyCommand", "LazyContext", "LazyGroup", "terminal_columns"]


class LazyContext(click.Context):
    """A context whose help finds the terminal's width without ``shutil``.

    click asks ``shutil.get_terminal_size``, and importing ``shutil`` (which imports
    bz2, lzma and zlib) took a twentieth of ``intervision --help``; ``os`` answers
    the same question. The width is worked out as click does it.
    """

    def make_formatter(self) -> click.HelpFormatter:
        width = self.terminal_width
        if width is None and click.formatting.FORCED_WIDTH is None:
            max_width = self.max_content_width or 80
            width = max(min(terminal_columns(), max_width) - 2, 50)
        return self.formatter_class(width=width, max_width=self.max_content_width)


def terminal_columns() -> int:
    """The columns ``shutil.get_terminal_size`` would give: ``$COLUMNS``, else the
    terminal standard output was started on, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class LazyCommand:
    """Where a command lives (``module`` relative to ``intervision.cli``) and its short help.

    ``short_help`` is the first paragraph of the command's docstring, as ``--help``
    shortens it; a test compares the two. (A plain class: ``--help`` imports this
    module, and a dataclass would cost more than the rest of it.)
    """

    __slots__ = ("attribute", "module", "short_help")

    def __init__(self, module: str, attribute: str, short_help: str) -> None:
        self.module = module
        self.attribute = attribute
        self.short_help = short_help

    def load(self) -> click.Command:
        module = importlib.import_module(f"intervision.cli.{self.module}")
        command = getattr(module, self.attribute)
        if not isinstance(command, click.Command):  # pragma: no cover - a wrong table entry
            raise TypeError(f"intervision.cli.{self.module}.{self.attribute} is not a command")
        return command


class LazyGroup(click.Group):
    """A ``click.Group`` whose ``lazy`` commands are imported on first use."""

    context_class = LazyContext

    def __init__(self, *args: Any, lazy: dict[str, LazyCommand] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, LazyCommand] = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in self.lazy:
            command = self.lazy[cmd_name].load()
            self.add_command(command, cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's own listing, with a stand-in built from the table for commands not loaded."""
        rows: list[tuple[str, click.Command]] = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name)
            if command is None:
                command = click.Command(name, help=self.lazy[name].short_help)
            if not command.hidden:
                rows.append((name, command))
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _ in rows)
            with formatter.section(word("Commands")):
                formatter.write_dl([(name, cmd.get_short_help_str(limit)) for name, cmd in rows])
