"""Whoever facilitates does not bring the case, in every method unless it says why.

The frame refuses the method for the facilitator's own case; the facilitation is
handed over first (``HandOver``), and the new facilitator chooses the method with
the inbrenger. A method may allow it only with a reason in its spec
(``facilitator_may_bring_case``): the rounds of troika and wise crowds, where every
member is the client once.
"""

from __future__ import annotations

import pytest
from support import FACILITATOR, group_for, refused, to_case_choice

from intervision.engine import CommandRefused, Engine, MethodSpec, Text, load_registry
from intervision.engine.authoring import check_method

REGISTRY = load_registry(strict=False)
FORBIDDING = [m.id for m in REGISTRY.methods() if m.facilitator_may_bring_case is None]
ALLOWING = [m.id for m in REGISTRY.methods() if m.facilitator_may_bring_case is not None]


def test_only_the_methods_of_rounds_let_the_facilitator_bring_a_case() -> None:
    assert {"incident", "socratic", "gossip", "ten-steps", "balint"} <= set(FORBIDDING)
    assert set(ALLOWING) == {m.id for m in REGISTRY.methods() if m.rounds == "per_member"}


@pytest.mark.parametrize("method_id", FORBIDDING)
def test_every_method_refuses_the_facilitators_own_case_until_handed_over(
    engine: Engine, method_id: str
) -> None:
    method = engine.registry.method(method_id)
    meeting = engine.start_meeting(group_for(method), facilitator="Anna")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, FACILITATOR, consent=True)
    with refused(meeting, "facilitator_not_inbrenger"):
        meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True)
    with pytest.raises(CommandRefused) as refusal:
        meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True)
    assert "overdragen" in refusal.value.reason("nl")
    assert "hand over" in refusal.value.reason("en")
    can = meeting.capabilities().of(FACILITATOR)
    assert method_id not in can.methods
    assert "bram" in can.hand_over_to
    meeting.hand_over(FACILITATOR, "bram")
    meeting.choose_method("bram", method_id, inbrenger_agrees=True)
    assert meeting.state.frame == "method"
    assert meeting.state.inbrenger == FACILITATOR != meeting.state.facilitator


@pytest.mark.parametrize("method_id", ALLOWING)
def test_a_method_that_says_why_lets_the_facilitator_bring_the_case(
    engine: Engine, method_id: str
) -> None:
    method = engine.registry.method(method_id)
    meeting = engine.start_meeting(group_for(method), facilitator="Anna")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, FACILITATOR, consent=True)
    meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True)
    assert meeting.state.inbrenger == meeting.state.facilitator == FACILITATOR


def _without_reason(method: MethodSpec) -> MethodSpec:
    return method.model_copy(update={"facilitator_may_bring_case": None})


def test_the_checker_asks_a_method_of_rounds_why_the_facilitator_may_bring_a_case() -> None:
    troika = REGISTRY.method("troika")
    assert check_method(troika, REGISTRY) == []
    problems = check_method(_without_reason(troika), REGISTRY)
    assert [p.where for p in problems] == ["facilitator_may_bring_case"]
    assert "once per member" in problems[0].message


def test_the_checker_wants_the_reason_in_both_languages_and_no_contradiction() -> None:
    incident = REGISTRY.method("incident")
    half = incident.model_copy(
        update={"facilitator_may_bring_case": Text(nl="Omdat het kan.", en="omdat het kan.")}
    )
    assert [p.where for p in check_method(half, REGISTRY)] == ["facilitator_may_bring_case"]
    balint = REGISTRY.method("balint")
    both = balint.model_copy(
        update={"facilitator_may_bring_case": Text(nl="Omdat het kan.", en="Because.")}
    )
    [problem] = check_method(both, REGISTRY)
    assert "contradicts" in problem.message
