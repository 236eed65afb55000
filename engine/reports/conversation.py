"""What was said, as a conversation: the meeting report's threads.

A question and its answer, an advice and the inbrenger's reaction belong together:
the report keeps them in the order they were said, each answer right under what it
answers, rather than sorting what was said by kind. The look-back at the opening
is a thread too: each open commitment, and under it how it went.
"""

from __future__ import annotations

from collections.abc import Callable

from intervision.engine import GLOSSARY, Contribution, Lang, Text
from intervision.engine.groups import Commitment

from .render import Block, Heading, Thread

__all__ = ["conversation", "look_back_thread"]

Names = Callable[[str], str]

_T: dict[str, Text] = {
    "look_back": Text(nl="Terugblik", en="Looking back"),
    "promised": Text(nl="Voornemen van {day}", en="Commitment of {day}"),
    "how_it_went": Text(nl="Hoe het ging", en="How it went"),
    "not_told": Text(nl="(niet verteld)", en="(not told)"),
    "answers": Text(nl="op", en="to"),
}


def look_back_thread(
    promised: list[Commitment], told: list[Contribution], lang: Lang, name: Names
) -> list[Block]:
    """Each commitment the opening looked back on and how it went, as its maker told it
    there: what names the commitment's id, else (told before commitments had ids)
    what its maker said."""
    if not promised and not told:
        return []
    lines: list[tuple[int, str, str]] = []
    used: set[str] = set()
    how_it_went = _T["how_it_went"](lang)
    for commitment in promised:
        who = name(commitment.member)
        day = commitment.at.strftime("%Y-%m-%d")
        lines.append((0, f"{who} · {_T['promised'].format(lang, day=day)}", commitment.text))
        said = [c for c in told if c.commitment == commitment.id]
        if not said:
            said = [
                c
                for c in told
                if c.commitment is None and c.author == commitment.member and c.id not in used
            ]
        used.update(c.id for c in said)
        how = " ".join(c.text for c in said) if said else _T["not_told"](lang)
        lines.append((1, f"{who} · {how_it_went}", how))
    for c in told:
        if c.id not in used:
            lines.append((0, f"{name(c.author)} · {how_it_went}", c.text))
    return [Heading(2, _T["look_back"](lang)), Thread(tuple(lines))]


def conversation(
    said: list[Contribution], visible: list[Contribution], lang: Lang, name: Names
) -> Thread:
    """What was said, in order, each answer under what it answers.

    An answer to something said in an earlier phase stays where it was said and
    names what it answers.
    """
    by_id = {c.id: c for c in visible}
    here = {c.id for c in said}
    replies: dict[str, list[Contribution]] = {}
    for c in said:
        if c.reply_to in here:
            replies.setdefault(c.reply_to, []).append(c)
    lines: list[tuple[int, str, str]] = []

    def add(c: Contribution, depth: int) -> None:
        label = f"{name(c.author)} · {_kind(c.kind, lang)}"
        target = by_id.get(c.reply_to or "")
        if target is not None and c.reply_to not in here:
            label += f" {_T['answers'](lang)} {name(target.author)}: “{_short(target.text)}”"
        lines.append((depth, label, c.text))
        for reply in replies.get(c.id, []):
            add(reply, depth + 1)

    for c in said:
        if c.reply_to not in here:
            add(c, 0)
    return Thread(tuple(lines))


def _kind(kind: str, lang: Lang) -> str:
    return GLOSSARY.kind(kind)(lang)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
