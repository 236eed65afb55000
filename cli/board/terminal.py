"""The terminal that started the board: the links, as text and QR codes, and new ones.

The facilitator's terminal is where the links come from: at the start every link
is printed with its QR code (members in the room scan it from the screen), and
while the board runs a line typed there replaces a lost link, the console's too.
That is why a member can never take the console: only this terminal, or the
console itself, makes a console link.
"""

from __future__ import annotations

import io
import json
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from intervision.engine import MeetingState, slug

from .passes import PassBook, PassKind
from .texts import Lang, t

__all__ = ["Links", "listen", "print_links", "qr_text"]


@dataclass
class Links:
    """The links made in this run of the board, by what they open."""

    base_url: str
    meeting_id: str
    console: str | None = None
    display: str | None = None
    members: dict[str, str] = field(default_factory=dict)

    def url(self, token: str) -> str:
        return f"{self.base_url}/b/{token}"


def issue_all(passes: PassBook, state: MeetingState, base_url: str) -> Links:
    """A link for the console, the room display and every member present."""
    links = Links(base_url, state.meeting_id)
    links.console = links.url(passes.issue(state.meeting_id, "console"))
    links.display = links.url(passes.issue(state.meeting_id, "display"))
    for person in _members_present(state):
        links.members[person] = links.url(passes.issue(state.meeting_id, "member", person))
    return links


def _members_present(state: MeetingState) -> list[str]:
    return [p for p in state.present if not state.members[p].external]


def qr_text(url: str) -> str:
    """The link as a QR code of half blocks: two rows of modules per line."""
    import segno

    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True)
    return out.getvalue()


def print_links(
    links: Links, state: MeetingState, lang: Lang, *, as_json: bool, out: TextIO
) -> None:
    names = {p: state.members[p].name for p in state.members}
    if as_json:
        data = {
            "meeting_id": links.meeting_id,
            "url": links.base_url,
            "console": links.console,
            "display": links.display,
            "members": {names[p]: url for p, url in links.members.items()},
        }
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
        out.flush()
        return
    out.write(t(lang, "term.serving", id=links.meeting_id, url=links.base_url) + "\n")
    rows: list[tuple[str, str | None]] = [
        (t(lang, "term.console"), links.console),
        (t(lang, "term.display"), links.display),
    ]
    rows += [(t(lang, "term.member", name=names[p]), url) for p, url in links.members.items()]
    for label, url in rows:
        if url is None:
            continue
        out.write(f"\n{label}:\n  {url}\n")
        out.write(qr_text(url))
    if links.console is None:
        out.write("\n" + t(lang, "term.kept") + "\n")
    out.write("\n" + t(lang, "term.help") + "\n")
    out.flush()


def replace_link(passes: PassBook, state: MeetingState, links: Links, line: str, lang: Lang) -> str:
    """What a line typed at the terminal asks for, done; the answer to print."""
    word, _, rest = line.strip().partition(" ")
    word = word.casefold()
    kind: PassKind
    person: str | None = None
    if word in ("console", "begeleider"):
        kind, label = "console", t(lang, "term.console")
    elif word in ("display", "scherm", "groepsscherm"):
        kind, label = "display", t(lang, "term.display")
    elif word == "link" and rest.strip():
        person = _member(state, rest.strip())
        if person is None:
            present = ", ".join(state.members[p].name for p in _members_present(state))
            return t(lang, "term.no_member", name=rest.strip(), names=present)
        kind, label = "member", t(lang, "term.member", name=state.members[person].name)
    elif word in ("links", "help", "hulp", "?"):
        return t(lang, "term.help")
    else:
        return t(lang, "term.unknown", line=line.strip(), help=t(lang, "term.help"))
    url = links.url(passes.issue(state.meeting_id, kind, person))
    return f"{t(lang, 'term.replaced')} {label}\n  {url}\n{qr_text(url)}"


def _member(state: MeetingState, name: str) -> str | None:
    folded = name.casefold()
    for person in _members_present(state):
        member = state.members[person]
        if member.name.casefold() == folded or member.id == slug(name):
            return person
    return None


def listen(
    answer: Callable[[str], str | None],
    *,
    stream: TextIO | None = None,
    out: TextIO | None = None,
) -> threading.Thread:
    """Read lines from the terminal on a thread of their own and print each answer;
    ``answer`` returns None to stop listening. Ends quietly at the end of input."""

    def run() -> None:
        source = stream or sys.stdin
        target = out or sys.stdout
        for line in source:
            if not line.strip():
                continue
            reply = answer(line)
            if reply is None:
                return
            target.write(reply + "\n")
            target.flush()

    thread = threading.Thread(target=run, name="intervision-board-terminal", daemon=True)
    thread.start()
    return thread
