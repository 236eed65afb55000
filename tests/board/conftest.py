"""Fixtures for the board: a meeting on a board, reached over HTTP as a browser would."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from board_room import NAMES, ORIGIN, Room
from starlette.testclient import TestClient

from intervision.cli.board.app import create_app
from intervision.cli.board.passes import PassBook
from intervision.engine import Engine, MemoryJournal, Registry


@pytest.fixture
def board_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "board"
    monkeypatch.setenv("INTERVISION_BOARD_DIR", str(folder))
    return folder


@pytest.fixture
def make_room(registry: Registry, board_dir: Path) -> Iterator[Any]:
    """A board on a new meeting of ``NAMES`` (Anna facilitates), in ``lang``."""
    with contextlib.ExitStack() as stack:

        def make(lang: str = "nl", *, engine: Engine | None = None, group: Any = None) -> Room:
            engine = engine or Engine(MemoryJournal(), registry)
            meeting = engine.start_meeting(group or NAMES, facilitator="Anna", lang=lang)
            book = PassBook(board_dir)
            app = create_app(engine, book, hosts=["testserver"], base_url=ORIGIN, tick=0.05)
            client = stack.enter_context(TestClient(app))
            return Room(client, engine, meeting, book)

        yield make


@pytest.fixture
def room(make_room: Any) -> Room:
    return make_room()
