"""One glossary names every kind, role and label, and everyone uses it.

A refusal, the terminal and a report say the same word for the same thing, in the
Dutch a facilitator says, and a hurried hand has one shortcut per kind per language.
"""

from __future__ import annotations

import pytest
from support import FACILITATOR, PARTICIPANTS, start

from intervision.cli import parse
from intervision.cli.describe import role_label
from intervision.cli.kinds import kind_name, shortcut
from intervision.engine import (
    CONTRIBUTION_KINDS,
    GLOSSARY,
    LANGS,
    CommandRefused,
    Engine,
    MemoryJournal,
    Registry,
    Term,
    Text,
    kind_titles,
)
from intervision.engine.reports import meeting_report

#: Every word the prompt took for a kind before the glossary; each still works.
EARLIER_WORDS = {
    "question": ("q", "vraag", "question", "vr"),
    "open_question": ("oq", "open", "open_vraag", "openvraag", "open_question", "ov"),
    "association": ("as", "associatie", "association", "assoc"),
    "image": ("i", "beeld", "image"),
    "analysis": ("an", "analyse", "analysis"),
    "advice": ("ad", "advies", "advice", "adv"),
    "position": ("p", "pos", "standpunt", "positie", "position"),
    "reaction": ("r", "reactie", "reaction", "antwoord", "answer"),
    "statement": ("s", "stelling", "statement", "mededeling", "vertelling"),
    "recognition": ("h", "herkenning", "recognition", "rec"),
    "learning_point": ("lp", "leerpunt", "learning_point", "learning"),
    "note": ("n", "notitie", "note"),
}


def test_every_kind_has_a_name_and_a_shortcut_in_each_language() -> None:
    assert set(GLOSSARY.kinds) == set(CONTRIBUTION_KINDS)
    for kind, term in GLOSSARY.kinds.items():
        assert term.id == kind
        assert term.short is not None, kind
        for lang in LANGS:
            assert term.name(lang).strip() and term.short(lang).strip(), (kind, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_no_two_kinds_share_a_shortcut_in_one_language(lang: str) -> None:
    shortcuts = [term.short(lang) for term in GLOSSARY.kinds.values() if term.short]
    assert len(set(shortcuts)) == len(shortcuts)
    for term in GLOSSARY.kinds.values():
        assert term.short is not None
        assert GLOSSARY.kind_for(term.short(lang), lang) == term.id


def test_the_dutch_is_what_a_dutch_facilitator_says() -> None:
    assert GLOSSARY.kind("statement").nl == "uitspraak"
    assert GLOSSARY.kind("position").nl == "standpunt"
    assert GLOSSARY.role("scribe").nl == "notulist"
    assert GLOSSARY.role("facilitator").nl == "begeleider"
    assert GLOSSARY.kind_for("v", "nl") == "question"


@pytest.mark.parametrize("lang", LANGS)
def test_every_word_the_prompt_took_before_still_names_its_kind(lang: str) -> None:
    for kind, words in EARLIER_WORDS.items():
        for word in words:
            assert GLOSSARY.kind_for(word, lang) == kind, (word, lang)


def test_a_shortcut_means_its_own_languages_kind_first() -> None:
    assert GLOSSARY.kind_for("sp", "nl") == "position"
    assert GLOSSARY.kind_for("u", "en") == "statement"  # a Dutch shortcut where English has none
    assert GLOSSARY.kind_for("zucht", "nl") is None


@pytest.mark.parametrize("lang", LANGS)
def test_the_terminal_and_the_engine_say_the_same_word(lang: str) -> None:
    for kind in CONTRIBUTION_KINDS:
        assert kind_name(kind, lang) == kind_titles([kind])(lang) == GLOSSARY.kind(kind)(lang)
        assert shortcut(kind, lang) == GLOSSARY.kinds[kind].short(lang)


def test_a_refusal_names_kinds_in_the_glossarys_words(registry: Registry) -> None:
    meeting = start(Engine(MemoryJournal(), registry), "incident")
    meeting.advance(FACILITATOR)
    assert meeting.state.phase == "questions"
    with pytest.raises(CommandRefused) as info:
        meeting.contribute(PARTICIPANTS[0], "position", "what I would do")
    assert info.value.reason.nl == (
        "Een standpunt hoort niet in deze fase; wat jij nu kunt bijdragen: vraag."
    )
    assert info.value.reason.en == (
        "“position” does not belong in this phase; what you can contribute now: question."
    )


def test_a_role_in_a_refusal_is_named_not_given_by_its_id(registry: Registry) -> None:
    meeting = start(Engine(MemoryJournal(), registry), "incident")
    for _ in range(4):
        meeting.advance(FACILITATOR)
    assert meeting.state.phase == "choice"
    with pytest.raises(CommandRefused) as info:
        meeting.decide(PARTICIPANTS[0], text="I choose")
    assert info.value.reason.nl == "Dit besluit is aan de inbrenger, niet aan jou."
    with pytest.raises(CommandRefused) as info:
        meeting.advance(FACILITATOR)
    assert info.value.reason.nl.startswith("Eerst besluit de inbrenger: ")
    with pytest.raises(CommandRefused) as info:
        meeting.advance(PARTICIPANTS[0])
    assert info.value.reason.nl == "Dit is aan de begeleider."


def test_the_terminal_names_a_role_as_the_glossary_does() -> None:
    from intervision.plugins.balint import BALINT

    assert role_label(BALINT, "facilitator", "nl") == "Begeleider"
    assert role_label(BALINT, "participant", "nl") == "Deelnemers"  # all of them, together
    assert role_label(BALINT, "scribe", "en") == "Scribe"


def test_a_report_heads_each_kind_with_its_glossary_name(registry: Registry) -> None:
    meeting = start(Engine(MemoryJournal(), registry), "incident")
    meeting.contribute(meeting.state.inbrenger or "", "statement", "it went like this")
    report = meeting_report(meeting.state, registry, "nl")
    assert "· uitspraak:** it went like this" in report
    assert "mededeling" not in report.casefold()


def test_the_prompt_reads_shortcuts_in_the_meetings_language() -> None:
    assert parse.parse_line("Carla: v: hoe ging dat?", "nl") == parse.Contribute(
        "Carla", "question", "hoe ging dat?"
    )
    assert parse.parse_line("Carla sp ik zou bellen", "nl") == parse.Contribute(
        "Carla", "position", "ik zou bellen"
    )
    assert parse.parse_line("Carla: p: I would call", "en") == parse.Contribute(
        "Carla", "position", "I would call"
    )


def test_an_extended_glossary_refuses_a_word_or_shortcut_that_is_taken() -> None:
    mine = Term("metaphor", Text(nl="metafoor", en="metaphor"), Text(nl="m", en="m"))
    extended = GLOSSARY.extended(kinds=[mine])
    assert extended.kind("metaphor").nl == "metafoor" and extended.kind_for("m", "nl") == "metaphor"
    assert "metaphor" not in GLOSSARY.kinds  # the built-in glossary is left as it was
    clash = Term("image_2", Text(nl="plaatje", en="picture"), Text(nl="b", en="pic"))
    with pytest.raises(ValueError, match="'b' of 'image_2' is taken by 'image'"):
        GLOSSARY.extended(kinds=[clash])
    twice = Term("note", Text(nl="notitie", en="note"), Text(nl="nn", en="nn"))
    with pytest.raises(ValueError, match="'note' is used twice"):
        GLOSSARY.extended(kinds=[twice])
    words = Term("memo", Text(nl="memo", en="memo"), Text(nl="me", en="me"), words=("notitie",))
    with pytest.raises(ValueError, match="'notitie' names both 'note' and 'memo'"):
        GLOSSARY.extended(kinds=[words])
