"""The README's table of exit codes, held command by command.

Each case runs one command into one outcome and checks the code the table gives
it; every command of ``intervision`` has its cases here (a new command fails the
coverage test until it gets some), and every code of the table is given by some
command. The codes a script cannot easily cause (a concurrent write, Ctrl-C) are
caused by replacing the one call that would meet them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from intervision.cli import main

Invoke = Callable[..., Result]
README = Path(__file__).parents[2] / "README.md"
MEMBERS = "Anna,Bram,Carla,Dirk"
PLAN = ("--meetings", "6", "--every", "8w", "--duration", "2h", "--start", "2026-01-12")

#: (the command, its arguments after ``intervision``, the code the table gives).
#: ``{meeting}`` is a meeting at its leervragen, of group ``noord``; ``{dir}`` a new folder.
CASES: list[tuple[str, tuple[str, ...], int]] = [
    ("board", ("board", "--members", "Anna"), 2),
    ("board", ("board", "--resume", "no-such-meeting"), 8),
    ("check", ("check", "incident"), 0),
    ("check", ("check", "{broken}"), 1),
    ("check", ("check", "no-such-method"), 2),
    ("group create", ("group", "create", "Zuid"), 0),
    ("group create", ("group", "create", "Noord"), 7),
    ("group add", ("group", "add", "noord", "Eva"), 0),
    ("group add", ("group", "add", "noord", "Anna"), 7),
    ("group add", ("group", "add", "zuid-oost", "Eva"), 8),
    ("group remove", ("group", "remove", "noord", "Zoë"), 7),
    ("group remove", ("group", "remove", "zuid-oost", "Anna"), 8),
    ("group list", ("group", "list"), 0),
    ("group show", ("group", "show", "noord"), 0),
    ("group show", ("group", "show", "zuid-oost"), 8),
    ("group import", ("group", "import", "{broken}"), 2),
    ("group export", ("group", "export", "zuid-oost"), 8),
    ("group contract", ("group", "contract", "zuid-oost"), 8),
    ("group guided", ("group", "guided", "noord", "--by", "X", "--self-run"), 2),
    ("group guided", ("group", "guided", "zuid-oost"), 8),
    ("group feedback", ("group", "feedback", "noord", "--on", "--off"), 2),
    ("group feedback", ("group", "feedback", "zuid-oost"), 8),
    ("key new", ("key", "new"), 0),
    ("key check", ("key", "check"), 6),
    ("meeting start", ("meeting", "start"), 2),
    ("meeting start", ("meeting", "start", "--group", "zuid-oost"), 8),
    ("meeting status", ("meeting", "status", "{meeting}"), 0),
    ("meeting status", ("meeting", "status", "no-such-meeting"), 8),
    ("meeting do", ("meeting", "do", "{meeting}", "pas", "Anna"), 0),
    ("meeting do", ("meeting", "do", "{meeting}", "verder"), 4),
    ("meeting do", ("meeting", "do", "{meeting}", "zomaar iets"), 2),
    ("meeting do", ("meeting", "do", "no-such-meeting", "verder"), 8),
    ("meetings", ("meetings",), 0),
    ("meetings", ("--store", "postgresql://u@127.0.0.1:1/x", "meetings"), 6),
    ("methods", ("methods",), 0),
    ("methods", ("methods", "--method-file", "{broken}"), 3),
    ("methods show", ("methods", "show", "incident", "--lang", "nl"), 0),
    ("methods show", ("methods", "show", "no-such-method"), 2),
    ("methods export", ("methods", "export", "no-such-method"), 2),
    ("new-method", ("new-method", "Bad Name!"), 2),
    ("plugins", ("plugins",), 0),
    ("recommend", ("recommend", "--size", "5"), 0),
    ("recommend", ("recommend", "--kind", "gossip"), 2),
    ("recommend", ("recommend", "--group", "zuid-oost"), 8),
    ("report", ("report", "{meeting}"), 0),
    ("report", ("report", "{meeting}", "--for", "organisation"), 2),
    ("report", ("report", "no-such-thing"), 8),
    ("run", ("run", "--variant", "x"), 2),
    ("run", ("run", "--resume", "no-such-meeting"), 8),
    ("run", ("run", "--members", MEMBERS, "--facilitator", "Anna"), 130),
    ("series plan", ("series", "plan", "noord", *PLAN), 0),
    ("series plan", ("series", "plan", "zuid-oost", *PLAN), 8),
    ("series show", ("series", "show", "zuid-oost"), 8),
    ("store check", ("store", "check"), 0),
    ("store check", ("--store", "postgresql://u@127.0.0.1:1/x", "store", "check"), 6),
    ("store rebuild", ("store", "rebuild"), 0),
    ("series method", ("series", "method", "noord", "incident"), 0),
    ("series method", ("series", "method", "noord", "bestaat-niet"), 2),
    ("series method", ("series", "method", "zuid-oost"), 8),
    ("meeting do", ("meeting", "do", "{meeting}", "pas", "Bram"), 5),
]


def _table() -> dict[int, str]:
    """The README's exit codes: code -> meaning."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### Exit codes", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    return {
        int(code): meaning for code, meaning in re.findall(r"^\| (\d+) \| (.+) \|$", section, re.M)
    }


def _leaf_commands(command: click.Command, ctx: click.Context, path: str = "") -> Iterator[str]:
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None
            yield from _leaf_commands(sub, ctx, f"{path} {name}".strip())
        if not path or not getattr(command, "invoke_without_command", False):
            return
    yield path


def test_every_command_has_its_cases_and_every_code_of_the_table_is_given() -> None:
    table = _table()
    assert set(table) == {0, 1, 2, 3, 4, 5, 6, 7, 8, 130}
    assert "not found" in table[8] and "refused" in table[4]
    with click.Context(main) as ctx:
        commands = set(_leaf_commands(main, ctx))
    assert commands == {name for name, _, _ in CASES}
    assert {code for _, _, code in CASES} == set(table)


@pytest.fixture
def world(invoke: Invoke, tmp_path: Path) -> dict[str, str]:
    """A group ``noord`` of four and a meeting of it at its leervragen."""
    assert invoke("group", "create", "Noord").exit_code == 0
    for name in MEMBERS.split(","):
        assert invoke("group", "add", "noord", name).exit_code == 0
    started = invoke("meeting", "start", "--group", "noord", "--facilitator", "Anna")
    meeting_id = started.stdout.strip()
    assert invoke("meeting", "do", meeting_id, "verder").exit_code == 0
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "broken"\nversion = 1\n', encoding="utf-8")
    return {"meeting": meeting_id, "broken": str(broken)}


@pytest.mark.parametrize(
    ("command", "args", "code"), CASES, ids=[f"{c}-{code}" for c, _, code in CASES]
)
def test_each_command_exits_with_the_code_of_the_table(
    command: str,
    args: tuple[str, ...],
    code: int,
    world: dict[str, str],
    store: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    filled = [a.format(**world) for a in args]
    if code == 3:
        monkeypatch.setenv("INTERVISION_STRICT_PLUGINS", "1")
    if code == 5:
        _someone_else_writes_first(monkeypatch)
    if code == 130:
        _ctrl_c_at_the_first_prompt(monkeypatch)
    if "--store" not in filled:
        filled = ["--store", str(store), *filled]
    result = CliRunner().invoke(main, filled, input="\n" * 3)
    assert result.exit_code == code, (filled, result.output)
    assert "Traceback" not in result.output
    if code not in (0, 1, 130):  # check's problems (1) are its output, on stdout
        assert result.stderr.strip() or '"ok": false' in result.stdout, result.output


def _someone_else_writes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    from intervision.engine import ConcurrencyError, Engine

    def execute(self: Engine, meeting_id: str, *args: object, **kwargs: object) -> None:
        raise ConcurrencyError(meeting_id, 3, 4)

    monkeypatch.setattr(Engine, "execute", execute)


def _ctrl_c_at_the_first_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    from intervision.cli import runner

    def ask(prompt: str) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "ask", ask)
