"""docs/embedding.md runs: every code block, in order, as one host developer's session.

The guide is read against the code itself, so an API change that would make it wrong
fails here: its blocks are executed, its table of errors is compared with the
exception classes, and the example app it points to must exist as it says.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import intervision.engine as api
from intervision.engine.storage import open_engine

ROOT = Path(__file__).parents[2]
DOC = ROOT / "docs" / "embedding.md"
TEXT = DOC.read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", flags=re.MULTILINE | re.DOTALL)


def blocks() -> list[tuple[str, str]]:
    return FENCE.findall(TEXT)


def test_every_block_is_python_so_every_block_is_run() -> None:
    languages = [lang for lang, _ in blocks()]
    assert len(languages) >= 10
    assert set(languages) == {"python"}


def test_the_blocks_run_in_order_as_one_session() -> None:
    namespace: dict[str, object] = {"__name__": "embedding_doc"}
    for number, (_, source) in enumerate(blocks(), start=1):
        code = compile(source, f"docs/embedding.md, block {number}", "exec")
        exec(code, namespace)
    meeting = namespace["meeting"]
    assert isinstance(meeting, api.Meeting)
    assert (meeting.state.phase, meeting.state.version) == ("advice", 31)


def test_the_error_table_matches_the_exception_classes() -> None:
    rows = re.findall(r"^\| `(\w+)` \| `(\w+)` \| (\d+) \|", TEXT, flags=re.MULTILINE)
    errors = {name for name in api.__all__ if name.endswith("Error") or name == "CommandRefused"}
    assert {name for name, _, _ in rows} == errors
    for name, parent, code in rows:
        cls = getattr(api, name)
        assert cls.__bases__[0].__name__ == parent, name
        assert cls.exit_code == int(code), name


def test_every_public_name_the_guide_mentions_exists() -> None:
    mentioned = set(re.findall(r"`([A-Z][A-Za-z]+)`", TEXT))
    missing = {name for name in mentioned - {"Exception"} if not hasattr(api, name)}
    assert missing == set()


def test_the_example_app_is_where_the_guide_says() -> None:
    assert (ROOT / "examples" / "host_app" / "README.md").is_file()
    assert "(../examples/host_app/README.md)" in TEXT
    [target] = set(re.findall(r"uvicorn examples\.(host_app\.app):(\w+)", TEXT))
    module = importlib.import_module(target[0])
    assert hasattr(module, target[1])


def test_the_readme_points_here() -> None:
    assert "docs/embedding.md" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("store", ["memory://", ":memory:"])
def test_the_memory_stores_the_guide_names_open(store: str) -> None:
    with open_engine(store) as engine:
        assert engine.meetings() == []
