"""A JSON body into an engine command: the one place the host trusts its client's input.

The body names the command as the engine's command models do, plus an optional
``expected_version``::

    {"command": "contribute", "by": "carla", "kind": "question",
     "text": "What did you say then?", "expected_version": 14}

People may be named by member id or display name, as everywhere in the engine. A
body that is not valid is refused before the engine sees it, naming the fields but
never echoing their values: the values are what the group said.
"""

from __future__ import annotations

from typing import Any, cast

from pydantic import BaseModel, ValidationError

from intervision.engine import (
    Advance,
    ChooseCase,
    ChooseMethod,
    ChooseModule,
    Close,
    Command,
    Contribute,
    Decide,
    Engine,
    Extend,
    HandOver,
    Meeting,
    MeetingState,
    PassLeervraag,
    RecordConsensus,
    Reveal,
    Skip,
    SubmitLeervraag,
    TakeLoop,
    Text,
)

__all__ = ["COMMANDS", "BadRequest", "parse_command", "send"]

_MODELS: tuple[type[BaseModel], ...] = (
    SubmitLeervraag,
    PassLeervraag,
    ChooseCase,
    ChooseMethod,
    Contribute,
    Reveal,
    Decide,
    Advance,
    Extend,
    Skip,
    TakeLoop,
    RecordConsensus,
    ChooseModule,
    HandOver,
    Close,
)

#: Command name (the ``command`` field of the body) -> its model.
COMMANDS: dict[str, type[BaseModel]] = {m.model_fields["command"].default: m for m in _MODELS}

#: Fields that name a member; the client may give an id or a display name.
_PEOPLE = ("by", "inbrenger", "to")


class BadRequest(Exception):
    """The body is not a command; ``reason`` says what to send instead, in nl and en."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.en)
        self.reason = reason


def parse_command(meeting: Meeting, body: object) -> tuple[Command, int | None]:
    """The command the body asks for, and the version its sender decided on."""
    if not isinstance(body, dict):
        raise BadRequest(
            Text(
                nl='Stuur een JSON-object met ten minste "command" en "by".',
                en='Send a JSON object with at least "command" and "by".',
            )
        )
    fields: dict[str, Any] = dict(body)
    expected = fields.pop("expected_version", None)
    if expected is not None and (type(expected) is not int or expected < 1):
        raise BadRequest(
            Text(
                nl="expected_version is het versienummer uit de laatst gelezen stand.",
                en="expected_version is the version number from the state you last read.",
            )
        )
    model = COMMANDS.get(str(fields.get("command")))
    if model is None:
        known = ", ".join(sorted(COMMANDS))
        raise BadRequest(
            Text(
                nl=f"Onbekend commando; kies uit: {known}.",
                en=f"Unknown command; one of: {known}.",
            )
        )
    for field in _PEOPLE:
        if isinstance(fields.get(field), str):
            fields[field] = meeting.person(fields[field])
    try:
        command = cast(Command, model.model_validate(fields))
    except ValidationError as exc:
        # pydantic's own message quotes the input; the input may be case content.
        names = ", ".join(sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]}))
        raise BadRequest(
            Text(
                nl=f"Ongeldige of ontbrekende velden: {names}.",
                en=f"Invalid or missing fields: {names}.",
            )
        ) from None
    return command, expected


def send(engine: Engine, meeting_id: str, body: object) -> MeetingState:
    """Check, record and apply the command in ``body``; blocking, so run it off the loop."""
    command, expected = parse_command(engine.meeting(meeting_id), body)
    return engine.execute(meeting_id, command, expected_version=expected)
