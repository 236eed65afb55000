"""``intervision plugins``: a report that exits 0 even when a plugin is broken."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import Result

from intervision import engine
from intervision.engine import hookimpl

Invoke = Callable[..., Result]


class _Broken:
    @hookimpl
    def intervision_methods(self) -> list[Any]:
        raise RuntimeError("boom")


@pytest.fixture
def with_broken_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    real = engine.load_registry

    def load(**kwargs: Any) -> engine.Registry:
        return real(extra=[("broken_demo", _Broken())], **kwargs)

    monkeypatch.setattr(engine, "load_registry", load)


def test_lists_each_plugin_with_distribution_version_and_methods(invoke: Invoke) -> None:
    result = invoke("--lang", "en", "plugins")
    assert result.exit_code == 0
    out = result.stdout
    assert "incident  intervision" in out
    assert "methods: incident" in out
    assert re.search(r"^\d+ plugins loaded\.$", out, re.M)


def test_a_broken_plugin_is_reported_and_counted_but_exit_is_0(
    invoke: Invoke, with_broken_plugin: None
) -> None:
    result = invoke("--lang", "en", "plugins")
    assert result.exit_code == 0
    assert "broken_demo" in result.stdout
    assert "FAILED:" in result.stdout and "boom" in result.stdout
    assert re.search(r"^1 of \d+ plugins failed to load\.$", result.stdout, re.M)
    assert "methods: incident" in result.stdout


def test_json_has_ok_and_errors(invoke: Invoke, with_broken_plugin: None) -> None:
    data = {p["name"]: p for p in json.loads(invoke("plugins", "--json").stdout)}
    assert data["incident"]["ok"] is True
    assert data["incident"]["methods"] == ["incident"]
    assert data["broken_demo"]["ok"] is False
    assert "boom" in data["broken_demo"]["errors"][0]


def test_dutch_report(invoke: Invoke, with_broken_plugin: None) -> None:
    out = invoke("--lang", "nl", "plugins").stdout
    assert re.search(r"^Niet geladen: 1 van de \d+ plugins\.$", out, re.M)


def test_builtin_only_leaves_out_plugins_and_method_files(invoke: Invoke) -> None:
    everything = json.loads(invoke("plugins", "--json").stdout)
    builtin = json.loads(invoke("--builtin-only", "plugins", "--json").stdout)
    assert {p["distribution"] for p in everything} > {"intervision"}
    assert {p["distribution"] for p in builtin} == {"intervision"}
