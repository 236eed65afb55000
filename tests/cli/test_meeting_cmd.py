"""``intervision meeting``: a whole meeting sent one command at a time, as a script would."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from fresh_process import main_in_a_fresh_process

from intervision.engine.storage import open_engine

Invoke = Callable[..., Result]


def start(invoke: Invoke, *extra: str) -> str:
    result = invoke(
        "meeting", "start", "--members", "Anna,Bram,Carla,Dirk", "--facilitator", "Anna", *extra
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["meeting_id"] if "--json" in extra else result.stdout.strip()


def do(invoke: Invoke, meeting_id: str, *line: str) -> dict[str, Any]:
    result = invoke("meeting", "do", meeting_id, "--json", *line)
    data: dict[str, Any] = json.loads(result.stdout)
    data["exit_code"] = result.exit_code
    return data


def test_a_whole_meeting_by_script_with_json(invoke: Invoke, store: Path) -> None:
    result = invoke(
        "meeting", "start", "--members", "Anna,Bram,Carla,Dirk", "--facilitator", "Anna", "--json"
    )
    started = json.loads(result.stdout)
    assert started["frame"] == "opening" and started["phase"] is None
    meeting_id = started["meeting_id"]
    steps = [
        ["next"],
        ["leervraag", "Bram:", "GEHEIM-leervraag hoe zeg ik nee?"],
        ["lv", "Carla", "GEHEIM-tweede"],
        ["pass", "Anna"],
        ["pas", "Dirk"],
        ["verder"],
        ["case", "Bram"],
        ["method", "incident"],
        ["Bram: s: GEHEIM-situatie"],
        ["next"],
        ["Carla", "q", "GEHEIM-vraag"],
        ["next"],
        ["Dirk: an: GEHEIM-analyse"],
        ["next"],
        ["Carla: ad: GEHEIM-advies"],
        ["next"],
        ["decide", "GEHEIM-besluit", "#C4"],
        ["next"],
        ["next"],  # no second case
        *[[f"{name}: h: GEHEIM-herkenning"] for name in ("Anna", "Bram", "Carla", "Dirk")],
        ["next"],
        ["Dirk: n: GEHEIM-evaluatie"],
        ["close"],
    ]
    versions = []
    for line in steps:
        answer = do(invoke, meeting_id, *line)
        assert answer["ok"] is True and answer["exit_code"] == 0, (line, answer)
        versions.append(answer["version"])
    assert versions == sorted(versions)
    assert answer["frame"] == "closed"
    assert do(invoke, meeting_id, "Anna: n: te laat")["rule"] == "meeting_closed"
    engine = open_engine(str(store))
    try:
        state = engine.reload(meeting_id)
        assert state.decisions[0].selected == ("C4",)
        assert [c.kind for c in state.contributions].count("recognition") == 4
    finally:
        engine.journal.close()


def test_a_refusal_is_json_with_the_rule_and_exit_4(invoke: Invoke) -> None:
    meeting_id = start(invoke)
    do(invoke, meeting_id, "next")
    do(invoke, meeting_id, "leervraag", "Bram:", "GEHEIM-leervraag")
    refused = do(invoke, meeting_id, "next")
    assert refused == {
        "ok": False,
        "rule": "leervragen_complete",
        "reason": "Still waiting for a leervraag or a pass from 3 of those present.",
        "reasons": {
            "nl": "Nog geen leervraag of pas van 3 van de aanwezigen.",
            "en": "Still waiting for a leervraag or a pass from 3 of those present.",
        },
        "exit_code": 4,
    }
    twice = do(invoke, meeting_id, "leervraag", "Bram", "GEHEIM-nog-een")
    assert twice["rule"] == "one_leervraag_each" and "GEHEIM" not in twice["reason"]
    stranger = do(invoke, meeting_id, "pass", "Zoë")
    assert (stranger["rule"], stranger["exit_code"]) == ("not_a_member", 4)
    assert "Zoë" not in json.dumps(stranger, ensure_ascii=False)  # never echoed
    assert stranger["reasons"]["nl"].startswith("Die persoon is geen aanwezig lid")
    garbled = do(invoke, meeting_id, "GEHEIM-zomaar iets")
    assert (garbled["rule"], garbled["exit_code"]) == ("syntax", 2)
    assert "GEHEIM" not in garbled["reason"]
    human = invoke("meeting", "do", meeting_id, "next")
    assert human.exit_code == 4
    assert human.stderr.startswith("intervision: error: Still waiting")  # words, no rule id
    verbose = invoke("-v", "meeting", "do", meeting_id, "next")
    assert "intervision: error: [leervragen_complete] Still waiting" in verbose.stderr
    missing = do(invoke, "no-such-meeting", "next")
    assert (missing["ok"], missing["rule"], missing["exit_code"]) == (False, "meeting", 8)


def test_the_wrong_step_and_an_unknown_method_are_refused(invoke: Invoke) -> None:
    meeting_id = start(invoke)
    early = do(invoke, meeting_id, "case", "Bram")
    assert (early["rule"], early["exit_code"]) == ("phase", 4)
    for line in (["next"], ["lv", "Bram", "GEHEIM"], *[["pass", n] for n in ("Anna", "Carla")]):
        do(invoke, meeting_id, *line)
    do(invoke, meeting_id, "pass", "Dirk")
    do(invoke, meeting_id, "next")
    assert do(invoke, meeting_id, "case", "Carla")["rule"] == "case_choice"
    do(invoke, meeting_id, "case", "Bram")
    unknown = do(invoke, meeting_id, "method", "nosuch")
    assert unknown["rule"] == "method_choice" and "intervision methods" in unknown["reason"]
    assert "nosuch" not in json.dumps(unknown)  # what was typed is not echoed
    variant = do(invoke, meeting_id, "method", "incident/nosuch")
    assert variant["rule"] == "method_choice" and "blind-position" in variant["reason"]
    assert do(invoke, meeting_id, "method", "incident")["phase"] == "situation"
    wrong_kind = do(invoke, meeting_id, "Carla: ad: GEHEIM-te-vroeg")
    assert wrong_kind["rule"] == "allowed_kinds" and "GEHEIM" not in wrong_kind["reason"]
    added = do(invoke, meeting_id, "Bram: s: GEHEIM-situatie")
    assert added["recorded"] == "C1"


def test_status_says_where_and_who_may_say_what(invoke: Invoke) -> None:
    meeting_id = start(invoke, "--lang", "nl")
    for line in (["next"], ["lv", "Bram", "GEHEIM"]):
        do(invoke, meeting_id, *line)
    status = json.loads(invoke("meeting", "status", meeting_id, "--json").stdout)
    assert status["frame"] == "leervragen" and status["waiting_for"] == ["Anna", "Carla", "Dirk"]
    for name in ("Anna", "Carla", "Dirk"):
        do(invoke, meeting_id, "pass", name)
    for line in (["next"], ["case", "Bram"], ["method", "incident"], ["next"]):
        do(invoke, meeting_id, *line)
    status = json.loads(invoke("meeting", "status", meeting_id, "--json").stdout)
    assert (status["method"], status["phase"], status["inbrenger"]) == (
        "incident",
        "questions",
        "Bram",
    )
    assert status["may_contribute"]["Carla"] == ["question"]
    assert status["may_contribute"]["Bram"] == ["reaction"]
    assert 0 < status["remaining_seconds"] <= 15 * 60
    text = invoke("meeting", "status", meeting_id).stdout
    assert "Incidentmethode 2/5" in text and "Carla: vraag" in text and "Inbrenger: Bram." in text
    english = invoke("--lang", "en", "meeting", "status", meeting_id).stdout
    assert "Incident method 2/5" in english and "Carla: question" in english
    assert "GEHEIM" not in text + english


def test_start_needs_a_group_or_members(invoke: Invoke) -> None:
    assert invoke("meeting", "start").exit_code == 2
    lone = invoke("meeting", "start", "--members", "Anna,Bram")
    assert lone.exit_code == 2 and "--facilitator" in lone.output
    few = invoke("meeting", "start", "--members", "Anna", "--facilitator", "Anna")
    assert few.exit_code == 2
    unknown = invoke("--lang", "nl", "meeting", "start", "--group", "zuid")
    assert unknown.exit_code == 8 and "die groep bestaat niet" in unknown.stderr
    invoke("group", "create", "Noord")
    for name in ("Anna", "Bram", "Carla"):
        invoke("group", "add", "noord", name)
    absent = invoke(
        "meeting", "start", "--group", "noord", "--present", "Anna,Bram", "--facilitator", "Carla"
    )
    assert absent.exit_code == 2 and "not here today" in absent.output
    assert "Carla" not in absent.output  # an error names no member
    chosen = invoke("meeting", "start", "--group", "noord", "--present", "Anna,Bram", "--json")
    meeting_id = json.loads(chosen.stdout)["meeting_id"]
    status = json.loads(invoke("meeting", "status", meeting_id, "--json").stdout)
    assert status["present"] == ["Anna", "Bram"] and status["facilitator"] == "Anna"


def test_help_lists_the_frame_words_too(invoke: Invoke) -> None:
    meeting_id = start(invoke)
    result = invoke("--lang", "nl", "meeting", "do", meeting_id, "hulp")
    assert result.exit_code == 0
    assert "leervraag NAAM: TEKST" in result.stdout and "verder" in result.stdout


def test_a_script_hands_the_facilitation_over_before_its_own_case(invoke: Invoke) -> None:
    meeting_id = start(invoke)
    for line in (["next"], ["lv", "Anna", "GEHEIM-eigen"], ["pas", "Bram"], ["pas", "Carla"]):
        assert do(invoke, meeting_id, *line)["ok"]
    assert do(invoke, meeting_id, "pas", "Dirk")["ok"]
    assert do(invoke, meeting_id, "verder")["ok"]
    assert do(invoke, meeting_id, "casus", "Anna")["ok"]
    refused = do(invoke, meeting_id, "methode", "incident")
    assert (refused["rule"], refused["exit_code"]) == ("facilitator_not_inbrenger", 4)
    assert "hand over" in refused["reason"]
    assert do(invoke, meeting_id, "handover")["exit_code"] == 2
    assert do(invoke, meeting_id, "overdragen", "Bram")["ok"]
    assert do(invoke, meeting_id, "methode", "incident")["phase"] == "situation"
    status = json.loads(invoke("meeting", "status", meeting_id, "--json").stdout)
    assert (status["facilitator"], status["inbrenger"]) == ("Bram", "Anna")


def test_the_roles_of_the_day_are_given_at_the_start_and_shown_in_status(invoke: Invoke) -> None:
    meeting_id = start(invoke, "--role", "notulist=Carla", "--role", "timekeeper=dirk", "--json")

    status = json.loads(invoke("meeting", "status", meeting_id, "--json").stdout)
    assert status["roles"] == {"scribe": ["Carla"], "timekeeper": ["Dirk"]}
    text = invoke("--lang", "nl", "meeting", "status", meeting_id).stdout
    assert "Rollen vandaag: notulist Carla · tijdbewaker Dirk." in text
    english = invoke("--lang", "en", "meeting", "status", meeting_id).stdout
    assert "Roles of the day: scribe Carla · timekeeper Dirk." in english


def test_a_role_that_cannot_be_held_is_a_usage_error_and_starts_nothing(
    invoke: Invoke, store: Path
) -> None:
    def start_with(role: str) -> Result:
        three = ["--members", "Anna,Bram,Carla", "--facilitator", "Anna"]
        return invoke("--lang", "en", "meeting", "start", *three, "--role", role)

    unknown = start_with("chair=Bram")
    assert unknown.exit_code == 2
    assert "One of the roles is not one anyone can hold here" in unknown.output
    assert "scribe (scribe)" in unknown.output
    bare = start_with("scribe")
    assert bare.exit_code == 2 and "ROLE=NAME" in bare.output
    absent = start_with("scribe=Zoë")
    # a holder who is no member is never offered as a guest, as a facilitator is
    assert absent.exit_code == 4 and "The scribe is not a member" in absent.stderr
    assert "--external-facilitator" not in absent.stderr
    with open_engine(str(store)) as engine:
        assert engine.meetings() == []


def test_a_command_sent_again_with_its_request_id_is_not_repeated(
    invoke: Invoke, store: Path
) -> None:
    """A script whose `meeting do` timed out sends it again with the same --request-id."""
    meeting_id = start(invoke)
    line = ["--request-id", "a9f3c1e7-0001", "Bram: s: GEHEIM-eenmaal"]
    first = do(invoke, meeting_id, *line)
    again = do(invoke, meeting_id, *line)
    assert (first["ok"], first["repeated"], first["version"]) == (True, False, 2)
    assert (again["ok"], again["repeated"], again["version"]) == (True, True, 2)
    assert first["committed"] == again["committed"] == {"first_version": 2, "version": 2}
    assert first["recorded"] == again["recorded"] == "C1"
    engine = open_engine(str(store))
    try:
        texts = [c.text for c in engine.reload(meeting_id).contributions]
        assert texts == ["GEHEIM-eenmaal"]
    finally:
        engine.close()
    blank = invoke("meeting", "do", meeting_id, "--json", "--request-id", "a b", "next")
    assert blank.exit_code == 2 and json.loads(blank.stdout)["rule"] == "request_id"


def test_a_facilitator_who_is_no_member_must_be_said_to_come_from_outside(
    invoke: Invoke, store: Path
) -> None:
    """Seen: a mistyped "Ana" silently became an external facilitator."""
    typo = invoke(
        "meeting", "start", "--members", "Anna,Bram,Carla", "--facilitator", "Ana", "--json"
    )
    assert typo.exit_code == 2 and "--external-facilitator" in typo.stderr
    assert "Ana" not in typo.stderr.replace("Anna", "")
    guest = invoke(
        "meeting",
        "start",
        "--members",
        "Anna,Bram,Carla",
        "--facilitator",
        "Xena Extern",
        "--external-facilitator",
        "--json",
    )
    assert guest.exit_code == 0, guest.output
    engine = open_engine(str(store))
    try:
        [summary] = engine.meetings()  # the typo started nothing
        state = engine.state(summary.meeting_id)
        assert state.members[state.facilitator].external
    finally:
        engine.close()


def test_names_that_cannot_be_taken_in_are_refused_at_the_command_line(invoke: Invoke) -> None:
    for members in ("Anna,Bram,Anna", "Anna,Bram,\u0410nna", "Anna,Br\u200bam,Carla"):
        refused = invoke("meeting", "start", "--members", members, "--facilitator", "Anna")
        assert refused.exit_code == 2, (members, refused.output)
        assert "Traceback" not in refused.output
    long = invoke(
        "meeting", "start", "--members", "Anna,Bram," + "x" * 101, "--facilitator", "Anna"
    )
    assert long.exit_code == 2 and "100" in long.stderr


def _groups_loaded(store: Path, *args: str) -> tuple[dict[str, Any], bool]:
    """What a one-shot command printed, and whether its process loaded the group book."""
    result = main_in_a_fresh_process(
        ["--store", str(store), *args], after="print('intervision.engine.groups' in sys.modules)\n"
    )
    *printed, loaded = result.stdout.splitlines()
    return json.loads("\n".join(printed)), loaded == "True"


@pytest.mark.slow
def test_a_group_meeting_past_case_choice_is_driven_without_loading_the_group(
    invoke: Invoke, store: Path
) -> None:
    """``status`` and ``do`` need a meeting's group only at the opening and case choice
    (its look-back and fairness); elsewhere a script's command does not pay for it."""
    invoke("group", "create", "Noord")
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        invoke("group", "add", "noord", name)
    started = invoke("meeting", "start", "--group", "noord", "--facilitator", "Anna", "--json")
    meeting_id = json.loads(started.stdout)["meeting_id"]
    at_opening, loaded = _groups_loaded(store, "meeting", "status", meeting_id, "--json")
    assert loaded and "look_back" in at_opening
    for line in (["next"], ["leervraag", "Bram:", "hoe zeg ik nee?"], ["pass", "Anna"]):
        assert do(invoke, meeting_id, *line)["ok"] is True, line
    for line in (["pass", "Carla"], ["pass", "Dirk"], ["verder"]):
        assert do(invoke, meeting_id, *line)["ok"] is True, line
    at_case_choice, loaded = _groups_loaded(store, "meeting", "status", meeting_id, "--json")
    assert loaded and at_case_choice["frame"] == "case_choice" and "fairness" in at_case_choice
    for line in (["case", "Bram"], ["method", "incident"]):
        assert do(invoke, meeting_id, *line)["ok"] is True, line
    in_method, loaded = _groups_loaded(store, "meeting", "status", meeting_id, "--json")
    assert not loaded and in_method["phase"] is not None and in_method["group_id"] == "noord"
    assert "look_back" not in in_method and "fairness" not in in_method
    sent, loaded = _groups_loaded(store, "meeting", "do", meeting_id, "--json", "Bram: s: wat")
    assert not loaded and sent["ok"] is True
