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

from pydantic import ValidationError

from intervision.engine import COMMANDS, Command, Engine, Meeting, Outcome, Text

__all__ = ["BadRequest", "parse_command", "send"]

#: Fields that name a member; the client may give an id or a display name.
_PEOPLE = ("by", "inbrenger", "to")


class BadRequest(Exception):
    """The body is not a command; ``reason`` says what to send instead, in nl and en."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.en)
        self.reason = reason


def parse_command(meeting: Meeting, body: object) -> tuple[Command, int | None, str | None]:
    """The command the body asks for, the version its sender decided on, and its
    idempotency key."""
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
    request_id = fields.pop("request_id", None)
    if request_id is not None and not (
        isinstance(request_id, str) and 8 <= len(request_id) <= 128 and request_id.isprintable()
    ):
        raise BadRequest(
            Text(
                nl="request_id is een willekeurige sleutel van 8 tot 128 tekens, per handeling.",
                en="request_id is a random key of 8 to 128 characters, one per action.",
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
    return command, expected, request_id


def send(engine: Engine, meeting_id: str, body: object) -> Outcome:
    """Check, record and apply the command in ``body``; blocking, so run it off the loop.

    A body may carry ``request_id``, the client's idempotency key: a client that timed
    out sends the same body again, and a command already committed is not repeated.
    """
    command, expected, request_id = parse_command(engine.meeting(meeting_id), body)
    return engine.execute(meeting_id, command, expected_version=expected, request_id=request_id)
