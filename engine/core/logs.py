"""The engine's loggers: quiet unless someone asked to hear them, and free when unheard.

A library must not print. So a :class:`Logger` hands its lines to structlog only when
structlog is in charge: a program configured it (``structlog.configure``, or
``structlog.testing.capture_logs``), or asked the engine to configure it before the
first line (the CLI, :func:`configure_before_first_log`). Otherwise the line goes to
the standard library's ``logging`` under the same name (``intervision.engine``, ...),
which keeps nothing unless the host configured logging; a line nobody keeps costs a
level check, and structlog is never imported for it. Importing structlog costs as
much as the rest of ``intervision methods`` together (it imports its console
renderer, which imports rich, and its stdlib bridge, which imports asyncio).

A program that configures structlog for the engine, like the CLI, passes its
configuration to :func:`configure_before_first_log` instead of importing structlog
itself: it runs at once if structlog is already imported, else just before the
engine's first line that is kept. With the level it keeps, a line below it (the
engine's debug line for a meeting loaded, at the CLI's default WARNING) is dropped
without importing structlog at all: a one-shot command logs nothing, and pays nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

__all__ = ["Logger", "configure_before_first_log", "configure_if_structlog_loaded", "get_logger"]

_pending: Callable[[], None] | None = None
#: The lowest level the waiting configuration keeps: lower lines are dropped unseen.
_pending_level = 0


def configure_before_first_log(configure: Callable[[], None], level: int = 0) -> None:
    """Run ``configure`` (which configures structlog) now, or before the first line
    logged at ``level`` or above (``logging.WARNING``, ...): the level the
    configuration keeps, so that a line it would drop never imports structlog.

    A later call replaces a configuration not yet run.
    """
    global _pending, _pending_level
    if "structlog" in sys.modules:
        _pending = None
        configure()
    else:
        _pending, _pending_level = configure, level


def configure_if_structlog_loaded() -> None:
    """Run a waiting configuration if something else (a plugin) has imported structlog."""
    global _pending
    if _pending is not None and "structlog" in sys.modules:
        configure, _pending = _pending, None
        configure()


def _structlog_in_charge() -> bool:
    """Whether lines go to structlog: a configuration waits, or one was made."""
    if _pending is not None:
        return True
    structlog = sys.modules.get("structlog")
    return structlog is not None and bool(structlog.is_configured())


def _stdlib(name: str) -> Any:
    import logging

    return logging.getLogger(name)


def _structlog_logger(name: str) -> Any:
    global _pending
    import structlog

    configure, _pending = _pending, None
    if configure is not None:
        configure()
    return structlog.get_logger(name)


class Logger:
    """A structlog logger that imports structlog only when a line is logged."""

    __slots__ = ("_levels", "_logger", "_name")

    def __init__(self, name: str) -> None:
        self._name = name
        self._logger: Any = None
        #: level -> enabled, once structlog has cached the assembled logger.
        self._levels: dict[int, bool] = {}

    def _bound(self) -> Any:
        if self._logger is None:
            self._logger = _structlog_logger(self._name)
        return self._logger

    def enabled_for(self, level: int) -> bool:
        """Whether a line at ``level`` (``logging.INFO``, ...) would be kept.

        Lets a caller skip working out the fields of a line nobody keeps. Without
        structlog in charge, the standard library's logger answers. Of structlog's
        loggers only the filtering ones know (its default, and what
        ``make_filtering_bound_logger`` makes); with any other wrapper: yes.

        The engine asks on every command. Once structlog has cached the logger it
        assembled (``cache_logger_on_first_use``), a new configuration no longer
        reaches that logger, so neither can it change the answer: it is kept.
        """
        if self._logger is None and not _structlog_in_charge():
            return bool(_stdlib(self._name).isEnabledFor(level))
        if self._logger is None and _pending is not None and level < _pending_level:
            return False
        known = self._levels.get(level)
        if known is not None:
            return known
        proxy = bound = self._bound()
        if hasattr(type(bound), "bind"):  # a lazy proxy: the logger it stands for
            bound = bound.bind()
        check = getattr(type(bound), "is_enabled_for", None)
        enabled = True if check is None else bool(check(bound, level))
        if "bind" in getattr(proxy, "__dict__", ()):  # structlog cached the logger
            self._levels[level] = enabled
        return enabled

    def _log(self, level: int, method: str, event: str, fields: dict[str, Any]) -> None:
        if self._logger is None and not _structlog_in_charge():
            logger = _stdlib(self._name)
            if logger.isEnabledFor(level):
                logger.log(level, "%s %s", event, " ".join(f"{k}={v!r}" for k, v in fields.items()))
            return
        if self._logger is None and _pending is not None and level < _pending_level:
            return  # the waiting configuration would drop it: no need to import structlog
        getattr(self._bound(), method)(event, **fields)

    def debug(self, event: str, /, **fields: Any) -> None:
        self._log(10, "debug", event, fields)

    def info(self, event: str, /, **fields: Any) -> None:
        self._log(20, "info", event, fields)

    def warning(self, event: str, /, **fields: Any) -> None:
        self._log(30, "warning", event, fields)

    def error(self, event: str, /, **fields: Any) -> None:
        self._log(40, "error", event, fields)


def get_logger(name: str) -> Logger:
    """A logger for ``name`` that costs nothing until a line is kept (see :class:`Logger`)."""
    return Logger(name)
