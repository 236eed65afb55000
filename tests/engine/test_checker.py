"""The checker reports every problem with a method at once, each where it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intervision.engine import (
    Fit,
    LoopSpec,
    MethodSpec,
    PhaseSpec,
    Registry,
    RuleRef,
    Text,
    VariantSpec,
    load_method_file,
    load_registry,
)
from intervision.engine.authoring.checker import (
    Problem,
    check_method,
    check_target,
    minutes_tolerance,
)

ROLES = ("facilitator", "inbrenger", "participant")


def instructions(*roles: str) -> dict[str, Text]:
    return {role: Text(nl=f"Wat de {role} doet.", en=f"What the {role} does.") for role in roles}


def phase(phase_id: str, minutes: int = 10, **fields: Any) -> PhaseSpec:
    fields.setdefault("instructions", instructions(*ROLES))
    return PhaseSpec(id=phase_id, title=Text(nl=phase_id, en=phase_id), minutes=minutes, **fields)


def method(*phases: PhaseSpec, minutes: int = 30, **fields: Any) -> MethodSpec:
    fields.setdefault("derived", True)
    fields.setdefault("fit", {"minutes": minutes, "leervraag_kinds": ("advice",)})
    return MethodSpec(
        id="draft",
        version="1.0",
        title=Text(nl="Concept", en="Draft"),
        summary=Text(nl="Een concept.", en="A draft."),
        phases=phases or (phase("one"), phase("two"), phase("three")),
        **fields,
    )


@pytest.fixture(scope="module")
def bare() -> Registry:
    """Only the built-in rule kinds, and no methods or modules."""
    return load_registry(strict=True, entry_points=False, user_methods=False)


def wheres(problems: list[Problem]) -> list[str]:
    return [p.where for p in problems]


def test_every_installed_method_and_variant_has_no_problems(registry: Registry) -> None:
    for spec in registry.methods(modules=True):
        assert check_method(spec, registry) == [], spec.id


def test_a_good_method_has_no_problems(bare: Registry) -> None:
    assert check_method(method(), bare) == []


def test_every_problem_is_reported_at_once_each_with_its_field(bare: Registry) -> None:
    draft = method(
        phase("tell", 10, instructions=instructions("facilitator", "participant")),
        phase(
            "ask",
            10,
            instructions={
                **instructions("facilitator", "inbrenger"),
                "participant": Text(nl="Stel vragen.", en="Stel vragen."),
            },
            rules=(RuleRef(kind="max_words"),),
        ),
        phase("close", 10),
        minutes=60,
        rules=(RuleRef(kind="no_such_rule"),),
        fit={"minutes": 60, "leervraag_kinds": ("advice", "gossip")},
    )
    problems = check_method(draft, bare)
    assert wheres(problems) == [
        "rules[0]",
        "fit.leervraag_kinds[1]",
        "phases[0] (tell).instructions.inbrenger",
        "phases[1] (ask).instructions.participant",
        "phases[1] (ask).rules[0]",
        "fit.minutes",
    ]
    by_where = {p.where: p for p in problems}
    assert "no_such_rule" in by_where["rules[0]"].message
    assert "max_words" in by_where["phases[1] (ask).rules[0]"].message
    assert "'gossip'" in by_where["fit.leervraag_kinds[1]"].message
    assert "the same" in by_where["phases[1] (ask).instructions.participant"].message
    assert "30 minutes" in by_where["fit.minutes"].message
    assert "60" in by_where["fit.minutes"].message


def test_every_problem_says_what_is_wrong_in_dutch_too(bare: Registry) -> None:
    problems = check_method(method(phase("one", 10, instructions={}), minutes=10), bare)
    assert problems
    assert all(p.nl and p.nl != p.message for p in problems)
    assert problems[0].text("nl") == problems[0].nl
    assert problems[0].text("en") == problems[0].message


@pytest.mark.parametrize(
    ("declared", "ok"),
    [(30, True), (35, True), (25, True), (36, False), (24, False)],
)
def test_minutes_may_differ_by_five_minutes_for_a_short_method(
    bare: Registry, declared: int, ok: bool
) -> None:
    problems = check_method(method(minutes=declared), bare)
    assert (problems == []) is ok


def test_a_long_method_may_differ_by_ten_percent(bare: Registry) -> None:
    assert minutes_tolerance(120) == 12
    assert minutes_tolerance(20) == 5
    assert check_method(method(phase("a", 60), phase("b", 50), minutes=120), bare) == []
    assert wheres(check_method(method(phase("a", 60), phase("b", 47), minutes=120), bare)) == [
        "fit.minutes"
    ]


def test_a_per_member_method_is_measured_by_one_round(bare: Registry) -> None:
    why = Text(nl="Ieder is een keer aan de beurt.", en="Everyone takes one turn.")
    rounds: dict[str, Any] = {"rounds": "per_member", "facilitator_may_bring_case": why}
    spec = method(phase("a", 5), phase("b", 5), minutes=10, **rounds)
    assert check_method(spec, bare) == []
    problems = check_method(method(phase("a", 5), minutes=30, **rounds), bare)
    assert "one round" in problems[0].message


def test_a_variant_is_checked_the_same_way_under_its_own_name(bare: Registry) -> None:
    variant = VariantSpec(
        id="short",
        title=Text(nl="Kort", en="Short"),
        summary=Text(nl="Korter.", en="Shorter."),
        sources=("www.example.org/short",),
        phases=(phase("one", 5, instructions=instructions("facilitator", "inbrenger")),),
        rules=(RuleRef(kind="max_words"),),
        fit=Fit(minutes=30),
    )
    problems = check_method(method(variants=(variant,)), bare)
    assert wheres(problems) == [
        "variants[0] (short).sources[0]",
        "variants[0] (short).rules[0]",
        "variants[0] (short).phases[0] (one).instructions.participant",
        "variants[0] (short).fit.minutes",
    ]
    assert "add up to 5 minutes" in problems[-1].message


def test_a_variant_without_a_fit_of_its_own_takes_the_minutes_of_its_phases(
    bare: Registry,
) -> None:
    variant = VariantSpec(
        id="short",
        title=Text(nl="Kort", en="Short"),
        summary=Text(nl="Korter.", en="Shorter."),
        change={"one": {"minutes": 2}},
        order=("one", "two"),
    )
    draft = method(variants=(variant,))
    assert draft.variant("short").fit.minutes == 12
    assert check_method(draft, bare) == []


def test_loops_go_back_and_hidden_content_is_revealed_later(bare: Registry) -> None:
    spec = method(
        phase(
            "one",
            loops=(LoopSpec(id="ahead", to="three", title=Text(nl="Vooruit", en="Ahead")),),
        ),
        phase("two", hidden_until="one"),
        phase("three"),
    )
    assert wheres(check_method(spec, bare)) == [
        "phases[0] (one).loops[0] (ahead).to",
        "phases[1] (two).hidden_until",
    ]


def test_a_nested_module_must_be_installed(bare: Registry, registry: Registry) -> None:
    spec = method(phase("a", 10), phase("b", 20, nested={"choose_from": ("cb-headstand",)}))
    assert wheres(check_method(spec, bare)) == ["phases[1] (b).nested.choose_from[0]"]
    assert check_method(spec, registry) == []


def test_sources_are_https_addresses(bare: Registry) -> None:
    spec = method(derived=False, sources=("https://fotoscholing.nl/a", "http://fotoscholing.nl/b"))
    assert wheres(check_method(spec, bare)) == ["sources[1]"]


@pytest.mark.parametrize(
    "source",
    [
        "https://example.org/TODO-where-the-method-is-published",
        "https://www.example.com/method",
        "https://methods.test/incident",
        "https://localhost:8000/method",
        "https://kollegiale-beratung.de/TODO",
    ],
)
def test_a_placeholder_source_is_not_a_source(bare: Registry, source: str) -> None:
    [problem] = check_method(method(derived=False, sources=(source,)), bare)

    assert problem.where == "sources[0]"
    assert "is a placeholder, not where the method is published" in problem.message
    assert problem.nl is not None and "voorbeeldadres" in problem.nl


def test_a_real_source_is_not_taken_for_a_placeholder(bare: Registry) -> None:
    sources = ("https://mastodon.social/@intervisie", "https://examples.org/todolist-method")
    assert check_method(method(derived=False, sources=sources), bare) == []


# -- targets ------------------------------------------------------------------------

DRAFT_TOML = """
id = "draft-toml"
version = "1.0"
derived = true
title = { nl = "Concept", en = "Draft" }
summary = { nl = "Een concept.", en = "A draft." }
fit = { minutes = 60, leervraag_kinds = ["advice", "gossip"] }

[[phases]]
id = "tell"
title = { nl = "Vertellen", en = "Telling" }
minutes = 10
rules = [{ kind = "max_words" }]
instructions.facilitator = { nl = "Geef het woord.", en = "Give the floor." }
instructions.inbrenger = { nl = "Vertel.", en = "Tell." }
"""


def test_a_toml_file_is_checked_with_the_file_in_every_location(tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    path.write_text(DRAFT_TOML, encoding="utf-8")
    problems = check_target(str(path))
    assert wheres(problems) == [
        f"{path}:fit.leervraag_kinds[1]",
        f"{path}:phases[0] (tell).instructions.participant",
        f"{path}:phases[0] (tell).rules[0]",
        f"{path}:fit.minutes",
    ]


def test_an_invalid_toml_file_reports_each_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    text = DRAFT_TOML.replace("minutes = 10", "minutes = 0").replace('version = "1.0"', "")
    path.write_text(text, encoding="utf-8")
    assert sorted(wheres(check_target(str(path)))) == [
        f"{path}:phases[0].minutes",
        f"{path}:version",
    ]
    path.write_text("id = ", encoding="utf-8")
    (problem,) = check_target(str(path))
    assert problem.where == str(path)
    assert "not valid TOML" in problem.message


def test_a_toml_file_may_not_take_an_installed_id(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(DRAFT_TOML.replace('"draft-toml"', '"incident"'), encoding="utf-8")
    problem = check_target(str(path))[0]
    assert problem.where == f"{path}:id"
    assert "plugin 'incident'" in problem.message
    assert load_method_file(path).id == "incident"


def test_an_installed_method_or_plugin_is_found_by_name() -> None:
    assert check_target("incident") == []
    assert check_target("collegial-consultation") == []


def test_an_unknown_target_is_an_error_not_a_problem() -> None:
    from intervision.engine import UnknownMethodError

    with pytest.raises(UnknownMethodError, match="not an installed method or plugin"):
        check_target("no-such-method")


def _with_roles(*roles: str, **fields: Any) -> MethodSpec:
    from intervision.engine import STANDARD_ROLES, RoleSpec

    extra = tuple(RoleSpec(id=r, title=Text(nl=r, en=r)) for r in roles)
    work = phase("notes", allowed={r: ("note",) for r in roles})
    return method(phase("one"), work, roles=(*STANDARD_ROLES, *extra), **fields)


def test_a_role_nobody_can_hold_is_a_problem(bare: Registry) -> None:
    fits = _with_roles("scribe", fit={"group_min": 3, "leervraag_kinds": ("advice",)})
    assert check_method(fits, bare) == []
    crowded = _with_roles(
        "scribe", "observer", fit={"group_min": 3, "leervraag_kinds": ("advice",)}
    )
    [problem] = check_method(crowded, bare)
    assert problem.where == "roles (scribe)"
    assert "in a group of 3 nobody is left to hold the role 'scribe'" in problem.message
    assert "observer" in problem.message and "verhoog fit.group_min" in (problem.nl or "")
    why = Text(nl="Ieder is een keer aan de beurt.", en="Everyone takes one turn.")
    rounds = _with_roles("scribe", rounds="per_member", facilitator_may_bring_case=why, minutes=20)
    [problem] = check_method(rounds, bare)
    assert "every member is the inbrenger in a round" in problem.message
