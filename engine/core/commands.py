"""What a person asks of a meeting: the commands, before any check, and the table of them.

A command names who asks (``by``, a member id) and what; the engine checks it
against the flow and the rules and turns it into events, or refuses it and writes
nothing. Each command class is its own row of the command table, in its class
variables, read by the flow, the rules and the engine instead of lists of their own:

- ``trigger``: the transition it fires in the flow;
- ``stays_in``: the frame steps (and ``PHASE``, every method phase) where it is
  an internal transition; ``only_if``, a phase field that must be set for it;
- ``by_roles``: the roles that may send it (empty: the phase and its rules decide);
- ``makes``: the types of the events it can make (each event class names the hooks
  it fires in ``hooks``); the command classes need not import the event models;
- ``sample``: the arguments (besides ``by``) with which ``capabilities`` tries the
  command for each person; ``None`` for a command whose arguments are a choice among
  what the meeting holds (which kind, case, loop, module, person or method), tried
  for each such choice there.

Adding a command is its class here, its events in ``decide``, its call on ``Meeting``.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from .steps import BEFORE_THE_METHOD

__all__ = [
    "COMMANDS",
    "COMMAND_TYPES",
    "PHASE",
    "SAMPLE_TEXT",
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
]


#: The text a command is tried with when only its form matters: short and neutral.
SAMPLE_TEXT = "…"
#: In ``stays_in``: every phase of a method (the frame steps are named by their ids).
PHASE = "phase"
_FACILITATOR = ("facilitator",)


class _Command(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    trigger: ClassVar[str]
    stays_in: ClassVar[frozenset[str]] = frozenset()
    only_if: ClassVar[str | None] = None
    by_roles: ClassVar[tuple[str, ...]] = ()
    makes: ClassVar[tuple[str, ...]] = ()
    sample: ClassVar[dict[str, Any] | None] = None
    by: str


class SubmitLeervraag(_Command):
    """A member brings a leervraag about their own work (at most three sentences)."""

    trigger: ClassVar[str] = "submit_leervraag"
    sample: ClassVar[dict[str, Any] | None] = {"text": SAMPLE_TEXT}
    stays_in: ClassVar[frozenset[str]] = frozenset({"leervragen"})
    makes: ClassVar[tuple[str, ...]] = ("leervraag_submitted",)
    command: Literal["submit_leervraag"] = "submit_leervraag"
    text: str = Field(min_length=1)
    #: Who typed it for ``by``, if not ``by`` (see :class:`Contribute`).
    typed_by: str | None = None


class PassLeervraag(_Command):
    """A member brings no leervraag today."""

    trigger: ClassVar[str] = "pass_leervraag"
    sample: ClassVar[dict[str, Any] | None] = {}
    stays_in: ClassVar[frozenset[str]] = frozenset({"leervragen"})
    makes: ClassVar[tuple[str, ...]] = ("leervraag_passed",)
    command: Literal["pass_leervraag"] = "pass_leervraag"


class ChooseCase(_Command):
    """The group's choice, entered by the facilitator; the inbrenger must consent."""

    trigger: ClassVar[str] = "choose_case"
    by_roles: ClassVar[tuple[str, ...]] = _FACILITATOR
    makes: ClassVar[tuple[str, ...]] = ("case_chosen", "step_entered")
    command: Literal["choose_case"] = "choose_case"
    inbrenger: str
    consent: bool
    #: A second member who brings the case together with the inbrenger (and consents
    #: too); only a method with ``inbrenger_pair`` can then be chosen.
    co_inbrenger: str | None = None


class ChooseMethod(_Command):
    """Choose the method for the case; always agreed with the inbrenger."""

    trigger: ClassVar[str] = "choose_method"
    by_roles: ClassVar[tuple[str, ...]] = ("facilitator", "inbrenger")
    makes: ClassVar[tuple[str, ...]] = ("method_chosen", "step_entered")
    command: Literal["choose_method"] = "choose_method"
    method_id: str
    variant: str | None = None
    inbrenger_agrees: bool


class Contribute(_Command):
    """``by`` is the author: who said it, whoever typed it.

    ``typed_by`` records who typed it in when that is not the author: the
    facilitator, for a member without a device of their own (the board's console).
    Only the facilitator may; the event keeps it, so a report can say so.
    """

    trigger: ClassVar[str] = "contribute"
    stays_in: ClassVar[frozenset[str]] = frozenset(
        {
            "opening",
            "introduction",
            "contract",
            "learning_goals",
            "recognitions",
            "evaluation",
            PHASE,
        }
    )
    makes: ClassVar[tuple[str, ...]] = ("contribution_added",)
    command: Literal["contribute"] = "contribute"
    kind: str
    text: str = Field(min_length=1)
    #: The contribution this one answers (the inbrenger answering a question).
    reply_to: str | None = None
    typed_by: str | None = None
    #: At the opening: the id of the earlier commitment this tells how it went.
    commitment: str | None = None


class Reveal(_Command):
    """Show what was written in a written-first phase, all at once."""

    trigger: ClassVar[str] = "reveal"
    sample: ClassVar[dict[str, Any] | None] = {}
    stays_in: ClassVar[frozenset[str]] = frozenset({PHASE})
    by_roles: ClassVar[tuple[str, ...]] = _FACILITATOR
    makes: ClassVar[tuple[str, ...]] = ("written_revealed",)
    command: Literal["reveal"] = "reveal"


class Decide(_Command):
    """The decision of the phase: what the inbrenger selects, and says they will do."""

    trigger: ClassVar[str] = "decide"
    stays_in: ClassVar[frozenset[str]] = frozenset({PHASE})
    makes: ClassVar[tuple[str, ...]] = ("decision_made",)
    command: Literal["decide"] = "decide"
    selected: tuple[str, ...] = ()
    text: str = ""
    #: contribution id -> label, where the phase has the inbrenger label contributions.
    labels: dict[str, str] = Field(default_factory=dict)
    #: Who typed it for ``by``, if not ``by`` (see :class:`Contribute`).
    typed_by: str | None = None


class Advance(_Command):
    """Move on to the next phase or frame step."""

    trigger: ClassVar[str] = "advance"
    sample: ClassVar[dict[str, Any] | None] = {}
    makes: ClassVar[tuple[str, ...]] = (
        "step_entered",
        "case_chosen",
        "method_chosen",
    )
    command: Literal["advance"] = "advance"


class Extend(_Command):
    """Give the current phase more minutes (timeboxes are advisory)."""

    trigger: ClassVar[str] = "extend"
    sample: ClassVar[dict[str, Any] | None] = {"minutes": 5}
    stays_in: ClassVar[frozenset[str]] = frozenset({PHASE})
    by_roles: ClassVar[tuple[str, ...]] = _FACILITATOR
    makes: ClassVar[tuple[str, ...]] = ("phase_extended",)
    command: Literal["extend"] = "extend"
    minutes: int = Field(gt=0, le=120)


class Skip(_Command):
    """Skip the current phase; the reason is recorded."""

    trigger: ClassVar[str] = "skip"
    sample: ClassVar[dict[str, Any] | None] = {"reason": SAMPLE_TEXT}
    by_roles: ClassVar[tuple[str, ...]] = _FACILITATOR
    makes: ClassVar[tuple[str, ...]] = (
        "phase_skipped",
        "step_entered",
        "case_chosen",
        "method_chosen",
    )
    command: Literal["skip"] = "skip"
    reason: str


class TakeLoop(_Command):
    """Go back along a loop the phase declares (problem-solving: not helped yet)."""

    trigger: ClassVar[str] = "loop"
    makes: ClassVar[tuple[str, ...]] = ("loop_taken", "step_entered")
    command: Literal["take_loop"] = "take_loop"
    loop_id: str


class RecordConsensus(_Command):
    """The facilitator records that the group agrees (socratic dialogue, imi)."""

    trigger: ClassVar[str] = "record_consensus"
    sample: ClassVar[dict[str, Any] | None] = {}
    stays_in: ClassVar[frozenset[str]] = frozenset({PHASE})
    only_if: ClassVar[str | None] = "consensus"
    by_roles: ClassVar[tuple[str, ...]] = _FACILITATOR
    makes: ClassVar[tuple[str, ...]] = ("consensus_recorded",)
    command: Literal["record_consensus"] = "record_consensus"
    text: str = ""


class ChooseModule(_Command):
    """Choose the module a nesting phase runs (collegial consultation)."""

    trigger: ClassVar[str] = "choose_module"
    stays_in: ClassVar[frozenset[str]] = frozenset({PHASE})
    only_if: ClassVar[str | None] = "nested"
    makes: ClassVar[tuple[str, ...]] = ("module_chosen", "step_entered")
    command: Literal["choose_module"] = "choose_module"
    method_id: str


class ChooseInbrenger(_Command):
    """The group's choice of whose example the case becomes, inside a method phase that
    leaves it to the group (Socratic dialogue, IMI); entered by the facilitator, the
    chosen member consents. The inbrenger named at the case choice steps back."""

    trigger: ClassVar[str] = "choose_inbrenger"
    stays_in: ClassVar[frozenset[str]] = frozenset({PHASE})
    only_if: ClassVar[str | None] = "inbrenger_chosen"
    by_roles: ClassVar[tuple[str, ...]] = _FACILITATOR
    makes: ClassVar[tuple[str, ...]] = ("inbrenger_chosen",)
    command: Literal["choose_inbrenger"] = "choose_inbrenger"
    inbrenger: str
    consent: bool


class HandOver(_Command):
    """The facilitator hands the facilitation to another member present, before the
    method starts (the method may forbid a facilitator who is the inbrenger)."""

    trigger: ClassVar[str] = "hand_over"
    stays_in: ClassVar[frozenset[str]] = BEFORE_THE_METHOD | {"second_case"}
    by_roles: ClassVar[tuple[str, ...]] = _FACILITATOR
    makes: ClassVar[tuple[str, ...]] = ("facilitator_changed",)
    command: Literal["hand_over"] = "hand_over"
    to: str


class Close(_Command):
    """Close the meeting; before the evaluation it needs a reason (closing early)."""

    trigger: ClassVar[str] = "close"
    sample: ClassVar[dict[str, Any] | None] = {"reason": SAMPLE_TEXT}
    by_roles: ClassVar[tuple[str, ...]] = _FACILITATOR
    makes: ClassVar[tuple[str, ...]] = ("meeting_closed",)
    command: Literal["close"] = "close"
    reason: str | None = None


Command = Annotated[
    SubmitLeervraag
    | PassLeervraag
    | ChooseCase
    | ChooseMethod
    | Contribute
    | Reveal
    | Decide
    | Advance
    | Extend
    | Skip
    | TakeLoop
    | RecordConsensus
    | ChooseModule
    | ChooseInbrenger
    | HandOver
    | Close,
    Field(discriminator="command"),
]

#: The command classes, exactly. The engine checks commands with ``type(command) is``
#: (an ``isinstance`` miss on a pydantic model costs ten times as much), so it accepts
#: these classes only: a subclass would slip past those checks.
COMMAND_TYPES: frozenset[type[object]] = frozenset(get_args(get_args(Command)[0]))

#: The command table: each command by its ``command`` name (what a host's JSON says).
COMMANDS: dict[str, type[_Command]] = {
    cls.model_fields["command"].default: cls for cls in get_args(get_args(Command)[0])
}
