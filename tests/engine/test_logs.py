"""The engine's loggers: the same lines as structlog's own, and no fields worked out for nobody."""

from __future__ import annotations

import logging

import pytest
import structlog
from structlog.testing import capture_logs

from intervision.engine import Engine, MemoryJournal, Registry
from intervision.engine.core.logs import get_logger


def test_a_filtering_logger_says_which_levels_it_keeps() -> None:
    log = get_logger("intervision.test")
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    assert not log.enabled_for(logging.INFO)
    assert log.enabled_for(logging.ERROR)
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG))
    assert log.enabled_for(logging.INFO)


def test_a_cached_logger_is_asked_once_and_answers_as_it_logs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With ``cache_logger_on_first_use`` structlog keeps the logger it assembled, and
    a later configuration does not reach it: the answer must follow that logger."""
    log = get_logger("intervision.test.cached")
    structlog.configure(
        wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING),
        cache_logger_on_first_use=True,
    )
    assert not log.enabled_for(logging.INFO)
    structlog.configure(
        wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG),
        cache_logger_on_first_use=True,
    )
    log.info("still_filtered")
    log.warning("kept")
    out = capsys.readouterr().out
    assert "still_filtered" not in out and "kept" in out
    assert not log.enabled_for(logging.INFO)
    assert log.enabled_for(logging.WARNING)


def test_an_uncached_logger_follows_each_new_configuration() -> None:
    log = get_logger("intervision.test.uncached")
    for level, enabled in ((logging.WARNING, False), (logging.DEBUG, True)) * 2:
        structlog.configure(
            wrapper_class=structlog.make_filtering_bound_logger(level),
            cache_logger_on_first_use=False,
        )
        assert log.enabled_for(logging.INFO) is enabled


def test_any_other_wrapper_keeps_every_level_and_logs_nothing_for_asking() -> None:
    log = get_logger("intervision.test")
    structlog.configure(wrapper_class=structlog.BoundLogger)
    with capture_logs() as logs:
        assert log.enabled_for(logging.DEBUG)
    assert logs == []


def test_an_accepted_command_is_logged_with_the_roles_of_who_asked(
    registry: Registry,
) -> None:
    engine = Engine(MemoryJournal(), registry)
    meeting = engine.start_meeting(["Anna", "Bram", "Cas"], facilitator="Anna")
    with capture_logs() as logs:
        meeting.advance("Anna")
    accepted = [line for line in logs if line["event"] == "command_accepted"]
    assert accepted and accepted[0]["command"] == "advance"
    assert accepted[0]["roles"] == ["facilitator", "participant"]
    assert accepted[0]["kind"] is None
