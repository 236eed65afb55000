"""A host app runs a group's series through public names only, as `intervision run` does.

The host knows no method: it draws every step from ``Meeting.capabilities()`` (who may
say what, who decides, what the step waits for), asks the groups part who facilitates
today and what comes back at the opening, and writes the organisation's report. Three
meetings: the facilitation rotates, each inbrenger's commitment comes back at the next
meeting, and the report counts the meetings without a word of their content.
"""

from __future__ import annotations

import ast
import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

from intervision.engine import Engine, Meeting, MemoryJournal, Registry
from intervision.engine.groups import (
    facilitator_proposal,
    group_history,
    groups_of,
    look_back,
)
from intervision.engine.reports import meeting_report, organisation_report

PUBLIC = {
    "intervision.engine",
    "intervision.engine.groups",
    "intervision.engine.reports",
    "intervision.engine.storage",
}
SECRET = "secret-case-words"


def drive(meeting: Meeting, inbrenger_wanted: str) -> None:
    """Walk the meeting to its close by doing, each step, what the engine offers."""
    said: set[tuple[int, str]] = set()
    for _ in range(400):
        state = meeting.state
        if state.closed:
            return
        can = meeting.capabilities()
        facilitator = state.facilitator
        acted = False
        for person, mine in can.people.items():
            if mine.may("submit_leervraag"):
                meeting.submit_leervraag(person, f"{SECRET} leervraag of {person}")
                acted = True
            elif mine.may("decide") and (state.step_no, "decided") not in said:
                said.add((state.step_no, "decided"))
                meeting.decide(person, text=f"{SECRET}: I will try it on Monday")
                acted = True
            elif mine.kinds and (state.step_no, person) not in said:
                said.add((state.step_no, person))
                meeting.contribute(person, mine.kinds[0], f"{SECRET} from {person}")
                acted = True
            if acted:
                break
        if acted:
            continue
        mine = can.of(facilitator)
        if mine.may("reveal"):
            meeting.reveal(facilitator)
        elif mine.may("record_consensus"):
            meeting.record_consensus(facilitator, "agreed")
        elif mine.modules:
            meeting.choose_module(facilitator, mine.modules[0])
        elif mine.may("choose_case") and state.frame == "case_choice":
            wanted = inbrenger_wanted if inbrenger_wanted in mine.inbrengers else mine.inbrengers[0]
            meeting.choose_case(facilitator, wanted)
        elif mine.may("choose_method"):
            meeting.choose_method(facilitator, "incident")
        elif mine.may("advance"):
            meeting.advance(facilitator)
        elif state.frame == "evaluation":
            meeting.close(facilitator)
        else:
            raise AssertionError(f"stuck in {state.frame}/{state.phase}: {can.waiting}")
    raise AssertionError("the meeting did not close")


def test_a_host_runs_a_series_with_rotation_look_back_and_a_report(registry: Registry) -> None:
    clock = itertools.count()
    start = datetime(2026, 1, 12, 9, 0, tzinfo=UTC)
    engine = Engine(MemoryJournal(), registry, clock=lambda: start + timedelta(weeks=next(clock)))
    book = groups_of(engine)
    group = book.create("Wijkteam Noord", lang="en")
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        book.add_member(group.id, name)
    group = book.get(group.id)
    present = list(group.members)
    facilitators, inbrengers, looked_back = [], [], []

    for n, inbrenger in enumerate(["bram", "carla", "dirk"]):
        history = group_history(engine, group.id)
        proposal = facilitator_proposal(engine, group, present, history, not_=inbrenger)
        assert proposal.why == "rotation" and proposal.member is not None
        facilitators.append(proposal.member)
        looked_back.append([(c.member, c.text) for c in look_back(history)])
        meeting = engine.start_meeting(group, facilitator=proposal.member)
        drive(meeting, inbrenger)
        inbrengers.append(meeting.state.inbrenger)
        report = meeting_report(meeting.state, registry, "en")
        assert SECRET in report  # the members' report keeps the conversation
        assert n + 1 == len(group_history(engine, group.id))

    assert len(set(facilitators)) == 3, facilitators  # the rotation moves on
    assert inbrengers == ["bram", "carla", "dirk"]
    assert looked_back[0] == []
    assert [member for member, _ in looked_back[1]] == ["bram"]  # last time's promise
    assert all(SECRET in text for _, text in looked_back[1])

    outside = organisation_report(group, group_history(engine, group.id), registry, "en")
    assert "3" in outside
    assert SECRET not in outside and "Bram" not in outside


def test_this_host_uses_public_names_only() -> None:
    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    modules = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("intervision")
    }
    assert modules <= PUBLIC, modules - PUBLIC
