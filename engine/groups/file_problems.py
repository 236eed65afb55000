"""Problems in a TOML file a facilitator wrote: where they are (line, field) and what to do.

Apart from the group file's model so that both stay small; the messages are
bilingual and never quote a value from the file, only where it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intervision.engine import GroupError, Lang, Text

__all__ = ["FileProblem", "GroupFileError", "line_of", "locate"]


@dataclass(frozen=True)
class FileProblem:
    """One thing wrong in a group file: where (field path and line) and what to do."""

    loc: tuple[str | int, ...]
    text: Text
    line: int | None = None

    @property
    def field(self) -> str:
        """``members[3].reports_to``: list positions count from 1, like the tables in the file."""
        out = ""
        for part in self.loc:
            if isinstance(part, int):
                out += f"[{part + 1}]"
            else:
                shown = part if len(part) <= 40 else part[:39] + "…"
                shown = shown if shown.isprintable() else repr(shown)
                out += f".{shown}" if out else shown
        return out or "(file)"

    def where(self, lang: Lang) -> str:
        """``line 12, members[3].name``; a problem of the whole file names only its line."""
        parts = [f"{_LINE(lang)} {self.line}"] if self.line else []
        if self.loc:
            parts.append(self.field)
        return ", ".join(parts)


class GroupFileError(GroupError):
    """A group file that is not one (exit 2), or whose group cannot be made (exit 7).

    ``problems`` holds every problem found, each in Dutch and English; the message
    (English) names the file, and never a value from it.
    """

    def __init__(self, path: str, problems: list[FileProblem], *, refused: bool = False) -> None:
        self.path = path
        self.problems = problems
        self.exit_code = 7 if refused else 2
        prefix = f"{path}: " if path else ""
        super().__init__(
            Text(
                nl=prefix + "; ".join(_joined(p.where("nl"), p.text.nl) for p in problems),
                en=prefix + "; ".join(_joined(p.where("en"), p.text.en) for p in problems),
            )
        )

    def lines(self, lang: Lang) -> list[str]:
        """One line per problem, in ``lang``, each starting with the file."""
        prefix = f"{self.path}: " if self.path else ""
        return [prefix + _joined(p.where(lang), p.text(lang)) for p in self.problems]


_LINE = Text(nl="regel", en="line")


def _joined(where: str, text: str) -> str:
    return f"{where}: {text}" if where else text


# -- where things are ---------------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_\-\"' .]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=""")


def locate(source: str) -> dict[tuple[str | int, ...], int]:
    """Field paths to line numbers, read from the file's own layout.

    tomllib keeps no positions; the few shapes a group file has (top-level keys,
    ``[contract]``, ``[[members]]``) are found line by line. Fields in inline
    tables fall back to the line of their list or table.
    """
    lines: dict[tuple[str | int, ...], int] = {}
    table: tuple[str | int, ...] = ()
    counts: dict[str, int] = {}
    for number, text in enumerate(source.splitlines(), 1):
        header = _HEADER.match(text)
        if header:
            name = header.group(2).strip().strip("\"'")
            if header.group(1) == "[[":
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = (name, index)
                lines.setdefault((name,), number)
            else:
                table = (name,)
            lines.setdefault(table, number)
            continue
        key = _KEY.match(text)
        if key:
            lines.setdefault((*table, key.group(1).strip("\"'")), number)
    return lines


def line_of(lines: dict[tuple[str | int, ...], int], loc: tuple[str | int, ...]) -> int | None:
    for end in range(len(loc), 0, -1):
        found = lines.get(loc[:end])
        if found is not None:
            return found
    return None
