"""The catalogue methods and the variants say what methods.md says.

A facilitator runs these off the schedule: which phases in which order, how long, who
may say what, who decides, where the group has to agree and what stays hidden.
"""

from __future__ import annotations

from urllib.parse import urlparse

from support import FACILITATOR, PhaseExerciser, start

from intervision.engine import Engine, Registry
from intervision.engine.core.specs import MethodSpec
from intervision.plugins.balint import BALINT
from intervision.plugins.gossip import GOSSIP
from intervision.plugins.incident import INCIDENT
from intervision.plugins.socratic import SOCRATIC
from intervision.plugins.socratic_dialogue import SOCRATIC_DIALOGUE
from intervision.plugins.ten_steps import TEN_STEPS
from intervision.plugins.troika import TROIKA


def _phases(method: MethodSpec) -> list[tuple[str, int]]:
    return [(phase.id, phase.minutes) for phase in method.phases]


def _phases_allowing(method: MethodSpec, kind: str) -> list[str]:
    return [
        phase.id
        for phase in method.phases
        if any(kind in kinds for kinds in phase.allowed.values())
    ]


# -- socratic-dialogue -------------------------------------------------------------


def test_socratic_dialogue_runs_the_ten_steps_in_ninety_minutes() -> None:
    assert _phases(SOCRATIC_DIALOGUE) == [
        ("theme", 5),
        ("question", 10),
        ("examples", 10),
        ("clarification", 15),
        ("core_statement", 5),
        ("justification", 5),
        ("own_versions", 10),
        ("examination", 10),
        ("principles", 15),
        ("evaluation", 5),
    ]
    assert SOCRATIC_DIALOGUE.fit.minutes == 90
    assert (SOCRATIC_DIALOGUE.fit.group_min, SOCRATIC_DIALOGUE.fit.group_max) == (5, 10)


def test_socratic_dialogue_waits_for_consensus_where_the_group_agrees() -> None:
    agreed = [phase.id for phase in SOCRATIC_DIALOGUE.phases if phase.consensus]
    assert agreed == ["theme", "question", "examples", "examination", "principles"]


def test_socratic_dialogue_owner_steps_are_not_group_agreements() -> None:
    for phase_id in ("clarification", "core_statement", "justification", "own_versions"):
        assert not SOCRATIC_DIALOGUE.phase(phase_id).consensus, phase_id


def test_socratic_dialogue_everyone_offers_an_example_and_a_version() -> None:
    everyone = [phase.id for phase in SOCRATIC_DIALOGUE.phases if phase.everyone_contributes]
    assert everyone == ["examples", "own_versions"]


def test_socratic_dialogue_facilitator_gives_the_floor_but_no_content() -> None:
    for phase in SOCRATIC_DIALOGUE.phases:
        assert phase.allowed["facilitator"] == ("note",), phase.id
    assert "facilitator_not_inbrenger" in SOCRATIC_DIALOGUE.rule_kinds()


def test_socratic_dialogue_example_owner_is_questioned_openly() -> None:
    clarification = SOCRATIC_DIALOGUE.phase("clarification")
    assert clarification.allowed["participant"] == ("open_question",)
    assert clarification.inbrenger_mode == "speaks"
    statement = SOCRATIC_DIALOGUE.phase("core_statement")
    assert "statement" in statement.allowed["inbrenger"]
    assert "statement" not in statement.allowed["participant"]


def test_socratic_dialogue_is_not_a_problem_case() -> None:
    """No advice, nothing chosen from what was said: the only decision is what the
    example's owner takes away, at the very end."""
    assert _phases_allowing(SOCRATIC_DIALOGUE, "advice") == []
    decided = [(p.id, p.decision) for p in SOCRATIC_DIALOGUE.phases if p.decision is not None]
    assert [(phase_id, d.selects_from, d.commitment) for phase_id, d in decided] == [
        ("evaluation", (), True)
    ]


# -- gossip ------------------------------------------------------------------------


def test_gossip_phases_and_minutes() -> None:
    assert _phases(GOSSIP) == [
        ("introduction", 5),
        ("exploration", 15),
        ("gossip", 15),
        ("reactions", 15),
        ("process_evaluation", 5),
    ]
    assert GOSSIP.fit.minutes == 55


def test_gossip_exploration_allows_three_open_questions_each() -> None:
    exploration = GOSSIP.phase("exploration")
    assert exploration.quotas == {"open_question": 3}
    assert exploration.allowed["participant"] == ("open_question",)
    assert exploration.inbrenger_mode == "answers_briefly"


def test_gossip_inbrenger_is_away_while_the_group_talks_about_them() -> None:
    gossip = GOSSIP.phase("gossip")
    assert gossip.inbrenger_mode == "away"
    assert "inbrenger" not in gossip.allowed
    assert set(gossip.allowed["participant"]) == {"analysis", "advice", "image"}


def test_gossip_only_the_gossip_round_talks_about_the_inbrenger() -> None:
    assert _phases_allowing(GOSSIP, "advice") == ["gossip"]


def test_gossip_inbrenger_decides_what_to_accept_and_commits() -> None:
    decision = GOSSIP.phase("reactions").decision
    assert decision is not None
    assert decision.by == "inbrenger"
    assert set(decision.selects_from) == {"analysis", "advice"}
    assert decision.commitment
    assert "participant" not in GOSSIP.phase("reactions").allowed


# -- ten-steps ---------------------------------------------------------------------


def test_ten_steps_phases_and_minutes() -> None:
    assert _phases(TEN_STEPS) == [
        ("problem", 10),
        ("questions", 10),
        ("valuing_questions", 10),
        ("answers", 15),
        ("last_questions", 10),
        ("core_problem", 15),
        ("valuing_formulations", 10),
        ("new_approach", 10),
        ("forces", 20),
        ("closing", 10),
    ]
    assert TEN_STEPS.fit.minutes == 120


def test_ten_steps_inbrenger_values_questions_before_answering_them() -> None:
    order = [phase.id for phase in TEN_STEPS.phases]
    assert order.index("questions") < order.index("valuing_questions") < order.index("answers")
    assert TEN_STEPS.phase("questions").written_first
    decision = TEN_STEPS.phase("valuing_questions").decision
    assert decision is not None
    assert decision.selects_from == ("question",)
    assert not decision.commitment


def test_ten_steps_every_participant_formulates_the_core_problem_for_the_inbrenger() -> None:
    core = TEN_STEPS.phase("core_problem")
    assert core.everyone_contributes
    assert core.allowed["participant"] == ("statement",)
    decision = TEN_STEPS.phase("valuing_formulations").decision
    assert decision is not None
    assert decision.selects_from == ("statement",)


def test_ten_steps_tips_come_only_after_the_redefinition() -> None:
    assert _phases_allowing(TEN_STEPS, "advice") == ["forces"]


def test_ten_steps_ends_with_the_inbrenger_commitment() -> None:
    closing = TEN_STEPS.phases[-1]
    assert closing.decision is not None
    assert closing.decision.commitment
    assert closing.allowed["participant"] == ("learning_point",)
    assert [p.id for p in TEN_STEPS.phases if p.decision and p.decision.commitment] == ["closing"]


# -- troika ------------------------------------------------------------------------


def test_troika_runs_one_round_per_member_in_trios() -> None:
    assert TROIKA.rounds == "per_member"
    assert (TROIKA.fit.group_min, TROIKA.fit.group_max) == (3, 4)


def test_troika_round_stays_within_the_liberating_structures_timings() -> None:
    ranges = [(1, 2), (1, 2), (4, 5), (1, 2)]
    assert [phase.id for phase in TROIKA.phases] == [
        "challenge",
        "questions",
        "consulting",
        "feedback",
    ]
    for phase, (low, high) in zip(TROIKA.phases, ranges, strict=True):
        assert low <= phase.minutes <= high, phase.id
    assert TROIKA.fit.minutes == 11


def test_troika_consultants_ask_without_suggesting() -> None:
    assert TROIKA.phase("questions").allowed["participant"] == ("question",)


def test_troika_client_turns_away_while_the_consultants_talk() -> None:
    consulting = TROIKA.phase("consulting")
    assert consulting.inbrenger_mode == "away"
    assert set(consulting.allowed["participant"]) == {"advice", "analysis", "image"}


def test_troika_client_says_which_advice_was_most_valuable() -> None:
    feedback = TROIKA.phase("feedback")
    assert feedback.inbrenger_mode == "speaks"
    assert feedback.decision is not None
    assert feedback.decision.id == "most_valuable"
    assert feedback.decision.selects_from == ("advice",)


# -- socratic: warm, neutral, cold -------------------------------------------------


def test_socratic_sorting_labels_the_written_questions_warm_neutral_or_cold() -> None:
    sorting = SOCRATIC.phase("sorting")
    assert sorting.labels is not None
    assert sorting.labels.values == ("warm", "neutral", "cold")
    assert sorting.labels.kinds == SOCRATIC.phase("writing").allowed["participant"]
    assert set(sorting.labels.titles) == set(sorting.labels.values)


def test_socratic_answers_warm_and_neutral_questions_but_never_cold_ones() -> None:
    answering = SOCRATIC.phase("answering")
    assert set(answering.answers_labelled) == {"warm", "neutral"}
    assert "cold" not in answering.answers_labelled


# -- incident variants -------------------------------------------------------------


def test_incident_offers_written_advice_and_blind_position() -> None:
    assert [variant.id for variant in INCIDENT.variants] == ["written-advice", "blind-position"]


def test_incident_written_advice_changes_only_the_advice_round() -> None:
    written = INCIDENT.variant("written-advice")
    assert [p.id for p in written.phases] == [p.id for p in INCIDENT.phases]
    changed = [p.id for p, q in zip(written.phases, INCIDENT.phases, strict=True) if p != q]
    assert changed == ["advice"]
    advice = written.phase("advice")
    assert advice.written_first
    assert advice.everyone_contributes
    assert written.fit == INCIDENT.fit


def test_incident_blind_position_phase_order() -> None:
    blind = INCIDENT.variant("blind-position")
    assert [p.id for p in blind.phases] == [
        "situation",
        "questions",
        "actual",
        "positions",
        "compare",
        "advice",
        "choice",
    ]
    assert blind.fit.minutes == sum(p.minutes for p in blind.phases) == 65


def test_incident_blind_position_keeps_the_actual_action_hidden_until_compare() -> None:
    blind = INCIDENT.variant("blind-position")
    actual = blind.phase("actual")
    assert actual.hidden_until == "compare"
    assert set(actual.allowed) == {"inbrenger", "facilitator"}
    order = [p.id for p in blind.phases]
    assert order.index("actual") < order.index("positions") < order.index("compare")


def test_incident_blind_position_needs_a_written_position_from_everyone() -> None:
    positions = INCIDENT.variant("blind-position").phase("positions")
    assert positions.everyone_contributes
    assert positions.written_first
    assert positions.allowed["participant"] == ("position",)
    assert positions.inbrenger_mode == "listens"


def test_incident_blind_position_advises_only_after_the_comparison() -> None:
    blind = INCIDENT.variant("blind-position")
    assert _phases_allowing(blind, "advice") == ["advice"]
    assert blind.phase("choice").decision == INCIDENT.phase("choice").decision


# -- balint-group ------------------------------------------------------------------


def test_balint_group_never_allows_advice() -> None:
    group = BALINT.variant("balint-group")
    assert _phases_allowing(group, "advice") == []
    assert all(
        phase.decision is None or "advice" not in phase.decision.selects_from
        for phase in group.phases
    )


def test_balint_group_has_its_own_size_and_time() -> None:
    group = BALINT.variant("balint-group")
    assert (group.fit.group_min, group.fit.group_max) == (6, 10)
    assert group.fit.minutes == 45
    assert (BALINT.fit.group_min, BALINT.fit.group_max) == (5, 8)


def test_balint_group_protects_the_presenter_from_interrogation() -> None:
    group = BALINT.variant("balint-group")
    questions = [p for p in group.phases if "question" in p.allowed.get("participant", ())]
    assert [p.id for p in questions] == ["questions"]
    assert questions[0].quotas["question"] <= 2
    assert questions[0].inbrenger_mode == "answers_briefly"
    assert group.phase("associations").inbrenger_mode == "listens"


def test_balint_group_leader_never_presents_and_cites_the_balint_societies() -> None:
    group = BALINT.variant("balint-group")
    assert "facilitator_not_inbrenger" in {rule.kind for rule in group.rules}
    (variant,) = BALINT.variants
    hosts = {urlparse(url).netloc for url in variant.sources}
    assert hosts == {"balintaustralianewzealand.org", "balint.co.uk"}
    assert all(url.startswith("https://") for url in variant.sources)


# -- installed ---------------------------------------------------------------------


def test_the_installed_registry_offers_the_catalogue_and_its_variants(
    registry: Registry,
) -> None:
    ids = {method.id for method in registry.methods()}
    assert {"socratic-dialogue", "gossip", "ten-steps", "troika"} <= ids
    blind = registry.method("incident", variant="blind-position")
    assert blind.phase("actual").hidden_until == "compare"
    assert registry.method("balint", variant="balint-group").fit.group_max == 10


def test_the_socratic_dialogue_facilitator_gives_the_floor_and_no_content(
    engine: Engine,
) -> None:
    meeting = start(engine, "socratic-dialogue")
    while meeting.state.frame == "method":
        assert set(meeting.allowed_kinds(FACILITATOR)) <= {"note"}, meeting.state.phase
        PhaseExerciser(meeting).exercise_phase()
