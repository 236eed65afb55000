"""intervision's engine: methods as plugins, meetings as journals, rules as checks.

This is the public API for the CLI, for method plugins and for host apps. Anything
not listed in ``__all__`` is private and may change without notice.

Each name is imported from its module on first use (PEP 562), so that a program
using part of the engine (``intervision methods`` needs the specs and the registry,
not the state machines, the journal or structlog) does not pay for the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .checker import Problem, check_method
    from .commands import (
        Advance,
        ChooseCase,
        ChooseMethod,
        ChooseModule,
        Close,
        Command,
        Contribute,
        Decide,
        Extend,
        HandOver,
        PassLeervraag,
        RecordConsensus,
        Reveal,
        Skip,
        SubmitLeervraag,
        TakeLoop,
    )
    from .diagram import mermaid
    from .engine import Engine, Subscriber
    from .errors import (
        CommandRefused,
        ConcurrencyError,
        CorruptJournalError,
        DuplicateMethodError,
        GroupError,
        IntervisionError,
        MeetingError,
        MeetingNotFoundError,
        NotAMemberError,
        PluginError,
        SpecError,
        StoreError,
        UnknownMethodError,
        WrongPhaseError,
    )
    from .frame import FRAME, FRAME_STEPS
    from .groups import GroupContract, GroupMember, GroupState, SeriesPlan
    from .hookspecs import HOOK_API_VERSION, hookimpl, hookspec
    from .journal import Journal, MemoryJournal, PostgresJournal, SqliteJournal, default_store_path
    from .meeting import Meeting
    from .method_files import dump_method, load_method_file, user_methods_dir
    from .registry import PluginInfo, Registry, load_registry
    from .rules import Refusal, RuleContext, RuleKind
    from .specs import (
        CONTRIBUTION_KINDS,
        KIND_TITLES,
        STANDARD_ROLES,
        DecisionSpec,
        Fit,
        LabelSpec,
        LoopSpec,
        MethodSpec,
        NestSpec,
        PhaseSpec,
        RoleSpec,
        RuleRef,
        VariantSpec,
    )
    from .state import Contribution, MeetingState, replay
    from .text import Text

__all__ = [
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


def open_engine(
    store: str | None = None, *, registry: Registry | None = None, key: bytes | str | None = None
) -> Engine:
    """An engine on the store at ``store``: a path, ``sqlite:///...``, ``postgresql://...``
    or ``:memory:``.

    Without ``store``: ``INTERVISION_STORE``, else the default file in the user's
    data directory. With ``key`` (else ``INTERVISION_KEY`` or ``INTERVISION_KEY_FILE``)
    the case content is encrypted at rest.
    """
    from .engine import Engine
    from .journal import open_journal

    return Engine(open_journal(store, key=key), registry)


#: Where each public name lives; ``tests/engine/test_public_api.py`` checks that it
#: covers ``__all__`` and gives the same objects as the modules themselves.
_WHERE: dict[str, str] = {
    "Problem": "checker",
    "check_method": "checker",
    "Advance": "commands",
    "ChooseCase": "commands",
    "ChooseMethod": "commands",
    "ChooseModule": "commands",
    "Close": "commands",
    "Command": "commands",
    "Contribute": "commands",
    "Decide": "commands",
    "Extend": "commands",
    "HandOver": "commands",
    "PassLeervraag": "commands",
    "RecordConsensus": "commands",
    "Reveal": "commands",
    "Skip": "commands",
    "SubmitLeervraag": "commands",
    "TakeLoop": "commands",
    "mermaid": "diagram",
    "Engine": "engine",
    "Subscriber": "engine",
    "CommandRefused": "errors",
    "ConcurrencyError": "errors",
    "CorruptJournalError": "errors",
    "DuplicateMethodError": "errors",
    "GroupError": "errors",
    "IntervisionError": "errors",
    "MeetingError": "errors",
    "MeetingNotFoundError": "errors",
    "NotAMemberError": "errors",
    "PluginError": "errors",
    "SpecError": "errors",
    "StoreError": "errors",
    "UnknownMethodError": "errors",
    "WrongPhaseError": "errors",
    "FRAME": "frame",
    "FRAME_STEPS": "frame",
    "GroupContract": "groups",
    "GroupMember": "groups",
    "GroupState": "groups",
    "SeriesPlan": "groups",
    "HOOK_API_VERSION": "hookspecs",
    "hookimpl": "hookspecs",
    "hookspec": "hookspecs",
    "Journal": "journal",
    "MemoryJournal": "journal",
    "PostgresJournal": "journal",
    "SqliteJournal": "journal",
    "default_store_path": "journal",
    "Meeting": "meeting",
    "dump_method": "method_files",
    "load_method_file": "method_files",
    "user_methods_dir": "method_files",
    "PluginInfo": "registry",
    "Registry": "registry",
    "load_registry": "registry",
    "Refusal": "rules",
    "RuleContext": "rules",
    "RuleKind": "rules",
    "CONTRIBUTION_KINDS": "specs",
    "KIND_TITLES": "specs",
    "STANDARD_ROLES": "specs",
    "DecisionSpec": "specs",
    "Fit": "specs",
    "LabelSpec": "specs",
    "LoopSpec": "specs",
    "MethodSpec": "specs",
    "NestSpec": "specs",
    "PhaseSpec": "specs",
    "RoleSpec": "specs",
    "RuleRef": "specs",
    "VariantSpec": "specs",
    "Contribution": "state",
    "MeetingState": "state",
    "replay": "state",
    "Text": "text",
}


if not TYPE_CHECKING:  # mypy sees the imports above, and no catch-all attribute

    def __getattr__(name: str) -> Any:
        module = _WHERE.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
