"""The ``>`` prompt understands Dutch and English, long and short, without the engine."""

from __future__ import annotations

import pytest

from intervision.cli import parse as p


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Carla: q: hoe ging dat?", p.Contribute("Carla", "question", "hoe ging dat?")),
        ("Carla: vraag: hoe: zo?", p.Contribute("Carla", "question", "hoe: zo?")),
        ("Carla q hoe ging dat?", p.Contribute("Carla", "question", "hoe ging dat?")),
        ("Carla: advies doe het", p.Contribute("Carla", "advice", "doe het")),
        ("Anna de Vries: an: iets", p.Contribute("Anna de Vries", "analysis", "iets")),
        ("Anna de Vries analyse iets", p.Contribute("Anna de Vries", "analysis", "iets")),
        ("Dirk oq waarom?", p.Contribute("Dirk", "open_question", "waarom?")),
        ("Dirk: associatie: zee", p.Contribute("Dirk", "association", "zee")),
        ("Bram: r: ja", p.Contribute("Bram", "reaction", "ja")),
        ("Bram stelling het ging zo", p.Contribute("Bram", "statement", "het ging zo")),
        ("Anna: n: tijd", p.Contribute("Anna", "note", "tijd")),
        ("Anna: question: x", p.Contribute("Anna", "question", "x")),
    ],
)
def test_contributions_in_both_forms_and_languages(line: str, expected: p.Parsed) -> None:
    assert p.parse_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("verder", p.Advance()),
        ("next", p.Advance()),
        ("Verder", p.Advance()),
        ("onthul", p.Reveal()),
        ("reveal", p.Reveal()),
        ("toon", p.Show()),
        ("show", p.Show()),
        ("hulp", p.Help()),
        ("help", p.Help()),
        ("pauze", p.Leave()),
        ("quit", p.Leave()),
        ("stop", p.Leave()),
        ("verleng 5", p.Extend(5)),
        ("extend 10", p.Extend(10)),
        ("overslaan tijd is op", p.Skip("tijd is op")),
        ("skip no time", p.Skip("no time")),
        ("sla over geen tijd", p.Skip("geen tijd")),
        ("afsluiten brand", p.Close("brand")),
        ("", p.Empty()),
        ("   ", p.Empty()),
    ],
)
def test_commands_in_dutch_and_english(line: str, expected: p.Parsed) -> None:
    assert p.parse_line(line) == expected


def test_a_decision_takes_its_selections_out_of_the_text() -> None:
    assert p.parse_line("besluit ik bel de ouder #C3 #c5 #7") == p.Decide(
        "ik bel de ouder", ("C3", "C5", "C7")
    )
    assert p.parse_line("decide I will call") == p.Decide("I will call", ())


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("verleng", "parse.bad_minutes"),
        ("extend soon", "parse.bad_minutes"),
        ("overslaan", "parse.need_reason"),
        ("Carla: q:", "parse.need_text"),
        ("Carla: zucht: ach", "parse.unknown_kind"),
    ],
)
def test_a_command_missing_its_argument_says_which(line: str, key: str) -> None:
    parsed = p.parse_line(line)
    assert isinstance(parsed, p.Invalid)
    assert parsed.key == key


def test_anything_else_is_not_guessed_at() -> None:
    assert p.parse_line("hallo allemaal") == p.Unknown()


def test_the_words_for_leaving_work_at_every_prompt() -> None:
    assert p.is_leave(" Pauze ")
    assert p.is_leave("quit")
    assert not p.is_leave("pauze graag")
