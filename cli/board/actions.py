"""What a page asks, as one engine command; and the one place a command is sent.

The link decides who asks, never the body: a member's link sends as its member (a
``by`` naming anyone else is refused), the console's as whoever facilitates now,
or for a member present who has no device of their own. Which commands a link may
send at all is the page's split (:data:`~.pages.MEMBER_COMMANDS`,
:data:`~.pages.CONSOLE_COMMANDS`); whether the meeting allows one now is the
engine's alone: the board sends it and shows the rule's reason when it is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import ValidationError

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
    MeetingState,
    PassLeervraag,
    RecordConsensus,
    Reveal,
    Skip,
    SubmitLeervraag,
    TakeLoop,
)

from .pages import CONSOLE_COMMANDS, MEMBER_COMMANDS
from .passes import Pass
from .render import MAX_TEXT

__all__ = ["Form", "NotSent", "Sender", "command_for"]

#: A form as posted: every field with all its values (checkboxes repeat a name).
Form = Mapping[str, Sequence[str]]


class NotSent(Exception):
    """The request does not become a command; ``key`` names the board's text for why."""

    def __init__(self, key: str, status: int = 400, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.status = status
        self.values = values


def command_for(held: Pass, form: Form, state: MeetingState) -> Command:
    """The command this link asks for with this form."""
    action = _one(form, "action")
    if held.kind == "member" and held.person is not None:
        claimed = _one(form, "by")
        if claimed and claimed != held.person:
            name = state.members[held.person].name if held.person in state.members else ""
            raise NotSent("form.not_yours", 403, name=name)
        if action not in MEMBER_COMMANDS:
            raise NotSent("form.unknown_action", 403)
        return _build(action, held.person, form)
    if held.kind != "console":
        raise NotSent("form.unknown_action", 403)
    if action == "behalf":
        person, _, what = _one(form, "as").partition("|")
        action = {"leervraag": "submit_leervraag", "pass": "pass_leervraag"}.get(what, "contribute")
        fields = {**form, "kind": [what]}
        return _build(action, _required(person, "as"), fields, typed_by=state.facilitator)
    if action == "decide" and _one(form, "as"):
        return _build("decide", _one(form, "as"), form, typed_by=state.facilitator)
    if action not in CONSOLE_COMMANDS:
        raise NotSent("form.unknown_action", 403)
    return _build(action, state.facilitator, form)


def _build(action: str, by: str, form: Form, typed_by: str | None = None) -> Command:
    """The command of ``action`` from the form's fields; field names only in a message.

    ``typed_by`` is the facilitator typing in for ``by``: the engine records it.
    """
    try:
        return _make(action, by, form, typed_by)
    except ValidationError as exc:
        names = ", ".join(sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]}))
        raise NotSent("form.missing", fields=names or action) from None


def _make(action: str, by: str, form: Form, typed_by: str | None) -> Command:
    text = _text(form, "text")
    match action:
        case "contribute":
            reply_to = _one(form, "reply_to") or None
            kind = _one(form, "kind")
            return Contribute(by=by, kind=kind, text=text, reply_to=reply_to, typed_by=typed_by)
        case "submit_leervraag":
            return SubmitLeervraag(by=by, text=text, typed_by=typed_by)
        case "pass_leervraag":
            return PassLeervraag(by=by)
        case "decide":
            labels = {
                key.removeprefix("label."): _one(form, key)
                for key in form
                if key.startswith("label.")
            }
            selected = tuple(v for v in form.get("selected", ()) if v)
            return Decide(by=by, text=text, selected=selected, labels=labels, typed_by=typed_by)
        case "take_loop":
            return TakeLoop(by=by, loop_id=_one(form, "loop_id"))
        case "choose_module":
            return ChooseModule(by=by, method_id=_one(form, "module"))
        case "advance":
            return Advance(by=by)
        case "reveal":
            return Reveal(by=by)
        case "extend":
            return Extend(by=by, minutes=_minutes(form))
        case "skip":
            return Skip(by=by, reason=_required(_text(form, "reason"), "reason"))
        case "record_consensus":
            return RecordConsensus(by=by, text=text)
        case "hand_over":
            return HandOver(by=by, to=_one(form, "to"))
        case "close":
            return Close(by=by, reason=_text(form, "reason") or None)
        case "choose_case":
            return ChooseCase(
                by=by, inbrenger=_one(form, "inbrenger"), consent=_one(form, "consent") == "yes"
            )
        case "choose_method":
            method_id, _, variant = _one(form, "method").partition("/")
            return ChooseMethod(
                by=by,
                method_id=_required(method_id, "method"),
                variant=variant or None,
                inbrenger_agrees=_one(form, "agrees") == "yes",
            )
    raise NotSent("form.unknown_action", 403)


def _one(form: Form, name: str) -> str:
    values = form.get(name, ())
    return values[0] if values else ""


def _text(form: Form, name: str) -> str:
    value = _one(form, name).strip()
    if len(value) > MAX_TEXT:
        raise NotSent("form.too_long", limit=MAX_TEXT)
    return value


def _required(value: str, name: str) -> str:
    if not value:
        raise NotSent("form.missing", fields=name)
    return value


def _minutes(form: Form) -> int:
    raw = _one(form, "minutes").strip()
    if not raw.isdigit():
        raise NotSent("form.missing", fields="minutes")
    return int(raw)


class Sender:
    """Sends the board's commands to the engine, each with the request id of the tap
    that made it: the engine keeps the id in its journal with the command's events, so
    a tap sent again (a retry after a dropped connection, or after the board was
    restarted) is answered with what the first one did, and counts once.

    This is the only place the board calls :meth:`Engine.execute`. No expected version
    is sent: a member's contribution is judged on the meeting as it is when it
    arrives, not refused because someone else spoke a moment earlier.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def send(self, meeting_id: str, command: Command, request_id: str | None) -> int:
        """Execute ``command``; the meeting's version after it (or after the first time)."""
        return self.engine.execute(meeting_id, command, request_id=request_id).version
