"""What the group options decided, shared by every command.

Its own module so that the commands can depend on it without importing the group
that registers them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

from .texts import Lang

if TYPE_CHECKING:
    from intervision.engine import Engine

__all__ = ["LANG_ENV", "Settings", "default_lang", "pass_settings"]

LANG_ENV = "INTERVISION_LANG"


@dataclass
class Settings:
    lang: Lang
    #: Chosen on purpose (``--lang`` or ``INTERVISION_LANG``), not guessed from the
    #: locale: only then does it override the language a resumed meeting started in.
    lang_explicit: bool
    store: str | None
    verbosity: int

    def open_engine(self) -> Engine:
        """An engine on the chosen store; its journal is closed when the command ends."""
        from intervision.engine import open_engine

        engine = open_engine(self.store)
        click.get_current_context().call_on_close(engine.journal.close)
        return engine


pass_settings = click.make_pass_decorator(Settings)


def default_lang() -> tuple[Lang, bool]:
    """The language from ``INTERVISION_LANG`` (explicit), else the locale (a guess)."""
    configured = os.environ.get(LANG_ENV, "").strip().lower()
    if configured in ("nl", "en"):
        return ("nl" if configured == "nl" else "en"), True
    return ("nl" if os.environ.get("LANG", "").lower().startswith("nl") else "en"), False
