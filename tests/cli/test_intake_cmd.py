"""A group's intake and a refresh through the CLI, and the learning goals that follow.

The intake is scripted with ``meeting start --purpose intake`` and ``meeting do``, as
a tool would send it; then ``run --group`` proposes what the group is due (the
intake before its first meeting, a refresh after a member joined), and later
openings and the series view follow each member's learning goal.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from click.testing import Result

Invoke = Callable[..., Result]

GROUP = "wijkteam-noord"


@pytest.fixture
def group(invoke: Invoke) -> str:
    invoke("group", "create", "Wijkteam Noord", "--lang", "nl")
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        invoke("group", "add", GROUP, name)
    return GROUP


def do(invoke: Invoke, meeting_id: str, line: str) -> dict[str, object]:
    result = invoke("meeting", "do", meeting_id, "--json", line)
    data: dict[str, object] = json.loads(result.stdout)
    assert data["ok"], (line, data)
    return data


def test_a_scripted_intake_and_the_goals_at_the_next_opening(invoke: Invoke, group: str) -> None:
    started = invoke(
        "meeting", "start", "--group", group, "--facilitator", "Anna", "--purpose", "intake",
        "--json",
    )  # fmt: skip
    meeting_id = json.loads(started.stdout)["meeting_id"]
    status = json.loads(invoke("meeting", "status", meeting_id, "--json").stdout)
    assert status["purpose"] == "intake"
    assert do(invoke, meeting_id, "verder")["frame"] == "introduction"
    do(invoke, meeting_id, "Bram: v: Hoe vaak komen we samen?")
    assert do(invoke, meeting_id, "verder")["frame"] == "contract"
    do(invoke, meeting_id, "Carla: u: Akkoord met alle afspraken.")
    assert do(invoke, meeting_id, "verder")["frame"] == "learning_goals"
    do(invoke, meeting_id, "Anna: ld: DOEL-anna beter doorvragen")
    refused = invoke("meeting", "do", meeting_id, "--json", "verder")
    assert refused.exit_code == 4
    assert json.loads(refused.stdout)["rule"] == "learning_goals_complete"
    waiting = json.loads(invoke("meeting", "status", meeting_id, "--json").stdout)["waiting_for"]
    assert waiting == ["Bram", "Carla", "Dirk"]
    for name in ("Bram", "Carla", "Dirk"):
        do(invoke, meeting_id, f"{name}: leerdoel: DOEL-{name.lower()} iets leren")
    assert do(invoke, meeting_id, "verder")["frame"] == "leervragen"
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        do(invoke, meeting_id, f"pas {name}")
    assert do(invoke, meeting_id, "verder")["frame"] == "recognitions"
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        do(invoke, meeting_id, f"{name}: h: een goed begin")
    do(invoke, meeting_id, "verder")
    assert do(invoke, meeting_id, "afsluiten")["frame"] == "closed"

    # The next meeting is a regular one; its opening recalls the goals of those present.
    again = invoke(
        "meeting", "start", "--group", group, "--present", "Anna,Bram,Dirk", "--json"
    )  # fmt: skip
    second = json.loads(again.stdout)["meeting_id"]
    status = json.loads(invoke("meeting", "status", second, "--json").stdout)
    assert status["purpose"] == "regular"
    assert [(g["member"], g["text"]) for g in status["learning_goals"]] == [
        ("Anna", "DOEL-anna beter doorvragen"),
        ("Bram", "DOEL-bram iets leren"),
        ("Dirk", "DOEL-dirk iets leren"),
    ]
    human = invoke("meeting", "status", second).stdout
    assert "Leerdoelen (de voortgaande lijn) van wie er is:" in human
    assert "Bram (sinds " in human and "): DOEL-bram iets leren" in human
    # The series view follows them: since when, and what came after.
    series = invoke("series", "show", group, "--goals")
    assert series.exit_code == 7  # no plan yet: the goals come with a series
    invoke("series", "plan", group, "--meetings", "6", "--every", "2m", "--duration", "2u",
           "--start", "2026-01-13")  # fmt: skip
    view = invoke("--lang", "nl", "series", "show", group, "--goals").stdout
    assert "Leerdoelen en hoe de reeks ze volgt:" in view
    assert "Carla: leerdoel sinds" in view
    assert "DOEL-carla iets leren" in view
    plain = invoke("--lang", "nl", "series", "show", group).stdout
    assert "DOEL-" not in plain  # the table is for whoever plans: no content
    assert "Bram: leerdoel sinds" in plain and "daarna 1 bijeenkomst, 0 casussen" in plain
    followed = json.loads(invoke("series", "show", group, "--json").stdout)["learning_goals"]
    assert [(g["member"], g["meetings_since"]) for g in followed] == [
        ("anna", 1),
        ("bram", 1),
        ("carla", 0),  # away from the second meeting
        ("dirk", 1),
    ]
    assert all("text" not in g for g in followed)


def test_run_proposes_the_intake_then_a_refresh_after_a_member_joins(
    invoke: Invoke, group: str
) -> None:
    intake = [
        "",  # yes, the intake
        "", "",  # everyone is here, Anna facilitates
        "",  # the roles of the day, as proposed
        "",  # opening: Enter to begin
        "Bram: Wat als ik geen casus heb?",  # a question at the introduction
        "",  # on to the contract
        "",  # everyone agrees
        "DOEL-anna", "", "DOEL-bram", "DOEL-carla", "DOEL-dirk",  # Bram's empty: asked again
        "", "", "", "",  # nobody brings a leervraag today
        "fijn", "fijn", "fijn", "fijn",  # recognitions
        "",  # evaluation: close
    ]  # fmt: skip
    first = invoke("--lang", "nl", "run", "--group", group, input="\n".join(intake) + "\n")
    assert first.exit_code == 0, first.output
    out = " ".join(first.stdout.split())
    assert "Dit is de eerste bijeenkomst van Wijkteam Noord: beginnen met de intake" in out
    assert "Kennismaking met intervisie" in out
    assert "Methodes voor een groep van 4 " in out
    assert "Casusmateriaal: Een casus brengen we mondeling in" in out
    assert "Begeleiding: de leden begeleiden om de beurt; tot nu toe: nog niemand." in out
    assert "Een leerdoel is nodig" in out
    assert "door naar de herkenningen" in out

    invoke("group", "add", group, "Eva")
    refresh = [
        "",  # yes, a refresh
        "", "",  # everyone is here, the proposal facilitates
        "",  # the roles of the day, as proposed
        "",  # opening
        "",  # the contract: everyone agrees
        "", "DOEL-bram-nieuw", "", "", "DOEL-eva",  # Enter keeps a goal; Eva writes hers
        "pauze",
    ]  # fmt: skip
    second = invoke("--lang", "nl", "run", "--group", group, input="\n".join(refresh) + "\n")
    assert second.exit_code == 0, second.output
    out = " ".join(second.stdout.split())
    assert "kwamen er leden bij of gingen er weg: een herstart" in out
    assert "Kennismaking met intervisie" not in out  # a refresh has no introduction
    assert "Anna, je leerdoel was: DOEL-anna" in out
    assert "Eva, je persoonlijke leerdoel voor deze reeks:" in out
    [meeting] = [m for m in json.loads(invoke("meetings", "--json").stdout) if not m["closed"]]
    status = json.loads(invoke("meeting", "status", meeting["id"], "--json").stdout)
    assert (status["purpose"], status["frame"]) == ("refresh", "leervragen")


@pytest.mark.parametrize(
    ("lang", "terminal", "board"),
    [
        (
            "nl",
            "Wacht op: Bram, Carla (persoonlijk leerdoel)",
            "een persoonlijk leerdoel van: Bram",
        ),
        (
            "en",
            "Waiting for: Bram, Carla (personal learning goal)",
            "a personal learning goal from",
        ),
    ],
)
def test_the_wait_for_learning_goals_is_said_in_the_terminal_and_on_the_board(
    lang: str, terminal: str, board: str
) -> None:
    """A member's board page showed nothing it could name for this wait."""
    from intervision.cli.board.scene import scene, snapshot
    from intervision.cli.status import waiting_text
    from intervision.engine import Engine, MemoryJournal, load_registry

    engine = Engine(MemoryJournal(), load_registry())
    meeting = engine.start_meeting(
        ["Anna", "Bram", "Carla"], facilitator="Anna", lang=lang, purpose="intake"
    )
    while meeting.state.frame != "learning_goals":
        meeting.advance("anna")
    meeting.contribute("anna", "learning_goal", "beter doorvragen")
    assert waiting_text(meeting, meeting.capabilities(), lang) == terminal
    assert any(board in line for line in scene(snapshot(meeting), lang).waiting)
