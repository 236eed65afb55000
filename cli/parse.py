"""What a line typed at the runner's ``>`` prompt asks for, before anything is sent.

Pure: no meeting, no I/O. A facilitator types fast and in either language, so every
command has a Dutch and an English word, and every contribution kind the words the
engine's glossary gives it (its names, a shortcut per language: ``v`` for vraag).
Whether the command is allowed is the engine's business, not the parser's.

Two small notations carry references: ``@C3`` anywhere in a contribution makes it
an answer to C3 (the inbrenger answering a labelled question), and ``C3=warm`` in a
decision gives C3 a label, next to ``#C3`` which selects it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intervision.engine import GLOSSARY, Glossary, Lang

from .kinds import kind_of

__all__ = [
    "LEAVE_WORDS",
    "Advance",
    "ChooseCase",
    "ChooseInbrenger",
    "ChooseMethod",
    "ChooseModule",
    "Close",
    "Consensus",
    "Contribute",
    "Decide",
    "Empty",
    "Extend",
    "FrameCommand",
    "HandOver",
    "Help",
    "Invalid",
    "Leave",
    "Leervraag",
    "Parsed",
    "Pass",
    "Redraw",
    "Reveal",
    "Show",
    "Skip",
    "TakeLoop",
    "Unknown",
    "UnknownKind",
    "is_leave",
    "kind_of",
    "parse_command",
    "parse_line",
    "parse_method_choice",
    "split_names",
]


@dataclass(frozen=True)
class Contribute:
    """What ``name`` said; ``kind`` None when the line named none (``Carla: wat zei ze?``):
    the driver takes the one kind that person may give now, or asks which."""

    name: str
    kind: str | None
    text: str
    #: The contribution this one answers (``@C3`` in the line).
    reply_to: str | None = None
    #: At the opening: the earlier commitment this tells about (not typed: the
    #: caller that knows the group's history fills it in).
    commitment: str | None = None


@dataclass(frozen=True)
class UnknownKind:
    """``NAME: WORD: TEXT`` where WORD names no kind: said with the kinds allowed now."""

    name: str
    word: str


@dataclass(frozen=True)
class Advance:
    pass


@dataclass(frozen=True)
class Reveal:
    pass


@dataclass(frozen=True)
class Decide:
    text: str
    selected: tuple[str, ...]
    #: ``(contribution id, label)`` pairs, in the order typed.
    labels: tuple[tuple[str, str], ...] = ()
    #: Who decides, when the line names them (``Carla: besluit ...``); else whoever may.
    name: str | None = None


@dataclass(frozen=True)
class TakeLoop:
    """Go back along a declared loop; an empty id means: the phase's only loop."""

    loop_id: str


@dataclass(frozen=True)
class Consensus:
    text: str


@dataclass(frozen=True)
class ChooseModule:
    """Choose the module a nesting phase runs; an empty id means: the only one offered."""

    method_id: str


@dataclass(frozen=True)
class ChooseInbrenger:
    """The group chose whose example the case becomes (inside a phase that asks for it)."""

    name: str


@dataclass(frozen=True)
class Extend:
    minutes: int


@dataclass(frozen=True)
class Skip:
    reason: str


@dataclass(frozen=True)
class Close:
    reason: str


@dataclass(frozen=True)
class Show:
    pass


@dataclass(frozen=True)
class Help:
    pass


@dataclass(frozen=True)
class Redraw:
    """The whole screen of the current step again: phase, roles, contributions, time."""


@dataclass(frozen=True)
class Leave:
    pass


@dataclass(frozen=True)
class Empty:
    pass


@dataclass(frozen=True)
class Invalid:
    """A known command with a missing or malformed argument; ``key`` names the hint text."""

    key: str
    kind: str = ""


@dataclass(frozen=True)
class Unknown:
    pass


Parsed = (
    Contribute
    | Advance
    | Reveal
    | Decide
    | TakeLoop
    | Consensus
    | ChooseModule
    | ChooseInbrenger
    | Extend
    | Skip
    | Close
    | Show
    | Redraw
    | Help
    | Leave
    | Empty
    | Invalid
    | UnknownKind
    | Unknown
)


@dataclass(frozen=True)
class Leervraag:
    name: str
    text: str


@dataclass(frozen=True)
class Pass:
    name: str


@dataclass(frozen=True)
class ChooseCase:
    """The group's choice; sent as a command, it records the inbrenger's consent too.
    ``with_`` is the second of a pair bringing the case together (``case A+B``)."""

    name: str
    with_: str | None = None


@dataclass(frozen=True)
class ChooseMethod:
    """Sent as a command, it records that the inbrenger agrees to the method."""

    method_id: str
    variant: str | None = None


@dataclass(frozen=True)
class HandOver:
    """The facilitator hands the facilitation to this member (before the method starts)."""

    name: str


#: What the runner asks for in the frame, written as one line (``meeting do``).
FrameCommand = Leervraag | Pass | ChooseCase | ChooseMethod | HandOver

LEAVE_WORDS = frozenset({"pause", "pauze", "quit", "stop", "exit"})

_KEYWORDS: dict[str, str] = {
    **dict.fromkeys(("next", "verder", "volgende", "advance"), "advance"),
    **dict.fromkeys(("reveal", "onthul", "onthullen"), "reveal"),
    **dict.fromkeys(("decide", "besluit", "besluiten"), "decide"),
    **dict.fromkeys(("loop", "terug", "back"), "loop"),
    **dict.fromkeys(("consensus", "eens", "agreed"), "consensus"),
    **dict.fromkeys(("module", "werkvorm"), "module"),
    **dict.fromkeys(("inbrenger", "owner"), "inbrenger"),
    **dict.fromkeys(("extend", "verleng", "verlengen"), "extend"),
    **dict.fromkeys(("skip", "overslaan", "sla"), "skip"),
    **dict.fromkeys(("close", "afsluiten", "sluit"), "close"),
    **dict.fromkeys(("show", "toon", "tonen", "list"), "show"),
    **dict.fromkeys(("help", "hulp", "?", "h?"), "help"),
    **dict.fromkeys(("scherm", "screen", "redraw", "opnieuw"), "redraw"),
    **dict.fromkeys(LEAVE_WORDS, "leave"),
}

_COLON_FORM = re.compile(r"^(?P<name>[^:]+?)\s*:\s*(?P<rest>.*)$", re.S)
_KIND_FIRST = re.compile(r"^(?P<kind>[^:\s]+)\s*:\s*(?P<text>.*)$", re.S)
_SELECTION = re.compile(r"(?<!\S)#[cC]?(\d+)(?!\S)")
_LABEL = re.compile(r"(?<!\S)[cC](\d+)=(\S+)(?!\S)")
_REPLY = re.compile(r"(?<!\S)@[cC]?(\d+)(?!\S)")


def is_leave(line: str) -> bool:
    """Whether a line at any prompt means: stop here, resume later."""
    return line.strip().casefold() in LEAVE_WORDS


def parse_line(line: str, lang: Lang = "nl", glossary: Glossary = GLOSSARY) -> Parsed:
    """Turn one line from the ``>`` prompt into what it asks for; ``glossary`` knows
    the kinds (the registry's, with its plugins' kinds)."""
    text = line.strip()
    if not text:
        return Empty()
    first, _, rest = text.partition(" ")
    keyword = _KEYWORDS.get(first.rstrip(":").casefold())
    if keyword is not None:
        return _command(keyword, rest.strip().lstrip(":").strip())
    match = _COLON_FORM.match(text)
    if match is not None:
        return _said(match["name"], match["rest"], lang, glossary)
    words = text.split()
    if len(words) > 1 and _KEYWORDS.get(words[1].casefold()) == "decide":
        return _decision(" ".join(words[2:]), words[0])
    for index, word in enumerate(words[1:], start=1):
        kind = kind_of(word, lang, glossary)
        if kind is not None:
            return _contribution(" ".join(words[:index]), kind, " ".join(words[index + 1 :]))
    return Unknown()


def _said(name: str, rest: str, lang: Lang, glossary: Glossary) -> Parsed:
    """``NAME: ...``: a decision, a kind and its text, or only the text."""
    first, _, after = rest.partition(" ")
    if _KEYWORDS.get(first.rstrip(":").casefold()) == "decide":
        return _decision(after.strip().lstrip(":").strip(), name)
    named = _KIND_FIRST.match(rest)
    if named is not None:
        kind = kind_of(named["kind"], lang, glossary)
        if kind is None:
            return UnknownKind(name.strip(), named["kind"])
        return _contribution(name, kind, named["text"])
    return _contribution(name, None, rest)


_FRAME_WORDS: dict[str, str] = {
    **dict.fromkeys(("leervraag", "lv"), "leervraag"),
    **dict.fromkeys(("pass", "pas", "passen"), "pass"),
    **dict.fromkeys(("case", "casus"), "case"),
    **dict.fromkeys(("method", "methode"), "method"),
    **dict.fromkeys(("handover", "hand-over", "overdragen", "overdracht"), "hand_over"),
}


def parse_command(
    line: str, lang: Lang = "nl", glossary: Glossary = GLOSSARY
) -> Parsed | FrameCommand:
    """A whole step as one line: the frame's questions as words, else a ``>`` line.

    ``leervraag NAME: TEXT`` (or ``leervraag NAME TEXT`` for a one-word name),
    ``pass NAME``, ``case NAME``, ``method ID[/VARIANT]``, ``handover NAME``; the rest
    as ``parse_line``.
    """
    first, _, rest = line.strip().partition(" ")
    word = _FRAME_WORDS.get(first.rstrip(":").casefold())
    rest = rest.strip()
    if word is None:
        return parse_line(line, lang, glossary)
    if word == "leervraag":
        name, colon, text = rest.partition(":")
        if not colon:
            name, _, text = rest.partition(" ")
        if not name.strip() or not text.strip():
            return Invalid("parse.leervraag_usage")
        return Leervraag(name.strip(), text.strip())
    if word == "pass":
        return Pass(rest) if rest else Invalid("parse.pass_usage")
    if word == "case":
        first_name, plus, second = (part.strip() for part in rest.partition("+"))
        if not first_name or (plus and not second):
            return Invalid("parse.case_usage")
        return ChooseCase(first_name, second or None)
    if word == "hand_over":
        return HandOver(rest) if rest else Invalid("parse.hand_over_usage")
    method_id, variant = parse_method_choice(rest)
    return ChooseMethod(method_id, variant) if method_id else Invalid("parse.method_usage")


def parse_method_choice(line: str) -> tuple[str, str | None]:
    """``incident`` or ``incident/blind-position``: the method id and the variant, if any."""
    method_id, slash, variant = line.strip().partition("/")
    return method_id.strip(), (variant.strip() or None) if slash else None


def _contribution(name: str, kind: str | None, text: str) -> Parsed:
    replies = _REPLY.findall(text)
    if len(replies) > 1:
        return Invalid("parse.one_reply")
    text = " ".join(_REPLY.sub(" ", text).split()) if replies else text.strip()
    if not text:
        return Invalid("parse.need_text")
    return Contribute(name.strip(), kind, text, f"C{replies[0]}" if replies else None)


def _command(keyword: str, rest: str) -> Parsed:
    if keyword == "advance":
        return Advance()
    if keyword == "reveal":
        return Reveal()
    if keyword == "show":
        return Show()
    if keyword == "help":
        return Help()
    if keyword == "redraw":
        return Redraw()
    if keyword == "leave":
        return Leave()
    if keyword == "decide":
        return _decision(rest)
    if keyword == "loop":
        return TakeLoop(rest.split()[0] if rest else "")
    if keyword == "consensus":
        return Consensus(rest)
    if keyword == "module":
        return ChooseModule(rest.split()[0] if rest else "")
    if keyword == "inbrenger":
        return ChooseInbrenger(rest) if rest else Invalid("parse.inbrenger_usage")
    if keyword == "extend":
        minutes = rest.split()[0] if rest else ""
        if not minutes.isdigit() or int(minutes) < 1:
            return Invalid("parse.bad_minutes")
        return Extend(int(minutes))
    if keyword == "skip":
        reason = rest.removeprefix("over").strip() if rest.startswith("over ") else rest
        return Skip(reason) if reason else Invalid("parse.need_reason")
    return Close(rest)


def _decision(rest: str, name: str | None = None) -> Decide:
    selected = tuple(f"C{number}" for number in _SELECTION.findall(rest))
    labels = tuple((f"C{number}", label) for number, label in _LABEL.findall(rest))
    text = " ".join(_LABEL.sub(" ", _SELECTION.sub(" ", rest)).split())
    return Decide(text, selected, labels, name.strip() if name else None)


def split_names(text: str) -> list[str]:
    """The names in a comma-separated list, as a facilitator types who is here."""
    return [name.strip() for name in text.split(",") if name.strip()]
