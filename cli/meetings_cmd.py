"""``intervision meetings``: the meetings in a store and where each one stands.

Shows ids, dates, versions and positions only: the listing may be read by someone
outside the group, so no leervraag, contribution or decision appears in it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from .console import say
from .methods_cmd import table
from .settings import Settings, pass_settings
from .texts import Lang, t

if TYPE_CHECKING:
    from intervision.engine import Engine, MeetingState

__all__ = ["meetings", "where"]


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@pass_settings
def meetings(settings: Settings, as_json: bool) -> None:
    """List the meetings in the store."""
    from intervision.engine import StoreError
    from intervision.engine.storage import EncryptionError

    engine = settings.open_engine()
    lang = settings.lang
    listed: list[dict[str, Any]] = []
    unreadable: list[StoreError] = []
    sealed = 0
    for summary in engine.meetings():
        entry: dict[str, Any] = {
            "id": summary.meeting_id,
            "started": summary.started_at.isoformat(),
            "version": summary.version,
        }
        try:
            # The summary has no position; replaying is the one honest way to get it.
            state = engine.reload(summary.meeting_id)
        except EncryptionError as exc:
            if _has_key():
                entry.update(frame=None, phase=None, method=None, closed=None, error=str(exc))
                unreadable.append(exc)  # a key that does not fit: the store needs attention
            else:
                # No key here: where an encrypted meeting stands is part of what is sealed.
                entry.update(frame=None, phase=None, method=None, closed=None, encrypted=True)
                sealed += 1
        except StoreError as exc:
            entry.update(frame=None, phase=None, method=None, closed=None, error=str(exc))
            unreadable.append(exc)
        else:
            case = state.case
            entry.update(
                frame=state.frame,
                phase=state.phase,
                method=case.method_id if case else None,
                closed=state.closed,
                where=where(engine, state, lang),
            )
        listed.append(entry)
    if as_json:
        for entry in listed:
            entry.pop("where", None)
        click.echo(json.dumps(listed, indent=2, ensure_ascii=False))
    elif not listed:
        say(t(lang, "meetings.none"))
    else:
        click.echo(_table(listed, lang))
    if sealed:
        click.echo(t(lang, "meetings.sealed", n=sealed), err=True)
    # The readable meetings are listed all the same; the exit code says the store
    # needs attention, one line per meeting that cannot be read says where.
    if unreadable:
        from .main import one_line

        for error in unreadable:
            click.echo(t(lang, "error", text=one_line(str(error))), err=True)
        raise SystemExit(StoreError.exit_code)


def _table(listed: list[dict[str, Any]], lang: Lang) -> str:
    heads = tuple(t(lang, f"col.{c}") for c in ("id", "started", "version", "closed", "where"))
    rows = [
        (
            e["id"],
            _local(e["started"]),
            str(e["version"]),
            "?" if e["closed"] is None else t(lang, "yes" if e["closed"] else "no"),
            e.get("where")
            or t(lang, "meetings.encrypted" if e.get("encrypted") else "meetings.unreadable"),
        )
        for e in listed
    ]
    return table([heads, *rows])


def _has_key() -> bool:
    """Whether a key is configured (a broken key setting stopped the store opening)."""
    from intervision.engine.storage import configured_key

    return configured_key() is not None


def where(engine: Engine, state: MeetingState, lang: Lang) -> str:
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
