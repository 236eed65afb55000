"""Every rule of every built-in method, exercised both ways through the Python API.

For each phase of incident, balint and socratic: a participant and the inbrenger
try every contribution kind (allowed ones are accepted, the others refused by the
rule that forbids them), quotas stop at their limit, written-first contributions
stay hidden until revealed, the decision is the inbrenger's, and only the
facilitator moves on. After every accepted command the journal replays to the
live state.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support import FACILITATOR, INBRENGER, MEMBERS, assert_replays, refused, to_case_choice

from intervision.engine import CONTRIBUTION_KINDS, Engine, Meeting, Registry

PARTICIPANT, OTHER, WATCHER = "carla", "dirk", "eva"


def exercise_phase(meeting: Meeting) -> None:
    phase = meeting.phase
    assert phase is not None
    participant_kinds = set(phase.allowed.get("participant", ()))
    inbrenger_kinds = set(phase.allowed.get("inbrenger", ()))

    for kind in CONTRIBUTION_KINDS:
        if kind in participant_kinds:
            meeting.contribute(PARTICIPANT, kind, f"{kind} by a participant")
            assert_replays(meeting)
        else:
            with refused(meeting, "allowed_kinds"):
                meeting.contribute(PARTICIPANT, kind, "not allowed here")

    for kind in CONTRIBUTION_KINDS:
        if phase.inbrenger_mode in ("listens", "away"):
            with refused(meeting, "inbrenger_mode"):
                meeting.contribute(INBRENGER, kind, "the inbrenger is silent")
        elif phase.inbrenger_mode == "answers_briefly" and kind != "reaction":
            with refused(meeting, "inbrenger_mode"):
                meeting.contribute(INBRENGER, kind, "only brief answers")
        elif kind in inbrenger_kinds:
            meeting.contribute(INBRENGER, kind, f"{kind} by the inbrenger")
            assert_replays(meeting)
        else:
            with refused(meeting, "allowed_kinds"):
                meeting.contribute(INBRENGER, kind, "not for the inbrenger")

    for kind, limit in phase.quotas.items():
        for n in range(limit):
            meeting.contribute(OTHER, kind, f"{kind} {n}")
        with refused(meeting, "quota"):
            meeting.contribute(OTHER, kind, "one too many")

    if phase.written_first and participant_kinds:
        mine = meeting.state.step_contributions()
        assert mine and all(c.written for c in mine)
        hidden = {c.id for c in mine if c.author != WATCHER}
        assert not hidden & {c.id for c in meeting.visible_to(WATCHER)}
        with refused(meeting, "written_first"):
            meeting.advance(FACILITATOR)
        with refused(meeting, "advance_by"):
            meeting.reveal(PARTICIPANT)
        meeting.reveal(FACILITATOR)
        assert hidden <= {c.id for c in meeting.visible_to(WATCHER)}
        with refused(meeting, "written_first"):
            meeting.contribute(PARTICIPANT, sorted(participant_kinds)[0], "too late")
    elif not phase.written_first:
        with refused(meeting, "written_first"):
            meeting.reveal(FACILITATOR)

    decision = phase.decision
    if decision is None:
        with refused(meeting, "inbrenger_decides"):
            meeting.decide(INBRENGER, text="nothing to decide")
    else:
        with refused(meeting, "decision_required"):
            meeting.advance(FACILITATOR)
        with refused(meeting, "inbrenger_decides"):
            meeting.decide(PARTICIPANT, text="I decide for you")
        with refused(meeting, "inbrenger_decides"):
            meeting.decide(FACILITATOR, text="the facilitator decides")
        wrong = [c.id for c in meeting.state.contributions if c.kind not in decision.selects_from]
        with refused(meeting, "inbrenger_decides"):
            meeting.decide(INBRENGER, selected=wrong[:1], text="wrong kind")
        eligible = [c.id for c in meeting.state.contributions if c.kind in decision.selects_from]
        meeting.decide(INBRENGER, selected=eligible[:1], text="what I will do")
        assert meeting.state.step_decisions()[-1].by == INBRENGER

    with refused(meeting, "advance_by"):
        meeting.advance(PARTICIPANT)
    meeting.advance(FACILITATOR)
    assert_replays(meeting)


@pytest.mark.parametrize("method_id", ["incident", "balint", "socratic"])
def test_every_rule_of_every_phase(
    method_id: str, start_method: Callable[..., Meeting], registry: Registry
) -> None:
    meeting = start_method(method_id)
    method = registry.method(method_id)
    visited = []
    while meeting.state.frame == "method":
        visited.append(meeting.state.phase)
        exercise_phase(meeting)
    assert visited == [phase.id for phase in method.phases]
    assert meeting.state.frame == "second_case"


def test_incident_analysis_happens_without_the_inbrenger(
    start_method: Callable[..., Meeting],
) -> None:
    meeting = start_method("incident")
    for _ in range(2):
        meeting.advance(FACILITATOR)
    assert meeting.state.phase == "analysis"
    with refused(meeting, "inbrenger_mode"):
        meeting.contribute(INBRENGER, "reaction", "but that is not what happened")
    assert meeting.allowed_kinds(INBRENGER) == ()
    assert "analysis" in meeting.allowed_kinds(PARTICIPANT)


def test_the_incident_choice_selects_from_the_advice_and_records_a_commitment(
    start_method: Callable[..., Meeting],
) -> None:
    meeting = start_method("incident")
    for _ in range(3):
        meeting.advance(FACILITATOR)
    advice = meeting.contribute(PARTICIPANT, "advice", "call the family first")
    meeting.advance(FACILITATOR)
    meeting.decide(INBRENGER, selected=[advice], text="I will call the family on Monday")
    decision = meeting.state.decisions[-1]
    assert decision.selected == (advice,) and decision.decision_id == "usable_advice"
    assert meeting.method is not None and meeting.method.phase("choice").decision is not None
    assert meeting.method.phase("choice").decision.commitment  # type: ignore[union-attr]


def test_balint_never_lets_the_facilitator_be_the_inbrenger(engine: Engine) -> None:
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, FACILITATOR, consent=True)
    with refused(meeting, "facilitator_not_inbrenger"):
        meeting.choose_method(FACILITATOR, "balint", inbrenger_agrees=True)
    meeting.choose_method(FACILITATOR, "incident", inbrenger_agrees=True)
    assert meeting.state.phase == "situation"


@pytest.mark.parametrize(
    ("method_id", "too_small", "big_enough"),
    [("incident", 3, 4), ("balint", 4, 5), ("socratic", 3, 4)],
)
def test_a_method_refuses_a_group_outside_its_size(
    engine: Engine, method_id: str, too_small: int, big_enough: int
) -> None:
    names = ["Anna", "Bram", "Carla", "Dirk", "Eva", "Fleur"]
    for size in (too_small, big_enough):
        meeting = engine.start_meeting(names[:size], facilitator="Anna")
        to_case_choice(meeting)
        meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
        if size == too_small:
            with refused(meeting, "group_size"):
                meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True)
        else:
            meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True)
            assert meeting.state.frame == "method"
