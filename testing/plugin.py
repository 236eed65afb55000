"""The pytest plugin for method authors, loaded through the ``pytest11`` entry point.

Fixtures are prefixed ``intervision_`` so they never clash with a project's own.
Which plugins a test sees is explicit: by default every installed one (as a
facilitator's machine has them); with the ``intervision_plugins`` marker only
the plugin objects named there, so a method is tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

import pytest
import structlog

from intervision.engine import Engine, Meeting, MemoryJournal, Registry, load_registry

from .meetings import start

__all__ = [
    "intervision_engine",
    "intervision_logs",
    "intervision_meeting",
    "intervision_registry",
]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "intervision_plugins(*plugins, entry_points=False): the plugin objects (modules "
        "or instances with @hookimpl functions) the intervision_registry holds",
    )


@pytest.fixture
def intervision_registry(request: pytest.FixtureRequest) -> Registry:
    """A registry in strict mode: every installed plugin, or only the ones the
    ``intervision_plugins`` marker names (plus installed ones with ``entry_points=True``)."""
    marker = request.node.get_closest_marker("intervision_plugins")
    if marker is None:
        return load_registry(strict=True, user_methods=False)
    plugins = [(getattr(p, "__name__", type(p).__name__), p) for p in marker.args]
    return load_registry(
        strict=True,
        user_methods=False,
        entry_points=bool(marker.kwargs.get("entry_points", False)),
        extra=plugins,
    )


@pytest.fixture
def intervision_engine(intervision_registry: Registry) -> Engine:
    """An engine with an in-memory journal over ``intervision_registry``."""
    return Engine(MemoryJournal(), intervision_registry)


@pytest.fixture
def intervision_meeting(intervision_engine: Engine) -> Callable[..., Meeting]:
    """``intervision_meeting("my-method")``: a meeting of a group the method accepts,
    already in the method's first phase (Anna facilitates, Bram brings the case)."""

    def make(method_id: str, variant: str | None = None) -> Meeting:
        return start(intervision_engine, method_id, variant)

    return make


@pytest.fixture
def intervision_logs() -> Iterator[list[MutableMapping[str, Any]]]:
    """Every structlog event logged during the test, at every level."""
    with structlog.testing.capture_logs() as logs:
        yield logs
