"""``intervision store``: the store itself: is it there, and rebuilding its read models.

The read models (each meeting's digest, each group's counts) are written with the
events and rebuilt by themselves when a newer intervision opens an older store.
``store rebuild`` does it on demand: after a store was restored from a backup of
its events only, say, or to find out whether every meeting can still be read
(each one that cannot is named with its version, never with what it holds).
The words are kept here, as in :mod:`.key_cmd`, as only these commands say them.
"""

from __future__ import annotations

import click

from .console import say
from .settings import Settings, pass_settings
from .texts import Lang, said
from .texts import t as say_t

__all__ = ["TEXTS", "store"]

_TEXTS: dict[str, tuple[str, str]] = {
    "rebuilt": (
        "De overzichten van {n} bijeenkomst(en) zijn opnieuw opgebouwd uit de opslag.",
        "The summaries of {n} meeting(s) were rebuilt from the store.",
    ),
    "damaged": (
        "{n} bijeenkomst(en) konden niet gelezen worden en staan niet in de overzichten:",
        "{n} meeting(s) could not be read and are left out of the summaries:",
    ),
    "up": ("De opslag is bereikbaar.", "The store can be reached."),
}


#: Every text here, for a language pack to translate (``intervision check LANG``).
TEXTS = _TEXTS


def t(lang: Lang, key: str, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``values`` filled in."""
    return said(lang, _TEXTS[key], values)


@click.group()
def store() -> None:
    """The store: check that it can be reached, rebuild its read models."""


@store.command()
@pass_settings
def rebuild(settings: Settings) -> None:
    """Rebuild the summaries every listing and group history reads, from the events.

    Exit code 6 when a meeting cannot be read (it is named, with the version).
    """
    from intervision.engine import StoreError

    from .main import one_line

    engine = settings.open_engine()
    rebuilt = engine.journal.rebuild_read_models()
    say(t(settings.lang, "rebuilt", n=rebuilt.meetings))
    if rebuilt.damaged:
        say(t(settings.lang, "damaged", n=len(rebuilt.damaged)))
        for message in rebuilt.damaged:
            click.echo(say_t(settings.lang, "error", text=one_line(message)), err=True)
        raise SystemExit(StoreError.exit_code)


@store.command()
@pass_settings
def check(settings: Settings) -> None:
    """Check that the store can be reached now (exit code 6 when it cannot)."""
    engine = settings.open_engine()
    engine.journal.check_available()
    say(t(settings.lang, "up"))
