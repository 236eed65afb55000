"""A plugin's own kind, role and rule kind on the command line, once it is installed:
the prompt takes the kind's shortcut, ``methods show`` names them, a role is given at
the start, and a rule that reads the text refuses with its reason."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from author_plugins import installed
from click.testing import Result

Invoke = Callable[..., Result]


@pytest.fixture(autouse=True)
def _compliments(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    entry = {"compliments": "author_plugins.compliments"}
    installed(monkeypatch, tmp_path / "site", "intervision-compliments", entry)


def test_methods_show_names_the_plugins_kind_and_role(invoke: Invoke) -> None:
    result = invoke("--lang", "nl", "methods", "show", "compliment-round")

    assert result.exit_code == 0, result.output
    assert "Deelnemers: bijdragen: compliment (co)\n" in result.output
    assert "Hooguit 1 × compliment per persoon." in result.output
    assert "Secretaris: bijdragen: notitie (n); als deelnemer ook: compliment (co)" in (
        result.output
    )
    assert "regels: Met een cijfer" in result.output  # the rule kind's title, not its id
    assert "Bronnen:" not in result.output  # derived, with no source: no empty heading


def test_a_meeting_takes_the_kinds_shortcut_the_role_and_the_rule(invoke: Invoke) -> None:
    started = invoke(
        "meeting", "start", "--members", "Anna,Bram,Carla,Dirk,Eva", "--facilitator", "Anna",
        "--role", "secretaris=Eva", "--lang", "nl", "--json",
    )  # fmt: skip
    assert started.exit_code == 0, started.output
    meeting_id = json.loads(started.stdout)["meeting_id"]
    for line in (
        ["next"], ["lv", "Bram", "hoe blijf ik rustig?"], *(["pass", n] for n in "ACDE"),
        ["next"], ["case", "Bram"], ["method", "compliment-round"], ["next"],
    ):  # fmt: skip
        line = [{"A": "Anna", "C": "Carla", "D": "Dirk", "E": "Eva"}.get(w, w) for w in line]
        done = invoke("meeting", "do", meeting_id, "--json", *line)
        assert done.exit_code == 0, (line, done.output)

    status = json.loads(invoke("meeting", "status", meeting_id, "--json").stdout)
    assert status["roles"] == {"secretary": ["Eva"]}
    assert status["may_contribute"]["Carla"] == ["compliment"]
    assert status["may_contribute"]["Eva"] == ["compliment", "note"]
    assert "Eva: compliment (co), notitie (n)" in invoke("meeting", "status", meeting_id).stdout

    accepted = invoke("meeting", "do", meeting_id, "--json", "Carla: co: 8: je bleef kalm")
    assert json.loads(accepted.stdout)["ok"] is True
    refused = invoke("meeting", "do", meeting_id, "--json", "Dirk: co: je bleef kalm")
    assert refused.exit_code == 4
    answer = json.loads(refused.stdout)
    assert answer["rule"] == "rated"
    assert answer["reason"].startswith("Begin een compliment met een cijfer van 0 tot 10")


def test_the_screen_names_a_methods_own_role_by_its_title() -> None:
    from author_plugins import compliments
    from support import FACILITATOR, INBRENGER, MEMBERS, to_case_choice

    from intervision.cli.status import people_rows
    from intervision.engine import Engine, MemoryJournal, load_registry

    registry = load_registry(strict=True, extra=[("compliments", compliments)])
    meeting = Engine(MemoryJournal(), registry).start_meeting(
        MEMBERS, facilitator="Anna", roles={"secretary": "Eva"}
    )
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, compliments.METHOD_ID, inbrenger_agrees=True)
    meeting.advance(FACILITATOR)

    rows = people_rows(meeting, meeting.capabilities(), "nl")
    assert ("Eva", "deelnemer, secretaris", "compliment (co), notitie (n)") in rows
