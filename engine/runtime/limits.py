"""How much a meeting or a group takes in: every text, every name, every group.

Far beyond what a real meeting writes, so a facilitator never meets them; a
command over a limit is refused and writes nothing, so a slip (a pasted file) or a
careless client cannot put a 50 MB row in the store. A host sets its own with
``Engine(..., limits=Limits(text=5_000))`` or ``open_engine(..., limits=...)``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intervision.engine import Text

__all__ = ["DEFAULT_LIMITS", "Limits", "over_limit", "too_long"]


@dataclass(frozen=True, slots=True)
class Limits:
    """The most each kind of input may hold, in characters (``members``: people)."""

    #: A person's or a group's display name.
    name: int = 100
    #: A member's function; a label in a decision.
    line: int = 200
    #: A contribution, a decision, a consensus.
    text: int = 20_000
    #: A leervraag (a learning question of a few sentences).
    leervraag: int = 4_000
    #: Why a phase was skipped, a meeting closed early, a work relation accepted.
    reason: int = 2_000
    #: One agreement of a group's contract.
    agreement: int = 4_000
    #: The members of one group or meeting.
    members: int = 64

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if type(value) is not int or value < 1:
                raise ValueError(f"Limits.{field.name} must be a positive whole number")


DEFAULT_LIMITS = Limits()


#: The longest id, kind or name a command may carry in its other fields (``by``,
#: ``kind``, ``method_id``, ``selected``, ...): anything longer names nothing.
_REFERENCE_MAX = 200


def over_limit(command: object, limits: Limits) -> Text | None:
    """Why ``command`` holds more than ``limits`` allow, or None; never quotes it."""
    from intervision.engine import Text

    fields = getattr(command, "__dict__", {})
    for field, value in fields.items():
        if field in ("text", "reason"):
            if value is None:
                continue
            limit, what = _text_limit(getattr(command, "command", ""), field, limits)
        elif field == "labels":
            if len(value) > _REFERENCE_MAX or any(
                len(k) > _REFERENCE_MAX or len(v) > limits.line for k, v in value.items()
            ):
                return too_long(Text(nl="labels", en="labels"), limits.line)
            continue
        elif field == "selected":
            if len(value) > _REFERENCE_MAX or any(len(v) > _REFERENCE_MAX for v in value):
                return too_long(Text(nl="keuze", en="selection"), _REFERENCE_MAX)
            continue
        elif isinstance(value, str):
            limit, what = _REFERENCE_MAX, Text(nl="verwijzing", en="reference")
        else:
            continue
        if len(value) > limit:
            return too_long(what, limit)
    return None


def _text_limit(command: str, field: str, limits: Limits) -> tuple[int, Text]:
    from intervision.engine import Text

    if field == "reason":
        return limits.reason, Text(nl="reden", en="reason")
    if command == "submit_leervraag":
        return limits.leervraag, Text(nl="leervraag", en="leervraag")
    return limits.text, Text(nl="tekst", en="text")


def too_long(what: Text, limit: int) -> Text:
    """The refusal of a ``what`` (named in both languages) over ``limit`` characters."""
    from intervision.engine import Text

    return Text(
        nl=f"De {what.nl} is langer dan {limit} tekens; maak het korter.",
        en=f"The {what.en} is longer than {limit} characters; make it shorter.",
    )
