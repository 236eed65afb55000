"""A plugin adds a language: the engine's words, its refusals and other plugins' methods
are said in it where the pack translates them, and in English where it does not.

``author_plugins.german`` is a small German pack: it translates a few words on
purpose, so that both what it translates and what falls back can be seen.
"""

from __future__ import annotations

import pytest
from author_plugins import compliments, german
from support import FACILITATOR, INBRENGER, MEMBERS, PARTICIPANTS, to_case_choice

from intervision.engine import (
    GLOSSARY,
    CommandRefused,
    Engine,
    InvalidInputError,
    LanguagePack,
    MemoryJournal,
    Registry,
    Text,
    hookimpl,
    kind_titles,
    load_registry,
)
from intervision.engine.authoring import check_language


@pytest.fixture
def registry() -> Registry:
    return load_registry(
        strict=True, extra=[("german", german), ("compliments", compliments)], user_methods=False
    )


def _meeting(registry: Registry, method_id: str = "incident", lang: str = "de") -> object:
    meeting = Engine(MemoryJournal(), registry).start_meeting(
        MEMBERS, facilitator="Anna", lang=lang
    )
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True)
    return meeting


def test_a_pack_adds_a_language_the_registry_names(registry: Registry) -> None:
    assert registry.langs() == ("nl", "en", "de")
    assert registry.languages["de"].name == "Deutsch"
    assert [p.languages for p in registry.plugins if p.name == "german"] == [["de"]]


def test_a_text_is_said_in_the_pack_and_in_english_where_it_has_none(registry: Registry) -> None:
    assert GLOSSARY.kind("question")("de") == "Frage"
    assert GLOSSARY.kind("analysis")("de") == "analysis"  # not in the pack: English
    assert registry.method("incident").title("de") == "Incident-Methode"
    assert registry.method("gossip").title("de") == "Gossip method"
    assert kind_titles(["question", "advice", "image"])("de") == "Frage, Ratschlag, image"
    own = Text(nl="hallo", en="hello", more={"de": "servus"})  # a text's own German comes first
    assert own("de") == "servus" and own("en") == "hello"


def test_a_refusal_of_the_engine_is_said_in_the_meetings_language(registry: Registry) -> None:
    meeting = _meeting(registry)
    meeting.advance(FACILITATOR)  # -> questions

    with pytest.raises(CommandRefused) as info:
        meeting.contribute(PARTICIPANTS[0], "advice", "call her")

    assert str(info.value) == (
        "[allowed_kinds] „Ratschlag“ gehört nicht in diese Phase; beitragen kannst du jetzt: Frage."
    )
    assert info.value.reason.en.startswith("“advice” does not belong in this phase")


def test_another_plugins_rule_is_translated_by_its_english_template(registry: Registry) -> None:
    meeting = _meeting(registry, compliments.METHOD_ID)
    meeting.advance(FACILITATOR)  # -> compliments

    with pytest.raises(CommandRefused) as info:
        meeting.contribute(PARTICIPANTS[0], "compliment", "you stayed calm")

    assert info.value.reason("de") == (
        "Beginne ein Kompliment mit einer Note von 0 bis 10, etwa '8: ...'."
    )


def test_the_prompt_takes_a_kinds_name_in_the_pack(registry: Registry) -> None:
    assert registry.glossary.kind_for("frage", "de") == "question"
    assert registry.glossary.kind_for("q", "de") == "question"  # the English words hold


def test_a_meeting_in_a_language_no_pack_adds_is_refused() -> None:
    engine = Engine(MemoryJournal(), load_registry(strict=True, user_methods=False))
    with pytest.raises(InvalidInputError, match="does not know that language") as refused:
        engine.start_meeting(MEMBERS, facilitator="Anna", lang="fr")
    assert "a language pack can add more" in str(refused.value)
    assert engine.meetings() == []


def test_a_refused_language_names_the_ones_the_packs_add(registry: Registry) -> None:
    engine = Engine(MemoryJournal(), registry)
    with pytest.raises(InvalidInputError) as refused:
        engine.start_meeting(MEMBERS, facilitator="Anna", lang="fr")
    assert refused.value.field == "lang"
    assert 'or a language a pack adds: "de".' in str(refused.value)
    assert engine.start_meeting(MEMBERS, facilitator="Anna", lang="de").state.lang == "de"


def _pack_plugin(*packs: object) -> object:
    class Packs:
        @hookimpl
        def intervision_languages(self) -> list[object]:
            return list(packs)

    return Packs()


@pytest.mark.parametrize(
    ("pack", "says"),
    [
        ({"code": "fr"}, "returns LanguagePack records, not dict"),
        (LanguagePack("French", "Français"), "is not a language code"),
        (LanguagePack("nl", "Nederlands", {"question": "vraag"}), "written in every text already"),
        (LanguagePack("fr", "Français", {"question": ""}), "non-empty"),
    ],
)
def test_a_pack_that_is_not_one_is_reported_naming_the_plugin(pack: object, says: str) -> None:
    registry = load_registry(strict=False, extra=[("french", _pack_plugin(pack))])

    [error] = [e for i, e in registry.errors if i.name == "french"]
    assert error.startswith("plugin 'french'") and says in error
    assert registry.langs() == ("nl", "en")


def test_two_packs_of_one_language_are_merged_and_the_first_translation_kept() -> None:
    first = _pack_plugin(LanguagePack("fr", "Français", {"question": "question (fr)"}))
    second = _pack_plugin(LanguagePack("fr", "French", {"question": "autre", "advice": "conseil"}))

    registry = load_registry(strict=True, extra=[("fr-engine", first), ("fr-method", second)])

    assert registry.languages["fr"].name == "Français"
    assert dict(registry.languages["fr"].texts) == {
        "question": "question (fr)",
        "advice": "conseil",
    }


def test_check_lists_what_a_pack_leaves_in_english_and_placeholders_that_differ() -> None:
    broken = LanguagePack("fr", "Français", {"Meeting {id}: {where}": "Réunion {ident}"})
    registry = load_registry(strict=True, extra=[("fr", _pack_plugin(broken))])

    problems = check_language("fr", registry, {"terminal": ["Meeting {id}: {where}", "Pause"]})

    [placeholders] = [p for p in problems if "fills in" in p.message]
    assert placeholders.where == "fr"
    assert "fills in {ident} where the English fills in {id}, {where}" in placeholders.message
    missing = {(p.where, p.message) for p in problems if "not translated" in p.message}
    assert ("fr: terminal", "not translated, said in English: 'Pause'") in missing
    assert ("fr: engine", "not translated, said in English: 'question'") in missing
    assert ("fr: method incident", "not translated, said in English: 'Incident method'") in missing
    assert not any("Meeting {id}" in message for _, message in missing)
