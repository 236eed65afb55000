"""What a person asks of a meeting: the commands, before any check.

A command names who asks (``by``, a member id) and what; the engine checks it
against the flow and the rules and turns it into events, or refuses it and writes
nothing. ``trigger`` is the name of the transition the command fires in the flow.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Advance",
    "ChooseCase",
    "ChooseMethod",
    "Close",
    "Command",
    "Contribute",
    "Decide",
    "Extend",
    "PassLeervraag",
    "Reveal",
    "Skip",
    "SubmitLeervraag",
]


class _Command(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

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
    | Close,
    Field(discriminator="command"),
]
