"""The built-in methods say what methods.md says: phases, minutes, rules and sources."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from urllib.parse import urlparse

import pluggy
import pytest
from support import ROLES, phases_of, texts_of

from intervision.engine.core import hookspecs
from intervision.engine.core.specs import MethodSpec, PhaseSpec
from intervision.engine.recommend.ranking import LEERVRAAG_KINDS
from intervision.plugins import (
    balint,
    gossip,
    incident,
    socratic,
    socratic_dialogue,
    ten_steps,
    troika,
)
from intervision.plugins.balint import BALINT
from intervision.plugins.gossip import GOSSIP
from intervision.plugins.incident import INCIDENT
from intervision.plugins.socratic import SOCRATIC
from intervision.plugins.socratic_dialogue import SOCRATIC_DIALOGUE
from intervision.plugins.ten_steps import TEN_STEPS
from intervision.plugins.troika import TROIKA

METHODS = (INCIDENT, BALINT, SOCRATIC, SOCRATIC_DIALOGUE, GOSSIP, TEN_STEPS, TROIKA)
#: Every method as a meeting can run it, by name: as shipped, and as each variant.
RUNS: dict[str, MethodSpec] = {
    method.id if variant_id is None else f"{method.id}/{variant_id}": method.variant(variant_id)
    for method in METHODS
    for variant_id in (None, *(variant.id for variant in method.variants))
}


def _phase_params(where: Callable[[PhaseSpec], bool] = lambda phase: True) -> list[object]:
    return [
        pytest.param(run, phase, id=f"{name}-{phase.id}")
        for name, run in RUNS.items()
        for phase in run.phases
        if where(phase)
    ]


# -- phases and time, as a facilitator reads them off the schedule ------------------


def test_incident_phases_and_minutes() -> None:
    assert phases_of(INCIDENT) == [
        ("situation", 5),
        ("questions", 15),
        ("analysis", 10),
        ("advice", 10),
        ("choice", 10),
    ]
    assert INCIDENT.fit.minutes == 50


def test_balint_phases_and_minutes() -> None:
    assert phases_of(BALINT) == [
        ("explanation", 10),
        ("associations", 5),
        ("image_forming", 15),
        ("judgement", 5),
        ("group_judgement", 15),
        ("decision", 10),
        ("sharing", 10),
    ]
    assert BALINT.fit.minutes == 70


def test_socratic_phases_and_minutes() -> None:
    assert phases_of(SOCRATIC) == [
        ("introduction", 5),
        ("writing", 10),
        ("sorting", 5),
        ("answering", 10),
        ("reformulation", 5),
        ("forces", 15),
        ("next_step", 5),
    ]
    assert SOCRATIC.fit.minutes == 55


@pytest.mark.parametrize(
    ("method", "group", "experience"),
    [
        (INCIDENT, (4, 8), "any"),
        (BALINT, (5, 8), "experienced"),
        (SOCRATIC, (4, 8), "any"),
        (SOCRATIC_DIALOGUE, (5, 10), "any"),
        (GOSSIP, (4, 8), "experienced"),
        (TEN_STEPS, (4, 8), "beginning"),
        (TROIKA, (3, 4), "any"),
    ],
    ids=lambda value: value.id if isinstance(value, MethodSpec) else None,
)
def test_fit_group_size_and_experience(
    method: MethodSpec, group: tuple[int, int], experience: str
) -> None:
    assert (method.fit.group_min, method.fit.group_max) == group
    assert method.fit.experience == experience


@pytest.mark.parametrize("method", RUNS.values(), ids=RUNS.keys())
def test_fit_uses_only_known_leervraag_kinds(method: MethodSpec) -> None:
    assert method.fit.leervraag_kinds
    assert set(method.fit.leervraag_kinds) <= set(LEERVRAAG_KINDS)


# -- incident ----------------------------------------------------------------------


def test_incident_questions_are_informative_questions_only() -> None:
    questions = INCIDENT.phase("questions")
    assert questions.allowed["participant"] == ("question",)
    assert questions.inbrenger_mode == "answers_briefly"
    assert questions.allowed["inbrenger"] == ("reaction",)


def test_incident_analysis_happens_without_the_inbrenger() -> None:
    analysis = INCIDENT.phase("analysis")
    assert analysis.inbrenger_mode == "away"
    assert "inbrenger" not in analysis.allowed
    assert analysis.allowed["participant"] == ("analysis",)


def test_incident_advice_round_inbrenger_listens_to_advice() -> None:
    advice = INCIDENT.phase("advice")
    assert advice.inbrenger_mode == "listens"
    assert advice.allowed["participant"] == ("advice",)


def test_incident_no_advice_before_the_advice_round() -> None:
    for phase_id in ("situation", "questions", "analysis"):
        phase = INCIDENT.phase(phase_id)
        assert all("advice" not in kinds for kinds in phase.allowed.values()), phase_id


def test_incident_inbrenger_chooses_the_usable_advice_as_a_commitment() -> None:
    decision = INCIDENT.phase("choice").decision
    assert decision is not None
    assert decision.id == "usable_advice"
    assert decision.by == "inbrenger"
    assert decision.selects_from == ("advice",)
    assert decision.commitment


# -- balint ------------------------------------------------------------------------


def test_balint_only_associations_and_individual_judgement_are_written_first() -> None:
    written = [phase.id for phase in BALINT.phases if phase.written_first]
    assert written == ["associations", "judgement"]
    assert BALINT.phase("associations").allowed["participant"] == ("association",)
    assert BALINT.phase("judgement").allowed["participant"] == ("advice",)


def test_balint_image_forming_allows_no_advice() -> None:
    image = BALINT.phase("image_forming")
    assert image.allowed["participant"] == ("question",)
    assert image.inbrenger_mode == "answers_briefly"


def test_balint_inbrenger_does_not_react_while_the_group_judges() -> None:
    group = BALINT.phase("group_judgement")
    assert group.inbrenger_mode == "listens"
    assert "inbrenger" not in group.allowed


def test_balint_forbids_the_facilitator_as_inbrenger() -> None:
    assert "facilitator_not_inbrenger" in {rule.kind for rule in BALINT.rules}
    assert "facilitator_not_inbrenger" not in INCIDENT.rule_kinds()
    assert "facilitator_not_inbrenger" not in SOCRATIC.rule_kinds()


def test_balint_decision_is_a_commitment_by_the_inbrenger() -> None:
    decision = BALINT.phase("decision").decision
    assert decision is not None
    assert decision.by == "inbrenger"
    assert decision.commitment


def test_balint_sharing_is_recognition() -> None:
    assert BALINT.phase("sharing").allowed["participant"] == ("recognition",)


# -- socratic ----------------------------------------------------------------------


def test_socratic_question_writing_is_written_first_with_three_open_questions() -> None:
    writing = SOCRATIC.phase("writing")
    assert writing.written_first
    assert writing.quotas == {"open_question": 3}
    assert writing.allowed["participant"] == ("open_question",)


def test_socratic_inbrenger_selects_the_warm_questions() -> None:
    sorting = SOCRATIC.phase("sorting")
    assert sorting.decision is not None
    assert sorting.decision.id == "warm_questions"
    assert sorting.decision.by == "inbrenger"
    assert sorting.decision.selects_from == ("open_question",)
    assert not sorting.decision.commitment
    assert "participant" not in sorting.allowed


def test_socratic_reformulation_is_a_statement_by_the_inbrenger() -> None:
    assert SOCRATIC.phase("reformulation").allowed["inbrenger"] == ("statement",)


def test_socratic_forces_are_analysed_by_participants() -> None:
    forces = SOCRATIC.phase("forces")
    assert "analysis" in forces.allowed["participant"]
    assert forces.allowed["inbrenger"] == ("reaction",)


def test_socratic_next_step_is_a_commitment_by_the_inbrenger() -> None:
    decision = SOCRATIC.phase("next_step").decision
    assert decision is not None
    assert decision.id == "next_step"
    assert decision.by == "inbrenger"
    assert decision.commitment


# -- all methods -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        (INCIDENT, {"choice": "usable_advice"}),
        (BALINT, {"decision": "decision"}),
        (
            SOCRATIC,
            {"sorting": "warm_questions", "forces": "tips_asked", "next_step": "next_step"},
        ),
        (SOCRATIC_DIALOGUE, {"evaluation": "taken_away"}),
        (GOSSIP, {"reactions": "accepted"}),
        (
            TEN_STEPS,
            {
                "valuing_questions": "valued_questions",
                "valuing_formulations": "valued_formulations",
                "closing": "will_do",
            },
        ),
        (TROIKA, {"feedback": "most_valuable"}),
    ],
    ids=lambda value: value.id if isinstance(value, MethodSpec) else None,
)
def test_decisions_are_where_methods_md_says_the_inbrenger_decides(
    method: MethodSpec, expected: dict[str, str]
) -> None:
    found = {p.id: p.decision.id for p in method.phases if p.decision is not None}
    assert found == expected


@pytest.mark.parametrize(("method", "phase"), _phase_params(lambda p: p.decision is not None))
def test_the_inbrenger_can_speak_where_they_decide(method: MethodSpec, phase: PhaseSpec) -> None:
    assert phase.inbrenger_mode == "speaks"
    assert phase.allowed["inbrenger"]


@pytest.mark.parametrize(
    ("method", "phase"), _phase_params(lambda p: p.inbrenger_mode == "answers_briefly")
)
def test_answering_briefly_means_reactions_only(method: MethodSpec, phase: PhaseSpec) -> None:
    assert phase.allowed["inbrenger"] == ("reaction",)


@pytest.mark.parametrize(("method", "phase"), _phase_params())
def test_every_role_has_instructions_in_both_languages(
    method: MethodSpec, phase: PhaseSpec
) -> None:
    assert set(phase.instructions) == set(ROLES)
    for role in ROLES:
        text = phase.instructions[role]
        assert text.nl.strip() and text.en.strip(), role


@pytest.mark.parametrize("method", RUNS.values(), ids=RUNS.keys())
def test_dutch_and_english_texts_are_not_copies(method: MethodSpec) -> None:
    same = [where for where, text in texts_of(method) if text.nl.strip() == text.en.strip()]
    assert same == []


@pytest.mark.parametrize("method", RUNS.values(), ids=RUNS.keys())
def test_instructions_differ_per_role(method: MethodSpec) -> None:
    for phase in method.phases:
        dutch = [phase.instructions[role].nl for role in ROLES]
        assert len(set(dutch)) == len(ROLES), phase.id


@pytest.mark.parametrize(
    ("method", "hosts"),
    [
        (
            INCIDENT,
            {"fotoscholing.nl", "coachy.nl", "eenmeesterinleren.nl", "me-we-elearning.com"},
        ),
        (BALINT, {"movisie.nl", "hrdacademy.be", "coachy.nl", "bpopleidingen.nl"}),
        (SOCRATIC, {"me-we-elearning.com", "hrdacademy.be"}),
        (
            SOCRATIC_DIALOGUE,
            {
                "filosofischegesprekken.nl",
                "appa.edu",
                "reflectiesite.nl",
                "onderwijs.stadenesch.nl",
            },
        ),
        (
            GOSSIP,
            {"ssprong.nl", "bpopleidingen.nl", "managementissues.com", "palliaweb.nl"},
        ),
        (TEN_STEPS, {"guidetocoach.com", "bpopleidingen.nl", "teamchange.nl"}),
        (
            TROIKA,
            {"liberatingstructures-uncovered.com", "workshopr.io", "opencreativity.trubox.ca"},
        ),
    ],
    ids=lambda value: value.id if isinstance(value, MethodSpec) else None,
)
def test_sources_are_the_https_urls_from_methods_md(method: MethodSpec, hosts: set[str]) -> None:
    assert method.sources
    assert not method.derived
    parsed = [urlparse(url) for url in method.sources]
    assert all(url.scheme == "https" and url.netloc for url in parsed)
    assert {url.netloc for url in parsed} == hosts


def test_the_shipped_variant_is_cited_first() -> None:
    assert INCIDENT.sources[0].startswith("https://fotoscholing.nl/")
    assert BALINT.sources[0].startswith("https://movisie.nl/")
    assert SOCRATIC.sources[0].startswith("https://me-we-elearning.com/")
    assert SOCRATIC_DIALOGUE.sources[0].startswith("https://filosofischegesprekken.nl")
    assert GOSSIP.sources[0].startswith("https://ssprong.nl/")
    assert TEN_STEPS.sources[0].startswith("https://guidetocoach.com/")


@pytest.mark.parametrize(
    ("module", "method_id"),
    [
        (incident, "incident"),
        (balint, "balint"),
        (socratic, "socratic"),
        (socratic_dialogue, "socratic-dialogue"),
        (gossip, "gossip"),
        (ten_steps, "ten-steps"),
        (troika, "troika"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_each_module_registers_its_method_through_the_hook(
    module: ModuleType, method_id: str
) -> None:
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    manager.register(module)
    registered = [m for methods in manager.hook.intervision_methods() for m in methods]
    newest, *earlier = registered
    assert newest.id == method_id
    for older in earlier:  # kept so that a meeting started with it resumes
        assert (older.id, older.phases) == (method_id, newest.phases)
        assert tuple(map(int, older.version.split("."))) < tuple(
            map(int, newest.version.split("."))
        )
