"""The ``intervision`` command group: options every command shares, and one way to fail.

A user's mistake (an unknown method id, a meeting that is not there, a refused
command) ends in one line on stderr and the error's own exit code, never a
traceback. The engine and the plugins are imported only inside the commands, so
that ``intervision --help`` answers at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from .collector import paused_while_starting
from .lazy import LazyCommand, LazyGroup
from .settings import LANG_TYPE, Settings, configure_logging, default_lang

if TYPE_CHECKING:
    from .texts import Lang

__all__ = ["error_message", "main"]


def one_line(message: str) -> str:
    return " ".join(message.split())


#: Every command of ``intervision``: its name, where it lives (a module of
#: ``intervision.cli`` and the command in it) and its short help, the first paragraph
#: of its docstring, which ``--help`` lists without importing the command. A new
#: command is one line here; ``tests/cli/test_lazy_commands.py`` fails until the short
#: help matches the command's docstring.
COMMANDS: dict[str, LazyCommand] = {
    "board": LazyCommand(
        "board.command",
        "board",
        "Serve a meeting on every member's own device: a console, a room display, a link each.",
    ),
    "check": LazyCommand(
        "check_cmd",
        "check",
        "Check methods for their authors: an installed method ID or plugin name, a TOML "
        "FILE, or the PATH of a plugin distribution (a folder with pyproject.toml, not "
        "installed yet).",
    ),
    "group": LazyCommand(
        "group_cmd",
        "group",
        "Groups: members, the contract, a guide, and the history of their meetings.",
    ),
    "key": LazyCommand(
        "key_cmd", "key", "Encryption at rest: make a key, check that it opens the store."
    ),
    "meeting": LazyCommand(
        "meeting_cmd",
        "meeting",
        "Drive a meeting one command at a time (for scripts; `run` is the interactive way).",
    ),
    "meetings": LazyCommand(
        "meetings_cmd",
        "meetings",
        "List the meetings in the store, newest first, a page at a time.",
    ),
    "methods": LazyCommand(
        "methods_cmd",
        "methods",
        "List the installed methods (modules that only run inside another method are left out).",
    ),
    "new-method": LazyCommand(
        "scaffold_cmd",
        "new_method",
        "Write a new method plugin NAME (like walk-and-talk) as an installable distribution.",
    ),
    "plugins": LazyCommand(
        "plugins_cmd",
        "plugins",
        "List the installed method plugins and the errors of those that failed.",
    ),
    "recommend": LazyCommand(
        "recommend_cmd",
        "recommend",
        "Suggest methods for a leervraag, with the reasons for each and what to mind.",
    ),
    "report": LazyCommand(
        "report_cmd",
        "report",
        "Write the report of a MEETING for the group, or of a GROUP for outside it.",
    ),
    "run": LazyCommand(
        "run",
        "run",
        "Run a meeting: the frame, the method's phases, recognitions and evaluation.",
    ),
    "series": LazyCommand(
        "series_cmd",
        "series",
        "Plan a group's series (reeks) of meetings and set it against those held.",
    ),
    "store": LazyCommand(
        "store_cmd", "store", "The store: check that it can be reached, rebuild its read models."
    ),
}


class IntervisionGroup(LazyGroup):
    """Turns every ``IntervisionError`` into one line and its exit code, and gives every
    command the group's options after its name too (:mod:`intervision.cli.common`)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """The console script's way in, a process of its own: the garbage collector
        waits while the command starts (:mod:`intervision.cli.collector`)."""
        with paused_while_starting():
            return super().__call__(*args, **kwargs)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Click's own words in the user's language from the first: ``--help`` and a
        usage error may come before any option is read."""
        from .click_words import refresh, speak

        speak(default_lang()[0])
        refresh(self)
        return super().main(*args, **kwargs)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None:
            return None
        from .click_words import refresh
        from .common import with_common_options

        refresh(command)
        return with_common_options(command, self)

    def invoke(self, ctx: click.Context) -> Any:
        from intervision.engine import IntervisionError

        try:
            return super().invoke(ctx)
        except IntervisionError as exc:
            from .texts import t

            settings = ctx.find_object(Settings)
            lang: Lang = settings.lang if settings else default_lang()[0]
            verbose = settings is not None and settings.verbosity > 0
            click.echo(t(lang, "error", text=error_message(exc, lang, verbose)), err=True)
            ctx.exit(exc.exit_code)


def _speak(ctx: click.Context, lang: str | None) -> str | None:
    """``--lang`` is read before ``--help``: click's own words follow it at once."""
    if lang is not None:
        from .click_words import refresh, speak

        speak("nl" if lang == "nl" else "en")
        refresh(ctx.command)
    return lang


def error_message(exc: Exception, lang: Lang, verbose: bool = False) -> str:
    """The error in the user's language, on one line; a refusal names its rule's id
    only for ``-v``."""
    from intervision.engine import CommandRefused, IntervisionError

    if isinstance(exc, CommandRefused):
        rule = f"[{exc.rule}] " if verbose else ""
        return one_line(f"{rule}{exc.reason(lang)}")
    if isinstance(exc, IntervisionError):
        return one_line(exc.message(lang))
    return one_line(str(exc))


@click.group(
    cls=IntervisionGroup,
    lazy=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--lang",
    type=LANG_TYPE,
    default=None,
    is_eager=True,
    callback=lambda ctx, param, value: _speak(ctx, value),
    help="Language of the screen: nl, en, or one an installed language pack adds "
    "(default: $INTERVISION_LANG, else the locale).",
)
@click.option(
    "--store",
    metavar="STORE",
    default=None,
    help=(
        "Where meetings are kept: a file path, sqlite:///PATH or postgresql://USER@HOST/DB "
        "(default: $INTERVISION_STORE, else the user data dir)."
    ),
)
@click.option(
    "--method-file",
    "method_files",
    metavar="PATH",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Also load the method in this TOML file (repeatable); see `methods export`.",
)
@click.option(
    "--builtin-only",
    is_flag=True,
    help="Load only the methods shipped with intervision: no plugins, no method files "
    "(also: INTERVISION_PLUGINS=name,name loads only those plugins).",
)
@click.option("-v", "--verbose", count=True, help="Log to stderr: -v info, -vv debug.")
@click.version_option(package_name="intervision", prog_name="intervision")
@click.pass_context
def main(
    ctx: click.Context,
    lang: str | None,
    store: str | None,
    method_files: tuple[str, ...],
    builtin_only: bool,
    verbose: int,
) -> None:
    """Run intervision (intervisie) meetings from the terminal.

    Start with `intervision run`; `intervision methods` lists the methods. TOML
    methods in the user's methods folder ($INTERVISION_METHODS_DIR) load too.
    """
    default, explicit = default_lang()
    chosen: Lang = default if lang is None else lang
    settings = ctx.obj = Settings(
        chosen, explicit or lang is not None, store, verbose, method_files, builtin_only
    )
    configure_logging(verbose)
    if chosen not in ("nl", "en"):
        settings.lang = "en"  # until the packs say whether the screen can speak it
        settings.lang = settings.language(chosen)
