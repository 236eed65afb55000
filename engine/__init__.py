"""intervision's engine: methods as plugins, meetings as journals, rules as checks.

This is the public API of the minimal engine and its runtime, one face for both:

- the core (``engine/core``): the state-machine contract, with no I/O: specs,
  commands, events, state and ``apply``, flow, rules and the pure ``decide``, the
  registry and the plugin hooks, the journal port and the read models' shapes;
- the runtime (``engine/runtime``), built on the core's public names only: the
  meeting lifecycle (:class:`Engine`, :class:`Meeting`), what each person may do now
  (:func:`capabilities`), who may be seated, the memory journal and the read-model
  folds, and finding the installed plugins (:func:`load_registry`).

Everything else is built on these names only, in the packages beside them:

- :mod:`intervision.engine.storage`: SQLite, PostgreSQL, encryption at rest, ``open_engine``;
- :mod:`intervision.engine.groups`: groups, their files and their history;
- :mod:`intervision.engine.series`, :mod:`.recommend`, :mod:`.reports`;
- :mod:`intervision.engine.authoring`: the method checker and phase diagrams.

Anything not listed in ``__all__`` is private and may change without notice. Each
name is written once, there; it is imported from the first module of ``_MODULES``
(in dependency order) that lists it, on first use (PEP 562), so that a program
using part of the engine (``intervision methods`` needs the specs and the
registry, not the state machines) does not pay for the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # mypy reads the names here; at run time __getattr__ finds them
    from .core.commands import *
    from .core.decide import *
    from .core.errors import *
    from .core.events import *
    from .core.flow import *
    from .core.frame import *
    from .core.glossary import *
    from .core.hookspecs import *
    from .core.journal import *
    from .core.logs import *
    from .core.phases import *
    from .core.read_models import *
    from .core.registry import *
    from .core.rules import *
    from .core.specs import *
    from .core.state import *
    from .core.steps import *
    from .core.text import *
    from .runtime.capabilities import *
    from .runtime.discovery import *
    from .runtime.engine import *
    from .runtime.folds import *
    from .runtime.identity import *
    from .runtime.limits import *
    from .runtime.meeting import *
    from .runtime.meeting_ids import *
    from .runtime.memory_journal import *
    from .runtime.method_files import *
    from .runtime.outcome import *
    from .runtime.paging import *
    from .runtime.roster import *
    from .runtime.state_cache import *
    from .runtime.stored_replay import *

__all__ = [
    # text and errors
    "LANGS",
    "Lang",
    "LanguagePack",
    "Text",
    "install_language",
    "installed_languages",
    "translated",
    "CommandRefused",
    "ConcurrencyError",
    "CorruptJournalError",
    "DuplicateMethodError",
    "GroupError",
    "IntervisionError",
    "MeetingError",
    "MeetingNotFoundError",
    "NotAMemberError",
    "PluginError",
    "RepeatedRequest",
    "SpecError",
    "StoreError",
    "StoreUnavailableError",
    "UnknownMethodError",
    "WrongPhaseError",
    "InvalidInputError",
    # names, ids and how much is taken in
    "ID_MAX",
    "ID_PATTERN",
    "LOOKALIKE_NAMES",
    "REQUEST_ID_MAX",
    "check_id",
    "check_lang",
    "check_request_id",
    "clean_name",
    "find_person",
    "free_slug",
    "fresh_ids",
    "lookalike_pairs",
    "looks_alike",
    "name_key",
    "slug",
    "DEFAULT_LIMITS",
    "Limits",
    "over_limit",
    "too_long",
    # methods as data
    "CONTRIBUTION_KINDS",
    "FACILITATOR_KINDS",
    "ContributionKind",
    "InbrengerMode",
    "FRAME_ROLES",
    "STANDARD_ROLES",
    "DecisionSpec",
    "Fit",
    "LabelSpec",
    "LoopSpec",
    "MethodSpec",
    "NestSpec",
    "PhaseSpec",
    "RoleSpec",
    "RuleRef",
    "VariantSpec",
    # the words of the practice, in Dutch and English
    "GLOSSARY",
    "Glossary",
    "Term",
    "TermClash",
    "kind_titles",
    "dump_method",
    "load_method_file",
    "user_methods_dir",
    # what a person asks, and the command table
    "COMMANDS",
    "Advance",
    "ChooseCase",
    "ChooseInbrenger",
    "ChooseMethod",
    "ChooseModule",
    "Close",
    "Command",
    "Contribute",
    "Decide",
    "Extend",
    "HandOver",
    "PassLeervraag",
    "RecordConsensus",
    "Reveal",
    "Skip",
    "SubmitLeervraag",
    "TakeLoop",
    "SAMPLE_TEXT",
    # what happened: the events a journal keeps
    "Event",
    "event_adapter",
    "CaseChosen",
    "ConsensusRecorded",
    "ContractSet",
    "ContributionAdded",
    "DecisionMade",
    "FacilitatorChanged",
    "FeedbackRoundSet",
    "GroupContract",
    "GroupCreated",
    "GroupMember",
    "GuidedSet",
    "InbrengerChosen",
    "LeervraagPassed",
    "LeervraagSubmitted",
    "LoopTaken",
    "MeetingClosed",
    "MeetingPurpose",
    "MeetingStarted",
    "MemberAdded",
    "MemberRef",
    "MemberRemoved",
    "MethodChosen",
    "ModuleChosen",
    "PhaseExtended",
    "PhaseSkipped",
    "SeriesMethodSet",
    "SeriesPlan",
    "SeriesPlanned",
    "StepEntered",
    "WrittenRevealed",
    # the state a journal gives, and the flow through it
    "Case",
    "Contribution",
    "Decision",
    "Leervraag",
    "MeetingState",
    "Member",
    "replay",
    "replay_stored",
    "apply",
    "END",
    "Flow",
    "frame_flow",
    "method_flow",
    "FRAME",
    "PURPOSE_STEPS",
    "FRAME_STEPS",
    "FrameStep",
    "frame_step",
    # rules
    "FRAME_KINDS",
    "Refusal",
    "RuleContext",
    "RuleKind",
    "refuse",
    "roles_of",
    "below_floor",
    "turn_takers",
    "yet_to_speak",
    "decide",
    "current_method",
    "current_phase",
    # plugins
    "ENTRY_POINT_GROUP",
    "HOOK_API_VERSION",
    "PastMeeting",
    "PluginInfo",
    "Registry",
    "for_method",
    "hookimpl",
    "hookspec",
    "load_registry",
    # the journal port
    "DEFAULT_PAGE",
    "Commit",
    "Journal",
    "MeetingSummary",
    "is_meeting_stream",
    "MemoryJournal",
    "OnCommit",
    "Rebuilt",
    "StoredEvent",
    "belongs",
    "decode_current",
    "decode_event",
    "encode_event",
    # the read models every journal keeps with its events
    "READ_MODEL_VERSION",
    "CaseDigest",
    "DecisionDigest",
    "DigestPage",
    "GoalDigest",
    "GroupDelta",
    "GroupDigest",
    "MeetingDigest",
    "Position",
    "decode_cursor",
    "digest_stored",
    "encode_cursor",
    "fold_meeting",
    "group_delta",
    "page_key",
    "page_start",
    "position_change",
    # the lifecycle
    "DEFAULT_CACHED_MEETINGS",
    "new_meeting_id",
    "Engine",
    "Meeting",
    "Outcome",
    "Subscriber",
    "Capabilities",
    "PersonCan",
    "WaitReason",
    "Waiting",
    "capabilities",
    # logging that costs nothing until a line is kept
    "configure_before_first_log",
    "configure_if_structlog_loaded",
    "get_logger",
]

#: The core's and the runtime's modules, cheapest first: a name is taken from the
#: first that lists it in its own ``__all__``, so finding a name imports little
#: beyond what it needs (``user_methods_dir`` loads no spec model,
#: ``IntervisionError`` not pydantic).
_MODULES = (
    "core.logs",
    "runtime.method_files",
    "core.errors",
    "runtime.limits",
    "core.text",
    "runtime.identity",
    "core.glossary",
    "core.phases",
    "core.specs",
    "core.steps",
    "core.commands",
    "core.rules",
    "core.hookspecs",
    "core.registry",
    "runtime.discovery",
    "core.events",
    "core.state",
    "core.frame",
    "core.flow",
    "core.decide",
    "core.read_models",
    "runtime.folds",
    "runtime.paging",
    "core.journal",
    "runtime.stored_replay",
    "runtime.memory_journal",
    "runtime.outcome",
    "runtime.state_cache",
    "runtime.meeting_ids",
    "runtime.roster",
    "runtime.engine",
    "runtime.meeting",
    "runtime.capabilities",
)


#: Each module imported so far, with the names its ``__all__`` lists: a command
#: looks up about 150 names, and asking the import system for every module before
#: the one that has the name cost a millisecond or two of each one-shot command.
_LISTED: dict[str, tuple[Any, frozenset[str]]] = {}
_PUBLIC = frozenset(__all__)


if not TYPE_CHECKING:  # mypy sees the imports above, and no catch-all attribute

    def __getattr__(name: str) -> Any:
        if name in _PUBLIC:
            for module_name in _MODULES:
                listed = _LISTED.get(module_name)
                if listed is None:
                    # __import__, not importlib.import_module: the C import path, which
                    # -X importtime reports (a profile should show what a name cost)
                    module = __import__(f"{__name__}.{module_name}", fromlist=["__all__"])
                    listed = _LISTED[module_name] = (module, frozenset(module.__all__))
                if name in listed[1]:
                    value = getattr(listed[0], name)
                    globals()[name] = value
                    return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
