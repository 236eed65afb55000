"""What a person asks of a meeting: the commands, before any check.

A command names who asks (``by``, a member id) and what; the engine checks it
against the flow and the rules and turns it into events, or refuses it and writes
nothing. ``trigger`` is the name of the transition the command fires in the flow.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "COMMAND_TYPES",
    "Advance",
    "ChooseCase",
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


class _Command(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    trigger: ClassVar[str]
    by: str


class SubmitLeervraag(_Command):
    """A member brings a leervraag about their own work (at most three sentences)."""

    trigger: ClassVar[str] = "submit_leervraag"
    command: Literal["submit_leervraag"] = "submit_leervraag"
    text: str = Field(min_length=1)


class PassLeervraag(_Command):
    """A member brings no leervraag today."""

    trigger: ClassVar[str] = "pass_leervraag"
    command: Literal["pass_leervraag"] = "pass_leervraag"


class ChooseCase(_Command):
    """The group's choice, entered by the facilitator; the inbrenger must consent."""

    trigger: ClassVar[str] = "choose_case"
    command: Literal["choose_case"] = "choose_case"
    inbrenger: str
    consent: bool


class ChooseMethod(_Command):
    """Choose the method for the case; always agreed with the inbrenger."""

    trigger: ClassVar[str] = "choose_method"
    command: Literal["choose_method"] = "choose_method"
    method_id: str
    variant: str | None = None
    inbrenger_agrees: bool


class Contribute(_Command):
    """``by`` is the author: who said it, whoever typed it."""

    trigger: ClassVar[str] = "contribute"
    command: Literal["contribute"] = "contribute"
    kind: str
    text: str = Field(min_length=1)
    #: The contribution this one answers (the inbrenger answering a question).
    reply_to: str | None = None


class Reveal(_Command):
    """Show what was written in a written-first phase, all at once."""

    trigger: ClassVar[str] = "reveal"
    command: Literal["reveal"] = "reveal"


class Decide(_Command):
    """The decision of the phase: what the inbrenger selects, and says they will do."""

    trigger: ClassVar[str] = "decide"
    command: Literal["decide"] = "decide"
    selected: tuple[str, ...] = ()
    text: str = ""
    #: contribution id -> label, where the phase has the inbrenger label contributions.
    labels: dict[str, str] = Field(default_factory=dict)


class Advance(_Command):
    """Move on to the next phase or frame step."""

    trigger: ClassVar[str] = "advance"
    command: Literal["advance"] = "advance"


class Extend(_Command):
    """Give the current phase more minutes (timeboxes are advisory)."""

    trigger: ClassVar[str] = "extend"
    command: Literal["extend"] = "extend"
    minutes: int = Field(gt=0, le=120)


class Skip(_Command):
    """Skip the current phase; the reason is recorded."""

    trigger: ClassVar[str] = "skip"
    command: Literal["skip"] = "skip"
    reason: str


class TakeLoop(_Command):
    """Go back along a loop the phase declares (problem-solving: not helped yet)."""

    trigger: ClassVar[str] = "loop"
    command: Literal["take_loop"] = "take_loop"
    loop_id: str


class RecordConsensus(_Command):
    """The facilitator records that the group agrees (socratic dialogue, imi)."""

    trigger: ClassVar[str] = "record_consensus"
    command: Literal["record_consensus"] = "record_consensus"
    text: str = ""


class ChooseModule(_Command):
    """Choose the module a nesting phase runs (collegial consultation)."""

    trigger: ClassVar[str] = "choose_module"
    command: Literal["choose_module"] = "choose_module"
    method_id: str


class HandOver(_Command):
    """The facilitator hands the facilitation to another member present, before the
    method starts (the method may forbid a facilitator who is the inbrenger)."""

    trigger: ClassVar[str] = "hand_over"
    command: Literal["hand_over"] = "hand_over"
    to: str


class Close(_Command):
    """Close the meeting; before the evaluation it needs a reason (closing early)."""

    trigger: ClassVar[str] = "close"
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
    | HandOver
    | Close,
    Field(discriminator="command"),
]

#: The command classes, exactly. The engine checks commands with ``type(command) is``
#: (an ``isinstance`` miss on a pydantic model costs ten times as much), so it accepts
#: these classes only: a subclass would slip past those checks.
COMMAND_TYPES: frozenset[type[object]] = frozenset(get_args(get_args(Command)[0]))
