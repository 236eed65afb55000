"""The conformance walk with a rule that reads what is said: sample texts per rule kind
or per kind, the rule tried both ways, and a clear failure when a text is missing.

The compliments plugin's rule ``rated`` refuses a compliment that does not start with
a score from 0 to 10: the walk's placeholder texts would all be refused.
"""

from __future__ import annotations

import dataclasses

import pytest
from author_plugins import compliments

from intervision.engine import (
    Engine,
    MemoryJournal,
    Refusal,
    Registry,
    RuleContext,
    RuleKind,
    hookimpl,
    load_registry,
)
from intervision.testing import PhaseExerciser, check_conformance, start


def _with_rated(kind: RuleKind) -> Registry:
    class Round:
        intervision_contribution_kinds = staticmethod(compliments.intervision_contribution_kinds)
        intervision_methods = staticmethod(compliments.intervision_methods)

        @hookimpl
        def intervision_rule_kinds(self) -> list[RuleKind]:
            return [kind]

    return load_registry(strict=True, extra=[("round", Round())], user_methods=False)


def test_the_rule_kinds_own_samples_are_walked_both_ways() -> None:
    seen: list[str] = []

    def heard(ctx: RuleContext) -> Refusal | None:
        seen.append(getattr(ctx.command, "text", ""))
        return compliments.rated(ctx)

    registry = _with_rated(dataclasses.replace(compliments.RATED, check=heard))
    meeting = start(Engine(MemoryJournal(), registry), compliments.METHOD_ID)

    PhaseExerciser(meeting).run()

    accepted, refused = compliments.RATED.samples or ("", "")
    assert refused in seen and accepted in seen
    said = {c.text for c in meeting.state.contributions if c.kind == "compliment"}
    assert said == {accepted}  # the refused sample was tried on a copy, never written


def test_the_plugins_role_and_kind_are_walked() -> None:
    registry = _with_rated(compliments.RATED)
    meeting = start(Engine(MemoryJournal(), registry), compliments.METHOD_ID)

    PhaseExerciser(meeting).run()

    holder = meeting.state.roles["secretary"][0]
    notes = [c for c in meeting.state.contributions if c.author == holder and c.kind == "note"]
    assert notes, "the secretary's note was not tried"


def test_without_a_text_it_accepts_the_walk_says_which_rule_and_how_to_give_one() -> None:
    registry = _with_rated(dataclasses.replace(compliments.RATED, samples=None))

    with pytest.raises(AssertionError) as info:
        check_conformance(compliments.METHOD_ID, registry=registry)

    message = str(info.value)
    assert message.startswith("phase compliments: the walk was refused")
    assert "by 'rated'" in message and "samples={'rated': (accepted, refused)}" in message


def test_samples_per_rule_kind_or_per_kind_let_the_walk_through() -> None:
    registry = _with_rated(dataclasses.replace(compliments.RATED, samples=None))

    check_conformance(
        compliments.METHOD_ID, registry=registry, samples={"rated": ("9: warm", "warm")}
    )
    check_conformance(compliments.METHOD_ID, registry=registry, samples={"compliment": "7: clear"})


def test_a_refused_sample_the_rule_accepts_fails_the_walk() -> None:
    registry = _with_rated(compliments.RATED)

    with pytest.raises(AssertionError, match="'rated' never refused its refused sample '8: ok'"):
        check_conformance(
            compliments.METHOD_ID, registry=registry, samples={"rated": ("9: warm", "8: ok")}
        )
    with pytest.raises(AssertionError, match="'rated' refused its accepted sample 'warm'"):
        check_conformance(
            compliments.METHOD_ID, registry=registry, samples={"rated": ("warm", "cold")}
        )
