"""Contribution kinds as the terminal says and reads them, from the engine's glossary.

One name per kind, the same on the screen as in the reports and the refusals
(:data:`intervision.engine.GLOSSARY`), and per language the shortcut a facilitator
types before the colon: ``v:`` for a vraag, ``q:`` for a question. Both languages'
shortcuts work in either language where they name no other kind. The terminal's
few functions over the glossary live here, so no screen words a kind its own way.

Each takes the glossary to read (``words``): the registry's (``registry.glossary``)
knows the kinds the loaded plugins declare, the engine's own only the built-in ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intervision.engine import GLOSSARY

if TYPE_CHECKING:
    from intervision.engine import Glossary

    from .texts import Lang

__all__ = ["kind_name", "kind_of", "kinds_typed", "shortcut"]


def kind_of(word: str, lang: Lang = "nl", words: Glossary = GLOSSARY) -> str | None:
    """The kind a typed word names (a shortcut, a name, an id), or None; ``lang`` settles
    a shortcut that means one kind in Dutch and another in English."""
    return words.kind_for(word, lang)


def kind_name(kind: str, lang: Lang, words: Glossary = GLOSSARY) -> str:
    """The kind's one name in ``lang``, as the reports print it."""
    return words.kind(kind)(lang)


def shortcut(kind: str, lang: Lang, words: Glossary = GLOSSARY) -> str:
    """What to type for ``kind`` in ``lang`` (the id for a kind the glossary lacks)."""
    term = words.kinds.get(kind)
    return term.short(lang) if term is not None and term.short is not None else kind


def kinds_typed(kinds: tuple[str, ...] | list[str], lang: Lang, words: Glossary = GLOSSARY) -> str:
    """Kinds in words, each with what to type for it: ``vraag (v), notitie (n)``."""
    return ", ".join(f"{kind_name(k, lang, words)} ({shortcut(k, lang, words)})" for k in kinds)
