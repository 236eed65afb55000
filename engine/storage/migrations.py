"""Upgrading a stored event from an older schema version, by explicit steps only.

The journal is append-only: a row written years ago keeps the shape it was written
in. When an event type changes shape, its class in ``intervision.engine`` gets the next
``v`` and :data:`UPGRADES` gets one step that turns the old shape into the new one,
keyed by ``(event type, from version)``. Reading applies the steps in order before
validation, so the rest of the engine only ever sees the current shape; the stored
row is never rewritten.

Nothing is guessed. A row without a schema version, with a version newer than this
intervision knows (written by a newer release: upgrade), or with an older version
that has no step (nobody wrote down how that shape maps to today's) is refused with
a message that names the event type and the versions, never the row's content.

Each step has a test with a row in the old shape (``tests/engine/test_migrations.py``),
and the golden histories recorded before the change (``tests/golden/``) are journals
in that shape, read through the step on every test run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, get_args

from intervision.engine import Event

__all__ = [
    "CURRENT_VERSIONS",
    "UPGRADES",
    "Step",
    "UnreadableEvent",
    "current_versions",
    "upgrade",
]

#: Turns the stored fields of one version into those of the next; pure, no I/O.
Step = Callable[[dict[str, Any]], dict[str, Any]]


def _with(**defaults: Any) -> Step:
    """A step that adds fields a later version has, with the value that means what
    the older version meant by leaving them out."""

    def step(data: dict[str, Any]) -> dict[str, Any]:
        return {**defaults, **data}

    return step


def _roles_of_the_day(data: dict[str, Any]) -> dict[str, Any]:
    """``meeting_started`` 1 -> 2: the ``scribe`` and ``timekeeper`` fields become the
    ``roles`` mapping, which holds any role a method declares."""
    upgraded = {key: value for key, value in data.items() if key not in _DAY_ROLES}
    upgraded["roles"] = {role: [data[role]] for role in _DAY_ROLES if data.get(role)}
    return upgraded


_DAY_ROLES = ("scribe", "timekeeper")

#: ``(event type, from version) -> step to from version + 1``.
UPGRADES: dict[tuple[str, int], Step] = {
    ("meeting_started", 1): _roles_of_the_day,
    # a meeting started before the feedback round existed held none
    ("meeting_started", 2): _with(feedback_round=False),
    # a case chosen before pairs existed had one inbrenger
    ("case_chosen", 1): _with(co_inbrenger=None),
}


class UnreadableEvent(ValueError):
    """The stored event cannot be brought to the current shape.

    The message says why in words that carry no stored text; the decode path adds
    the meeting and version.
    """


def current_versions() -> dict[str, int]:
    """The schema version each event type is written with today."""
    union = get_args(get_args(Event)[0])
    return {cls.model_fields["type"].default: cls.model_fields["v"].default for cls in union}


#: The version each event type is written with by this release.
CURRENT_VERSIONS = current_versions()


def upgrade(
    data: dict[str, Any],
    *,
    steps: Mapping[tuple[str, int], Step] | None = None,
    versions: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """The stored fields in the current shape of their type, ready for validation.

    An event already current comes back as the same dict (reading a journal is hot);
    an older one as a new dict, ``data`` untouched. ``steps`` and ``versions``
    default to this release's table; tests pass their own.
    """
    versions = CURRENT_VERSIONS if versions is None else versions
    event_type = data.get("type")
    if not isinstance(event_type, str) or event_type not in versions:
        # The unknown name is not repeated: a damaged row may hold anything there.
        raise UnreadableEvent(
            "the stored event has a type this intervision does not know; if a newer "
            "intervision wrote it, upgrade intervision, otherwise restore the store "
            "from a backup"
        )
    current = versions[event_type]
    found = data.get("v")
    if not isinstance(found, int) or isinstance(found, bool) or found < 1:
        raise UnreadableEvent(
            f"the stored {event_type} event has no valid schema version; restore the "
            "store from a backup"
        )
    if found == current:
        return data
    if found > current:
        raise UnreadableEvent(
            f"the stored {event_type} event has schema version {found}, newer than this "
            f"intervision knows ({current}); upgrade intervision to read this store"
        )
    steps = UPGRADES if steps is None else steps
    upgraded = dict(data)
    for version in range(found, current):
        step = steps.get((event_type, version))
        if step is None:
            raise UnreadableEvent(
                f"the stored {event_type} event has schema version {found}, and this "
                f"intervision has no upgrade from version {version} to {version + 1}; "
                "open the store with the intervision release that wrote it, or restore "
                "it from a backup"
            )
        try:
            upgraded = dict(step(upgraded))
        except (LookupError, TypeError, ValueError):
            broken = True  # raised below, so the step's error (it may quote) is not chained
        else:
            broken = False
            upgraded["v"] = version + 1
        if broken:
            raise UnreadableEvent(
                f"the stored {event_type} event does not have the shape of its schema "
                f"version {version}; restore the store from a backup"
            )
    return upgraded
