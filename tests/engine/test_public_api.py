"""The public API is pinned: adding or removing a name is a deliberate, reviewed change."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

import intervision.engine as api
from intervision.engine import errors

PUBLIC_API = [
    "CONTRIBUTION_KINDS",
    "FRAME",
    "FRAME_STEPS",
    "HOOK_API_VERSION",
    "KIND_TITLES",
    "STANDARD_ROLES",
    "Advance",
    "ChooseCase",
    "ChooseMethod",
    "ChooseModule",
    "Close",
    "Command",
    "CommandRefused",
    "ConcurrencyError",
    "Contribute",
    "Contribution",
    "CorruptJournalError",
    "Decide",
    "DecisionSpec",
    "DuplicateMethodError",
    "Engine",
    "Extend",
    "Fit",
    "GroupContract",
    "GroupError",
    "GroupMember",
    "GroupState",
    "HandOver",
    "IntervisionError",
    "Journal",
    "LabelSpec",
    "LoopSpec",
    "Meeting",
    "MeetingError",
    "MeetingNotFoundError",
    "MeetingState",
    "MemoryJournal",
    "MethodSpec",
    "NestSpec",
    "NotAMemberError",
    "PassLeervraag",
    "PhaseSpec",
    "PluginError",
    "PluginInfo",
    "PostgresJournal",
    "Problem",
    "RecordConsensus",
    "Refusal",
    "Registry",
    "Reveal",
    "RoleSpec",
    "RuleContext",
    "RuleKind",
    "RuleRef",
    "SeriesPlan",
    "Skip",
    "SpecError",
    "SqliteJournal",
    "StoreError",
    "SubmitLeervraag",
    "Subscriber",
    "TakeLoop",
    "Text",
    "UnknownMethodError",
    "VariantSpec",
    "WrongPhaseError",
    "check_method",
    "default_store_path",
    "dump_method",
    "hookimpl",
    "hookspec",
    "load_method_file",
    "load_registry",
    "mermaid",
    "open_engine",
    "replay",
    "user_methods_dir",
]


def test_all_is_pinned() -> None:
    assert set(api.__all__) - set(PUBLIC_API) == set(), "added to the public API"
    assert set(PUBLIC_API) - set(api.__all__) == set(), "removed from the public API"
    assert len(set(api.__all__)) == len(api.__all__), "a name is listed twice"


def test_all_is_sorted() -> None:
    # ruff's RUF022 order: SCREAMING_CASE, then CamelCase, then the rest
    assert api.__all__ == PUBLIC_API


def test_the_package_has_a_docstring() -> None:
    assert (api.__doc__ or "").strip()


@pytest.mark.parametrize("name", PUBLIC_API)
def test_every_public_name_is_importable(name: str) -> None:
    module = importlib.import_module("intervision.engine")
    assert hasattr(module, name)
    namespace: dict[str, object] = {}
    exec(f"from intervision.engine import {name}", namespace)
    assert namespace[name] is getattr(api, name)


def _documentable() -> list[str]:
    """Classes and functions; constants, type aliases and hook markers have no docstring."""
    return [
        name
        for name in PUBLIC_API
        if inspect.isclass(getattr(api, name)) or inspect.isfunction(getattr(api, name))
    ]


@pytest.mark.parametrize("name", _documentable())
def test_every_public_class_and_function_is_documented(name: str) -> None:
    obj = getattr(api, name)
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
    ("GroupError", "IntervisionError"),
    ("MeetingError", "IntervisionError"),
    ("MeetingNotFoundError", "MeetingError"),
    ("NotAMemberError", "MeetingError"),
    ("CommandRefused", "MeetingError"),
    ("WrongPhaseError", "CommandRefused"),
    ("ConcurrencyError", "MeetingError"),
    ("StoreError", "IntervisionError"),
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
    with api.open_engine(str(store)) as engine:
        engine.groups.create("Team")

    with pytest.raises(api.StoreError, match="closed"):
        engine.groups.all()
