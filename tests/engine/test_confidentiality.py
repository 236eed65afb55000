"""What is said in the group stays in the group: every installed method, every variant.

A whole meeting of each method (built in and contrib, each variant, nested
modules included) runs with every text planted: leervragen, contributions,
decisions and commitments, consensus, recognitions, evaluation, even skip and
close reasons. The PhaseExerciser tries every rule both ways, so refused
commands carry planted texts too. Then (issue #7): no planted text in any log
line at any level, in any refusal or error, on stdout or stderr, or in the
reports meant for outside the group; and no member name in the logs or the
organisation report. The report for the members is the control: the planted
texts must be there, or the test would prove nothing.
"""

from __future__ import annotations

import re
from itertools import count
from typing import Any

import pytest
from structlog.testing import capture_logs
from support import PhaseExerciser, group_for

from intervision.engine import (
    Engine,
    IntervisionError,
    Meeting,
    MemoryJournal,
    Registry,
    load_registry,
)
from intervision.engine.groups import groups_of
from intervision.engine.groups.history import group_history
from intervision.engine.reports.build import (
    accreditation_report,
    meeting_report,
    organisation_report,
)

MARK = "GEHEIM"
#: Member names no log or organisation report may hold (ids are made from them).
NAMES = [
    "Annegeheim Vos",
    "Brambeveiligd Ek",
    "Carlaverborgen Lind",
    "Dirkdiscreet Mol",
    "Evaprivee Stam",
    "Fleurstil Roos",
    "Gijszwijg Dam",
    "Hannaintiem Berg",
]

_REGISTRY = load_registry(strict=True, user_methods=False)
CASES = [
    pytest.param(method.id, variant, id=f"{method.id}/{variant}" if variant else method.id)
    for method in _REGISTRY.methods()
    for variant in [None, *(v.id for v in method.variants)]
]


class PlantingMeeting(Meeting):
    """A meeting that marks every text it sends and keeps every error it meets."""

    numbers = count(1)
    planted: list[str]
    errors: list[IntervisionError]

    def _send(self, command_type: Any, request_id: str | None, **fields: Any) -> Any:
        for key in ("text", "reason"):
            if fields.get(key):
                marker = f"{MARK}{next(self.numbers):05d}"
                self.planted.append(marker)
                fields[key] = f"{marker} {fields[key]}"
        try:
            return super()._send(command_type, request_id, **fields)
        except IntervisionError as exc:
            self.errors.append(exc)
            raise


def planting(engine: Engine, meeting: Meeting) -> PlantingMeeting:
    planted = PlantingMeeting(engine, meeting.id)
    planted.planted, planted.errors = [], []
    return planted


def whole_meeting(engine: Engine, method_id: str, variant: str | None) -> PlantingMeeting:
    """Opening to close: leervragen, case, the method with every rule tried, recognitions,
    evaluation; every text planted."""
    method = engine.registry.method(method_id, variant=variant)
    size = len(group_for(method))
    groups_of(engine).create("Wijkteam Geheim", lang="nl")
    for name in NAMES:
        groups_of(engine).add_member("wijkteam-geheim", name, function="verpleegkundige")
    group = groups_of(engine).get("wijkteam-geheim")
    present = list(group.members)[:size]
    facilitator, inbrenger = present[0], present[1]
    meeting = planting(
        engine,
        engine.start_meeting(group, facilitator=facilitator, present=present, lang="nl"),
    )
    meeting.advance(facilitator)
    for person in present:
        meeting.submit_leervraag(person, f"de leervraag van {person}")
    meeting.advance(facilitator)
    meeting.choose_case(facilitator, inbrenger, consent=True)
    meeting.choose_method(facilitator, method_id, inbrenger_agrees=True, variant=variant)
    exerciser = PhaseExerciser(meeting)
    exerciser.run()
    meeting.advance(facilitator)  # no second case
    if meeting.state.frame == "recognitions":  # not where the method held them already
        for person in present:
            meeting.contribute(person, "recognition", "dat herken ik")
        meeting.advance(facilitator)
    meeting.contribute(present[2], "learning_point", "wat ik leerde")
    meeting.contribute(facilitator, "note", "hoe het ging")
    meeting.close(facilitator, reason="we zijn klaar")
    return meeting


def names_in(text: str) -> list[str]:
    """Member names, or the ids made from them, found in ``text``."""
    words = {part.casefold() for name in NAMES for part in name.split()}
    return sorted({w for w in words if re.search(rf"\b{re.escape(w)}\b", text.casefold())})


@pytest.mark.parametrize(("method_id", "variant"), CASES)
def test_no_case_text_or_name_leaves_the_group(
    method_id: str, variant: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    registry: Registry = _REGISTRY
    engine = Engine(MemoryJournal(), registry)
    with capture_logs() as logs:
        meeting = whole_meeting(engine, method_id, variant)
        engine.reload(meeting.id)
        group = groups_of(engine).get("wijkteam-geheim")
        history = group_history(engine, group.id)
        outside = {
            f"organisation/{fmt}": organisation_report(group, history, registry, fmt=fmt)
            for fmt in ("markdown", "html")
        }
        accreditation = {
            f"accreditation/{fmt}": accreditation_report(group, history, engine, fmt=fmt)
            for fmt in ("markdown", "html")
        }
        inside = meeting_report(engine.state(meeting.id), registry, group=group)
    state = meeting.refresh()
    assert state.closed and len(meeting.planted) > 20 and meeting.errors

    # The control: the members' own report holds what was said.
    assert sum(marker in inside for marker in meeting.planted) > 10

    dumped = repr(logs)
    assert len(logs) > 20
    assert MARK not in dumped
    assert names_in(dumped) == []
    for error in meeting.errors:
        said = f"{error} {error!r} {error.args!r} {getattr(error, 'reason', '')!r}"
        assert MARK not in said, f"{type(error).__name__}: {said}"
    printed = capsys.readouterr()
    assert MARK not in printed.out + printed.err
    for where, report in {**outside, **accreditation}.items():
        assert MARK not in report, where
    for where, report in outside.items():
        assert names_in(report) == [], where
