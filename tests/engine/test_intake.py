"""A group's intake and a refresh: the frame steps they add, and the learning goals after.

The intake introduces intervision, the contract and the methods, and every member
writes a personal learning goal; a refresh after members changed revisits the
contract and the goals. Later meetings and the group's history follow the goals.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from support import assert_replays, refused

from intervision.engine import Engine, MemoryJournal, Registry
from intervision.engine.groups import (
    GroupState,
    group_history,
    groups_of,
    learning_goals,
    proposed_purpose,
)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 13, 14, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def engine(registry: Registry, clock: Clock) -> Engine:
    return Engine(MemoryJournal(), registry, clock=clock)


def make_group(engine: Engine) -> GroupState:
    groups = groups_of(engine)
    groups.create("Wijkteam Noord", lang="nl")
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        groups.add_member("wijkteam-noord", name)
    return groups.get("wijkteam-noord")


def hold_intake(engine: Engine, group: GroupState, goals: dict[str, str]) -> str:
    """The scripted intake: introduction, contract, goals, no case, recognitions."""
    meeting = engine.start_meeting(group, facilitator="Anna", purpose="intake")
    steps = [meeting.state.frame]
    meeting.advance("anna")
    steps.append(meeting.state.frame)
    meeting.contribute("bram", "question", "Mag ik ook een casus over een collega inbrengen?")
    meeting.contribute("anna", "note", "Ja, als het over je eigen handelen gaat.")
    meeting.advance("anna")
    steps.append(meeting.state.frame)
    meeting.contribute("carla", "statement", "Akkoord, en telefoons echt uit.")
    meeting.advance("anna")
    steps.append(meeting.state.frame)
    assert meeting.capabilities().of("bram").kinds == ("learning_goal",)
    for member, goal in goals.items():
        meeting.contribute(member, "learning_goal", goal)
    meeting.advance("anna")
    steps.append(meeting.state.frame)
    for member in meeting.state.present:
        meeting.pass_leervraag(member)
    meeting.advance("anna")  # nobody brings a case today: on to the recognitions
    steps.append(meeting.state.frame)
    for member in meeting.state.present:
        meeting.contribute(member, "recognition", "fijn om te beginnen")
    meeting.advance("anna")
    meeting.close("anna")
    assert steps == [
        "opening",
        "introduction",
        "contract",
        "learning_goals",
        "leervragen",
        "recognitions",
    ]
    assert_replays(meeting)
    return meeting.id


GOALS = {
    "anna": "Ik wil beter doorvragen voor ik advies geef.",
    "bram": "Ik wil grenzen stellen bij ouders.",
    "carla": "Ik wil om hulp leren vragen.",
    "dirk": "Ik wil minder snel oplossen.",
}


def test_the_intake_introduces_the_contract_and_the_goals_and_may_end_without_a_case(
    engine: Engine,
) -> None:
    group = make_group(engine)
    assert proposed_purpose(group, []) == "intake"
    hold_intake(engine, group, GOALS)
    history = group_history(engine, group.id)
    assert [r.purpose for r in history] == ["intake"]
    assert {m: g.text for m, g in learning_goals(history).items()} == GOALS
    assert proposed_purpose(group, history) is None


def test_moving_on_waits_for_every_members_learning_goal(engine: Engine) -> None:
    meeting = engine.start_meeting(["Anna", "Bram", "Carla"], facilitator="Anna", purpose="refresh")
    meeting.advance("anna")
    assert meeting.state.frame == "contract"  # a refresh has no introduction
    meeting.hand_over("anna", "bram")  # as anywhere before the method
    meeting.hand_over("bram", "anna")
    meeting.advance("anna")
    meeting.contribute("bram", "learning_goal", "Ik wil beter luisteren.")
    waits = meeting.capabilities().waiting
    assert [(w.reason, w.people) for w in waits] == [("learning_goal", ("anna", "carla"))]
    with refused(meeting, "learning_goals_complete"):
        meeting.advance("anna")
    with refused(meeting, "allowed_kinds"):
        meeting.contribute("carla", "advice", "geen advies hier")


def test_a_regular_meeting_has_none_of_these_steps_and_needs_a_leervraag(
    engine: Engine,
) -> None:
    meeting = engine.start_meeting(["Anna", "Bram", "Carla"], facilitator="Anna")
    with refused(meeting, "allowed_kinds"):
        meeting.contribute("bram", "learning_goal", "te vroeg")
    meeting.advance("anna")
    assert meeting.state.frame == "leervragen"
    for member in meeting.state.present:
        meeting.pass_leervraag(member)
    with refused(meeting, "leervragen_complete"):
        meeting.advance("anna")


def test_a_refresh_is_due_after_members_change_and_renews_the_goals(
    engine: Engine, clock: Clock
) -> None:
    group = make_group(engine)
    hold_intake(engine, group, GOALS)
    clock.now += timedelta(weeks=8)
    group, _ = groups_of(engine).add_member(group.id, "Eva")
    assert proposed_purpose(group, group_history(engine, group.id)) == "refresh"
    refresh = engine.start_meeting(group, facilitator="Bram", purpose="refresh")
    refresh.advance("bram")
    refresh.advance("bram")
    kept = {**GOALS, "eva": "Ik wil mijn plek in het team vinden."}
    kept["dirk"] = "Ik wil vaker zeggen wat ik zie."
    for member, goal in kept.items():
        refresh.contribute(member, "learning_goal", goal)
    refresh.advance("bram")
    history = group_history(engine, group.id)
    assert proposed_purpose(group, history) is None
    goals = learning_goals(history)
    assert {m: g.text for m, g in goals.items()} == kept
    assert goals["anna"].meeting_id == refresh.id  # written again, the same words


def test_with_consent_the_accreditation_report_lists_the_learning_goals_without_names(
    engine: Engine,
) -> None:
    from intervision.engine.reports import accreditation_report

    group = make_group(engine)
    hold_intake(engine, group, GOALS)
    history = group_history(engine, group.id)
    without = accreditation_report(group, history, engine, "nl")
    assert "Ik wil grenzen stellen bij ouders." not in without
    group = groups_of(engine).set_contract(
        group.id, group.contract.model_copy(update={"consent_topics": True})
    )
    report = accreditation_report(group, history, engine, "nl")
    assert "Leerdoel: Ik wil grenzen stellen bij ouders." in report.replace("**", "")
