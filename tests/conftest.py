"""Shared fixtures: the installed registry, and meetings driven to a given point."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import postgres_cluster
import pytest
import structlog
from support import FACILITATOR, INBRENGER, MEMBERS, to_case_choice

from intervision.engine import Engine, Meeting, MemoryJournal, Registry, load_registry


@pytest.fixture(autouse=True)
def _fresh_structlog() -> Iterator[None]:
    """The CLI configures structlog in-process (level filter, stderr); undo it after
    each test so log capture in the next one sees every level."""
    yield
    structlog.reset_defaults()


@pytest.fixture(autouse=True)
def _no_user_methods(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TOML methods in the developer's own config folder must not leak into tests
    (subprocesses inherit the variable too)."""
    monkeypatch.setenv("INTERVISION_METHODS_DIR", str(tmp_path_factory.mktemp("no-user-methods")))


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with an empty cache (of ``intervision methods``), never the
    developer's own, and leaves nothing in it (subprocesses inherit the variable too)."""
    monkeypatch.setenv("INTERVISION_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _no_user_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own store key must not turn every test's store into an encrypted one;
    the encryption tests set a key of their own."""
    monkeypatch.delenv("INTERVISION_KEY", raising=False)
    monkeypatch.delenv("INTERVISION_KEY_FILE", raising=False)


@pytest.fixture(autouse=True)
def _no_languages_left_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    """A language pack a test loads is installed for the whole process (as gettext's
    catalogue is); each test starts with the languages there were before it."""
    from intervision.engine.core import text

    monkeypatch.setattr(text, "_CATALOGUE", {k: dict(v) for k, v in text._CATALOGUE.items()})


@pytest.fixture(scope="session")
def registry() -> Registry:
    registry = load_registry(strict=True)
    return registry


@pytest.fixture
def engine(registry: Registry) -> Engine:
    return Engine(MemoryJournal(), registry)


@pytest.fixture
def start_method(engine: Engine) -> Callable[..., Meeting]:
    """Start a meeting of ``MEMBERS`` and take it into the first phase of a method."""

    def start(method_id: str, members: list[str] | None = None, lang: str = "en") -> Meeting:
        meeting = engine.start_meeting(members or MEMBERS, facilitator="Anna", lang=lang)
        to_case_choice(meeting)
        meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
        meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True)
        return meeting

    return start


# -- PostgreSQL ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server to test against; see ``postgres_cluster``."""
    if os.environ.get(postgres_cluster.SKIP_ENV, "").strip() not in ("", "0"):
        pytest.skip(f"PostgreSQL tests skipped on request: {postgres_cluster.SKIP_ENV} is set")
    external = os.environ.get(postgres_cluster.URL_ENV)
    if external:
        yield external
        return
    bindir = postgres_cluster.find_bindir()
    if bindir is None:
        pytest.fail(
            "the PostgreSQL tests need the PostgreSQL server programs (initdb, pg_ctl) to "
            "start a throwaway server: install them (Debian: apt-get install postgresql; "
            f".ci/run does this), or name a server in {postgres_cluster.URL_ENV}, or set "
            f"{postgres_cluster.SKIP_ENV}=1 to skip them",
            pytrace=False,
        )
    cluster = postgres_cluster.Cluster(bindir)
    try:
        try:
            url = cluster.start()
        except postgres_cluster.NoPostgres as exc:
            pytest.fail(f"could not start a throwaway PostgreSQL server: {exc}", pytrace=False)
        yield url
    finally:
        cluster.stop()


@pytest.fixture
def postgres_store(postgres_server: str) -> str:
    """The URL of a new, empty database: each test starts from nothing."""
    return postgres_cluster.new_database(postgres_server)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty store, once as a SQLite file and once as a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "intervision.sqlite3")
    url: str = request.getfixturevalue("postgres_store")
    return url


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if os.environ.get(postgres_cluster.SKIP_ENV, "").strip() not in ("", "0"):
        terminalreporter.write_line(
            f"NOTE: the PostgreSQL tests were skipped because {postgres_cluster.SKIP_ENV} is set",
            yellow=True,
        )


@pytest.fixture(params=["sqlite", "postgres"])
def shared_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store several processes can share: a new SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('shared') / 'store.sqlite3'}"
    return str(request.getfixturevalue("postgres_store"))
