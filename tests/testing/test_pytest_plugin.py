"""The pytest plugin a method author gets: fixtures, the conformance call, refusals.

Each test runs a small test file in a fresh pytest (pytester), as a method
author's own project would, with the plugin loaded through its entry point.
"""

from __future__ import annotations

import pytest

import intervision.testing as testing
from intervision.testing import plugin

pytest_plugins = ["pytester"]

AUTHOR_PLUGIN = """
from intervision.engine import MethodSpec, PhaseSpec, Fit, Text, hookimpl

SPEC = MethodSpec(
    id="mini",
    version="1.0",
    title=Text(nl="Mini", en="Mini"),
    summary=Text(nl="Een korte methode.", en="A short method."),
    sources=("https://example.org/mini",),
    fit=Fit(minutes=10),
    phases=(
        PhaseSpec(
            id="ask",
            title=Text(nl="Vragen", en="Questions"),
            minutes=5,
            inbrenger_mode="answers_briefly",
            allowed={"participant": ("question",), "inbrenger": ("reaction",)},
            instructions={
                r: Text(nl=f"{r}: vraag door", en=f"{r}: ask on")
                for r in ("facilitator", "inbrenger", "participant")
            },
        ),
        PhaseSpec(
            id="advise",
            title=Text(nl="Advies", en="Advice"),
            minutes=5,
            inbrenger_mode="listens",
            allowed={"participant": ("advice",)},
            instructions={
                r: Text(nl=f"{r}: geef advies", en=f"{r}: give advice")
                for r in ("facilitator", "inbrenger", "participant")
            },
        ),
    ),
)


class Mini:
    @hookimpl
    def intervision_methods(self):
        return [SPEC]
"""


def test_the_public_api_of_the_testing_package_is_pinned() -> None:
    assert testing.__all__ == [
        "FACILITATOR",
        "INBRENGER",
        "MEMBERS",
        "NAMES",
        "PARTICIPANTS",
        "PhaseExerciser",
        "Samples",
        "assert_replays",
        "check_conformance",
        "group_for",
        "refused",
        "start",
        "to_case_choice",
    ]
    assert plugin.__all__ == [
        "intervision_engine",
        "intervision_logs",
        "intervision_meeting",
        "intervision_registry",
    ]


def test_a_method_author_tests_a_method_with_the_fixtures(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(mini_plugin=AUTHOR_PLUGIN)
    pytester.makepyfile(
        test_mini="""
import pytest
from mini_plugin import Mini
from intervision.testing import check_conformance, refused

@pytest.mark.intervision_plugins(Mini())
def test_only_my_plugin(intervision_registry):
    assert [m.id for m in intervision_registry.methods()] == ["mini"]
    check_conformance("mini", registry=intervision_registry)

@pytest.mark.intervision_plugins(Mini())
def test_a_refusal(intervision_meeting, intervision_logs):
    meeting = intervision_meeting("mini")
    with refused(meeting, "allowed_kinds"):
        meeting.contribute("carla", "advice", "too early")
    assert any(e["event"] == "command_refused" for e in intervision_logs)

def test_installed_methods_by_default(intervision_registry):
    assert "incident" in [m.id for m in intervision_registry.methods()]
"""
    )
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)


def test_a_method_that_contradicts_itself_fails_the_conformance_check(
    pytester: pytest.Pytester,
) -> None:
    """The phase allows questions, but a rule the method declares refuses them all."""
    contradicting = (
        AUTHOR_PLUGIN.replace(
            'allowed={"participant": ("question",), "inbrenger": ("reaction",)},',
            'allowed={"participant": ("question",), "inbrenger": ("reaction",)},\n'
            '            rules=(RuleRef(kind="no_questions"),),',
        ).replace(
            "from intervision.engine import MethodSpec, PhaseSpec, Fit, Text, hookimpl",
            "from intervision.engine import (MethodSpec, PhaseSpec, Fit, Text, hookimpl,\n"
            "    Refusal, RuleKind, RuleRef)",
        )
        + """

def no_questions(ctx):
    if getattr(ctx.command, "kind", None) == "question":
        return Refusal("no_questions", Text(nl="Geen vragen.", en="No questions."))
    return None


class Rules:
    @hookimpl
    def intervision_rule_kinds(self):
        return [RuleKind("no_questions", Text(nl="Geen vragen", en="No questions"), no_questions)]
"""
    )
    pytester.makepyfile(mini_plugin=contradicting)
    pytester.makepyfile(
        test_mini="""
import pytest
from mini_plugin import Mini, Rules
from intervision.testing import check_conformance

@pytest.mark.intervision_plugins(Rules(), Mini())
def test_conforms(intervision_registry):
    check_conformance("mini", registry=intervision_registry)
"""
    )
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*no_questions*"])
