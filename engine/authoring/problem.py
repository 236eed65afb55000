"""One problem a method author has to fix: where it is, and what to do, in both languages."""

from __future__ import annotations

from dataclasses import dataclass

from intervision.engine import Lang

__all__ = ["Problem"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong, where it is (``phases[1] (questions).minutes``) and what to do.

    ``message`` is English; ``nl`` the same in Dutch where the checker wrote it (the
    registry's own load errors are English only).
    """

    where: str
    message: str
    nl: str | None = None

    def text(self, lang: Lang) -> str:
        return self.nl if lang == "nl" and self.nl else self.message
