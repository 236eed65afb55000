"""``intervision group import FILE`` and ``group export``: a group as a TOML file."""

from __future__ import annotations

import json
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result

from intervision.cli import main

Invoke = Callable[..., Result]

SIX = """\
name = "Wijkteam Zuid"
lang = "nl"

[[members]]
name = "Anna"
function = "wijkverpleegkundige"

[[members]]
name = "Bram"

[[members]]
name = "Carla"

[[members]]
name = "Dirk"

[[members]]
name = "Eva"
reports_to = "Anna"

[[members]]
name = "Fleur"
"""


def flat(text: str) -> str:
    """The screen wraps long lines; compare words."""
    return " ".join(text.split())


def journal_rows(store: Path) -> list[tuple[object, ...]]:
    if not store.exists():
        return []
    with sqlite3.connect(store) as db:
        return list(db.execute("SELECT * FROM events ORDER BY 1, 2"))


def test_a_group_made_with_the_commands_survives_export_and_import(
    invoke: Invoke, tmp_path: Path
) -> None:
    invoke("group", "create", "Wijkteam Noord", "--lang", "nl")
    invoke("group", "add", "wijkteam-noord", "Anna", "--function", "wijkverpleegkundige")
    invoke("group", "add", "wijkteam-noord", "Bram", "--reports-to", "Mevrouw Jansen")
    invoke("group", "add", "wijkteam-noord", "Carla", "--reports-to", "Anna", "--reason", "apart")
    invoke("group", "contract", "wijkteam-noord", "--attendance", "Afmelden bij Anna.")
    invoke("group", "contract", "wijkteam-noord", "--consent-topics")
    invoke("group", "guided", "wijkteam-noord", "--by", "Els de Wit")
    exported = invoke("group", "export", "wijkteam-noord", "-o", str(tmp_path / "noord.toml"))
    assert exported.exit_code == 0, exported.output
    assert "weggeschreven naar" in flat(exported.stdout)
    path = tmp_path / "noord.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert text.count("[[members]]") == 3 and 'relation_reason = "apart"' in text

    other = tmp_path / "other.sqlite3"
    imported = CliRunner().invoke(main, ["--store", str(other), "group", "import", str(path)])
    assert imported.exit_code == 0, imported.output
    assert "Groep Wijkteam Noord (wijkteam-noord) is aangemaakt" in flat(imported.stdout)
    assert "met 3 leden" in flat(imported.stdout)

    def shown(store: list[str]) -> dict[str, object]:
        result = CliRunner().invoke(main, [*store, "group", "show", "wijkteam-noord", "--json"])
        data: dict[str, object] = json.loads(result.stdout)
        del data["created"]
        return data

    assert shown(["--store", str(other)]) == shown([])
    again = CliRunner().invoke(main, ["--store", str(other), "group", "export", "wijkteam-noord"])
    assert again.stdout == text


def test_a_file_with_problems_lists_each_with_line_and_field_and_writes_nothing(
    invoke: Invoke, store: Path, tmp_path: Path
) -> None:
    path = tmp_path / "groep.toml"
    path.write_text(
        'name = "Intervisie"\nlang = "de"\n\n[[members]]\nname = "Anna"\nfuncton = "arts"\n\n'
        '[[members]]\nname = 7\n\n[[members]]\nfunction = "arts"\n',
        encoding="utf-8",
    )
    result = invoke("--lang", "en", "group", "import", str(path))
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    errors = result.stderr.splitlines()
    assert errors[:4] == [
        f'intervision: error: {path}: line 2, lang: must be "nl" or "en"',
        f"intervision: error: {path}: line 6, members[1].functon: does not belong in a "
        "group file; remove it or fix the spelling "
        "(fields here: name, function, reports_to, relation_reason)",
        f'intervision: error: {path}: line 9, members[2].name: must be "text"',
        f"intervision: error: {path}: line 11, members[3].name: is missing; add it",
    ]
    assert errors[4] == "Nothing was saved; fix the file and import it again."
    assert journal_rows(store) == []
    dutch = invoke("--lang", "nl", "group", "import", str(path))
    assert f"{path}: regel 11, members[3].name: ontbreekt; vul het in" in dutch.stderr
    assert "Er is niets opgeslagen" in dutch.stderr


def test_not_toml_not_utf8_or_no_file_at_all_is_a_usage_error(
    invoke: Invoke, store: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('name = "Noord"\n[[members]\nname = "Anna"\n', encoding="utf-8")
    latin = tmp_path / "latin.toml"
    latin.write_bytes('name = "Noord"\n\n[[members]]\nname = "Zoë"\n'.encode("latin-1"))
    for path, expected in [
        (broken, "line 2: is not valid TOML"),
        (latin, "line 4: is not UTF-8 text; save the file as UTF-8"),
        (tmp_path / "missing.toml", "cannot be read (No such file or directory)"),
        (tmp_path, "cannot be read"),
    ]:
        result = invoke("--lang", "en", "group", "import", str(path))
        assert result.exit_code == 2, result.output
        assert f"intervision: error: {path}: {expected}" in result.stderr
        assert "Traceback" not in result.output
    assert journal_rows(store) == []


def test_one_bad_member_of_six_leaves_no_group_behind(
    invoke: Invoke, store: Path, tmp_path: Path
) -> None:
    path = tmp_path / "zuid.toml"
    path.write_text(SIX, encoding="utf-8")
    refused = invoke("--lang", "en", "group", "import", str(path))
    assert refused.exit_code == 7
    [error, nothing] = refused.stderr.splitlines()
    assert nothing.startswith("Nothing was saved")
    assert error == (
        f"intervision: error: {path}: line 19, members[5].reports_to: reports to member 1 "
        "(line 4): intervision needs a group of equals, without a direct work or authority "
        'relation. If the group accepts it anyway, add relation_reason = "..." to one of them'
    )
    assert "Anna" not in error and "Eva" not in error
    assert journal_rows(store) == []
    assert json.loads(invoke("group", "list", "--json").stdout) == []

    path.write_text(
        SIX.replace(
            'reports_to = "Anna"\n', 'reports_to = "Anna"\nrelation_reason = "andere locatie"\n'
        ),
        encoding="utf-8",
    )
    accepted = invoke("group", "import", str(path))
    assert accepted.exit_code == 0, accepted.output
    assert "met 6 leden" in flat(accepted.stdout) and accepted.stderr == ""
    [group] = json.loads(invoke("group", "list", "--json").stdout)
    assert (group["id"], len(group["members"])) == ("wijkteam-zuid", 6)
    # One append for the group and all six members: one transaction, not seven.
    assert [row[1] for row in journal_rows(store)] == list(range(1, 8))


def test_the_same_name_twice_and_an_existing_group_are_refused(
    invoke: Invoke, store: Path, tmp_path: Path
) -> None:
    path = tmp_path / "dubbel.toml"
    path.write_text(
        'name = "Noord"\n\n[[members]]\nname = "Anna"\n\n[[members]]\nname = " anna "\n',
        encoding="utf-8",
    )
    twice = invoke("--lang", "nl", "group", "import", str(path))
    assert twice.exit_code == 7
    assert "regel 7, members[2].name: dezelfde naam als lid 1 (regel 3)" in twice.stderr
    assert journal_rows(store) == []

    invoke("group", "create", "Noord")
    before = journal_rows(store)
    path.write_text('name = "Noord"\n\n[[members]]\nname = "Bram"\n', encoding="utf-8")
    exists = invoke("--lang", "en", "group", "import", str(path))
    assert exists.exit_code == 7
    assert "a group 'noord' already exists; give the group in" in exists.stderr
    assert journal_rows(store) == before
    path.write_text(
        'name = "Noord"\nid = "noord-2"\n\n[[members]]\nname = "Bram"\n', encoding="utf-8"
    )
    other = invoke("--lang", "en", "group", "import", str(path))
    assert other.exit_code == 0 and "Group Noord (noord-2) is created" in flat(other.stdout)


def test_what_the_file_leaves_out_comes_from_the_language_and_the_defaults(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "klein.toml"
    path.write_text(
        'name = "Peer Group"\n\n[contract]\nattendance = "Tell Anna."\n'
        'material = "Only by telling it."\n\n[[members]]\nname = "Anna"\n',
        encoding="utf-8",
    )
    result = invoke("--lang", "en", "group", "import", str(path))
    assert result.exit_code == 0, result.output
    assert "works best with 3 to 8" in result.stderr
    shown = json.loads(invoke("group", "show", "peer-group", "--json").stdout)
    assert shown["lang"] == "en" and shown["guided_by"] is None
    assert shown["contract"]["attendance"] == "Tell Anna."
    assert shown["contract"]["confidentiality"].startswith("What we discuss here")
    assert shown["contract"]["material"] == "Only by telling it."
    assert shown["contract"]["working_time"].startswith("We meet in working time")
    assert shown["contract"]["consent_topics"] is False
    exported = invoke("group", "export", "peer-group").stdout
    assert 'material = "Only by telling it."' in exported
    assert 'working_time = "We meet in working time' in exported
