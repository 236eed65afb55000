"""Fuzzing the command line: random argument lists for the main commands.

A store holds a group, a meeting halfway through the incident method and a
closed one; hypothesis sends argument lists made of real command names, real
options, real ids and random text. Whatever comes in: no traceback, an exit code
from README's list, and when the command fails, a message and a store exactly
as it was (issue #7). Commands that succeed may write; that is their job.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import event, given
from hypothesis import strategies as st
from support import FACILITATOR, INBRENGER, fuzz_settings, store_rows, to_case_choice

from intervision.cli import main
from intervision.engine import Engine, load_registry
from intervision.engine.groups import groups_of
from intervision.engine.storage import SqliteJournal

#: README "Exit codes" (130, interrupted, cannot happen without a terminal).
EXIT_CODES = {0, 1, 2, 3, 4, 5, 6, 7, 8}

COMMANDS = [
    ["meetings"],
    ["meeting", "status"],
    ["meeting", "do"],
    ["meeting", "start"],
    ["group", "create"],
    ["group", "add"],
    ["group", "remove"],
    ["group", "list"],
    ["group", "show"],
    ["group", "contract"],
    ["group", "guided"],
    ["group", "import"],
    ["group", "export"],
    ["methods"],
    ["methods", "show"],
    ["methods", "export"],
    ["plugins"],
    ["check"],
    ["series", "plan"],
    ["series", "show"],
    ["recommend"],
    ["report"],
    [],
]
OPTIONS = [
    "--json",
    "--lang",
    "--group",
    "--members",
    "--present",
    "--facilitator",
    "--function",
    "--reports-to",
    "--reason",
    "--confidentiality",
    "--attendance",
    "--consent-topics",
    "--default",
    "--by",
    "--self-run",
    "--variant",
    "--diagram",
    "--id",
    "-o",
    "--meetings",
    "--every",
    "--duration",
    "--start",
    "--tz",
    "--ics",
    "--kind",
    "--size",
    "--minutes",
    "--experience",
    "--for",
    "--format",
    "--help",
]
WORDS = [
    "noord",
    "Noord",
    "anna",
    "Anna",
    "Bram",
    "Zed",
    "Anna,Bram,Carla",
    "Anna,,Anna",
    "incident",
    "balint",
    "gossip/no-such",
    "nl",
    "en",
    "de",
    "organisation",
    "accreditation",
    "html",
    "8w",
    "0w",
    "56d",
    "-1",
    "0",
    "99999999999",
    "2h",
    "1h30",
    "2026-01-12",
    "2026-02-30",
    "9999-12-31T23:59",
    "Europe/Amsterdam",
    "Mars/Olympus",
    "out.txt",
    "",
    " ",
    "-",
    "--",
    "next",
    "verder",
    "Carla: q: waarom?",
    "Bram: s: ik",
    "decide",
    "#C1",
    "close",
    "leervraag",
    "pass",
    "case",
    "method",
    "help",
    "skip",
    "extend",
    "loop",
    "consensus",
    "reveal",
]


class Store:
    """A template store, and the ids of what is in it."""

    def __init__(self, path: Path, open_id: str, closed_id: str) -> None:
        self.path = path
        self.open_id = open_id
        self.closed_id = closed_id


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("cli-fuzz") / "store.sqlite3"
    engine = Engine(SqliteJournal(path), load_registry(strict=True, user_methods=False))
    groups_of(engine).create("Noord", lang="nl")
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        groups_of(engine).add_member("noord", name)
    group = groups_of(engine).get("noord")
    meeting = engine.start_meeting(group, facilitator="Anna", lang="nl")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, "incident", inbrenger_agrees=True)
    meeting.contribute(INBRENGER, "statement", "wat er gebeurde")
    meeting.advance(FACILITATOR)
    meeting.contribute("carla", "question", "wanneer?")
    closed = engine.start_meeting(group, facilitator="Bram", lang="nl")
    closed.close("bram", reason="niemand had een casus")
    engine.close()
    yield Store(path, meeting.id, closed.id)


@st.composite
def argument_lists(draw: st.DrawFn, store: Store) -> list[str]:
    words = st.one_of(
        st.sampled_from([*WORDS, store.open_id, store.closed_id]),
        st.sampled_from(OPTIONS),
        st.text(max_size=12),
    )
    front: list[str] = []
    if draw(st.booleans()):
        front += ["--lang", draw(st.sampled_from(["nl", "en", "fr", ""]))]
    if draw(st.integers(0, 4)) == 0:
        front.append(draw(st.sampled_from(["-v", "-vv", "--builtin-only"])))
    command = draw(st.sampled_from(COMMANDS))
    # A command needs its id more often than chance gives it.
    if command[:2] in (["meeting", "status"], ["meeting", "do"], ["report"]) and draw(
        st.booleans()
    ):
        command = [*command, draw(st.sampled_from([store.open_id, store.closed_id, "noord"]))]
    return [*front, *command, *draw(st.lists(words, max_size=7))]


@st.composite
def well_formed(draw: st.DrawFn, store: Store) -> list[str]:
    """A real command with its options in place, and random or edge values in them."""
    text = st.text(max_size=40)
    number = st.one_of(
        st.sampled_from(["0", "-1", "1", "3", "52", "53", "99999999999999999999", "1e3", "2.5"]),
        st.integers(-(10**6), 10**6).map(str),
    )
    person = st.one_of(st.sampled_from(["Anna", "bram", "Zed", "", "Anna,Bram"]), text)
    group = st.one_of(st.sampled_from(["noord", "Noord", "zuid", ""]), text)
    meeting = st.one_of(st.sampled_from([store.open_id, store.closed_id, "noord", ""]), text)
    method = st.one_of(st.sampled_from(["incident", "balint", "gossip", "x", ""]), text)
    line = st.one_of(
        st.sampled_from(
            [
                "next",
                "Carla: q: waarom?",
                "Bram: r: omdat @C1",
                "Dirk: ad: bel haar",
                "decide neem C1 #C1",
                "decide C1=warm",
                "loop again",
                "consensus",
                "module x",
                "extend 5",
                "extend -5",
                "extend 999999999",
                "skip",
                "skip geen tijd",
                "close",
                "close klaar",
                "reveal",
                "leervraag Anna: hoe?",
                "pass Anna",
                "case Bram",
                "method incident/none",
                "help",
                "Zed: q: wie ben ik",
            ]
        ),
        text,
    )
    forms = [
        lambda: ["meeting", "do", draw(meeting), *draw(line).split(" "), "--json"],
        lambda: ["meeting", "do", draw(meeting), draw(line)],
        lambda: ["meeting", "status", draw(meeting), "--json"],
        lambda: ["meeting", "start", "--group", draw(group), "--present", draw(person)],
        lambda: ["meeting", "start", "--members", draw(person), "--facilitator", draw(person)],
        lambda: ["group", "create", draw(text), "--lang", draw(st.sampled_from(["nl", "en"]))],
        lambda: [
            "group",
            "add",
            draw(group),
            draw(person),
            "--function",
            draw(text),
            "--reports-to",
            draw(person),
            "--reason",
            draw(text),
        ],
        lambda: ["group", "remove", draw(group), draw(person)],
        lambda: [
            "group",
            "contract",
            draw(group),
            "--confidentiality",
            draw(text),
            "--attendance",
            draw(text),
        ],
        lambda: ["group", "guided", draw(group), "--by", draw(person)],
        lambda: ["group", "export", draw(group), "-o", draw(st.sampled_from(["g.toml", "."]))],
        lambda: [
            "series",
            "plan",
            draw(group),
            "--meetings",
            draw(number),
            "--every",
            draw(st.one_of(st.sampled_from(["8w", "56d", "0d", "-2w", "1y", "9999w"]), text)),
            "--duration",
            draw(st.one_of(st.sampled_from(["2h", "90m", "1h30", "0m", "25h", "-1h"]), text)),
            "--start",
            draw(
                st.one_of(
                    st.sampled_from(
                        ["2026-01-12", "2026-01-12T19:30", "0001-01-01", "9999-12-31", "2026-13-01"]
                    ),
                    text,
                )
            ),
            "--tz",
            draw(st.sampled_from(["Europe/Amsterdam", "UTC", "Mars/Olympus", "../etc/passwd"])),
        ],
        lambda: ["series", "show", draw(group), "--json", "--tz", draw(text)],
        lambda: [
            "recommend",
            "--size",
            draw(number),
            "--minutes",
            draw(number),
            "--group",
            draw(group),
            "--json",
        ],
        lambda: [
            "report",
            draw(st.one_of(meeting, group)),
            "--for",
            draw(st.sampled_from(["organisation", "accreditation"])),
            "--format",
            draw(st.sampled_from(["markdown", "html"])),
        ],
        lambda: ["report", draw(meeting), "-o", "report.md"],
        lambda: ["methods", "show", draw(method), "--variant", draw(text), "--json"],
        lambda: ["methods", "export", draw(method), "--id", draw(text), "--variant", draw(text)],
        lambda: ["check", draw(method)],
    ]
    return draw(st.sampled_from(forms))()


def run_arguments(template: Store, args: list[str]) -> None:
    """One command on a fresh copy of the template store, and what must hold after it."""
    folder = Path(tempfile.mkdtemp(prefix="cli-fuzz-"))
    try:
        store = folder / "store.sqlite3"
        for part in template.path.parent.glob(template.path.name + "*"):
            shutil.copy(part, folder / part.name)
        before = store_rows(store)
        runner = CliRunner(env={"INTERVISION_LANG": "", "INTERVISION_STORE": str(store)})
        with contextlib.chdir(folder):
            result = runner.invoke(main, ["--store", str(store), *args])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{args!r}: {result.exception!r}"
        )
        assert "Traceback" not in result.output, args
        assert result.exit_code in EXIT_CODES, (args, result.exit_code, result.output)
        event(f"exit {result.exit_code}")
        if result.exit_code != 0:
            assert store_rows(store) == before, f"{args!r} failed but wrote: {result.output}"
            said = result.stderr.strip() or result.stdout.strip()
            assert said, f"{args!r} failed without a word"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@fuzz_settings(quick=60, full=1500)
@given(data=st.data())
def test_random_arguments_end_in_a_message_and_an_exit_code_never_a_traceback(
    template: Store, data: st.DataObject
) -> None:
    run_arguments(template, data.draw(argument_lists(template)))


@fuzz_settings(quick=60, full=1500)
@given(data=st.data())
def test_real_commands_with_odd_values_never_crash_and_write_only_on_success(
    template: Store, data: st.DataObject
) -> None:
    run_arguments(template, data.draw(well_formed(template)))
