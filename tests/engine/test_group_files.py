"""Group files in the engine: validated as a whole, written in one append."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from intervision.engine import MemoryJournal
from intervision.engine.core import events as ev
from intervision.engine.groups.book import GroupBook
from intervision.engine.groups.file import GroupFile, GroupFileError, dump_group, read_group_file


def clock() -> datetime:
    return datetime(2026, 1, 12, 9, 0, tzinfo=UTC)


class CountingJournal(MemoryJournal):
    """Counts appends: a group import must be one transaction, however many members."""

    def __init__(self) -> None:
        super().__init__()
        self.appends: list[tuple[str, int, int]] = []

    def append(self, meeting_id: str, expected_version: int, events: list[ev.Event]) -> int:
        self.appends.append((meeting_id, expected_version, len(events)))
        return super().append(meeting_id, expected_version, events)


def test_a_whole_group_is_one_append_and_reads_back_the_same() -> None:
    journal = CountingJournal()
    book = GroupBook(journal, clock)
    file = GroupFile.model_validate(
        {
            "name": "Wijkteam Noord",
            "lang": "nl",
            "guided_by": "Els",
            "members": [{"name": n} for n in ("Anna", "Bram", "Carla", "Dirk", "Eva", "Fleur")],
        }
    )
    group, warnings = book.import_group(file)
    assert journal.appends == [("group:wijkteam-noord", 0, 8)]
    assert warnings == []
    assert book.get("wijkteam-noord") == group
    assert group.guided_by == "Els" and len(group.members) == 6
    assert "blijft in de groep" in group.contract.confidentiality


def test_a_refused_import_through_the_api_writes_nothing_and_names_no_member() -> None:
    journal = CountingJournal()
    book = GroupBook(journal, clock)
    file = GroupFile.model_validate(
        {
            "name": "Noord",
            "members": [
                {"name": "Anna Geheim"},
                {"name": "Bram Geheim", "reports_to": "anna geheim"},
                {"name": "ANNA GEHEIM"},
            ],
        }
    )
    with pytest.raises(GroupFileError) as info:
        book.import_group(file, path="noord.toml")
    assert info.value.exit_code == 7
    assert [p.field for p in info.value.problems] == ["members[3].name", "members[2].reports_to"]
    assert "Geheim".casefold() not in str(info.value).casefold()
    assert journal.appends == []


def test_export_writes_what_import_reads(tmp_path: Path) -> None:
    book = GroupBook(MemoryJournal(), clock)
    book.create("Peer Group", lang="en")
    book.add_member("peer-group", 'Zoë "Z" O\'Neil', function="GP & trainer")
    book.add_member(
        "peer-group", "Yusuf", reports_to='Zoë "Z" O\'Neil', relation_reason="two\nlines"
    )
    original = book.get("peer-group")
    path = tmp_path / "peer.toml"
    path.write_text(dump_group(original), encoding="utf-8")
    copy, _ = GroupBook(MemoryJournal(), clock).import_group(read_group_file(path))
    assert list(copy.members.values()) == list(original.members.values())
    assert (copy.name, copy.id, copy.lang, copy.contract) == (
        original.name,
        original.id,
        original.lang,
        original.contract,
    )


def test_fields_of_inline_tables_fall_back_to_the_line_of_their_list(tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    path.write_text('name = "Noord"\n\nmembers = [\n  { name = "" },\n]\n', encoding="utf-8")
    with pytest.raises(GroupFileError) as info:
        read_group_file(path)
    [problem] = info.value.problems
    assert (problem.line, problem.field) == (3, "members[1].name")
    assert info.value.lines("nl") == [f"{path}: regel 3, members[1].name: mag niet leeg zijn"]
