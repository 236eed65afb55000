"""Bilingual text: every word a facilitator reads exists in Dutch and English.

Why a model and not gettext: method authors write both languages side by side in
their spec (Python or TOML), and the registry must be able to reject a method that
forgot one of them, naming the field.

More languages come from language packs (``intervision_languages``): a pack maps
English texts to their translation, and :meth:`Text.__call__` looks a text up at the
moment it is said, falling back to the English. Keyed by the English because every
text already has it: the engine's refusals, the terminal's sentences and every
plugin's method are translated without an id on each of them, and a text whose
English changes falls back to English (never to a stale translation) until the pack
catches up, which ``intervision check`` lists. A text may also carry its other
languages itself (``more``), as a method author who writes German does.

The installed translations are the process's, like gettext's installed catalogue: a
registry that loads a pack installs it (:func:`install_language`), and from then on
every text renders in that language wherever it is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
)

__all__ = [
    "LANGS",
    "Lang",
    "LanguagePack",
    "Text",
    "install_language",
    "installed_languages",
    "translated",
]

#: A language code: ``nl`` or ``en``, which every text is written in, or one a
#: language pack adds (``de``). A string to the type checker.
Lang = Annotated[str, "a language code"]
#: The languages every text is written in.
LANGS: tuple[Lang, ...] = ("nl", "en")

#: Per installed language: English text -> translation.
_CATALOGUE: dict[str, dict[str, str]] = {}


@dataclass(frozen=True)
class LanguagePack:
    """A language a plugin adds: its code (``de``), its name in itself (``Deutsch``),
    and translations keyed by the English text they translate, placeholders kept
    (``"Meeting {id}: {where}": "Sitzung {id}: {where}"``). Any English text may be
    translated: the engine's and the terminal's, and any installed method's."""

    code: str
    name: str
    texts: Mapping[str, str] = field(default_factory=dict)


def install_language(code: str, texts: Mapping[str, str]) -> None:
    """Make ``code`` a language texts render in, with ``texts`` (English -> translation)
    added to what was installed for it before."""
    if code in LANGS:
        raise ValueError(f"{code!r} is written in every text; a pack cannot replace it")
    _CATALOGUE.setdefault(code, {}).update(texts)


def installed_languages() -> tuple[str, ...]:
    """The languages installed beyond Dutch and English, in the order they came."""
    return tuple(_CATALOGUE)


def translated(english: str, lang: Lang) -> str | None:
    """The installed translation of an English text into ``lang``, if there is one."""
    catalogue = _CATALOGUE.get(lang)
    return catalogue.get(english) if catalogue else None


class Text(BaseModel):
    """One text in both languages; both must be present and non-empty.

    ``more`` holds it in other languages, where the text itself knows them (given as
    a mapping, ``more={"de": "..."}``; kept as sorted pairs so a text stays hashable);
    any other language comes from the installed packs, else it is the English.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    nl: str
    en: str
    more: tuple[tuple[str, str], ...] = ()

    @field_validator("nl", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    @field_validator("more", mode="before")
    @classmethod
    def _pairs(cls, value: Any) -> Any:
        return tuple(sorted(value.items())) if isinstance(value, Mapping) else value

    @model_serializer(mode="wrap")
    def _more_as_mapping(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if self.more:
            data["more"] = dict(self.more)
        else:
            data.pop("more", None)
        return data

    def __call__(self, lang: Lang) -> str:
        if lang == "nl":
            return self.nl
        if lang == "en":
            return self.en
        found = dict(self.more).get(lang) if self.more else None
        if found is None and _CATALOGUE:
            found = translated(self.en, lang)
        return self.en if found is None else found

    def format(self, lang: Lang, **values: object) -> str:
        return self(lang).format(**values)

    @classmethod
    def joined(cls, texts: Iterable[Text], separator: str = ", ", empty: str = "-") -> Text:
        """``texts`` in one text, each language joined on its own (``vraag, advies``),
        the installed languages too: a list is translated item by item."""
        parts = list(texts)

        def join(lang: Lang) -> str:
            return separator.join(part(lang) for part in parts) or empty

        more = tuple((code, join(code)) for code in sorted(_CATALOGUE))
        return cls(nl=join("nl"), en=join("en"), more=more)
