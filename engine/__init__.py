"""intervision's engine: methods as plugins, meetings as journals, rules as checks.

This is the public API for the CLI, for method plugins and for host apps. Anything
not listed in ``__all__`` is private and may change without notice.
"""

from __future__ import annotations

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
from .journal import (
    Journal,
    MemoryJournal,
    PostgresJournal,
    SqliteJournal,
    default_store_path,
    open_journal,
)
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
    return Engine(open_journal(store, key=key), registry)
