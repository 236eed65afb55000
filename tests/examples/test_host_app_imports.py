"""The example host app uses intervision's public API only, so host developers can copy it.

Read from the source (its syntax tree), not from what happens to run: an import of
a private module, a name outside a public package's ``__all__`` or a reach into
another object's private attribute fails here even on a path no test drives.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

#: Each public package of the engine and its public names, read from the package.
PUBLIC = {
    name: set(importlib.import_module(name).__all__)
    for name in (
        "intervision.engine",
        *(
            f"intervision.engine.{part}"
            for part in ("storage", "groups", "series", "recommend", "reports", "authoring")
        ),
    )
}

APP = Path(__file__).parents[2] / "examples" / "host_app"
MODULES = sorted(APP.glob("*.py"))


def private_uses(source: str) -> list[str]:
    """What the source takes from intervision beyond its public API."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "intervision"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module in PUBLIC:
                public = PUBLIC[node.module]
                found += [f"{node.module}.{a.name}" for a in node.names if a.name not in public]
            elif node.module.split(".")[0] == "intervision":
                found.append(node.module)
        elif (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and not (isinstance(node.value, ast.Name) and node.value.id == "self")
        ):
            found.append(f"{ast.unparse(node.value)}.{node.attr}")
    return found


def test_the_app_has_its_modules() -> None:
    assert {p.name for p in MODULES} >= {"__init__.py", "app.py", "stream.py", "views.py"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_each_module_uses_only_the_public_api(path: Path) -> None:
    assert private_uses(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_each_module_says_why_it_exists(path: Path) -> None:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring is not None and len(docstring.split()) >= 12, path.name


def test_the_check_catches_private_uses() -> None:
    source = (
        "import intervision.engine.core.state\n"
        "from intervision.engine.storage.sqlite import SqliteJournal\n"
        "from intervision.engine.storage import open_engine, EncryptedJournal\n"
        "from intervision.engine.groups import decode_rows\n"
        "from intervision.engine import Engine, StateCache\n"
        "from intervision.cli import main\n"
        "from .views import position\n"
        "engine._states.clear()\n"
        "self._lock\n"
    )
    assert private_uses(source) == [
        "intervision.engine.core.state",
        "intervision.engine.storage.sqlite",
        "intervision.engine.groups.decode_rows",
        "intervision.engine.StateCache",
        "intervision.cli",
        "engine._states",
    ]
