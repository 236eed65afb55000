"""Fuzzing ``intervision group import FILE``: random, mutated and broken group files.

Whatever the file holds, the command must end with a message and an exit code,
never a traceback; a file it refuses must leave the store exactly as it was; and
a file it accepts must give the group the file describes. A mutation known to
break the file must be refused with the field it broke named (issue #7).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st
from support import fuzz_settings, store_rows

from intervision.cli import main
from intervision.engine import Text, clean_name, lookalike_pairs, name_key, slug

#: The group every fuzzed import meets in the store, so a name can collide with it.
EXISTING = "Bestaande Groep"

#: Any character a text may hold: no control characters (those are refused, below).
printable = st.characters(blacklist_categories=("Cc", "Cs"))
#: Any character a name may hold: no control, format, unassigned or private character.
in_names = st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
names = st.text(in_names, min_size=1, max_size=30).filter(lambda s: s.strip() != "")
texts = st.text(printable, max_size=60).filter(lambda s: s.strip() != "")


def kept(name: str) -> str:
    """A name as the group keeps it: NFC, trimmed, one space between words."""
    return clean_name(name, Text(nl="naam", en="name"), limit=None)


wrong_values = st.one_of(
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(min_size=1, max_size=5), st.integers(), max_size=2),
    st.datetimes(),
)


@st.composite
def members(draw: st.DrawFn) -> list[dict[str, Any]]:
    chosen = draw(st.lists(names, max_size=9).filter(lambda found: not lookalike_pairs(found)))
    found: list[dict[str, Any]] = []
    for name in chosen:
        member: dict[str, Any] = {"name": name}
        if draw(st.booleans()):
            member["function"] = draw(names)  # one line, like a name
        if draw(st.booleans()):
            # Someone outside the group, or (with the reason the group records) a member.
            boss = draw(st.sampled_from([*chosen, "Mevrouw Buiten"]))
            member["reports_to"] = boss
            if name_key(boss) in {name_key(c) for c in chosen}:
                member["relation_reason"] = draw(texts)
        found.append(member)
    return found


@st.composite
def group_files(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {"name": draw(names)}
    if draw(st.booleans()):
        data["lang"] = draw(st.sampled_from(["nl", "en"]))
    if draw(st.booleans()):
        data["guided_by"] = draw(names)
    if draw(st.booleans()):
        data["contract"] = {
            "attendance": draw(texts),
            "consent_topics": draw(st.booleans()),
        }
    data["members"] = draw(members())
    return data


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("group-fuzz")
    store = folder / "store.sqlite3"
    created = CliRunner().invoke(main, ["--store", str(store), "group", "create", EXISTING])
    assert created.exit_code == 0, created.output
    yield store


class Run:
    """One import against a fresh copy of the template store."""

    def __init__(self, template: Path, content: bytes) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="group-fuzz-"))
        self.store = self.folder / "store.sqlite3"
        for part in template.parent.glob(template.name + "*"):
            shutil.copy(part, self.folder / part.name)
        self.path = self.folder / "group.toml"
        self.path.write_bytes(content)
        self.before = store_rows(self.store)
        self.result: Result = CliRunner().invoke(
            main, ["--lang", "en", "--store", str(self.store), "group", "import", str(self.path)]
        )

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def check_no_crash(self) -> None:
        result = self.result
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 2, 7), result.output

    def check_refused(self, code: int | None = None, naming: str | None = None) -> None:
        result = self.result
        assert result.exit_code != 0, result.output
        if code is not None:
            assert result.exit_code == code, result.output
        assert store_rows(self.store) == self.before
        first = result.stderr.splitlines()[0]
        assert first.startswith("intervision: error: "), result.stderr
        if naming is not None:
            assert naming in result.stderr, result.stderr

    def group(self, group_id: str) -> dict[str, Any]:
        import json

        shown = CliRunner().invoke(
            main, ["--store", str(self.store), "group", "show", group_id, "--json"]
        )
        assert shown.exit_code == 0, shown.output
        data: dict[str, Any] = json.loads(shown.stdout)
        return data


def run(template: Path, content: bytes) -> Run:
    return Run(template, content)


@fuzz_settings(quick=20, full=300)
@given(data=group_files())
def test_a_valid_group_file_gives_the_group_it_describes(
    template: Path, data: dict[str, Any]
) -> None:
    attempt = run(template, tomli_w.dumps(data).encode())
    try:
        attempt.check_no_crash()
        if slug(data["name"]) == slug(EXISTING):
            attempt.check_refused(7, naming="already exists")
            return
        assert attempt.result.exit_code == 0, attempt.result.output
        group = attempt.group(slug(data["name"]) or "group")
        assert [m["name"] for m in group["members"]] == [kept(m["name"]) for m in data["members"]]
        assert group["name"] == kept(data["name"])
        assert group["guided_by"] == (kept(data["guided_by"]) if "guided_by" in data else None)
    finally:
        attempt.close()


def shown(key: str) -> str:
    """How a message shows a key: one that would break the line, quoted."""
    return key if key.isprintable() else repr(key)


@st.composite
def broken_files(draw: st.DrawFn) -> tuple[dict[str, Any], str, int]:
    """A valid file with one thing broken: the data, the field it names, the exit code."""
    data = draw(group_files().filter(lambda d: slug(d["name"]) != slug(EXISTING)))
    people = data["members"]
    how = draw(
        st.sampled_from(
            [
                "wrong_type",
                "missing",
                "unknown_key",
                "huge",
                "twice",
                "relation",
                "lang",
                "control",
            ]
        )
    )
    if how in ("missing", "twice", "relation") and not people:
        how = "unknown_key"
    if how == "wrong_type":
        field = draw(st.sampled_from(["name", "lang", "guided_by", "contract", "members", "id"]))
        data[field] = draw(
            wrong_values.filter(lambda v: not isinstance(v, dict) or field != "contract")
        )
        return data, field, 2
    if how == "missing":
        n = draw(st.integers(0, len(people) - 1))
        del people[n]["name"]
        return data, f"members[{n + 1}].name", 2
    if how == "unknown_key":
        key = draw(st.sampled_from(["naam", "Name", "members_", "taal", "id_", "a\nb"]))
        if people and draw(st.booleans()):
            n = draw(st.integers(0, len(people) - 1))
            people[n][key] = draw(texts)
            return data, f"members[{n + 1}].{shown(key)}", 2
        data[key] = draw(texts)
        return data, shown(key), 2
    if how == "huge":
        size = draw(st.sampled_from([101, 5_000, 300_000]))
        data["name"] = "x" * size
        # Beyond the file limit no field is read at all: the message says the size.
        return data, "name" if size < 100_000 else "kB", 2
    if how == "twice":
        n = draw(st.integers(0, len(people) - 1))
        copy = dict(people[n])
        # The same name as the group file compares them (casefold, trimmed); upper()
        # is not always that: "ı".upper() is "I", which casefolds to "i".
        same = [copy["name"].upper(), f"  {copy['name']} "]
        folded = copy["name"].strip().casefold()
        copy["name"] = draw(st.sampled_from([n for n in same if n.strip().casefold() == folded]))
        copy.pop("relation_reason", None)
        copy.pop("reports_to", None)
        people.append(copy)
        return data, f"members[{len(people)}].name", 7
    if how == "relation":
        if len(people) < 2:
            people.append({"name": people[0]["name"] + " Twee"})
        for member in people:
            member.pop("relation_reason", None)
            member.pop("reports_to", None)
        people[-1]["reports_to"] = people[0]["name"]
        return data, f"members[{len(people)}].reports_to", 7
    if how == "control":
        # Control characters, a bidirectional override, a zero-width space.
        hidden = draw(st.sampled_from(["\x00", "\x1f", "\x1b[31m", "\r", "\u202e", "\u200b"]))
        data["guided_by"] = "Els" + hidden + "x"
        return data, "guided_by", 2
    data["lang"] = draw(st.sampled_from(["NL", "de", "", "nederlands"]))
    return data, "lang", 2


@fuzz_settings(quick=40, full=500)
@given(case=broken_files())
def test_a_broken_group_file_is_refused_naming_the_field_and_writes_nothing(
    template: Path, case: tuple[dict[str, Any], str, int]
) -> None:
    data, field, code = case
    attempt = run(template, tomli_w.dumps(data).encode())
    try:
        attempt.check_no_crash()
        attempt.check_refused(code, naming=field)
    finally:
        attempt.close()


@st.composite
def mangled_bytes(draw: st.DrawFn) -> bytes:
    """A valid file's bytes, then cut, spliced, flipped or sprinkled with invalid UTF-8."""
    content = bytearray(tomli_w.dumps(draw(group_files())).encode())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(content)))
        how = draw(st.sampled_from(["cut", "insert", "flip", "bad_utf8", "duplicate"]))
        if how == "cut":
            del content[at:]
        elif how == "insert":
            content[at:at] = draw(
                st.sampled_from([b"[[members]]\n", b"=", b'"', b"\n[contract]\n", b"name = 1\n"])
            )
        elif how == "flip" and content:
            i = min(at, len(content) - 1)
            content[i] = draw(st.integers(0, 255))
        elif how == "bad_utf8":
            content[at:at] = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80\x80"]))
        else:
            line_end = content.find(b"\n", at)
            line_start = content.rfind(b"\n", 0, at) + 1
            if line_end > 0:
                content[line_end:line_end] = b"\n" + content[line_start:line_end]
    return bytes(content)


@fuzz_settings(quick=40, full=600)
@given(content=st.one_of(mangled_bytes(), st.binary(max_size=300)))
def test_any_bytes_end_in_a_message_or_a_group_never_a_traceback(
    template: Path, content: bytes
) -> None:
    attempt = run(template, content)
    try:
        attempt.check_no_crash()
        if attempt.result.exit_code != 0:
            attempt.check_refused()
            assert str(attempt.path) in attempt.result.stderr.splitlines()[0]
        else:
            assert len(store_rows(attempt.store)) > len(attempt.before)
    finally:
        attempt.close()
