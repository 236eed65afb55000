"""Contribution kinds as the terminal says and reads them: one place for every kind word.

One name per kind, the same on the screen as in the reports (the engine's
``KIND_TITLES``), and per language the shortcut a facilitator types before the
colon: ``v:`` for a vraag, ``a:`` for advies, ``q:`` for a question. The shortcuts
of both languages work in either language (they never name two different kinds),
together with the kind's name and a few older words, so a line typed from habit
still lands.

When the engine's glossary of kinds, roles and labels lands, this module reads
its names and shortcuts from there; nothing else in the CLI changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .texts import Lang

__all__ = [
    "KIND_ALIASES",
    "SHORTCUTS",
    "kind_name",
    "kind_of",
    "kinds_typed",
    "shortcut",
]

#: Per kind, what a facilitator types for it: (Dutch, English).
SHORTCUTS: dict[str, tuple[str, str]] = {
    "question": ("v", "q"),
    "open_question": ("ov", "oq"),
    "association": ("as", "as"),
    "image": ("b", "i"),
    "analysis": ("an", "an"),
    "advice": ("a", "ad"),
    "position": ("st", "p"),
    "reaction": ("r", "r"),
    "statement": ("u", "s"),
    "recognition": ("h", "rec"),
    "learning_point": ("lp", "lp"),
    "note": ("n", "n"),
}

#: Longer words for each kind, in both languages, besides its shortcuts and its id.
_WORDS: dict[str, tuple[str, ...]] = {
    "question": ("vraag", "vr"),
    "open_question": ("open", "open_vraag", "openvraag"),
    "association": ("associatie", "assoc"),
    "image": ("beeld",),
    "analysis": ("analyse",),
    "advice": ("advies", "adv"),
    "position": ("pos", "standpunt", "positie"),
    "reaction": ("reactie", "antwoord", "answer"),
    "statement": ("uitspraak", "stelling", "mededeling", "vertelling"),
    "recognition": ("herkenning",),
    "learning_point": ("leerpunt", "learning"),
    "note": ("notitie",),
}

KIND_ALIASES: dict[str, str] = {
    word: kind for kind, words in _WORDS.items() for word in (*SHORTCUTS[kind], kind, *words)
}


def kind_of(word: str) -> str | None:
    """The kind a typed word names (a shortcut in either language, a name, an id), or None."""
    return KIND_ALIASES.get(word.strip().casefold())


def kind_name(kind: str, lang: Lang) -> str:
    """The kind's one name in ``lang``, as the reports print it."""
    from intervision.engine import KIND_TITLES

    title = KIND_TITLES.get(kind)
    return title(lang) if title is not None else kind


def shortcut(kind: str, lang: Lang) -> str:
    """What to type for ``kind`` in ``lang`` (the id for a kind a plugin brought)."""
    pair = SHORTCUTS.get(kind)
    return kind if pair is None else pair[0] if lang == "nl" else pair[1]


def kinds_typed(kinds: tuple[str, ...] | list[str], lang: Lang) -> str:
    """Kinds in words, each with what to type for it: ``vraag (v), notitie (n)``."""
    return ", ".join(f"{kind_name(k, lang)} ({shortcut(k, lang)})" for k in kinds)
