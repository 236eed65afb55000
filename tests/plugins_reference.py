"""The reference parts of PLUGINS.md, generated from the models and classes they describe.

    python tests/plugins_reference.py      # rewrite the generated parts of PLUGINS.md

Each part sits between ``<!-- reference:NAME -->`` and ``<!-- /reference:NAME -->``.
The fields, their types, the properties, the methods and their signatures come from
the code (``dataclasses.fields``, ``inspect.signature``, docstrings); only the field
descriptions are written here, and ``tests/engine/test_plugins_reference.py`` fails
when PLUGINS.md differs from this rendering or a field has no description, so the
reference cannot drift from the code.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from intervision.engine import (
    Case,
    Contribution,
    Decision,
    Leervraag,
    Meeting,
    MeetingState,
    Member,
)

DOC = Path(__file__).resolve().parents[1] / "PLUGINS.md"

#: What each field of the state and its records means; a field missing here fails the test.
FIELDS: dict[type[Any], dict[str, str]] = {
    MeetingState: {
        "meeting_id": "The meeting's id.",
        "lang": "The meeting's language: `nl`, `en`, or one an installed pack adds.",
        "group_id": "The group's id, for a meeting of a group; else `None`.",
        "members": "Every member by id (an external facilitator too), as `Member` records.",
        "present": "The ids of the members present, in the order given at the start.",
        "facilitator": "Who facilitates now (a member id); a hand-over changes it.",
        "started_at": "When the meeting started (UTC).",
        "roles": "The roles of the day: role id -> the members holding it "
        "(`scribe`, `timekeeper`, a role the method declares).",
        "version": "The number of events applied: what optimistic concurrency compares.",
        "feedback_round": (
            "The members give each other feedback in the evaluation (a group's setting)."
        ),
        "frame": "The frame step: `opening`, (at an intake or a refresh) `introduction`, "
        "`contract`, `learning_goals`, then `leervragen`, `case_choice`, `method_choice`, "
        "`method`, `second_case`, `recognitions`, `evaluation` or `closed`.",
        "phase": "The method phase's id while `frame == 'method'`, else `None`.",
        "module": "The nested module running now, as `id@version`, else `None`.",
        "nest_parent": "The phase that nests the module running now.",
        "step_no": "Counts the steps entered; a phase entered again starts a new step.",
        "step_entered_at": "When the step running now was entered (UTC).",
        "extra_minutes": "Minutes the facilitator added to the step's timebox.",
        "leervragen": "The leervragen brought, by id (`L1`), as `Leervraag` records.",
        "passed": "The members who brought no leervraag.",
        "cases": "The cases chosen, oldest first, as `Case` records.",
        "contributions": "Everything said, oldest first, as `Contribution` records "
        "(show a person only `visible_to(person)`).",
        "revealed": "The step numbers whose written contributions were revealed.",
        "consensus": "The step numbers in which the group's consensus was recorded.",
        "inbrenger_chosen": (
            "The step numbers in which the group chose whose example the case becomes "
            "(`choose_inbrenger`)."
        ),
        "decisions": "The decisions made, oldest first, as `Decision` records.",
        "labels": "Contribution id -> the label the inbrenger gave it.",
        "visited": "(case number, phase path) of every method phase entered.",
        "loops_taken": "(case number, loop id) of every loop taken.",
        "skipped": "(case number, phase path, reason) of every phase skipped.",
        "closed_at": "When the meeting was closed (UTC), else `None`.",
        "closed_reason": "Why it was closed early, else `None`.",
        "purpose": "`regular`, `intake` (a group's first meeting) or `refresh` (after "
        "members changed): which frame steps the opening is followed by.",
    },
    Member: {
        "id": "The member's id, what commands name.",
        "name": "The name as people read it.",
        "external": "A facilitator from outside the group: never a participant or inbrenger.",
    },
    Leervraag: {
        "id": "`L1`, `L2`, ... in the order brought.",
        "by": "Who brought it (a member id).",
        "text": "What was asked: case content.",
        "at": "When it was brought (UTC).",
        "typed_by": "Who typed it in for `by` (the facilitator at the keyboard), else `None`.",
    },
    Case: {
        "no": "1 for the first case of the meeting, 2 for the next.",
        "leervraag_id": "The leervraag discussed.",
        "inbrenger": "Whose leervraag it is (a member id).",
        "co_inbrenger": "Who brings the case together with the inbrenger (a pair), else `None`.",
        "method_id": "The method chosen for it, once chosen.",
        "method_version": "The method's version, pinned for the whole meeting.",
        "variant": "The variant chosen, if any.",
        "auto": "Chosen by the method's rotation (every member in turn), not the group.",
    },
    Contribution: {
        "id": "`C1`, `C2`, ... in the order said.",
        "author": "Who said it (a member id).",
        "kind": "The contribution kind's id.",
        "text": "What was said: case content.",
        "frame": "The frame step it was said in.",
        "phase": "The method phase (prefixed with the module inside one), else `None`.",
        "case_no": "The case it belongs to, in a method phase; else `None`.",
        "written": "Written first: hidden from the others until revealed.",
        "at": "When it was said (UTC).",
        "step_no": "The step it was said in.",
        "reply_to": "The contribution it answers, if any.",
        "hidden_until": "The phase until which it stays hidden, if any.",
        "typed_by": "Who typed it in for the author (the facilitator), else `None`.",
        "commitment": "At the opening: the id of the earlier commitment whose outcome "
        "this tells, else `None`.",
    },
    Decision: {
        "decision_id": "The phase's `DecisionSpec.id`.",
        "by": "Who decided (a member id).",
        "selected": "The ids of the contributions selected.",
        "text": "What the decider said they will do: case content.",
        "phase": "The phase it was made in.",
        "case_no": "The case it belongs to.",
        "at": "When it was made (UTC).",
        "step_no": "The step it was made in.",
        "labels": "(contribution id, label) pairs, sorted.",
        "typed_by": "Who typed it in for `by`, else `None`.",
    },
}

#: The handle's instance attributes (not visible to ``inspect`` on the class).
MEETING_ATTRIBUTES = {
    "id": "The meeting's id.",
    "engine": "The `Engine` the handle sends its commands to.",
}


def _first_paragraph(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    return " ".join(doc.split("\n\n")[0].split())


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _members(cls: type[Any]) -> Iterator[tuple[str, Any]]:
    for name, member in vars(cls).items():
        if not name.startswith("_") and isinstance(member, property | Callable):
            yield name, member


def _signature(name: str, func: Callable[..., Any]) -> str:
    """``name(arg: type, *, key: type = default) -> returned``, as the source writes it."""
    sig = inspect.signature(func)
    shown: list[str] = []
    star = False
    for param in list(sig.parameters.values())[1:]:  # without self
        if param.kind is param.KEYWORD_ONLY and not star:
            shown.append("*")
            star = True
        text = param.name
        if param.annotation is not param.empty:
            text += f": {param.annotation}"
        if param.default is not param.empty:
            text += f" = {param.default!r}"
        shown.append(text)
    return f"{name}({', '.join(shown)}) -> {sig.return_annotation}"


def record_table(cls: type[Any]) -> str:
    """A record's fields with their types and meanings, then its properties and methods."""
    described = FIELDS[cls]
    rows = ["| field | type | meaning |", "|---|---|---|"]
    for field in dataclasses.fields(cls):
        rows.append(
            f"| `{field.name}` | `{_cell(str(field.type))}` | {_cell(described[field.name])} |"
        )
    for name, member in _members(cls):
        if isinstance(member, property):
            returned = inspect.signature(member.fget).return_annotation  # type: ignore[arg-type]
            rows.append(
                f"| `{name}` | `{_cell(str(returned))}` | {_cell(_first_paragraph(member))} |"
            )
        else:
            rows.append(
                f"| `{_cell(_signature(name, member))}` | | {_cell(_first_paragraph(member))} |"
            )
    return "\n".join(rows)


def meeting_table() -> str:
    """``Meeting``'s attributes, properties and methods with their signatures."""
    rows = ["| attribute, property or method | what it is, or does |", "|---|---|"]
    rows += [f"| `{name}` | {text} |" for name, text in MEETING_ATTRIBUTES.items()]
    for name, member in _members(Meeting):
        if isinstance(member, property):
            returned = inspect.signature(member.fget).return_annotation  # type: ignore[arg-type]
            shown = f"{name}: {returned}"
        else:
            shown = _signature(name, member)
        rows.append(f"| `{_cell(shown)}` | {_cell(_first_paragraph(member))} |")
    return "\n".join(rows)


def parts() -> dict[str, str]:
    """Each generated part of PLUGINS.md by its name."""
    state = "\n\n".join(
        f"**`{cls.__name__}`**: {_first_paragraph(cls)}\n\n{record_table(cls)}" for cls in FIELDS
    )
    return {"meeting-state": state, "meeting": meeting_table()}


def _marked(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- reference:{name} [^\n]*-->\n)(.*?)(<!-- /reference:{name} -->)", re.DOTALL
    )


def rendered(text: str) -> str:
    """``text`` (PLUGINS.md) with every generated part as the code gives it now."""
    for name, body in parts().items():
        pattern = _marked(name)
        if not pattern.search(text):
            raise ValueError(f"PLUGINS.md has no part marked reference:{name}")
        text = pattern.sub(lambda m, body=body: f"{m.group(1)}\n{body}\n\n{m.group(3)}", text)
    return text


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    new = rendered(text)
    if new != text:
        DOC.write_text(new, encoding="utf-8")
        print(f"rewrote the reference in {DOC.name}")
    else:
        print(f"{DOC.name} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
