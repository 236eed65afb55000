"""A variant as an overlay on its method's phases: what changes, by phase id.

Most published variants change one or two things in a phase or two (written advice:
the advice round is written first). Spelling out every phase again would hide that
and let the copies drift from the method; so a variant names the phases it changes
and only the fields it changes, adds the phases it brings, and lists its order of
phases when that differs. The engine validates the result as whole phases once,
when the method is built, so a mistake is found at load time with its place.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from .phases import PhaseSpec

__all__ = ["MERGED_FIELDS", "overlaid_phases", "typed_changes"]

#: Phase fields that map roles or kinds to something: a change merges them key by key
#: (the facilitator's instruction changes, the others' stay).
MERGED_FIELDS = frozenset({"instructions", "allowed", "quotas"})


@cache
def _adapter(name: str) -> TypeAdapter[Any]:
    info = PhaseSpec.model_fields[name]
    annotation: Any = info.annotation
    return TypeAdapter(Annotated[annotation, *info.metadata] if info.metadata else annotation)


def typed_changes(change: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The changes with each value as the phase field holds it (a ``Text``, a tuple),
    so a variant read from TOML equals the one written in Python."""
    typed: dict[str, dict[str, Any]] = {}
    for phase_id, fields in change.items():
        if not isinstance(fields, Mapping):
            raise ValueError(f"{phase_id}: give the fields that change, by name")
        typed[phase_id] = {}
        for name, value in fields.items():
            if name == "id" or name not in PhaseSpec.model_fields:
                raise ValueError(
                    f"{phase_id}.{name}: not a field a variant can change "
                    f"(fields: {', '.join(f for f in PhaseSpec.model_fields if f != 'id')})"
                )
            try:
                typed[phase_id][name] = _adapter(name).validate_python(value)
            except ValidationError as exc:
                raise ValueError(_problems(exc, f"{phase_id}.{name}")) from None
    return typed


def overlaid_phases(
    phases: tuple[PhaseSpec, ...],
    change: Mapping[str, Mapping[str, Any]],
    add: tuple[PhaseSpec, ...],
    order: tuple[str, ...],
) -> tuple[PhaseSpec, ...]:
    """The method's ``phases`` with the changes applied, the added phases placed and
    in ``order`` (the method's own order when empty); a phase ``order`` leaves out is
    dropped. Raises ``ValueError`` naming the field and the phase that is wrong."""
    base = {phase.id: phase for phase in phases}
    known = ", ".join(base)
    for phase_id in change:
        if phase_id not in base:
            raise ValueError(f"change.{phase_id}: the method has no phase {phase_id!r} ({known})")
    added = {phase.id: phase for phase in add}
    for phase_id in added:
        if phase_id in base:
            raise ValueError(
                f"add.{phase_id}: the method has a phase {phase_id!r} already; change it "
                "instead, or give the new phase an id of its own"
            )
    if len(added) < len(add):
        raise ValueError("add: two added phases have the same id")
    if added and not order:
        raise ValueError(f"order: say where the added phases ({', '.join(added)}) go")
    sequence = order or tuple(base)
    if len(set(sequence)) < len(sequence):
        raise ValueError("order: a phase is listed twice")
    for phase_id in sequence:
        if phase_id not in base and phase_id not in added:
            raise ValueError(
                f"order: no phase {phase_id!r} in the method ({known}) or among the added"
            )
    for phase_id in [*change, *added]:
        if phase_id not in sequence:
            raise ValueError(f"order: leaves out {phase_id!r}, which the variant changes or adds")
    return tuple(
        added[phase_id] if phase_id in added else _changed(base[phase_id], change.get(phase_id))
        for phase_id in sequence
    )


def _changed(phase: PhaseSpec, fields: Mapping[str, Any] | None) -> PhaseSpec:
    if not fields:
        return phase  # the same record: a variant shares what it does not change
    data = {name: getattr(phase, name) for name in PhaseSpec.model_fields}
    for name, value in fields.items():
        data[name] = {**data[name], **value} if name in MERGED_FIELDS else value
    try:
        return PhaseSpec.model_validate(data)
    except ValidationError as exc:
        raise ValueError(_problems(exc, f"change.{phase.id}")) from None


def _problems(exc: ValidationError, at: str) -> str:
    return "; ".join(
        f"{'.'.join((at, *(str(p) for p in err['loc'])))}: "
        + err["msg"].removeprefix("Value error, ")
        for err in exc.errors()
    )
