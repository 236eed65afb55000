"""``intervision run`` driven through standard input, as a facilitator would type it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from intervision.cli import runner as runner_module
from intervision.engine import MeetingState
from intervision.engine.storage import open_engine

Invoke = Callable[..., Result]


def _meeting_id(result: Result) -> str:
    match = re.search(r"--resume (\S+)", result.stdout) or re.search(
        r"(?:Meeting|Bijeenkomst) (\S+) (?:has started|is begonnen)", result.stdout
    )
    assert match, result.output
    return match.group(1)


def _state(store: Path, meeting_id: str) -> MeetingState:
    engine = open_engine(str(store))
    try:
        return engine.reload(meeting_id)
    finally:
        engine.journal.close()


def test_a_whole_incident_meeting_in_dutch(invoke: Invoke, store: Path, incident) -> None:
    result = invoke("--lang", "nl", "run", *incident.members, input=incident.whole)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for dutch in (
        "Leervragen",
        "Casuskeuze",
        "Herkenningen",
        "Evaluatie",
        "begeleider, deelnemer",
        "je leervraag (leeg = passen)",
        "Typ 'hulp'",
        "afgesloten",
    ):
        assert dutch in out, dutch
    assert "Recognitions" not in out
    meetings = json.loads(invoke("meetings", "--json").stdout)
    assert meetings[0]["closed"] is True
    state = _state(store, meetings[0]["id"])
    assert [c.kind for c in state.contributions].count("advice") == 2
    assert state.decisions[0].selected == ("C5",)


def test_the_english_screen_speaks_english(invoke: Invoke, incident) -> None:
    result = invoke("--lang", "en", "run", *incident.members, input=incident.whole)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for english in (
        "Case choice",
        "Recognitions",
        "your leervraag (empty = pass)",
        "Type 'help'",
        "Who may contribute what now:",
        "facilitator, participant",
        "The meeting is closed",
    ):
        assert english in out, english
    assert "Herkenningen" not in out and "Casuskeuze" not in out


def test_the_dutch_commands_work_in_english_and_back(invoke: Invoke, incident) -> None:
    english = [line.replace("verder", "next") for line in incident.opening]
    result = invoke(
        "--lang", "nl", "run", *incident.members, input=incident.lines(english, incident.rest)
    )
    assert result.exit_code == 0, result.output
    assert "afgesloten" in result.stdout


def test_a_refused_contribution_names_the_rule_and_the_meeting_goes_on(
    invoke: Invoke, store: Path, incident
) -> None:
    script = list(incident.opening)
    situation = script.index("Bram: s: GEHEIM-situatie-1")
    script[situation:situation] = ["Carla: q: te vroeg", "Bram: an: mag niet"]
    result = invoke(
        "--lang", "en", "run", *incident.members, input=incident.lines(script, incident.rest)
    )
    assert result.exit_code == 0, result.output
    assert "Not allowed: There is nothing for you to contribute in this phase." in result.stdout
    assert "[allowed_kinds]" not in result.stdout  # rule ids only with -v
    verbose = invoke(
        "-v", "--lang", "en", "run", *incident.members, input=incident.lines(script, incident.rest)
    )
    assert "Not allowed [allowed_kinds]" in verbose.stdout
    assert "The meeting is closed" in result.stdout
    state = _state(store, json.loads(invoke("meetings", "--json").stdout)[0]["id"])
    assert "te vroeg" not in [c.text for c in state.contributions]


def test_the_decision_phase_needs_the_inbrengers_decision(invoke: Invoke, incident) -> None:
    rest = list(incident.rest)
    rest.insert(rest.index("besluit GEHEIM-besluit-7 #C5"), "verder")
    rest.insert(rest.index("besluit GEHEIM-besluit-7 #C5"), "besluit iets #C1")
    result = invoke(
        "--lang", "en", "run", *incident.members, input=incident.lines(incident.opening, rest)
    )
    assert result.exit_code == 0, result.output
    assert "Not allowed: The inbrenger decides first" in result.stdout
    assert "Not allowed: You select only from: advice here; C1 is not one of them." in result.stdout
    assert "Decision recorded." in result.stdout


def test_logs_at_debug_level_carry_no_case_content(invoke: Invoke, incident) -> None:
    result = invoke("-vv", "--lang", "nl", "run", *incident.members, input=incident.whole)
    assert result.exit_code == 0, result.output
    assert "command_accepted" in result.stderr  # the logs were on, and on stderr
    assert "command_accepted" not in result.stdout
    for planted in incident.planted:
        assert planted not in result.stderr, planted
    assert "GEHEIM-advies-5" in result.stdout  # the screen does show what was said


def test_without_verbose_nothing_is_logged(invoke: Invoke, incident) -> None:
    result = invoke("run", *incident.members, input=incident.whole)
    assert result.exit_code == 0
    assert "command_accepted" not in result.output


def test_end_of_input_keeps_everything_and_resume_continues_in_the_same_phase(
    invoke: Invoke, store: Path, incident
) -> None:
    first = invoke("--lang", "nl", "run", *incident.members, input=incident.lines(incident.opening))
    assert first.exit_code == 0, first.output
    assert "Einde van de invoer." in first.stderr
    meeting_id = _meeting_id(first)
    assert f"intervision run --resume {meeting_id}" in first.stdout
    assert _state(store, meeting_id).phase == "advice"

    second = invoke("run", "--resume", meeting_id, input=incident.lines(incident.rest))
    assert second.exit_code == 0, second.output
    assert "Adviesronde" in second.stdout  # the meeting's own language, Dutch
    assert "afgesloten" in second.stdout
    assert _state(store, meeting_id).closed


def test_pause_at_any_prompt_prints_the_resume_line(invoke: Invoke, incident) -> None:
    result = invoke(
        "--lang",
        "en",
        "run",
        *incident.members,
        input=incident.lines(incident.opening[:3], ["pause"]),
    )
    assert result.exit_code == 0
    assert "Paused." in result.stdout
    meeting_id = _meeting_id(result)
    resumed = invoke(
        "run", "--resume", meeting_id, input=incident.lines(incident.opening[3:], ["quit"])
    )
    assert resumed.exit_code == 0, resumed.output
    assert "Carla, your leervraag" in resumed.stdout
    assert "Bram, your leervraag" not in resumed.stdout


def test_ctrl_c_exits_130_with_the_resume_line(
    invoke: Invoke, incident, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real_ask = runner_module.ask

    def ask(prompt: str) -> str:
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real_ask(prompt)

    monkeypatch.setattr(runner_module, "ask", ask)
    result = invoke("--lang", "en", "run", *incident.members, input=incident.whole)
    assert result.exit_code == 130
    assert "Interrupted." in result.stderr
    assert "intervision run --resume" in result.stdout
    assert "Traceback" not in result.output


def test_a_newcomer_is_asked_who_is_here_and_who_facilitates(invoke: Invoke, store: Path) -> None:
    result = invoke("--lang", "nl", "run", input="Anna\nAnna, anna\nAnna, Bram, Carla, Dirk\n\n\n")
    assert result.exit_code == 0, result.output
    assert "Wie zijn er vandaag?" in result.stdout
    assert "Noem minstens twee namen." in result.stdout
    assert "Naam 1 en naam 2 zijn gelijk of lijken zo op elkaar" in result.stdout
    assert "Wie begeleidt vandaag? [Anna]" in result.stdout
    state = _state(store, _meeting_id(result))
    assert [m.name for m in state.members.values()] == ["Anna", "Bram", "Carla", "Dirk"]
    assert state.facilitator == "anna"
    assert state.frame == "leervragen"


def test_an_unknown_name_at_the_prompt_is_said_and_the_meeting_goes_on(
    invoke: Invoke, incident
) -> None:
    script = list(incident.opening)
    script.insert(script.index("Bram: s: GEHEIM-situatie-1"), "Eva: s: hallo")
    result = invoke("--lang", "en", "run", *incident.members, input=incident.lines(script))
    assert result.exit_code == 0
    assert "'Eva' is not present at this meeting" in result.stdout


def test_no_method_runs_while_the_facilitator_is_the_inbrenger(invoke: Invoke) -> None:
    # Anna facilitates and brings the case; handing over to herself is refused, so
    # neither balint nor incident starts until someone else (Bram) takes over.
    answers = [
        "", "", "GEHEIM-anna", "", "", "", "", "1", "", "balint", "Anna", "incident", "", "",
        "quit",
    ]  # fmt: skip
    result = invoke(
        "-v",
        "--lang",
        "en",
        "run",
        "--members",
        "Anna,Bram,Carla,Dirk,Eva",
        input="\n".join(answers) + "\n",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Whoever facilitates does not bring the case") == 2
    assert "[hand_over]" in result.stdout
    assert "Phase 1/5 · Sketching the situation" in result.stdout


def test_written_contributions_stay_hidden_until_revealed(invoke: Invoke) -> None:
    answers = [
        "", "", "", "GEHEIM-bram", "", "", "1", "", "socratic", "",
        "Bram: s: verhaal", "verder",
        "Carla: oq: GEHEIM-open-1", "Dirk: oq: open-2", "Anna: oq: open-3",
        "show", "verder", "onthul", "quit",
    ]  # fmt: skip
    result = invoke(
        "-v",
        "--lang",
        "en",
        "run",
        "--members",
        "Anna,Bram,Carla,Dirk",
        input="\n".join(answers) + "\n",
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    before_reveal = out.split("> onthul", 1)[0]
    assert "Still hidden: 3 contributions," in before_reveal
    assert before_reveal.count("GEHEIM-open-1") == 1  # only the line as typed
    assert "Not allowed [written_first]" in out
    after_reveal = out.split("> onthul", 1)[1]
    assert "GEHEIM-open-1" in after_reveal
    assert out.count("GEHEIM-open-1") == 2  # echoed when typed, then once revealed


def test_preselected_method_is_the_default_but_still_needs_agreement(invoke: Invoke) -> None:
    answers = ["", "", "", "GEHEIM-bram", "", "", "1", "", "", "n", "", "", "quit"]
    result = invoke(
        "-v",
        "--lang",
        "en",
        "run",
        "--members",
        "Anna,Bram,Carla,Dirk",
        "--method",
        "incident",
        input="\n".join(answers) + "\n",
    )
    assert result.exit_code == 0, result.output
    assert "Which method? (id) [incident]" in result.stdout
    assert "Not allowed [inbrenger_agrees]" in result.stdout
    assert "Phase 1/5" in result.stdout


def test_an_unknown_preselected_method_fails_before_anything_starts(
    invoke: Invoke, store: Path
) -> None:
    result = invoke("run", "--members", "Anna,Bram,Carla,Dirk", "--method", "no-such-method")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "intervision: error:" in result.stderr
    assert json.loads(invoke("meetings", "--json").stdout) == []


def test_resuming_a_meeting_that_is_not_there_is_one_line(invoke: Invoke) -> None:
    result = invoke("run", "--resume", "20990101-abcdef")
    assert result.exit_code == 8  # not found, not refused
    assert result.stderr.startswith("intervision: error: There is no such meeting in this store")
    assert result.stderr.count("\n") == 1


def test_resume_does_not_take_new_members(invoke: Invoke) -> None:
    result = invoke("run", "--resume", "x", "--members", "A,B")
    assert result.exit_code == 2


def test_resuming_a_closed_meeting_just_says_so(invoke: Invoke, incident) -> None:
    done = invoke("--lang", "en", "run", *incident.members, input=incident.whole)
    meeting_id = json.loads(invoke("meetings", "--json").stdout)[0]["id"]
    assert done.exit_code == 0
    result = invoke("--lang", "en", "run", "--resume", meeting_id)
    assert result.exit_code == 0
    assert "already closed" in result.stdout


def test_a_second_case_goes_back_to_method_choice(invoke: Invoke, store: Path, incident) -> None:
    rest = list(incident.rest)
    second = rest.index("")  # "no second case"
    rest[second:second + 1] = [
        "y", "1", "", "incident", "",
        "Carla: s: tweede", "verder", "verder", "verder", "verder",
        "besluit ik doe het", "verder", "",
    ]  # fmt: skip
    result = invoke(
        "--lang", "en", "run", *incident.members, input=incident.lines(incident.opening, rest)
    )
    assert result.exit_code == 0, result.output
    state = _state(store, _meeting_id_from_store(invoke))
    assert [case.inbrenger for case in state.cases] == ["bram", "carla"]
    assert state.closed


def _meeting_id_from_store(invoke: Invoke) -> str:
    return str(json.loads(invoke("meetings", "--json").stdout)[0]["id"])


def test_help_at_the_prompt_lists_commands_and_short_kinds(invoke: Invoke, incident) -> None:
    script = [*incident.opening[:9], "help", "hulp", "quit"]
    result = invoke("--lang", "en", "run", *incident.members, input=incident.lines(script))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Commands (Dutch and English both work)" in out
    assert "  q    question\n" in out and "  an   analysis\n" in out and "  ad   advice\n" in out
    assert "reveal" in out and "decide <text> #C3 #C5" in out


def test_method_choice_suggests_methods_with_reasons_and_enter_takes_the_first(
    invoke: Invoke, incident
) -> None:
    opening = list(incident.opening)
    opening[opening.index("incident")] = ""  # Enter at the method prompt
    result = invoke(
        "--lang", "en", "run", *incident.members, "--kind", "incident", "--minutes", "60",
        input=incident.lines(opening[: opening.index("") + 9], ["pause"]),
    )  # fmt: skip
    out = result.stdout
    assert "Suggested methods" in out
    suggested = out.split("Suggested methods", 1)[1]
    first = suggested.split("\n")[1].split()[0]
    reasons = suggested.split("Methods that fit", 1)[0]
    assert reasons.count("· fits a concrete incident") == 3  # each suggestion says why
    assert "60 minutes are" in reasons
    assert f"Which method? (id) [{first}]" in out  # the first suggestion is the default


def test_the_facilitators_own_case_gets_another_facilitator_first(invoke: Invoke) -> None:
    script = [
        "",  # opening
        "GEHEIM-mijn-eigen-casus",  # Anna, who facilitates, brings a leervraag
        "", "", "", "",  # the others pass
        "1", "",  # Anna's case, and she agrees
        "balint",
        "",  # who takes over: Enter accepts the proposal (Bram)
        "",  # Anna agrees to the method
        "pause",
    ]  # fmt: skip
    result = invoke(
        "--lang", "en", "run", "--members", "Anna,Bram,Carla,Dirk,Eva", "--facilitator", "Anna",
        input="".join(f"{line}\n" for line in script),
    )  # fmt: skip
    assert "Whoever facilitates does not bring the case" in result.stdout
    assert "Who takes over? [Bram]" in result.stdout
    [meeting] = json.loads(invoke("meetings", "--json").stdout)
    status = json.loads(invoke("meeting", "status", meeting["id"], "--json").stdout)
    assert status["phase"] == "explanation"
    assert (status["facilitator"], status["inbrenger"]) == ("Bram", "Anna")


def test_the_opening_names_the_roles_of_the_day(invoke: Invoke, store: Path) -> None:
    result = invoke(
        "--lang",
        "en",
        "run",
        "--members",
        "Anna,Bram,Carla,Dirk",
        "--facilitator",
        "Anna",
        "--role",
        "scribe=Carla",
        input="pause\n",
    )
    assert result.exit_code == 0, result.output
    assert "Roles of the day: scribe Carla." in result.stdout
    assert _state(store, _meeting_id(result)).roles == {"scribe": ("carla",)}
