"""Lines as a facilitator says them, through ``meeting do`` and through ``run``.

A line without a kind, Dutch shortcuts, references that must exist, a participant
trying the inbrenger's decision: each goes to the engine, which answers with its
own rule; the terminal only fills in what the line left unsaid, from what the
engine says each person may do now.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from intervision.engine.storage import open_engine

Invoke = Callable[..., Result]
FRAME = ["next", "lv Bram: GEHEIM-leervraag", "pas Anna", "pas Carla", "pas Dirk"]
FRAME += ["verder", "casus Bram", "methode incident"]


def _do(invoke: Invoke, meeting_id: str, line: str, *extra: str) -> dict[str, Any]:
    result = invoke("--lang", "nl", "meeting", "do", meeting_id, "--json", *extra, line)
    data: dict[str, Any] = json.loads(result.stdout)
    data["exit_code"] = result.exit_code
    return data


@pytest.fixture
def questions(invoke: Invoke) -> str:
    """A Dutch meeting in the incident method's question round, with Bram's case."""
    started = invoke(
        "meeting", "start", "--members", "Anna,Bram,Carla,Dirk", "--facilitator", "Anna",
        "--lang", "nl",
    )  # fmt: skip
    meeting_id = started.stdout.strip()
    for line in [*FRAME, "Bram: u: GEHEIM-situatie", "verder"]:
        assert _do(invoke, meeting_id, line)["ok"], line
    return meeting_id


def _kinds(store: Path, meeting_id: str) -> list[tuple[str, str, str | None]]:
    engine = open_engine(str(store))
    try:
        state = engine.reload(meeting_id)
        return [(c.author, c.kind, c.reply_to) for c in state.contributions]
    finally:
        engine.journal.close()


def test_a_line_without_a_kind_is_the_one_kind_that_person_may_give(
    invoke: Invoke, store: Path, questions: str
) -> None:
    assert _do(invoke, questions, "Carla: wat zei de ouder precies?")["ok"]
    assert _do(invoke, questions, "Bram: dat hij boos was @C2")["ok"]
    assert _kinds(store, questions)[-2:] == [
        ("carla", "question", None),
        ("bram", "reaction", "C2"),
    ]


def test_several_kinds_are_named_in_words_with_what_to_type(invoke: Invoke, questions: str) -> None:
    several = _do(invoke, questions, "Anna: GEHEIM-welke soort?")  # she facilitates and asks
    assert several["ok"] is False and several["exit_code"] == 2
    # An error names no member (issue #13): the script knows whom it sent.
    assert several["reason"] == (
        "Die persoon kan nu meer dan één soort bijdrage geven: vraag (v), notitie (n). "
        "Zeg welke, bijvoorbeeld: NAAM: v: <tekst>"
    )
    assert "GEHEIM" not in several["reason"]
    assert _do(invoke, questions, "Anna: v: GEHEIM-een vraag")["ok"]


def test_dutch_shortcuts_and_an_unknown_kind_in_the_meetings_language(
    invoke: Invoke, store: Path, questions: str
) -> None:
    assert _do(invoke, questions, "Carla: v: GEHEIM-vraag")["ok"]
    assert _do(invoke, questions, "Carla q GEHEIM-question")["ok"]  # English works too
    unknown = _do(invoke, questions, "Carla: zucht: GEHEIM-ach")
    assert unknown["exit_code"] == 2
    # An error repeats nothing typed and names no member (issue #13).
    assert unknown["reason"] == (
        "Dat is geen soort bijdrage. Wat die persoon nu kan bijdragen: vraag (v)."
    )
    assert "open_question" not in unknown["reason"] and "learning_point" not in unknown["reason"]
    assert [k for _, k, _ in _kinds(store, questions)][-2:] == ["question", "question"]


def test_bad_references_are_refused_with_the_reason(invoke: Invoke, questions: str) -> None:
    assert _do(invoke, questions, "Carla: v: GEHEIM-vraag")["ok"]  # C2
    missing = _do(invoke, questions, "Bram: r: GEHEIM-antwoord @C99")
    assert (missing["rule"], missing["exit_code"]) == ("references", 4)
    assert missing["reason"] == "Bijdrage C99 bestaat niet; de laatste is C2."
    itself = _do(invoke, questions, "Bram: r: GEHEIM-antwoord @C3")
    assert (itself["rule"], itself["exit_code"]) == ("references", 4)
    assert "geen antwoord op zichzelf" in itself["reason"]


def test_a_participants_decision_is_refused_by_the_rule_that_guards_it(
    invoke: Invoke, questions: str
) -> None:
    for line in ["verder", "Dirk: an: GEHEIM-analyse", "verder", "Carla: a: GEHEIM-advies"]:
        assert _do(invoke, questions, line)["ok"], line
    assert _do(invoke, questions, "verder")["ok"]  # the choice: Bram decides
    status = json.loads(invoke("meeting", "status", questions[:10], "--json").stdout)
    assert {"reason": "decision", "people": ["Bram"]} in status["waiting"]
    assert status["waiting_for"] == ["Bram"]
    assert status["may"]["Anna"]["roles"] == ["facilitator", "participant"]
    assert "decide" in status["may"]["Bram"]["commands"]
    assert "decide" not in status["may"]["Carla"]["commands"]
    told = invoke("--lang", "nl", "meeting", "status", questions).stdout
    assert "Wacht nog op: Bram." in told
    attempt = _do(invoke, questions, "Carla: besluit GEHEIM-ik kies #C3")
    assert (attempt["rule"], attempt["exit_code"]) == ("inbrenger_decides", 4)
    assert attempt["reason"] == "Dit besluit is aan de inbrenger, niet aan jou."
    human = invoke("--lang", "nl", "meeting", "do", questions, "Carla besluit GEHEIM-ik")
    assert human.exit_code == 4
    assert human.stderr == "intervision: fout: Dit besluit is aan de inbrenger, niet aan jou.\n"
    assert _do(invoke, questions, "Bram: besluit GEHEIM-ik bel de ouder #C3")["ok"]


def test_the_same_lines_at_the_run_prompt(invoke: Invoke) -> None:
    answers = [
        "", "", "GEHEIM-bram", "", "", "1", "", "incident", "",
        "Bram: u: GEHEIM-situatie", "verder",
        "Carla: GEHEIM-vraag zonder soort",
        "Anna: GEHEIM-vraag van de begeleider", "n",  # offered: vraag or notitie
        "Carla: zucht: GEHEIM-ach",
        "Bram: r: GEHEIM-antwoord @C99",
        "Bram: GEHEIM-antwoord @C2",
        "verder", "verder", "Carla: a: GEHEIM-advies", "verder",
        "Carla: besluit GEHEIM-mijn besluit",
        "quit",
    ]  # fmt: skip
    result = invoke(
        "--lang", "nl", "run", "--members", "Anna,Bram,Carla,Dirk", "--facilitator", "Anna",
        input="\n".join(answers) + "\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "C2 vastgelegd." in out
    assert (
        "Anna kan nu meer dan één soort bijdrage geven: vraag (v), notitie (n). Welke? [v] n" in out
    )
    assert "C3 vastgelegd." in out
    assert "'zucht' is geen soort bijdrage. Wat Carla nu kan bijdragen: vraag (v)." in out
    assert "Niet toegestaan: Bijdrage C99 bestaat niet; de laatste is C3." in out
    assert "C4 vastgelegd." in out
    assert "Niet toegestaan: Dit besluit is aan de inbrenger, niet aan jou." in out
    assert "[" + "inbrenger_decides]" not in out  # no rule ids without -v
