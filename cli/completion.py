"""Shell completion of what a command names: method ids, group ids, meeting ids.

click completes commands and options itself (``_INTERVISION_COMPLETE=bash_source
intervision``, see the README); these functions add the values that live in the
store or the installed methods. Completion runs before the group's options are
acted on, so each function reads ``--store`` from the command line itself, and
fails silent: a store that cannot be opened completes nothing rather than printing
an error into the shell's line.
"""

from __future__ import annotations

import click
from click.shell_completion import CompletionItem

__all__ = ["complete_groups", "complete_meetings", "complete_methods", "complete_targets"]


def _store(ctx: click.Context) -> str | None:
    """``--store`` as typed so far, after the subcommand or before it."""
    current: click.Context | None = ctx
    while current is not None:
        store = current.params.get("store")
        if store:
            return str(store)
        current = current.parent
    return None


def _streams(ctx: click.Context, prefix: str) -> list[str]:
    """The ids of the streams (meetings and groups) that begin with ``prefix``, oldest
    first: found by the store's index, without reading the others."""
    try:
        from intervision.engine.storage import open_journal

        journal = open_journal(_store(ctx))
        try:
            return journal.streams(prefix)
        finally:
            journal.close()
    except Exception:
        return []


def complete_meetings(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Meeting ids that begin with what is typed, newest first."""
    from intervision.engine import is_meeting_stream

    ids = [i for i in _streams(ctx, incomplete) if is_meeting_stream(i)]
    return [CompletionItem(i) for i in reversed(ids)]


def complete_groups(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Group ids (made from the names, so readable without a key) that begin so."""
    prefix = "group:"
    ids = [i.removeprefix(prefix) for i in _streams(ctx, prefix + incomplete)]
    return [CompletionItem(i) for i in sorted(ids)]


def complete_targets(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """What a report is of: a group, or a meeting."""
    return [*complete_groups(ctx, param, incomplete), *complete_meetings(ctx, param, incomplete)]


def complete_methods(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Installed method ids, with their titles where the shell shows them (zsh, fish)."""
    found: list[tuple[str, str]] = []
    try:
        from . import methods_cache

        cached = methods_cache.start(False, ()).cached()
        if cached is not None:
            found = [(str(m["id"]), str(m["title"]["en"])) for m in cached]
        else:
            from intervision.engine import load_registry

            found = [(m.id, m.title("en")) for m in load_registry().methods()]
    except Exception:
        return []
    return [CompletionItem(i, help=title) for i, title in found if i.startswith(incomplete)]
