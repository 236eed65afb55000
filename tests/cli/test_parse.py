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
        ("Carla: a: doe het", p.Contribute("Carla", "advice", "doe het")),
        ("Carla: v: hoe ging dat?", p.Contribute("Carla", "question", "hoe ging dat?")),
        ("Bram: u: het ging zo", p.Contribute("Bram", "statement", "het ging zo")),
        ("Carla a doe het", p.Contribute("Carla", "advice", "doe het")),
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
    ],
)
def test_a_command_missing_its_argument_says_which(line: str, key: str) -> None:
    parsed = p.parse_line(line)
    assert isinstance(parsed, p.Invalid)
    assert parsed.key == key


def test_a_line_without_a_kind_leaves_the_kind_to_the_driver() -> None:
    """The driver takes the one kind that person may give now, or asks which."""
    assert p.parse_line("Carla: wat zei de ouder?") == p.Contribute(
        "Carla", None, "wat zei de ouder?"
    )
    assert p.parse_line("Carla: advies doe het") == p.Contribute("Carla", None, "advies doe het")
    assert p.parse_line("Bram: ik zei: nee") == p.Contribute("Bram", None, "ik zei: nee")
    assert p.parse_line("Carla: r: ja @C2") == p.Contribute("Carla", "reaction", "ja", "C2")


def test_a_word_before_a_colon_that_is_no_kind_is_an_unknown_kind() -> None:
    assert p.parse_line("Carla: zucht: ach") == p.UnknownKind("Carla", "zucht")


def test_a_person_may_say_a_decision_in_their_own_name() -> None:
    assert p.parse_line("Carla: besluit ik neem C3 #C3") == p.Decide(
        "ik neem C3", ("C3",), (), "Carla"
    )
    assert p.parse_line("Carla decide I take it") == p.Decide("I take it", (), (), "Carla")


def test_the_screen_is_redrawn_in_both_languages() -> None:
    assert p.parse_line("scherm") == p.Redraw() == p.parse_line("screen")


def test_anything_else_is_not_guessed_at() -> None:
    assert p.parse_line("hallo allemaal") == p.Unknown()


def test_the_words_for_leaving_work_at_every_prompt() -> None:
    assert p.is_leave(" Pauze ")
    assert p.is_leave("quit")
    assert not p.is_leave("pauze graag")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("terug not_helped", p.TakeLoop("not_helped")),
        ("loop not_helped", p.TakeLoop("not_helped")),
        ("Terug", p.TakeLoop("")),
        ("eens we kiezen voor optie B", p.Consensus("we kiezen voor optie B")),
        ("consensus we choose option B", p.Consensus("we choose option B")),
        ("eens", p.Consensus("")),
        ("werkvorm cb-headstand", p.ChooseModule("cb-headstand")),
        ("module cb-headstand", p.ChooseModule("cb-headstand")),
        ("werkvorm", p.ChooseModule("")),
    ],
)
def test_loop_consensus_and_module_in_dutch_and_english(line: str, expected: p.Parsed) -> None:
    assert p.parse_line(line) == expected


@pytest.mark.parametrize("word", ["besluit", "decide"])
def test_a_decision_carries_labels_next_to_selections(word: str) -> None:
    assert p.parse_line(f"{word} C1=warm c2=koud C3=neutral de warme #C1") == p.Decide(
        "de warme", ("C1",), (("C1", "warm"), ("C2", "koud"), ("C3", "neutral"))
    )
    assert p.parse_line(f"{word} C4=cold") == p.Decide("", (), (("C4", "cold"),))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Bram: r: @C3 ja, dat raakt me",
            p.Contribute("Bram", "reaction", "ja, dat raakt me", "C3"),
        ),
        ("Bram: reactie: dat raakt me @C3", p.Contribute("Bram", "reaction", "dat raakt me", "C3")),
        ("Bram r @c3 it touches me", p.Contribute("Bram", "reaction", "it touches me", "C3")),
        ("Bram answer it touches me @3", p.Contribute("Bram", "reaction", "it touches me", "C3")),
        ("Carla: q: mail a@b.nl?", p.Contribute("Carla", "question", "mail a@b.nl?")),
    ],
)
def test_an_answer_names_the_contribution_it_answers(line: str, expected: p.Parsed) -> None:
    assert p.parse_line(line) == expected


@pytest.mark.parametrize(("line", "key"), [("Bram r @C3", "parse.need_text"),
                                           ("Bram r @C3 @C4 x", "parse.one_reply")])  # fmt: skip
def test_an_answer_needs_text_and_one_reference(line: str, key: str) -> None:
    parsed = p.parse_line(line)
    assert isinstance(parsed, p.Invalid) and parsed.key == key


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("incident", ("incident", None)),
        (" incident/blind-position ", ("incident", "blind-position")),
        ("incident/", ("incident", None)),
    ],
)
def test_a_method_choice_may_name_a_variant(line: str, expected: tuple[str, str | None]) -> None:
    assert p.parse_method_choice(line) == expected
