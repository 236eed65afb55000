"""A plugin extends the vocabulary: its own contribution kinds, roles and rule kinds,
used in its phases and rules like the built-in ones, and hooks for its own meetings.

``author_plugins.compliments`` is such a plugin, written against the public API as a
method author would: the kind ``compliment``, the role ``secretary``, the rule kind
``rated`` that reads the text, and lifecycle hooks that count only its own meetings.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from author_plugins import compliments
from support import FACILITATOR, INBRENGER, MEMBERS, PARTICIPANTS, start, to_case_choice

from intervision.engine import (
    GLOSSARY,
    CommandRefused,
    Engine,
    MeetingState,
    MemoryJournal,
    MethodSpec,
    PluginError,
    Registry,
    SpecError,
    Term,
    Text,
    for_method,
    hookimpl,
    load_registry,
)
from intervision.testing import refused


@pytest.fixture
def registry() -> Registry:
    return load_registry(strict=True, extra=[("compliments", compliments)])


def _kinds_plugin(*terms: object) -> object:
    class Kinds:
        @hookimpl
        def intervision_contribution_kinds(self) -> list[object]:
            return list(terms)

    return Kinds()


def _term(kind: str, nl: str, en: str, short: tuple[str, str]) -> Term:
    return Term(kind, Text(nl=nl, en=en), short=Text(nl=short[0], en=short[1]))


# -- kinds ---------------------------------------------------------------------


def test_a_plugin_kind_is_in_the_registry_glossary_not_the_engine_one(registry: Registry) -> None:
    assert registry.glossary.kind_for("co", "nl") == "compliment"
    assert registry.glossary.kind_for("kudos", "en") == "compliment"
    assert registry.glossary.kinds["compliment"].board_label("nl") == "Compliment geven"
    assert registry.glossary.kinds["question"].board_label("nl") == "Vraag"
    assert "compliment" not in GLOSSARY.kinds  # other registries never see it


def test_a_plugin_kind_runs_in_phases_and_rules_like_a_built_in_one(registry: Registry) -> None:
    meeting = start(Engine(MemoryJournal(), registry), compliments.METHOD_ID)
    meeting.advance(FACILITATOR)  # -> compliments
    carla = PARTICIPANTS[0]

    assert meeting.capabilities().of(carla).kinds == ("compliment",)
    meeting.contribute(carla, "compliment", "9: you kept your calm")
    with refused(meeting, "quota"):
        meeting.contribute(carla, "compliment", "8: and you listened")
    with refused(meeting, "allowed_kinds"):
        meeting.contribute(PARTICIPANTS[1], "advice", "call her tomorrow")
    with pytest.raises(CommandRefused) as info:
        meeting.contribute(PARTICIPANTS[1], "compliment", "you kept your calm")
    assert info.value.rule == "rated"
    assert info.value.reason.nl.startswith("Begin een compliment met een cijfer")


def test_two_plugins_declaring_one_shortcut_are_reported_naming_both() -> None:
    first = _kinds_plugin(_term("wish", "wens", "wish", ("w", "w")))
    second = _kinds_plugin(_term("worry", "zorg", "worry", ("zo", "w")))

    registry = load_registry(strict=False, extra=[("wishes", first), ("worries", second)])

    [error] = [e for i, e in registry.errors if i.name == "worries"]
    assert "contribution kind 'worry'" in error
    assert "the en shortcut 'w' of 'worry' is taken by 'wish'" in error
    assert "plugin 'wishes'" in error and "plugin 'worries'" in error
    assert registry.glossary.kind_for("w", "en") == "wish"  # the first keeps it
    assert "worry" not in registry.glossary.kinds
    with pytest.raises(PluginError, match="taken by 'wish'"):
        load_registry(strict=True, extra=[("wishes", first), ("worries", second)])


def test_two_plugins_declaring_one_kind_are_reported_naming_both() -> None:
    first = _kinds_plugin(_term("wish", "wens", "wish", ("w", "w")))
    second = _kinds_plugin(_term("wish", "verlangen", "desire", ("ve", "de")))

    registry = load_registry(strict=False, extra=[("wishes", first), ("desires", second)])

    [error] = [e for i, e in registry.errors if i.name == "desires"]
    assert "contribution kind 'wish': the id 'wish' is used twice" in error
    assert "plugin 'desires'" in error and "'wish' is a kind of plugin 'wishes'" in error
    assert registry.glossary.kind("wish").nl == "wens"  # the first keeps it
    assert not [e for i, e in registry.errors if i.name == "wishes"]


def test_a_kind_taking_a_built_in_word_names_intervision_as_its_owner() -> None:
    plugin = _kinds_plugin(_term("query", "vraag", "query", ("qu", "qu")))

    registry = load_registry(strict=False, extra=[("queries", plugin)])

    [error] = [e for i, e in registry.errors if i.name == "queries"]
    assert "the word 'vraag' names both 'question' and 'query'" in error
    assert "'question' is a kind of intervision's own" in error


@pytest.mark.parametrize(
    ("term", "says"),
    [
        ({"id": "wish"}, "returns Term records, not dict"),
        (Term("Wish", Text(nl="wens", en="wish"), Text(nl="w", en="w")), "lower-case letter"),
        (Term("wish", Text(nl="wens", en="wish")), "a shortcut (short)"),
    ],
)
def test_a_kind_that_is_not_a_whole_term_is_reported(term: object, says: str) -> None:
    registry = load_registry(strict=False, extra=[("wishes", _kinds_plugin(term))])

    [error] = [e for i, e in registry.errors if i.name == "wishes"]
    assert error.startswith("plugin 'wishes'") and says in error


def test_a_typo_in_allowed_is_reported_naming_plugin_method_field_and_kind() -> None:
    spec = compliments.COMPLIMENT_ROUND
    phase = spec.phases[1].model_copy(update={"allowed": {"participant": ("complement",)}})
    typo = spec.model_copy(update={"id": "typo-round", "phases": (spec.phases[0], phase)})

    class Typo:
        @hookimpl
        def intervision_methods(self) -> list[MethodSpec]:
            return [typo]

    registry = load_registry(strict=False, extra=[("compliments", compliments), ("typo", Typo())])

    [error] = [e for i, e in registry.errors if i.name == "typo"]
    assert error.startswith("plugin 'typo'")
    assert "method 'typo-round'" in error
    assert (
        "phases[1] (compliments).allowed.participant: unknown contribution kind 'complement'"
        in (error)
    )
    assert "compliment" in error.split("known kinds:")[1]
    assert registry.method(compliments.METHOD_ID)  # the plugin's other method still works
    with pytest.raises(SpecError, match="unknown contribution kind 'complement'"):
        load_registry(strict=True, extra=[("compliments", compliments), ("typo", Typo())])


def test_a_method_using_a_kind_of_a_plugin_not_installed_is_reported(tmp_path: Path) -> None:
    from intervision.engine import dump_method

    path = tmp_path / "round.toml"
    spec = compliments.COMPLIMENT_ROUND.model_copy(update={"id": "toml-round", "rules": ()})
    phases = [p.model_copy(update={"rules": ()}) for p in spec.phases]
    path.write_text(dump_method(spec.model_copy(update={"phases": tuple(phases)})), "utf-8")

    alone = load_registry(strict=False, method_files=[path], user_methods=False)
    [error] = [e for i, e in alone.errors if i.name == "file:round.toml"]
    assert "unknown contribution kind 'compliment'" in error

    beside = load_registry(
        strict=True, method_files=[path], user_methods=False, extra=[("compliments", compliments)]
    )
    assert beside.method("toml-round").phases[1].allowed["participant"] == ("compliment",)


# -- roles ---------------------------------------------------------------------


def test_the_plugin_role_is_held_and_contributes_what_its_phase_allows(registry: Registry) -> None:
    engine = Engine(MemoryJournal(), registry)
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna", roles={"secretary": "Eva"})
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, compliments.METHOD_ID, inbrenger_agrees=True)
    meeting.advance(FACILITATOR)

    assert meeting.capabilities().of("eva").kinds == ("compliment", "note")
    meeting.contribute("eva", "note", "Carla: calm; Dirk: listening")
    with refused(meeting, "allowed_kinds"):
        meeting.contribute("dirk", "note", "not the secretary")


# -- hooks for one's own method --------------------------------------------------


def test_a_hook_for_its_own_method_hears_nothing_of_other_methods(registry: Registry) -> None:
    compliments.SEEN.clear()
    engine = Engine(MemoryJournal(), registry)
    other = start(engine, "incident")
    other.contribute(INBRENGER, "statement", "what happened")
    assert compliments.SEEN == {}

    own = start(engine, compliments.METHOD_ID)
    own.advance(FACILITATOR)
    own.contribute(PARTICIPANTS[0], "compliment", "7: clear")
    assert compliments.SEEN == {"entered telling": 1, "entered compliments": 1, "compliment": 1}


def test_a_hook_for_its_own_method_hears_the_close_of_a_meeting_that_used_it() -> None:
    heard: list[str] = []

    class Own:
        @hookimpl
        @for_method("incident")
        def intervision_meeting_started(self, state: MeetingState) -> None:
            heard.append("started")

        @hookimpl
        @for_method("incident")
        def intervision_meeting_closed(self, state: MeetingState) -> None:
            heard.append(f"closed {state.meeting_id}")

    engine = Engine(MemoryJournal(), load_registry(strict=True, extra=[("own", Own())]))
    used = start(engine, "incident")
    used.close(FACILITATOR, "out of time")
    other = start(engine, "gossip")
    other.close(FACILITATOR, "out of time")

    assert heard == [f"closed {used.id}"]  # never at the start: no method is chosen yet


def test_for_method_wants_a_hook_that_takes_the_state() -> None:
    with pytest.raises(TypeError, match="the hook intervision_methods must take `state`"):

        @for_method("incident")
        def intervision_methods() -> list[MethodSpec]:
            return []
