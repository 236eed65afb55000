"""Every CLI test gets its own store: never the user's real data directory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from intervision.cli import main

Invoke = Callable[..., Result]

#: One whole incident meeting, as a facilitator types it. Every case text is a
#: planted marker, so a test can tell exactly where case content ends up.
INCIDENT_OPENING = [
    "",  # opening: Enter
    "",  # Anna passes
    "GEHEIM-leervraag-123 hoe ga ik om met een boze ouder?",  # Bram
    "GEHEIM-leervraag-456",  # Carla
    "",  # Dirk passes
    "1",  # Bram's leervraag
    "",  # Bram agrees
    "incident",
    "",  # Bram agrees to the method
    "Bram: s: GEHEIM-situatie-1",
    "verder",
    "Carla: q: GEHEIM-vraag-2",
    "Bram r GEHEIM-antwoord-3",
    "next",
    "Dirk: an: GEHEIM-analyse-4",
    "verder",
]
INCIDENT_REST = [
    "Carla: ad: GEHEIM-advies-5",
    "Dirk advies GEHEIM-advies-6",
    "verder",
    "besluit GEHEIM-besluit-7 #C5",
    "verder",
    "",  # no second case
    "GEHEIM-herkenning-a",
    "GEHEIM-herkenning-b",
    "GEHEIM-herkenning-c",
    "GEHEIM-herkenning-d",
    "GEHEIM-evaluatie-8",
    "",  # close
]
PLANTED = [
    "GEHEIM-leervraag-123",
    "GEHEIM-leervraag-456",
    "GEHEIM-situatie-1",
    "GEHEIM-vraag-2",
    "GEHEIM-antwoord-3",
    "GEHEIM-analyse-4",
    "GEHEIM-advies-5",
    "GEHEIM-advies-6",
    "GEHEIM-besluit-7",
    "GEHEIM-herkenning-a",
    "GEHEIM-evaluatie-8",
]
MEMBERS = ["--members", "Anna,Bram,Carla,Dirk", "--facilitator", "Anna"]

#: A small TOML method with what the incident method lacks: a loop back, consensus,
#: everyone's turn and a phase that nests a module (the module is its own file).
LOOPER = """
id = "looper"
version = "1.0"
derived = true
title = { nl = "Lusmethode", en = "Loop method" }
summary = { nl = "Een kleine methode met een lus.", en = "A small method with a loop." }
fit = { minutes = 20, group_min = 3 }

[[phases]]
id = "tell"
title = { nl = "Vertellen", en = "Telling" }
minutes = 5
allowed = { inbrenger = ["statement"] }

[[phases]]
id = "advise"
title = { nl = "Adviseren", en = "Advising" }
minutes = 5
inbrenger_mode = "listens"
consensus = true
everyone_contributes = true
allowed = { participant = ["advice"] }

[[phases.loops]]
id = "not_helped"
to = "tell"
title = { nl = "Nog niet geholpen", en = "Not helped yet" }

[[phases]]
id = "consult"
title = { nl = "Werkvorm", en = "Module" }
minutes = 10
nested = { choose_from = ["mini-module"] }
"""

MINI_MODULE = """
id = "mini-module"
version = "1.0"
kind = "module"
derived = true
title = { nl = "Minimodule", en = "Mini module" }
summary = { nl = "Eén ronde ideeën.", en = "One round of ideas." }
fit = { minutes = 5 }

[[phases]]
id = "ideas"
title = { nl = "Ideeën", en = "Ideas" }
minutes = 5
inbrenger_mode = "listens"
allowed = { participant = ["advice"] }
"""


@pytest.fixture
def looper(tmp_path: Path) -> list[str]:
    """The group options that load the loop method and the module it nests."""
    method, module = tmp_path / "looper.toml", tmp_path / "mini.toml"
    method.write_text(LOOPER, encoding="utf-8")
    module.write_text(MINI_MODULE, encoding="utf-8")
    return ["--method-file", str(method), "--method-file", str(module)]


def lines(*parts: list[str]) -> str:
    return "".join(f"{line}\n" for part in parts for line in part)


@dataclass(frozen=True)
class Scripts:
    """The incident meeting in two halves (the cut is right after the analysis phase)."""

    opening: list[str]
    rest: list[str]
    planted: list[str]
    members: list[str]

    @property
    def whole(self) -> str:
        return lines(self.opening, self.rest)

    @staticmethod
    def lines(*parts: list[str]) -> str:
        return lines(*parts)


@pytest.fixture
def incident() -> Scripts:
    return Scripts(list(INCIDENT_OPENING), list(INCIDENT_REST), list(PLANTED), list(MEMBERS))


@pytest.fixture(autouse=True)
def no_user_methods(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """An empty methods folder: no TOML file of the developer's own leaks into a test."""
    folder = tmp_path_factory.mktemp("user-methods")
    monkeypatch.setenv("INTERVISION_METHODS_DIR", str(folder))
    return folder


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "meetings.sqlite3"
    monkeypatch.setenv("INTERVISION_STORE", str(path))
    monkeypatch.delenv("INTERVISION_LANG", raising=False)
    monkeypatch.delenv("INTERVISION_STRICT_PLUGINS", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return path


@pytest.fixture
def invoke(store: Path) -> Invoke:
    def run(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(main, ["--store", str(store), *args], input=input)

    return run
