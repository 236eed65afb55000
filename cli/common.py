"""The options every command shares, before the subcommand and after it.

``intervision --lang nl methods show incident`` and ``intervision methods show
incident --lang nl`` mean the same: a facilitator adds an option at the end of the
line as often as at the start. The group's own options (``--lang``, ``--store``,
``--method-file``, ``--builtin-only``, ``-v``) are copied onto every subcommand
when it is loaded, with the same help; given after the subcommand they change the
same :class:`~intervision.cli.settings.Settings`. A subcommand with an option of
its own by that name (``run --lang``: the meeting's language) keeps its own.
"""

from __future__ import annotations

from typing import Any

import click

from .settings import Settings, configure_logging

__all__ = ["with_common_options"]

#: Set on a command once it carries the common options.
_MARK = "_intervision_common"


def with_common_options(command: click.Command, group: click.Command) -> click.Command:
    """``command`` (and every subcommand of it) with ``group``'s options added."""
    if getattr(command, _MARK, False):
        return command
    setattr(command, _MARK, True)
    own = {name for param in command.params for name in (param.name, *param.opts)}
    for param in group.params:
        if not isinstance(param, click.Option) or param.name == "version":
            continue
        if param.name in own or own.intersection(param.opts):
            continue
        command.params.append(_copy(param))
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            with_common_options(sub, group)
    return command


def _copy(option: click.Option) -> click.Option:
    return click.Option(
        [*([option.name] if option.name else []), *option.opts, *option.secondary_opts],
        type=None if option.is_flag or option.count else option.type,
        multiple=option.multiple,
        count=option.count,
        is_flag=option.is_flag if option.is_flag else None,
        metavar=option.metavar,
        help=option.help,
        expose_value=False,
        callback=_given_after,
    )


def _given_after(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """The option after the subcommand: into the settings the group made."""
    settings = ctx.find_object(Settings)
    if settings is None or value in (None, False, 0, ()):
        return
    if param.name == "lang":
        from .click_words import refresh, speak

        settings.lang = settings.language(value)
        settings.lang_explicit = True
        speak(settings.lang)
        refresh(ctx.command)
    elif param.name == "store":
        settings.store = value
    elif param.name == "method_files":
        settings.method_files = (*settings.method_files, *value)
    elif param.name == "builtin_only":
        settings.builtin_only = True
    elif param.name == "verbose":
        settings.verbosity += value
        configure_logging(settings.verbosity)
