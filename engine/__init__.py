"""intervision's engine: methods as plugins, meetings as journals, rules as checks.

This is the public API for the CLI, for method plugins and for host apps. Anything
not listed in ``__all__`` is private and may change without notice.
"""

from __future__ import annotations

from .commands import (
    Advance,
    ChooseCase,
    ChooseMethod,
    Close,
    Command,
    Contribute,
    Decide,
    Extend,
    PassLeervraag,
    Reveal,
    Skip,
    SubmitLeervraag,
)
from .engine import Engine, Subscriber
from .errors import (
    CommandRefused,
    ConcurrencyError,
    CorruptJournalError,
    DuplicateMethodError,
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
from .hookspecs import hookimpl, hookspec
from .journal import Journal, MemoryJournal, SqliteJournal, default_store_path, open_journal
from .meeting import Meeting
from .registry import PluginInfo, Registry, load_registry
from .rules import Refusal, RuleContext, RuleKind
from .specs import (
    CONTRIBUTION_KINDS,
    STANDARD_ROLES,
    DecisionSpec,
    Fit,
    MethodSpec,
    PhaseSpec,
    RoleSpec,
    RuleRef,
)
from .state import Contribution, MeetingState, replay
from .text import Text

__all__ = [
    "CONTRIBUTION_KINDS",
    "FRAME",
    "FRAME_STEPS",
    "STANDARD_ROLES",
    "Advance",
    "ChooseCase",
    "ChooseMethod",
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
    "IntervisionError",
    "Journal",
    "Meeting",
    "MeetingError",
    "MeetingNotFoundError",
    "MeetingState",
    "MemoryJournal",
    "MethodSpec",
    "NotAMemberError",
    "PassLeervraag",
    "PhaseSpec",
    "PluginError",
    "PluginInfo",
    "Refusal",
    "Registry",
    "Reveal",
    "RoleSpec",
    "RuleContext",
    "RuleKind",
    "RuleRef",
    "Skip",
    "SpecError",
    "SqliteJournal",
    "StoreError",
    "SubmitLeervraag",
    "Subscriber",
    "Text",
    "UnknownMethodError",
    "WrongPhaseError",
    "default_store_path",
    "hookimpl",
    "hookspec",
    "load_registry",
    "open_engine",
    "replay",
]


def open_engine(store: str | None = None, *, registry: Registry | None = None) -> Engine:
    """An engine on the store at ``store`` (a path, ``sqlite:///...`` or ``:memory:``).

    Without ``store``: ``INTERVISION_STORE``, else the default file in the user's
    data directory.
    """
    return Engine(open_journal(store), registry)
