"""The public API is pinned: adding or removing a name is a deliberate, reviewed change."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

import intervision.engine as api
from intervision.engine.core import errors
from intervision.engine.groups import groups_of
from intervision.engine.storage import open_engine

#: The public packages: the core, and each part built on it. Their names are read
#: from their own ``__all__``, never copied here.
PACKAGES = [
    "intervision.engine",
    *(
        f"intervision.engine.{part}"
        for part in ("storage", "groups", "series", "recommend", "reports", "authoring")
    ),
]
PUBLIC = [
    (package, name) for package in PACKAGES for name in importlib.import_module(package).__all__
]


def test_the_package_has_a_docstring() -> None:
    assert (api.__doc__ or "").strip()


@pytest.mark.parametrize(("package", "name"), PUBLIC)
def test_every_public_name_is_importable(package: str, name: str) -> None:
    module = importlib.import_module(package)
    namespace: dict[str, object] = {}
    exec(f"from {package} import {name}", namespace)
    assert namespace[name] is getattr(module, name)


def _documentable() -> list[tuple[str, str]]:
    """Classes and functions; constants, type aliases and hook markers have no docstring."""
    found = []
    for package, name in PUBLIC:
        obj = getattr(importlib.import_module(package), name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            found.append((package, name))
    return found


@pytest.mark.parametrize(("package", "name"), _documentable())
def test_every_public_class_and_function_is_documented(package: str, name: str) -> None:
    obj = getattr(importlib.import_module(package), name)
    doc = obj.__doc__ or ""
    if inspect.isclass(obj):
        # a class without its own docstring inherits none; pydantic and dataclasses
        # generate one (a signature), which does not count as documentation
        doc = obj.__dict__.get("__doc__") or ""
        generated = doc.startswith(f"{obj.__name__}(")
        assert doc.strip() and not generated, f"{name} has no docstring"
    else:
        assert doc.strip(), f"{name} has no docstring"


EXCEPTION_TREE = [
    ("PluginError", "IntervisionError"),
    ("SpecError", "PluginError"),
    ("DuplicateMethodError", "PluginError"),
    ("UnknownMethodError", "IntervisionError"),
    ("InvalidInputError", "IntervisionError"),
    ("GroupError", "IntervisionError"),
    ("MeetingError", "IntervisionError"),
    ("MeetingNotFoundError", "MeetingError"),
    ("NotAMemberError", "MeetingError"),
    ("CommandRefused", "MeetingError"),
    ("WrongPhaseError", "CommandRefused"),
    ("ConcurrencyError", "MeetingError"),
    ("RepeatedRequest", "ConcurrencyError"),
    ("StoreError", "IntervisionError"),
    ("StoreUnavailableError", "StoreError"),
    ("CorruptJournalError", "StoreError"),
]


@pytest.mark.parametrize(("child", "parent"), EXCEPTION_TREE)
def test_exception_tree(child: str, parent: str) -> None:
    assert getattr(api, child).__bases__ == (getattr(api, parent),)


def test_exception_tree_is_transitive_and_rooted() -> None:
    assert issubclass(api.SpecError, api.PluginError)
    assert issubclass(api.SpecError, api.IntervisionError)
    assert issubclass(api.WrongPhaseError, api.CommandRefused)
    assert issubclass(api.WrongPhaseError, api.MeetingError)
    assert issubclass(api.ConcurrencyError, api.MeetingError)
    assert issubclass(api.CorruptJournalError, api.StoreError)
    assert api.IntervisionError.__bases__ == (Exception,)
    assert not issubclass(api.UnknownMethodError, api.PluginError)
    assert not issubclass(api.StoreError, api.MeetingError)


def test_every_error_is_public_and_in_the_documented_tree() -> None:
    documented = {child for child, _ in EXCEPTION_TREE} | {"IntervisionError"}
    assert set(errors.__all__) == documented
    assert documented <= set(api.__all__)
    for name in documented:
        assert f" {name}" in (errors.__doc__ or ""), f"{name} missing from the tree diagram"


def test_an_engine_closes_its_journal_when_used_as_a_context_manager(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    with open_engine(str(store)) as engine:
        groups_of(engine).create("Team")

    with pytest.raises(api.StoreError, match="closed"):
        groups_of(engine).all()
