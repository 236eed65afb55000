"""Bilingual text: every word a facilitator reads exists in Dutch and English.

Why a model and not gettext: method authors write both languages side by side in
their spec (Python or TOML), and the registry must be able to reject a method that
forgot one of them, naming the field.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

__all__ = ["LANGS", "Lang", "Text"]

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")


class Text(BaseModel):
    """One text in both languages; both must be present and non-empty."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nl: str
    en: str

    @field_validator("nl", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    def __call__(self, lang: Lang) -> str:
        return self.nl if lang == "nl" else self.en

    def format(self, lang: Lang, **values: object) -> str:
        return self(lang).format(**values)
