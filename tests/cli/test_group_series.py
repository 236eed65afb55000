"""A series of one group, driven through the CLI: rotation, look-back and fairness.

Three meetings of Wijkteam Noord: the first and second with ``run --group`` as a
facilitator types them, the third with ``meeting start`` and ``meeting do`` as a
script sends them. Between meetings the facilitator proposed changes (least often
facilitated), the commitment of one meeting comes back at the next opening, and
the member who has not been inbrenger comes first at case choice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from intervision.engine.groups import groups_of
from intervision.engine.storage import open_engine

Invoke = Callable[..., Result]

GROUP = "wijkteam-noord"


def meeting_of(inbrenger: str, other: str, commitment: str) -> list[str]:
    """One incident meeting after the opening: ``inbrenger``'s case, ``other`` advises."""
    return [
        f"GEHEIM-leervraag van {inbrenger}",
        "1",  # the only leervraag
        "",  # the inbrenger agrees
        "incident",
        "",  # and agrees to the method
        f"{inbrenger}: s: GEHEIM-situatie",
        "verder",
        f"{other}: q: GEHEIM-vraag",
        "verder",
        f"{other}: an: GEHEIM-analyse",
        "verder",
        f"{other}: ad: GEHEIM-advies",
        "verder",
        f"besluit {commitment}",
        "verder",
        "",  # no second case
        *["herkenbaar"] * 4,
        "",  # close
    ]


def leervragen_for(inbrenger: str) -> list[str]:
    """Everyone passes except ``inbrenger`` (members in the group's order)."""
    return ["__" if name == inbrenger else "" for name in ("Anna", "Bram", "Carla", "Dirk")]


def run_meeting(
    invoke: Invoke, inbrenger: str, other: str, commitment: str, *before: str
) -> Result:
    rest = meeting_of(inbrenger, other, commitment)
    answers = [rest[0] if slot == "__" else slot for slot in leervragen_for(inbrenger)]
    lines = [*before, *answers, *rest[1:]]
    return invoke("run", "--group", GROUP, "--purpose", "regular", input="\n".join(lines) + "\n")


@pytest.fixture
def group(invoke: Invoke) -> str:
    invoke("group", "create", "Wijkteam Noord", "--lang", "nl")
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        invoke("group", "add", GROUP, name)
    return GROUP


def _meeting_id(result: Result) -> str:
    match = re.search(r"(?:Bijeenkomst|Meeting) (\S+) (?:is begonnen|has started)", result.stdout)
    assert match, result.output
    return match.group(1)


def test_a_series_rotates_looks_back_and_shows_who_waited(
    invoke: Invoke, group: str, store: Path
) -> None:
    # Meeting 1, in the group's language: everyone is here, Anna is proposed.
    first = run_meeting(invoke, "Bram", "Carla", "BELOOFD-ik bel de ouders", "", "", "", "")
    assert first.exit_code == 0, first.output
    out = first.stdout
    assert "Voorstel voor de begeleiding vandaag: Anna (begeleidde het minst vaak: 0×" in out
    assert "Rollen van vandaag: notulist Bram, tijdbewaker Carla. Enter = akkoord" in out
    assert "Rollen vandaag: notulist Bram · tijdbewaker Carla." in out  # at the opening
    assert "Vertrouwelijkheid: Wat we hier bespreken, blijft in de groep." in out
    assert "Terugblik" not in out
    assert "afgesloten" in out

    # Meeting 2, in English on purpose: Bram is proposed, and his commitment comes back.
    second = invoke(
        "--lang",
        "en",
        "run",
        "--group",
        group,
        input="\n".join(
            [
                "",  # everyone is here
                "",  # Bram facilitates, as proposed
                "",  # the roles of the day, as proposed
                "GING-GOED-de ouders waren blij",  # Bram on his commitment
                "",  # Enter to begin
                *[
                    "GEHEIM-leervraag van Carla" if slot == "__" else slot
                    for slot in leervragen_for("Carla")
                ],
                *meeting_of("Carla", "Dirk", "BELOOFD-ik vraag om hulp")[1:],
            ]
        )
        + "\n",
    )
    assert second.exit_code == 0, second.output
    out = second.stdout
    assert "Proposed to facilitate today: Bram (facilitated least often: 0×" in out
    assert "Today's roles: scribe Anna, timekeeper Dirk." in out  # in turn, as facilitating
    assert "Confidentiality: Wat we hier bespreken" in out  # the group's own text, as agreed
    assert "Looking back" in out
    assert re.search(r"Bram \(\d{4}-\d\d-\d\d\): BELOOFD-ik bel de ouders", out)
    assert "Bram, how did your commitment of " in out
    fairness = out[out.index("Inbrengers:") : out.index("The leervragen:")]
    assert fairness.index("Anna: 0×") < fairness.index("Carla: 0×") < fairness.index("Bram: 1×")
    assert "the group decides" in out
    engine = open_engine(str(store))
    try:
        state = engine.reload(_meeting_id(second))
        told = [c for c in state.contributions if c.frame == "opening"]
        assert [(c.author, c.kind, c.text) for c in told] == [
            ("bram", "statement", "GING-GOED-de ouders waren blij")
        ]
        assert told[0].commitment is not None and told[0].commitment.endswith(":1:choice")
        assert state.group_id == group
    finally:
        engine.journal.close()

    # Meeting 3, by a script: the rotation proposes Carla; the look-back and the
    # fairness view are in the status a tool reads.
    started = invoke("meeting", "start", "--group", group, "--json")
    assert started.exit_code == 0, started.output
    meeting_id = json.loads(started.stdout)["meeting_id"]
    # Bram and Anna were notulist, Carla and Dirk tijdbewaker; Carla facilitates now.
    assert json.loads(started.stdout)["roles"] == {"scribe": ["Dirk"], "timekeeper": ["Anna"]}
    status = json.loads(invoke("meeting", "status", meeting_id, "--json").stdout)
    assert status["facilitator"] == "Carla" and status["group_id"] == group
    # Bram told how his went at meeting 2: only Carla's is open.
    [promise] = status["look_back"]
    assert {k: promise[k] for k in ("member", "text", "present", "told")} == {
        "member": "Carla",
        "text": "BELOOFD-ik vraag om hulp",
        "present": True,
        "told": False,
    }
    human = invoke("meeting", "status", meeting_id).stdout
    assert "Carla (" in human and "): BELOOFD-ik vraag om hulp" in human
    assert invoke("meeting", "do", meeting_id, "Carla: s: gelukt").exit_code == 0
    status = json.loads(invoke("meeting", "status", meeting_id, "--json").stdout)
    assert [p["told"] for p in status["look_back"]] == [True]
    for line in ("verder", "leervraag Dirk: GEHEIM-3", "pas Anna"):
        assert invoke("meeting", "do", meeting_id, line).exit_code == 0, line
    for line in ("pas Bram", "pas Carla", "verder"):
        invoke("meeting", "do", meeting_id, line)
    status = json.loads(invoke("meeting", "status", meeting_id, "--json").stdout)
    assert status["frame"] == "case_choice"
    assert [(f["member"], f["times"]) for f in status["fairness"]] == [
        ("Anna", 0),
        ("Dirk", 0),
        ("Bram", 1),
        ("Carla", 1),
    ]
    assert "Anna: 0× inbrenger, laatst: nog nooit" in invoke("meeting", "status", meeting_id).stdout

    shown = json.loads(invoke("group", "show", group, "--json").stdout)
    assert [m["facilitator"] for m in shown["meetings"]] == ["anna", "bram", "carla"]
    assert [m["inbrengers"] for m in shown["meetings"]] == [["bram"], ["carla"], []]
    text = invoke("group", "show", group).stdout
    assert "begeleider Anna · inbrenger: Bram" in text and "(loopt nog)" in text
    assert "GEHEIM" not in text and "BELOOFD" not in text


def test_who_is_here_and_who_facilitates_can_be_changed(
    invoke: Invoke, group: str, store: Path
) -> None:
    result = invoke(
        "--lang",
        "en",
        "run",
        "--group",
        group,
        input="n\nAnna, Zoë\nAnna, Carla, Dirk\nBram\nZoë\nn\nDirk\n\npause\n",
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "This is Wijkteam Noord's first meeting: begin with the intake" in out  # declined
    assert "Not in the group: 1 name you gave; name the members as" in out
    assert "Zoë;" not in out  # a refusal repeats no name typed (issue 13)
    assert "Proposed to facilitate today: Anna" in out
    assert "Whom you named is not here today, so cannot facilitate." in out
    assert "Zoë is not a member of the group. Does Zoë facilitate as a guest?" in out
    engine = open_engine(str(store))
    try:
        state = engine.reload(_meeting_id(result))
        assert (state.facilitator, state.present) == ("dirk", ("anna", "carla", "dirk"))
    finally:
        engine.journal.close()
    resumed = invoke("run", "--resume", state.meeting_id, input="pauze\n")
    assert resumed.exit_code == 0, resumed.output
    assert "Confidentiality: Wat we" in resumed.stdout  # the contract, in the meeting language


def test_a_guided_group_proposes_its_guide(invoke: Invoke, group: str) -> None:
    invoke("group", "guided", group, "--by", "Mevrouw Jansen")
    result = invoke("run", "--group", group, "--purpose", "regular", input="\n\n\npauze\n")
    assert result.exit_code == 0, result.output
    assert "Mevrouw Jansen (begeleide groep)" in result.stdout
    assert "Begeleider: Mevrouw Jansen." in result.stdout
    clash = invoke("run", "--group", group, "--members", "Anna,Bram")
    assert clash.exit_code == 2


def test_the_proposal_says_when_a_plugin_chose() -> None:
    from intervision.cli.group_view import propose
    from intervision.engine import Engine, MemoryJournal, hookimpl, load_registry

    class AlwaysCarla:
        @hookimpl
        def intervision_next_facilitator(self, members: list[str], history: list[dict]) -> str:  # type: ignore[type-arg]
            return "carla"

    engine = Engine(MemoryJournal(), load_registry(extra=[("always-carla", AlwaysCarla())]))
    groups_of(engine).create("Noord")
    for name in ("Anna", "Bram", "Carla"):
        groups_of(engine).add_member("noord", name)
    group = groups_of(engine).get("noord")
    proposal = propose(engine, group, ["anna", "bram", "carla"], [], "nl")
    assert (proposal.facilitator, proposal.why) == ("carla", "voorgesteld door een plugin")
    plain = Engine(MemoryJournal(), load_registry())
    groups_of(plain).create("Noord")
    for name in ("Anna", "Bram", "Carla"):
        groups_of(plain).add_member("noord", name)
    rotation = propose(plain, groups_of(plain).get("noord"), ["bram", "carla"], [], "en")
    assert rotation.facilitator == "bram"
    assert rotation.why == "facilitated least often: 0×, last: never"


def test_an_absent_members_commitment_comes_back_at_the_next_meeting_they_attend(
    invoke: Invoke, group: str
) -> None:
    first = run_meeting(invoke, "Bram", "Carla", "BELOOFD-ik bel de ouders", "", "", "", "")
    assert first.exit_code == 0, first.output
    # Bram is away: he is not asked, and his commitment is not gone.
    away = invoke(
        "--lang", "en", "run", "--group", group,
        input="Anna, Carla, Dirk\n\n\n\nGEHEIM-een\n\n\npauze\n",
    )  # fmt: skip
    assert "Bram is not here today; the commitment comes back at the next meeting" in away.stdout
    assert "Bram, how did" not in away.stdout
    [away_id] = [
        m["id"] for m in json.loads(invoke("meetings", "--json").stdout) if not m["closed"]
    ]
    assert invoke("meeting", "do", away_id, "close", "te weinig tijd").exit_code == 0
    # Back at the next meeting, he is asked, and once told, it is closed.
    back = invoke("--lang", "en", "run", "--group", group, input="\n\n\nGING-GOED\npauze\n")
    assert "BELOOFD-ik bel de ouders" in back.stdout
    assert "Bram, how did your commitment of " in back.stdout
    started = invoke("meeting", "start", "--group", group, "--json")
    status = json.loads(
        invoke("meeting", "status", json.loads(started.stdout)["meeting_id"], "--json").stdout
    )
    assert status["look_back"] == []


def test_a_role_given_with_role_is_kept_and_the_rotation_proposes_the_others(
    invoke: Invoke, group: str
) -> None:
    """One way to hold a role of the day: --role gives it, the rotation the rest."""
    started = invoke(
        "meeting", "start", "--group", group, "--facilitator", "Anna",
        "--role", "notulist=Bram", "--role", "observer=Carla", "--json",
    )  # fmt: skip
    assert started.exit_code == 0, started.output
    # Bram and Carla hold a role already and Anna facilitates: Dirk keeps the time.
    assert json.loads(started.stdout)["roles"] == {
        "timekeeper": ["Dirk"],
        "scribe": ["Bram"],
        "observer": ["Carla"],
    }
    # At the terminal the rotation offers only the role --role left open; a name
    # that is not here is refused without repeating it, and the answer overrides.
    run = invoke(
        "run", "--group", group, "--purpose", "regular", "--facilitator", "Anna",
        "--role", "tijdbewaker=Dirk", input="\nZoë\nBram\npauze\n",
    )  # fmt: skip
    assert run.exit_code == 0, run.output
    out = run.stdout
    assert "Rollen van vandaag: notulist Carla. Enter = akkoord" in out  # Bram was, last time
    assert "Niet aanwezig of geen lid: 1 naam die je noemde." in out
    assert out.count("Zoë") == 1  # only as typed
    assert "Rollen vandaag: notulist Bram · tijdbewaker Dirk." in out
