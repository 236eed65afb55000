"""Pages as HTML: Jinja2 with autoescaping, so no text a member wrote is ever markup.

A page is a few regions (where the meeting is, what you can do, what was said,
...). The whole page is drawn once; after that the live stream sends the regions
again, each with a signature, and the page swaps only those that changed: a
member typing in a form keeps their text when the others' contributions arrive.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .texts import Lang, t

__all__ = ["MAX_TEXT", "REGIONS", "Region", "Renderer"]

#: The most characters one text field takes (a contribution, a reason, a leervraag).
MAX_TEXT = 4000

#: The regions of each view, in the order the page shows them, and their templates.
REGIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "member": (
        ("status", "_status.html"),
        ("actions", "_member_actions.html"),
        ("feed", "_member_feed.html"),
    ),
    "console": (
        ("status", "_status.html"),
        ("actions", "_console_actions.html"),
        ("feed", "_feed.html"),
        ("roles", "_roles.html"),
        ("people", "_people.html"),
    ),
    "display": (
        ("status", "_status.html"),
        ("feed", "_feed.html"),
        ("roles", "_roles.html"),
    ),
}


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    html: Markup
    sig: str


class Renderer:
    """The board's templates, loaded once."""

    def __init__(self) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )

    def regions(self, view: str, context: dict[str, Any]) -> list[Region]:
        found = []
        for region_id, name in REGIONS[view]:
            html = self.env.get_template(name).render(context)
            sig = hashlib.blake2s(html.encode(), digest_size=8).hexdigest()
            found.append(Region(region_id, Markup(html), sig))
        return found

    def page(self, view: str, context: dict[str, Any]) -> str:
        return self.env.get_template("page.html").render(
            {**context, "regions": self.regions(view, context)}
        )

    def message(self, lang: Lang, heading: str, body: str, *, status_view: str = "member") -> str:
        """A page with one message and nothing live (a link that ended, the index)."""
        return self.env.get_template("message.html").render(
            {
                "lang": lang,
                "title": heading,
                "heading": heading,
                "body": body,
                "view": status_view,
                "who": None,
                "base": None,
                "csrf": "",
                "live": False,
                "version": 0,
                "now_ms": 0,
                "rate": 1,
                "flash": None,
                "t": lambda key, **values: t(lang, key, **values),
            }
        )
