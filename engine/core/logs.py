"""The engine's loggers: structlog, imported on the first line actually logged.

Importing structlog costs as much as the rest of ``intervision methods`` together
(it imports its console renderer, which imports rich, and its stdlib bridge, which
imports asyncio), while most CLI commands and many host-app processes never log a
line. So each module gets a :class:`Logger` that imports structlog when it is first
called and then hands every call to ``structlog.get_logger(name)``: whatever the host
configured (or ``structlog.testing.capture_logs``) applies as before.

A program that configures structlog for the engine, like the CLI, passes its
configuration to :func:`configure_before_first_log` instead of importing structlog
itself: it runs at once if structlog is already imported, else just before the
engine's first line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

__all__ = ["Logger", "configure_before_first_log", "configure_if_structlog_loaded", "get_logger"]

_pending: Callable[[], None] | None = None


def configure_before_first_log(configure: Callable[[], None]) -> None:
    """Run ``configure`` (which configures structlog) now, or before the first line logged.

    A later call replaces a configuration not yet run.
    """
    global _pending
    if "structlog" in sys.modules:
        _pending = None
        configure()
    else:
        _pending = configure


def configure_if_structlog_loaded() -> None:
    """Run a waiting configuration if something else (a plugin) has imported structlog."""
    global _pending
    if _pending is not None and "structlog" in sys.modules:
        configure, _pending = _pending, None
        configure()


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

        Lets a caller skip working out the fields of a line nobody keeps. Only
        structlog's filtering loggers know (its default, and what
        ``make_filtering_bound_logger`` makes); with any other wrapper: yes.

        The engine asks on every command. Once structlog has cached the logger it
        assembled (``cache_logger_on_first_use``), a new configuration no longer
        reaches that logger, so neither can it change the answer: it is kept.
        """
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

    def debug(self, event: str, /, **fields: Any) -> None:
        self._bound().debug(event, **fields)

    def info(self, event: str, /, **fields: Any) -> None:
        self._bound().info(event, **fields)

    def warning(self, event: str, /, **fields: Any) -> None:
        self._bound().warning(event, **fields)

    def error(self, event: str, /, **fields: Any) -> None:
        self._bound().error(event, **fields)


def get_logger(name: str) -> Logger:
    """A logger for ``name`` that costs nothing until a line is kept (see :class:`Logger`)."""
    return Logger(name)
