"""The community methods say what methods.md says, and arrive through their own distribution.

These tests need ``intervision-contrib`` installed (``pip install -e ./contrib_methods``);
without it they fail at import with that instruction, they are never skipped.
"""

from __future__ import annotations

from importlib import metadata
from urllib.parse import urlparse

import pytest
from support import ROLES, phases_of, texts_of

from intervision.engine import Registry
from intervision.engine.core.specs import MethodSpec, PhaseSpec
from intervision.engine.recommend.ranking import LEERVRAAG_KINDS

try:
    from intervision.contrib_methods.collegial_consultation import (
        COLLEGIAL_CONSULTATION,
        MODULES,
    )
    from intervision.contrib_methods.five_steps import FIVE_STEPS
    from intervision.contrib_methods.imi import IMI
    from intervision.contrib_methods.problem_solving import PROBLEM_SOLVING
    from intervision.contrib_methods.qualities import QUALITIES
    from intervision.contrib_methods.reflection import REFLECTION
    from intervision.contrib_methods.successes import SUCCESSES
    from intervision.contrib_methods.wise_crowds import WISE_CROWDS
except ModuleNotFoundError as exc:  # pragma: no cover - the message is the point
    raise ImportError(
        "the intervision-contrib distribution is not installed; run "
        "`pip install -e ./contrib_methods` before these tests"
    ) from exc

DISTRIBUTION = "intervision-contrib"
METHODS = (
    WISE_CROWDS,
    COLLEGIAL_CONSULTATION,
    FIVE_STEPS,
    PROBLEM_SOLVING,
    IMI,
    QUALITIES,
    REFLECTION,
    SUCCESSES,
)
ALL_SPECS = (*METHODS, *MODULES)


def _all_phases() -> list[object]:
    return [
        pytest.param(spec, phase, id=f"{spec.id}-{phase.id}")
        for spec in ALL_SPECS
        for phase in spec.phases
    ]


def _by_id(value: object) -> str | None:
    return value.id if isinstance(value, MethodSpec) else None


# -- registration, as `intervision plugins` shows it ------------------------------


def test_every_method_module_is_an_entry_point_of_the_contrib_distribution() -> None:
    dist = metadata.distribution(DISTRIBUTION)
    points = {ep.name: ep.value for ep in dist.entry_points if ep.group == "intervision"}
    assert points == {
        "wise-crowds": "intervision.contrib_methods.wise_crowds",
        "collegial-consultation": "intervision.contrib_methods.collegial_consultation",
        "five-steps": "intervision.contrib_methods.five_steps",
        "problem-solving": "intervision.contrib_methods.problem_solving",
        "imi": "intervision.contrib_methods.imi",
        "qualities": "intervision.contrib_methods.qualities",
        "reflection": "intervision.contrib_methods.reflection",
        "successes": "intervision.contrib_methods.successes",
    }


def test_the_registry_loads_the_contrib_plugins_without_errors(registry: Registry) -> None:
    contrib = [info for info in registry.plugins if info.distribution == DISTRIBUTION]
    assert sorted(info.name for info in contrib) == sorted(m.id for m in METHODS)
    assert all(info.ok for info in contrib), [info.errors for info in contrib]
    assert all(info.version == metadata.version(DISTRIBUTION) for info in contrib)


@pytest.mark.parametrize("spec", ALL_SPECS, ids=_by_id)
def test_every_contrib_spec_is_registered_by_the_contrib_distribution(
    registry: Registry, spec: MethodSpec
) -> None:
    assert registry.method(spec.id) == spec
    assert registry.owner(spec.id).distribution == DISTRIBUTION


def test_the_modules_are_registered_by_the_collegial_consultation_plugin(
    registry: Registry,
) -> None:
    owner = registry.owner(COLLEGIAL_CONSULTATION.id)
    assert {module.id for module in MODULES} < set(owner.methods)


# -- wise-crowds -------------------------------------------------------------------


def test_wise_crowds_gives_every_member_fifteen_minutes() -> None:
    assert phases_of(WISE_CROWDS) == [
        ("present", 2),
        ("questions", 3),
        ("consultation", 8),
        ("feedback", 2),
    ]
    assert WISE_CROWDS.rounds == "per_member"
    assert WISE_CROWDS.fit.minutes == 15
    assert (WISE_CROWDS.fit.group_min, WISE_CROWDS.fit.group_max) == (4, 7)


def test_wise_crowds_client_is_away_while_the_consultants_talk() -> None:
    consultation = WISE_CROWDS.phase("consultation")
    assert consultation.inbrenger_mode == "away"
    assert "inbrenger" not in consultation.allowed
    assert "advice" in consultation.allowed["participant"]
    assert WISE_CROWDS.phase("questions").allowed["participant"] == ("question",)


# -- collegial-consultation --------------------------------------------------------


def test_collegial_consultation_follows_tietzesphases_of() -> None:
    assert [phase.id for phase in COLLEGIAL_CONSULTATION.phases] == [
        "casting",
        "narration",
        "key_question",
        "consultation",
        "closing",
    ]
    assert 45 <= COLLEGIAL_CONSULTATION.fit.minutes <= 60
    assert "scribe" in {role.id for role in COLLEGIAL_CONSULTATION.roles}


def test_collegial_consultation_key_question_is_the_inbrengers_with_a_way_back() -> None:
    key = COLLEGIAL_CONSULTATION.phase("key_question")
    assert key.allowed["inbrenger"] == ("statement",)
    assert "participant" not in key.allowed
    assert [(loop.to, loop.by) for loop in key.loops] == [("narration", "inbrenger")]


def test_collegial_consultation_nests_the_cb_modules_in_one_phase() -> None:
    nesting = [phase.id for phase in COLLEGIAL_CONSULTATION.phases if phase.nested]
    assert nesting == ["consultation"]
    nested = COLLEGIAL_CONSULTATION.phase("consultation").nested
    assert nested is not None
    assert nested.choose_from == tuple(module.id for module in MODULES)
    assert len(nested.choose_from) >= 3
    assert "inbrenger" in nested.by


@pytest.mark.parametrize("module", MODULES, ids=_by_id)
def test_each_nested_module_exists_and_is_a_short_module(
    registry: Registry, module: MethodSpec
) -> None:
    assert module.id.startswith("cb-")
    assert registry.method(module.id).kind == "module"
    assert 1 <= len(module.phases) <= 2
    assert module.fit.minutes == sum(phase.minutes for phase in module.phases) == 10
    assert module.sources == COLLEGIAL_CONSULTATION.sources


@pytest.mark.parametrize("module", MODULES, ids=_by_id)
def test_in_a_module_the_case_teller_only_listens_and_the_scribe_notes(
    module: MethodSpec,
) -> None:
    for phase in module.phases:
        assert phase.inbrenger_mode == "listens"
        assert "inbrenger" not in phase.allowed
        assert phase.allowed["scribe"] == ("note",)
        assert len(phase.allowed["participant"]) == 1


def test_in_the_closing_the_inbrenger_says_which_advice_was_valuable() -> None:
    decision = COLLEGIAL_CONSULTATION.phase("closing").decision
    assert decision is not None
    assert decision.by == "inbrenger"
    assert decision.selects_from == ("advice",)
    assert all(
        "advice" in phase.allowed["participant"] for phase in (m.phases[-1] for m in MODULES)
    )


# -- five-steps --------------------------------------------------------------------


def test_five_steps_phases_in_order() -> None:
    assert [phase.id for phase in FIVE_STEPS.phases] == [
        "introduction",
        "exploration",
        "core",
        "advice",
        "evaluation",
    ]


def test_five_steps_advice_round_everyone_advises_and_the_inbrenger_reacts() -> None:
    advice = FIVE_STEPS.phase("advice")
    assert advice.at_least == {"advice": 1}  # an advice each; a note does not count
    assert advice.allowed["participant"] == ("advice",)
    assert advice.allowed["inbrenger"] == ("reaction",)
    assert all(
        "advice" not in kinds for phase in FIVE_STEPS.phases[:3] for kinds in phase.allowed.values()
    )


# -- problem-solving ---------------------------------------------------------------


def test_problem_solving_asks_diagnoses_then_advises() -> None:
    ids = [phase.id for phase in PROBLEM_SOLVING.phases]
    assert ids.index("questions") < ids.index("diagnosis") < ids.index("advice")
    assert PROBLEM_SOLVING.phase("advice").allowed["inbrenger"] == ("reaction",)


def test_problem_solving_loops_back_to_the_questions_when_the_inbrenger_is_not_helped() -> None:
    loops = [(phase.id, loop) for phase in PROBLEM_SOLVING.phases for loop in phase.loops]
    assert len(loops) == 1
    where, loop = loops[0]
    assert where == "advice"
    assert loop.to == "questions"
    assert loop.by == "inbrenger"


# -- imi ---------------------------------------------------------------------------


def test_imi_takes_up_to_fifteen_in_an_hour() -> None:
    assert IMI.fit.group_max == 15
    assert IMI.fit.minutes == 60
    assert [phase.id for phase in IMI.phases] == [
        "inventory",
        "choice",
        "story",
        "summary",
        "feelings",
        "wishes",
        "feasibility",
        "pros_cons",
    ]


def test_imi_the_choice_and_the_fifteen_word_summary_wait_for_consensus() -> None:
    assert [phase.id for phase in IMI.phases if phase.consensus] == ["choice", "summary"]
    summary = IMI.phase("summary")
    assert "fifteen" in summary.instructions["facilitator"].en
    assert "vijftien" in summary.instructions["facilitator"].nl


# -- qualities ---------------------------------------------------------------------


def test_qualities_has_seven_steps_in_about_an_hour() -> None:
    assert [phase.id for phase in QUALITIES.phases] == [
        "situation",
        "questions",
        "answers",
        "quality",
        "challenge",
        "own_challenge",
        "takeaway",
    ]
    assert QUALITIES.fit.minutes == 60


def test_qualities_two_clarifying_questions_each_and_no_advice() -> None:
    questions = QUALITIES.phase("questions")
    assert questions.quotas == {"question": 2}
    assert questions.allowed["participant"] == ("question",)
    assert "participant" not in QUALITIES.phase("answers").allowed


def test_qualities_only_the_challenge_round_is_written_first() -> None:
    assert [phase.id for phase in QUALITIES.phases if phase.written_first] == ["challenge"]
    challenge = QUALITIES.phase("challenge")
    assert challenge.everyone_contributes
    assert challenge.inbrenger_mode == "listens"
    assert "Jouw uitdaging is" in challenge.instructions["participant"].nl


# -- reflection --------------------------------------------------------------------


def test_reflection_is_derived_and_follows_alact() -> None:
    assert REFLECTION.derived
    assert [phase.id for phase in REFLECTION.phases] == [
        "action",
        "looking_back",
        "awareness",
        "alternatives",
        "trial",
    ]


def test_reflection_inbrenger_chooses_an_alternative_and_commits_to_a_trial() -> None:
    alternatives = REFLECTION.phase("alternatives").decision
    trial = REFLECTION.phase("trial").decision
    assert alternatives is not None and trial is not None
    assert alternatives.by == trial.by == "inbrenger"
    assert alternatives.selects_from == ("advice",)
    assert not alternatives.commitment
    assert trial.commitment


def test_only_reflection_is_derived() -> None:
    assert [spec.id for spec in ALL_SPECS if spec.derived] == ["reflection"]


# -- all contrib specs -------------------------------------------------------------


@pytest.mark.parametrize("spec", ALL_SPECS, ids=_by_id)
def test_fit_minutes_are_the_sum_of_thephases_of(spec: MethodSpec) -> None:
    assert spec.fit.minutes == sum(phase.minutes for phase in spec.phases)


@pytest.mark.parametrize("method", METHODS, ids=_by_id)
def test_fit_uses_only_known_leervraag_kinds(method: MethodSpec) -> None:
    assert method.fit.leervraag_kinds
    assert set(method.fit.leervraag_kinds) <= set(LEERVRAAG_KINDS)


@pytest.mark.parametrize(("spec", "phase"), _all_phases())
def test_every_role_has_instructions_in_both_languages(spec: MethodSpec, phase: PhaseSpec) -> None:
    assert set(ROLES) <= set(phase.instructions)
    for text in phase.instructions.values():
        assert text.nl.strip() and text.en.strip()
    dutch = [phase.instructions[role].nl for role in ROLES]
    assert len(set(dutch)) == len(ROLES)


@pytest.mark.parametrize(("spec", "phase"), _all_phases())
def test_answering_briefly_means_reactions_only(spec: MethodSpec, phase: PhaseSpec) -> None:
    if phase.inbrenger_mode == "answers_briefly":
        assert phase.allowed["inbrenger"] == ("reaction",)
    if phase.decision is not None:
        assert phase.inbrenger_mode == "speaks"


@pytest.mark.parametrize("spec", ALL_SPECS, ids=_by_id)
def test_dutch_and_english_texts_are_not_copies(spec: MethodSpec) -> None:
    same = [where for where, text in texts_of(spec) if text.nl.strip() == text.en.strip()]
    assert same == []


@pytest.mark.parametrize(
    ("method", "hosts"),
    [
        (WISE_CROWDS, {"liberatingstructures-uncovered.com"}),
        (COLLEGIAL_CONSULTATION, {"kollegiale-beratung.de"}),
        (FIVE_STEPS, {"lessonup.com", "bpopleidingen.nl"}),
        (PROBLEM_SOLVING, {"docplayer.nl"}),
        (IMI, {"icoba.be"}),
        (QUALITIES, {"teamchange.nl"}),
        (REFLECTION, {"toolshero.nl"}),
    ],
    ids=_by_id,
)
def test_sources_are_https_urls_of_the_sites_in_methods_md(
    method: MethodSpec, hosts: set[str]
) -> None:
    parsed = [urlparse(url) for url in method.sources]
    assert parsed
    assert all(url.scheme == "https" and url.path for url in parsed)
    assert {url.netloc.removeprefix("www.") for url in parsed} == hosts
