"""What a facilitator meets of the methods' practice in the terminal, by script.

The group chooses whose example it becomes (``inbrenger NAME``), two bring one case
(``case A+B``, ``NAME: decide ...``), the Socratic half day with its floor of one
question each and tips on request, and the feedback round a group switches on.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from click.testing import Result

Invoke = Callable[..., Result]
FIVE = ["--members", "Anna,Bram,Carla,Dirk,Eva", "--facilitator", "Anna"]


def start(invoke: Invoke, *extra: str) -> str:
    result = invoke("meeting", "start", *extra, "--json")
    assert result.exit_code == 0, result.output
    meeting_id: str = json.loads(result.stdout)["meeting_id"]
    return meeting_id


def do(invoke: Invoke, meeting_id: str, line: str, *, lang: str = "en") -> dict[str, Any]:
    result = invoke("--lang", lang, "meeting", "do", meeting_id, line, "--json")
    data: dict[str, Any] = json.loads(result.stdout)
    data["exit_code"] = result.exit_code
    return data


def ok(invoke: Invoke, meeting_id: str, *lines: str) -> None:
    for line in lines:
        answer = do(invoke, meeting_id, line)
        assert answer["ok"] and answer["exit_code"] == 0, (line, answer)


def status(invoke: Invoke, meeting_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(invoke("meeting", "status", meeting_id, "--json").stdout)
    return data


def to_the_method(invoke: Invoke, meeting_id: str, case: str, method: str) -> None:
    ok(invoke, meeting_id, "next")
    for name in ("Anna", "Bram", "Carla", "Dirk", "Eva"):
        ok(invoke, meeting_id, f"leervraag {name}: how do I trust my team?")
    ok(invoke, meeting_id, "next", f"case {case}", f"method {method}")


def test_a_socratic_dialogue_in_which_the_group_chooses_carlas_example(invoke: Invoke) -> None:
    meeting_id = start(invoke, *FIVE)
    to_the_method(invoke, meeting_id, "Bram", "socratic-dialogue")
    for _ in range(2):  # the theme and the starting question, each agreed
        ok(invoke, meeting_id, "Carla: s: trust", "consensus", "next")
    for name in ("Bram", "Carla", "Dirk", "Eva"):
        ok(invoke, meeting_id, f"{name}: s: an example of {name}")
    ok(invoke, meeting_id, "consensus Carla's example")

    waiting = status(invoke, meeting_id)
    assert (waiting["phase"], waiting["inbrenger"], waiting["waiting_for"]) == (
        "examples",
        "Bram",
        ["Anna"],
    )
    refused = do(invoke, meeting_id, "next")
    assert (refused["ok"], refused["rule"], refused["exit_code"]) == (False, "choose_inbrenger", 4)
    ok(invoke, meeting_id, "inbrenger Carla", "next")

    now = status(invoke, meeting_id)
    assert (now["phase"], now["inbrenger"]) == ("clarification", "Carla")
    assert "statement" in now["may_contribute"]["Carla"]
    assert now["may_contribute"]["Bram"] == ["open_question"]


def test_the_group_choice_is_refused_clearly_where_it_has_no_place(invoke: Invoke) -> None:
    meeting_id = start(invoke, *FIVE)
    to_the_method(invoke, meeting_id, "Bram", "incident")

    answer = do(invoke, meeting_id, "inbrenger Carla", lang="nl")
    assert (answer["ok"], answer["rule"], answer["exit_code"]) == (False, "phase", 4)
    assert "kan niet in de fase" in answer["reason"]
    usage = do(invoke, meeting_id, "inbrenger")
    assert (usage["ok"], usage["exit_code"]) == (False, 2)


def test_two_bring_one_balint_case_and_each_decides(invoke: Invoke) -> None:
    meeting_id = start(invoke, *FIVE)
    ok(invoke, meeting_id, "next")
    for name in ("Anna", "Bram", "Carla", "Dirk", "Eva"):
        ok(invoke, meeting_id, f"leervraag {name}: the family that did not come")
    ok(invoke, meeting_id, "next", "case Bram+Carla")
    refused = do(invoke, meeting_id, "method incident")
    assert (refused["rule"], refused["exit_code"]) == ("inbrenger_pair", 4)
    ok(invoke, meeting_id, "method balint")
    while status(invoke, meeting_id)["phase"] != "decision":
        ok(invoke, meeting_id, "skip straight to the decision")

    ok(invoke, meeting_id, "Carla: decide I ask the team for a second opinion")
    waiting = status(invoke, meeting_id)["waiting_for"]
    assert waiting == ["Bram"]
    ok(invoke, meeting_id, "decide I call the family myself", "next")
    assert status(invoke, meeting_id)["frame"] == "method"  # on to the sharing


def test_the_socratic_half_day_by_script(invoke: Invoke) -> None:
    meeting_id = start(invoke, *FIVE)
    to_the_method(invoke, meeting_id, "Bram", "socratic/half-day")
    ok(invoke, meeting_id, "Bram: s: how do I trust my team?", "next")
    ok(invoke, meeting_id, "Carla: oq: what does trust look like?")
    assert status(invoke, meeting_id)["waiting_for"] == ["Anna", "Dirk", "Eva"]
    floor = do(invoke, meeting_id, "next", lang="nl")
    assert (floor["rule"], floor["exit_code"]) == ("at_least", 4)
    assert "minstens 1 keer een open vraag; 3 van de deelnemers nog niet" in floor["reason"]
    early = do(invoke, meeting_id, "reveal")
    assert (early["rule"], early["exit_code"]) == ("written_first", 4)
    for name in ("Anna", "Dirk", "Eva"):
        ok(invoke, meeting_id, f"{name}: oq: and what does {name} ask?")
    ok(invoke, meeting_id, "reveal", "next")
    assert status(invoke, meeting_id)["phase"] == "sorting"
    ok(invoke, meeting_id, "decide C2=warm C3=neutraal C4=koud C5=koud", "next")
    ok(invoke, meeting_id, "Bram: r: I trust by checking @C2", "next")
    assert status(invoke, meeting_id)["phase"] == "asking_on"
    ok(invoke, meeting_id, "Dirk: oq: yes, and when do you stop checking?", "next", "next")
    assert status(invoke, meeting_id)["phase"] == "forces"
    early = do(invoke, meeting_id, "Eva: ad: delegate one thing a week")
    assert (early["rule"], early["exit_code"]) == ("on_request", 4)
    ok(invoke, meeting_id, "decide tips on letting go, please", "Eva: ad: delegate one thing")


def test_a_group_switches_on_its_feedback_round_and_a_meeting_holds_it(invoke: Invoke) -> None:
    assert invoke("group", "create", "Wijkteam", "--lang", "nl").exit_code == 0
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        assert invoke("group", "add", "wijkteam", name).exit_code == 0
    shown = invoke("group", "feedback", "wijkteam")
    assert "houdt geen feedbackronde" in shown.stdout
    switched = invoke("group", "feedback", "wijkteam", "--aan")
    assert switched.exit_code == 0 and "houdt een feedbackronde" in switched.stdout
    assert json.loads(invoke("group", "show", "wijkteam", "--json").stdout)["feedback_round"]
    both = invoke("group", "feedback", "wijkteam", "--on", "--off")
    assert both.exit_code == 2

    meeting_id = start(invoke, "--group", "wijkteam", "--facilitator", "Anna")
    ok(invoke, meeting_id, "next", "leervraag Bram: saying no", "pass Anna", "pass Carla")
    ok(invoke, meeting_id, "pass Dirk")
    ok(invoke, meeting_id, "next", "case Bram", "method incident")
    while status(invoke, meeting_id)["frame"] == "method":
        ok(invoke, meeting_id, "skip short today")
    ok(invoke, meeting_id, "next")
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        ok(invoke, meeting_id, f"{name}: rec: I know that")
    ok(invoke, meeting_id, "next", "Carla: fb: Bram, your questions were open")
    early = do(invoke, meeting_id, "close")
    assert (early["rule"], early["exit_code"]) == ("feedback_round", 4)
    assert status(invoke, meeting_id)["waiting_for"] == ["Anna", "Bram", "Dirk"]
    ok(invoke, meeting_id, "Anna: fb: good timing", "Bram: fb: Carla advised too soon")
    ok(invoke, meeting_id, "Dirk: fb: more silence, please", "close")
    assert status(invoke, meeting_id)["closed"] is True
