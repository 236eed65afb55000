"""Meeting ids as a person types them: any unique beginning, as git takes commits.

A meeting id is long enough to be unique in any store, and so too long to type;
``intervision run --resume 2026`` finds the one meeting whose id starts so. The
whole id always works; a beginning that fits several meetings names them all, and
one that fits none is "not found" (exit 8), never "refused". Nothing here assumes
the shape of an id: only that ids are strings and a beginning is a prefix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intervision.engine import Engine

    from .texts import Lang

__all__ = ["resolve_meeting_id"]

#: At most this many candidates are named when a beginning fits several meetings.
_SHOWN = 8


def resolve_meeting_id(engine: Engine, typed: str, lang: Lang = "en") -> str:
    """The whole id of the one meeting ``typed`` names (itself, or its beginning).

    Raises ``MeetingNotFoundError`` (exit 8) when none fits, and a usage error
    (exit 2) naming the candidates when several do.
    """
    import click

    from intervision.engine import MeetingNotFoundError, is_meeting_stream

    typed = typed.strip()
    try:
        engine.state(typed)
        return typed
    except MeetingNotFoundError:
        pass
    # The store's index finds the ids that begin so, without reading the others.
    ids = engine.journal.streams(typed) if typed else []
    fits = [meeting_id for meeting_id in ids if is_meeting_stream(meeting_id)]
    if len(fits) == 1:
        return fits[0]
    if fits:
        from .texts import t

        shown = ", ".join(fits[:_SHOWN]) + (" …" if len(fits) > _SHOWN else "")
        raise click.UsageError(t(lang, "meeting.ambiguous", typed=typed, n=len(fits), ids=shown))
    from intervision.engine import Text

    raise MeetingNotFoundError(
        Text(
            nl="Die bijeenkomst staat niet in deze opslag (ook geen waarvan het id zo begint); "
            "`intervision meetings` toont welke er zijn.",
            en="There is no such meeting in this store (nor one whose id begins so); "
            "`intervision meetings` lists them.",
        ),
        meeting_id=typed,
    )
