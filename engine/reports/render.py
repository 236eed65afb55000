"""The few shapes a report is made of, and how they become Markdown or HTML.

Reports are built once as blocks and rendered twice, so the Markdown and the HTML
of a report cannot say different things, and escaping happens in one place: every
text in a block is user text or a label, and both renderers treat it as plain text.
The HTML is one self-contained file (inline CSS, no scripts, no fonts or images to
fetch) because a report is printed or mailed, often far from the machine that made it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from intervision.engine import Lang

__all__ = [
    "Block",
    "Heading",
    "Items",
    "Para",
    "Quote",
    "Table",
    "Thread",
    "render_html",
    "render_markdown",
]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    #: A remark about the report itself (confidentiality, what is left out).
    note: bool = False


@dataclass(frozen=True)
class Items:
    """A list of ``(label, text)`` pairs: a person and what they said, a field and its value."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Quote:
    label: str
    text: str


@dataclass(frozen=True)
class Table:
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Thread:
    """A conversation in the order it was said: ``(depth, label, text)`` per line, an
    answer one deeper than what it answers and right after it."""

    lines: tuple[tuple[int, str, str], ...]


Block = Heading | Para | Items | Quote | Table | Thread

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1f1f1f; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #444; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
ul { padding-left: 1.4rem; }
.note { font-style: italic; color: #555; }
blockquote { margin: .5rem 0; padding: .3rem .8rem; border-left: 4px solid #777;
  background: #f3f3f3; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
@media print {
  @page { margin: 2cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; color: #000; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  li, blockquote, tr { break-inside: avoid; page-break-inside: avoid; }
  blockquote, th { background: none; }
  thead { display: table-header-group; }
}
""".strip()


def render_markdown(blocks: list[Block]) -> str:
    """Plain Markdown: tables as pipe tables, and no HTML a renderer would run."""
    out: list[str] = []
    for block in blocks:
        match block:
            case Heading():
                out.append(f"{'#' * block.level} {_md(block.text)}")
            case Para():
                out.append(f"*{_md(block.text)}*" if block.note else _md(block.text))
            case Items():
                out.append("\n".join(_md_item(label, text) for label, text in block.items))
            case Quote():
                lines = _md(block.text).split("\n")
                out.append(
                    "\n".join(
                        [f"> **{_md(block.label)}:** {lines[0]}"]
                        + [f"> {line}" for line in lines[1:]]
                    )
                )
            case Thread():
                out.append(
                    "\n".join(
                        "  " * depth + _md_item(label, text).replace("\n", "\n" + "  " * depth)
                        for depth, label, text in block.lines
                    )
                )
            case Table():
                rows = [block.head, tuple("---" for _ in block.head), *block.rows]
                out.append(
                    "\n".join("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
                )
    return "\n\n".join(out) + "\n"


def render_html(blocks: list[Block], title: str, lang: Lang) -> str:
    """One HTML document that prints well; every text goes through ``html.escape``."""
    body: list[str] = []
    for block in blocks:
        match block:
            case Heading():
                level = min(max(block.level, 1), 6)
                body.append(f"<h{level}>{_h(block.text)}</h{level}>")
            case Para():
                cls = ' class="note"' if block.note else ""
                body.append(f"<p{cls}>{_h(block.text)}</p>")
            case Items():
                items = "".join(
                    f"<li><strong>{_h(label)}:</strong> {_h(text)}</li>"
                    if label
                    else f"<li>{_h(text)}</li>"
                    for label, text in block.items
                )
                body.append(f"<ul>{items}</ul>")
            case Quote():
                body.append(
                    f"<blockquote><strong>{_h(block.label)}:</strong> {_h(block.text)}</blockquote>"
                )
            case Thread():
                body.append(_html_thread(block))
            case Table():
                head = "".join(f"<th>{_h(c)}</th>" for c in block.head)
                rows = "".join(
                    "<tr>" + "".join(f"<td>{_h(c)}</td>" for c in row) + "</tr>"
                    for row in block.rows
                )
                body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def _html_thread(thread: Thread) -> str:
    """Nested lists: each answer in a list inside the item it answers."""
    out: list[str] = []
    depth = -1
    for level, label, text in thread.lines:
        if level > depth:
            out.append("<ul>" * (level - depth))
        else:
            out.append("</li>" + "</ul></li>" * (depth - level))
        depth = level
        out.append(f"<li><strong>{_h(label)}:</strong> {_h(text)}")
    out.append("</li>" + "</ul></li>" * depth + "</ul>" if depth >= 0 else "")
    return "".join(out)


def _h(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _md(text: str) -> str:
    """User text as Markdown text: a ``<`` could open a tag a Markdown renderer keeps."""
    return text.replace("<", "&lt;")


def _md_item(label: str, text: str) -> str:
    body = _md(text).replace("\n", "\n  ")
    return f"- **{_md(label)}:** {body}" if label else f"- {body}"


def _cell(text: str) -> str:
    return _md(text).replace("|", "\\|").replace("\r", "").replace("\n", " ")
