"""``intervision meetings``: the meetings in a store and where each one stands.

Shows ids, dates, versions and positions only: the listing may be read by someone
outside the group, so no leervraag, contribution or decision appears in it. It is
read from the meetings' digests (the read models the store keeps), a page at a
time, so it answers as fast with a hundred thousand meetings as with ten; a page
that is not the last ends with the cursor of the next one, on stderr.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Protocol

import click

from .console import say
from .methods_cmd import table
from .settings import Settings, pass_settings
from .texts import Lang, t

if TYPE_CHECKING:
    from intervision.engine import Engine

__all__ = ["meetings", "where"]


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="At most this many meetings (a page).",
)
@click.option("--cursor", metavar="C", help="The next page: the cursor the page before gave.")
@click.option("--group", "group_id", metavar="GROUP", help="Only this group's meetings (its id).")
@click.option("--open/--closed", "open_", default=None, help="Only open, or only closed ones.")
@click.option("--oldest-first", is_flag=True, help="Oldest first (default: newest first).")
@pass_settings
def meetings(
    settings: Settings,
    as_json: bool,
    limit: int,
    cursor: str | None,
    group_id: str | None,
    open_: bool | None,
    oldest_first: bool,
) -> None:
    """List the meetings in the store, newest first, a page at a time."""
    from intervision.engine.storage import listing_page

    engine = settings.open_engine()
    lang = settings.lang
    try:
        page, encrypted = listing_page(
            engine.journal,
            group_id=group_id,
            closed=None if open_ is None else not open_,
            limit=limit,
            cursor=cursor,
            oldest_first=oldest_first,
        )
    except ValueError:
        raise click.BadParameter(t(lang, "meetings.bad_cursor"), param_hint="--cursor") from None
    listed: list[dict[str, Any]] = []
    wheres: list[str] = []
    for digest in page.digests:
        entry: dict[str, Any] = {
            "id": digest.meeting_id,
            "started": digest.started_at.isoformat(),
            "version": digest.version,
        }
        if digest.meeting_id in encrypted:
            # Where an encrypted meeting stands is part of what is sealed.
            entry.update(frame=None, phase=None, method=None, closed=None, encrypted=True)
            wheres.append(t(lang, "meetings.encrypted"))
        else:
            entry.update(
                frame=digest.frame,
                phase=digest.phase,
                method=digest.case.method_id if digest.case else None,
                closed=digest.closed,
            )
            wheres.append(where(engine, digest, lang))
        listed.append(entry)
    sealed = sum(1 for entry in listed if entry.get("encrypted"))
    if as_json:
        click.echo(json.dumps(listed, indent=2, ensure_ascii=False))
    elif not listed:
        say(t(lang, "meetings.none"))
    else:
        click.echo(_table(listed, wheres, lang))
    if sealed:
        click.echo(t(lang, "meetings.sealed", n=sealed), err=True)
    if page.next_cursor:
        # On stderr, so that --json stays one list a script reads as it is.
        click.echo(t(lang, "meetings.more", cursor=page.next_cursor), err=True)


def _table(listed: list[dict[str, Any]], wheres: list[str], lang: Lang) -> str:
    heads = tuple(t(lang, f"col.{c}") for c in ("id", "started", "version", "closed", "where"))
    rows = [
        (
            e["id"],
            _local(e["started"]),
            str(e["version"]),
            "?" if e["closed"] is None else t(lang, "yes" if e["closed"] else "no"),
            place,
        )
        for e, place in zip(listed, wheres, strict=True)
    ]
    return table([heads, *rows])


class _Case(Protocol):
    @property
    def method_id(self) -> str | None: ...
    @property
    def method_version(self) -> str | None: ...


class _Where(Protocol):
    """Where a meeting is: its state, or its digest, both say it the same way."""

    @property
    def frame(self) -> str: ...
    @property
    def phase(self) -> str | None: ...
    @property
    def case(self) -> _Case | None: ...


def where(engine: Engine, state: _Where, lang: Lang) -> str:
    """The frame step, and inside a method the method and phase, in words."""
    from intervision.engine import FRAME_STEPS, IntervisionError

    step = FRAME_STEPS[state.frame].title(lang)
    case = state.case
    if state.frame != "method" or case is None or case.method_id is None:
        return step
    try:
        method = engine.registry.method(case.method_id, case.method_version)
        phases = [p.id for p in method.phases]
        number = phases.index(state.phase) + 1 if state.phase in phases else "?"
        phase = method.phase(state.phase).title(lang) if state.phase in phases else state.phase
        return f"{method.title(lang)} {number}/{len(phases)}: {phase}"
    except IntervisionError:
        return f"{case.method_id} {case.method_version}: {state.phase}"


def _local(iso: str) -> str:
    from datetime import datetime

    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
