"""What a language pack leaves in English, for its author: ``intervision check de``.

A pack translates English texts (``LanguagePack.texts``), and every text it does not
translate is said in English. To know what is left, the texts there are must be
listed: the engine's words (kinds, roles, labels, the frame, the rule kinds' titles),
every installed method's texts, and whatever a caller adds (the terminal's own
sentences, which the engine cannot see). Texts made at the moment they are said
(a refusal with a number in it) are translated through their English template,
which this list cannot know; they are not in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from string import Formatter

from pydantic import BaseModel

from intervision.engine import FRAME_STEPS, STANDARD_ROLES, Registry, Text

from .problem import Problem

__all__ = ["check_language", "engine_texts"]


def engine_texts(registry: Registry) -> dict[str, list[str]]:
    """Every English text the engine and the installed methods say, by where it comes from."""
    glossary = registry.glossary
    terms = [*glossary.kinds.values(), *glossary.roles.values(), *glossary.labels.values()]
    found = {
        "engine": _unique(
            [
                *(t.name.en for t in terms),
                *(t.plural.en for t in terms if t.plural is not None),
                *(
                    text.en
                    for step in FRAME_STEPS.values()
                    for text in (step.title, step.instructions)
                ),
                *(kind.title.en for kind in registry.rule_kinds.values()),
                *(text.en for role in STANDARD_ROLES for text in _texts_in(role)),
            ]
        )
    }
    for method in registry.methods(modules=True):
        found[f"method {method.id}"] = _unique(text.en for text in _texts_in(method))
    return found


def check_language(
    code: str, registry: Registry, more: Mapping[str, Iterable[str]] | None = None
) -> list[Problem]:
    """What the installed language ``code`` leaves untranslated, and each translation
    whose ``{placeholders}`` differ from its English; ``more`` adds texts to look for
    (the terminal's, by where they come from)."""
    pack = registry.languages.get(code)
    texts = pack.texts if pack is not None else {}
    sources = {**engine_texts(registry), **{k: _unique(v) for k, v in (more or {}).items()}}
    problems: list[Problem] = []
    for english, translation in texts.items():
        if _placeholders(english) != _placeholders(translation):
            problems.append(
                Problem(
                    f"{code}",
                    f"the translation of {english!r} fills in "
                    f"{_names(translation)} where the English fills in {_names(english)}; "
                    "it is said in English until they are the same",
                    f"de vertaling van {english!r} vult {_names(translation)} in waar het "
                    f"Engels {_names(english)} invult; tot ze gelijk zijn, klinkt het Engels",
                )
            )
    for where, english_texts in sources.items():
        for english in english_texts:
            if english not in texts:
                problems.append(
                    Problem(
                        f"{code}: {where}",
                        f"not translated, said in English: {english!r}",
                        f"niet vertaald, klinkt in het Engels: {english!r}",
                    )
                )
    return problems


def _texts_in(value: object) -> Iterator[Text]:
    """Every ``Text`` in a spec record, however deep (phases, decisions, loops, ...)."""
    if isinstance(value, Text):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts_in(getattr(value, name))
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _texts_in(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _texts_in(item)


def _unique(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def _placeholders(template: str) -> set[str]:
    try:
        return {name for _, name, _, _ in Formatter().parse(template) if name is not None}
    except ValueError:  # a lone brace: no placeholders to compare
        return set()


def _names(template: str) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(_placeholders(template))) or "nothing"
