"""``intervision group``: a group of equals, its contract and its guide."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from intervision.cli import main
from intervision.engine.groups import groups_of
from intervision.engine.storage import open_engine

Invoke = Callable[..., Result]


@pytest.fixture
def wijkteam(invoke: Invoke) -> str:
    assert invoke("group", "create", "Wijkteam Noord", "--lang", "nl").exit_code == 0
    for name in ("Anna", "Bram", "Carla"):
        assert invoke("group", "add", "wijkteam-noord", name).exit_code == 0
    return "wijkteam-noord"


def test_a_group_is_created_filled_listed_and_shown(invoke: Invoke) -> None:
    created = invoke("--lang", "en", "group", "create", "Wijkteam Noord")
    assert created.exit_code == 0, created.output
    assert "Group Wijkteam Noord (wijkteam-noord) is created" in created.stdout
    added = invoke("group", "add", "wijkteam-noord", "Anna", "--function", "nurse")
    assert added.exit_code == 0
    assert "the group now has 1" in added.stdout
    assert "works best with 3 to 8" in added.stderr
    for name in ("Bram", "Carla"):
        invoke("group", "add", "Wijkteam Noord", name)
    fourth = invoke("group", "add", "wijkteam-noord", "Dirk")
    assert fourth.exit_code == 0 and fourth.stderr == ""
    twice = invoke("group", "add", "wijkteam-noord", "anna")
    assert twice.exit_code == 7 and "same or look so alike" in twice.stderr
    assert "anna" not in twice.stderr.casefold()  # an error never echoes a name
    listed = json.loads(invoke("group", "list", "--json").stdout)
    assert [(g["id"], len(g["members"]), g["meetings"]) for g in listed] == [
        ("wijkteam-noord", 4, 0)
    ]
    table = invoke("--lang", "en", "group", "list").stdout
    assert "wijkteam-noord" in table and "self-run" in table
    shown = invoke("--lang", "en", "group", "show", "wijkteam-noord").stdout
    assert "Anna · nurse" in shown
    assert "No meetings yet." in shown and "Anna: 0× inbrenger, last: never" in shown
    removed = invoke("group", "remove", "wijkteam-noord", "Dirk")
    assert removed.exit_code == 0 and "the group now has 3" in removed.stdout
    unknown = invoke("group", "remove", "wijkteam-noord", "Zoë")
    assert unknown.exit_code == 7
    assert "That person is not a member of Wijkteam Noord;" in unknown.stderr


def test_an_unknown_group_names_the_groups_there_are(invoke: Invoke, wijkteam: str) -> None:
    result = invoke("--lang", "en", "group", "show", "zuid")
    assert result.exit_code == 8
    assert "there is no such group (groups: wijkteam-noord)" in result.stderr
    assert "zuid" not in result.stderr  # what was typed is not echoed
    again = invoke("--lang", "en", "group", "create", "Wijkteam Noord")
    assert again.exit_code == 7 and "already exists" in again.stderr


def test_a_work_relation_is_refused_unless_the_group_records_why(
    invoke: Invoke, wijkteam: str
) -> None:
    refused = invoke("--lang", "en", "group", "add", wijkteam, "Dirk", "--reports-to", "Bram")
    assert refused.exit_code == 7
    [line] = refused.stderr.splitlines()
    assert "direct work relation" in line and "--reason" in line and "group of equals" in line
    assert "Dirk" not in line and "Bram" not in line  # errors name no member
    dutch = invoke("group", "add", wijkteam, "Dirk", "--reports-to", "bram")
    assert "werkrelatie" in dutch.stderr and "groep van gelijken" in dutch.stderr
    # The relation also counts the other way round: a manager joining their own staff.
    invoke("group", "add", wijkteam, "Eva", "--reports-to", "Femke")
    boss = invoke("--lang", "en", "group", "add", wijkteam, "Femke")
    assert boss.exit_code == 7 and "direct work relation" in boss.stderr
    accepted = invoke(
        "group", "add", wijkteam, "Dirk", "--reports-to", "Bram", "--reason", "andere locatie"
    )
    assert accepted.exit_code == 0, accepted.output
    assert "geaccepteerd" in accepted.stdout
    members = json.loads(invoke("group", "show", wijkteam, "--json").stdout)["members"]
    dirk = next(m for m in members if m["name"] == "Dirk")
    assert (dirk["reports_to"], dirk["relation_reason"]) == ("Bram", "andere locatie")
    shown = invoke("group", "show", wijkteam).stdout
    assert "Dirk · valt onder Bram · relatie geaccepteerd: andere locatie" in shown


def test_more_than_eight_members_warns_and_is_still_added(invoke: Invoke, wijkteam: str) -> None:
    for name in ("Dirk", "Eva", "Fleur", "Gijs", "Hanna"):
        assert invoke("group", "add", wijkteam, name).stderr == ""
    ninth = invoke("group", "add", wijkteam, "Ilse")
    assert ninth.exit_code == 0
    assert "boven de 8" in ninth.stderr and "waarschuwing" in ninth.stderr


def test_the_default_contract_is_in_the_groups_language_and_can_be_changed(
    invoke: Invoke, wijkteam: str
) -> None:
    dutch = invoke("group", "contract", wijkteam).stdout
    assert "Vertrouwelijkheid: Wat we hier bespreken, blijft in de groep." in dutch
    assert "Aanwezigheid:" in dutch
    invoke("group", "create", "Peer Group", "--lang", "en")
    english = invoke("group", "contract", "peer-group").stdout
    assert "Confidentiality: What we discuss here stays in the group." in english
    changed = invoke(
        "group",
        "contract",
        wijkteam,
        "--attendance",
        "Wie niet kan, belt Anna.",
        "--consent-topics",
    )
    assert changed.exit_code == 0, changed.output
    contract = json.loads(invoke("group", "show", wijkteam, "--json").stdout)["contract"]
    assert contract["attendance"] == "Wie niet kan, belt Anna."
    assert contract["confidentiality"].startswith("Wat we hier bespreken")
    assert contract["consent_topics"] is True
    reset = invoke("group", "contract", wijkteam, "--default")
    assert "meldt zich vooraf af" in reset.stdout
    empty = invoke("group", "contract", wijkteam, "--confidentiality", " ")
    assert empty.exit_code == 2


def test_a_guided_group_and_back_to_self_run(invoke: Invoke, wijkteam: str) -> None:
    guided = invoke("--lang", "en", "group", "guided", wijkteam, "--by", "Mevrouw Jansen")
    assert guided.exit_code == 0 and "guided by Mevrouw Jansen" in guided.stdout
    assert json.loads(invoke("group", "show", wijkteam, "--json").stdout)["guided_by"] == (
        "Mevrouw Jansen"
    )
    assert "begeleid door Mevrouw Jansen" in invoke("group", "show", wijkteam).stdout
    both = invoke("group", "guided", wijkteam, "--by", "X", "--self-run")
    assert both.exit_code == 2
    back = invoke("group", "guided", wijkteam, "--self-run")
    assert "zelfsturend" in back.stdout
    assert json.loads(invoke("group", "show", wijkteam, "--json").stdout)["guided_by"] is None


def test_the_contract_says_how_material_comes_in_and_that_we_meet_in_working_time(
    invoke: Invoke, wijkteam: str, store: Path
) -> None:
    dutch = invoke("group", "contract", wijkteam).stdout
    assert "Casusmateriaal: Een casus brengen we mondeling in, zonder namen" in dutch
    assert "Tijd en plek: We komen bij elkaar in werktijd" in dutch
    changed = invoke(
        "--lang", "en", "group", "contract", wijkteam,
        "--material", "Alleen mondeling.", "--working-time", "Dinsdag 14-16 uur, deur dicht.",
    )  # fmt: skip
    assert changed.exit_code == 0, changed.output
    assert "Case material: Alleen mondeling." in changed.stdout
    assert "Time and place: Dinsdag 14-16 uur, deur dicht." in changed.stdout
    contract = json.loads(invoke("group", "show", wijkteam, "--json").stdout)["contract"]
    assert (contract["material"], contract["working_time"]) == (
        "Alleen mondeling.",
        "Dinsdag 14-16 uur, deur dicht.",
    )
    assert contract["confidentiality"].startswith("Wat we hier bespreken")  # kept
    assert invoke("group", "contract", wijkteam, "--working-time", " ").exit_code == 2
    # The opening reads all four agreements out.
    run = invoke("run", "--group", wijkteam, "--purpose", "regular", input="\n\n\npauze\n")
    opening = " ".join(run.stdout.split())
    assert "Casusmateriaal: Alleen mondeling." in opening
    assert "Tijd en plek: Dinsdag 14-16 uur, deur dicht." in opening


def test_a_contract_made_before_these_agreements_says_they_are_not_agreed_yet(
    invoke: Invoke, store: Path
) -> None:
    from intervision.engine import GroupContract

    invoke("group", "create", "Oud Team", "--lang", "nl")
    engine = open_engine(str(store))
    try:
        old = GroupContract(confidentiality="Het blijft hier.", attendance="We zijn er.")
        groups_of(engine).set_contract("oud-team", old)
    finally:
        engine.journal.close()
    shown = invoke("group", "contract", "oud-team").stdout
    assert "Casusmateriaal: (nog niet afgesproken: --material TEKST)" in shown
    assert "Tijd en plek: (nog niet afgesproken: --working-time TEKST)" in shown


def test_a_small_group_is_counted_in_words_that_agree(invoke: Invoke) -> None:
    invoke("group", "create", "Klein", "--lang", "nl")
    one = invoke("--lang", "nl", "group", "add", "klein", "Anna")
    assert "De groep heeft 1 lid; intervisie werkt het best met 3 tot 8." in one.stderr
    assert "intervision: waarschuwing:" in one.stderr
    two = invoke("--lang", "en", "group", "add", "klein", "Bram")
    assert "The group has 2 members;" in two.stderr


def test_names_are_stored_trimmed_so_the_export_imports_again(
    invoke: Invoke, wijkteam: str, tmp_path: Path
) -> None:
    """Seen: `--reports-to " Anna "` was stored with its spaces, and the group's own
    export then failed to import."""
    added = invoke(
        "group",
        "add",
        wijkteam,
        "  Dirk ",
        "--reports-to",
        " Anna ",
        "--reason",
        " ok ",
        "--function",
        " coach  ",
    )
    assert added.exit_code == 0, added.output
    members = json.loads(invoke("group", "show", wijkteam, "--json").stdout)["members"]
    dirk = next(m for m in members if m["name"] == "Dirk")
    assert (dirk["reports_to"], dirk["relation_reason"], dirk["function"]) == (
        "Anna",
        "ok",
        "coach",
    )
    exported = tmp_path / "group.toml"
    assert invoke("group", "export", wijkteam, "-o", str(exported)).exit_code == 0
    other = tmp_path / "other.sqlite3"
    again = CliRunner().invoke(main, ["--store", str(other), "group", "import", str(exported)])
    assert again.exit_code == 0, again.output


@pytest.mark.parametrize("name", ["Dirk\u202e", "Di\u200brk", "Dirk\nEva", "x" * 101])
def test_a_name_with_hidden_characters_or_too_long_is_refused(
    invoke: Invoke, wijkteam: str, name: str
) -> None:
    refused = invoke("--lang", "en", "group", "add", wijkteam, name)
    assert refused.exit_code == 2 and refused.stderr.startswith("intervision: error: The")
    assert name not in refused.stderr
    assert len(json.loads(invoke("group", "show", wijkteam, "--json").stdout)["members"]) == 3
