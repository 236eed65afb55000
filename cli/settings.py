"""What the group options decided, shared by every command.

Its own module so that the commands can depend on it without importing the group
that registers them.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any, TextIO

import click

if TYPE_CHECKING:
    from intervision.engine import Engine, Registry

    from .texts import Lang

__all__ = [
    "LANG_ENV",
    "LANG_TYPE",
    "Settings",
    "configure_logging",
    "default_lang",
    "pass_settings",
]

LANG_ENV = "INTERVISION_LANG"
_CODE = re.compile(r"^[a-z]{2,3}$")


if TYPE_CHECKING:  # generic only in click's stubs from 8.2; click 8.1 is supported
    _ParamType = click.ParamType[str, Any]
else:
    _ParamType = click.ParamType


class _Language(_ParamType):
    """``--lang``: ``nl``, ``en`` or the code of a language a pack adds (``de``).

    Only the form is checked here; whether a pack for it is installed is known once
    the plugins are loaded (:meth:`Settings.language`), which ``--help`` should not wait for.
    """

    name = "nl|en|CODE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        code = str(value).strip().lower()
        if not _CODE.match(code):
            from .texts import t

            self.fail(t(default_lang()[0], "lang.form", value=value), param, ctx)
        return code


LANG_TYPE = _Language()


class Settings:
    """A plain class, not a dataclass: ``intervision --help`` imports this module, and
    the dataclass machinery would be most of its cost."""

    __slots__ = (
        "_registry",
        "builtin_only",
        "lang",
        "lang_explicit",
        "method_files",
        "store",
        "verbosity",
    )

    def __init__(
        self,
        lang: Lang,
        lang_explicit: bool,
        store: str | None,
        verbosity: int,
        method_files: tuple[str, ...] = (),
        builtin_only: bool = False,
    ) -> None:
        self.lang = lang
        #: Chosen on purpose (``--lang`` or ``INTERVISION_LANG``), not guessed from the
        #: locale: only then does it override the language a resumed meeting started in.
        self.lang_explicit = lang_explicit
        self.store = store
        self.verbosity = verbosity
        #: TOML methods named with ``--method-file``, loaded next to the installed ones.
        self.method_files = method_files
        #: ``--builtin-only``: no third-party plugins and no method files, to find out
        #: whether a problem comes from a plugin.
        self.builtin_only = builtin_only
        self._registry: Registry | None = None

    def registry(self) -> Registry:
        """The one place the CLI builds its registry, so every command sees the same methods.

        Built once per command: loading imports every plugin and reads every method file.
        """
        if self._registry is None:
            from intervision.engine import configure_if_structlog_loaded, load_registry

            self._registry = load_registry(
                method_files=() if self.builtin_only else self.method_files,
                user_methods=not self.builtin_only,
                builtin_only=self.builtin_only,
            )
            configure_if_structlog_loaded()  # a plugin may log through structlog itself
            from .collector import started

            started()  # what the command starts with is built
        return self._registry

    def language(self, code: str) -> Lang:
        """``code`` if the screen can speak it: Dutch, English, or a language an
        installed pack adds; else a usage error naming the languages there are."""
        if code in ("nl", "en"):
            return code
        registry = self.registry()
        if code in registry.languages:
            return code
        from .texts import t

        known = ", ".join(
            [*("nl", "en"), *(f"{c} ({p.name})" for c, p in registry.languages.items())]
        )
        raise click.UsageError(t(self.lang, "lang.unknown", code=code, known=known))

    def open_engine(self) -> Engine:
        """An engine on the chosen store; its journal is closed when the command ends.

        Its clock runs ``INTERVISION_TIME_SCALE`` times as fast as the real one (for
        tests and demos; see :mod:`intervision.cli.timebox`).
        """
        from intervision.engine import Engine
        from intervision.engine.storage import open_journal

        from .texts import t
        from .timebox import TIME_SCALE_ENV, scaled_clock, time_scale

        try:
            scale = time_scale()
        except ValueError:
            value = os.environ.get(TIME_SCALE_ENV, "")
            raise click.UsageError(t(self.lang, "timebox.bad_scale", value=value)) from None
        journal = open_journal(self.store)
        engine = Engine(journal, self.registry(), clock=scaled_clock(scale))
        click.get_current_context().call_on_close(engine.journal.close)
        return engine


pass_settings = click.make_pass_decorator(Settings)


def default_lang() -> tuple[Lang, bool]:
    """The language from ``INTERVISION_LANG`` (explicit), else the locale (a guess)."""
    configured = os.environ.get(LANG_ENV, "").strip().lower()
    if _CODE.match(configured):
        return configured, True
    return ("nl" if os.environ.get("LANG", "").lower().startswith("nl") else "en"), False


class _Stderr:
    """Resolves ``sys.stderr`` at each write, so logs follow a swapped stream (tests)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def configure_logging(verbosity: int) -> None:
    """Logs go to stderr: WARNING by default, INFO with -v, DEBUG with -vv.

    The engine logs ids, kinds and phase names only; stdout stays for the screen.
    structlog is configured just before the engine's first line: most commands log
    none, and importing structlog costs more than the rest of ``intervision methods``.
    """
    import logging

    from intervision.engine import configure_before_first_log

    level = {0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)

    def configure() -> None:
        import structlog

        stream: TextIO = _Stderr()  # type: ignore[assignment]
        structlog.configure(
            processors=[
                structlog.processors.add_log_level,
                structlog.processors.TimeStamper(fmt="%H:%M:%S"),
                structlog.dev.ConsoleRenderer(colors=False),
            ],
            wrapper_class=structlog.make_filtering_bound_logger(level),
            logger_factory=structlog.PrintLoggerFactory(file=stream),
            cache_logger_on_first_use=False,
        )

    configure_before_first_log(configure, level)
