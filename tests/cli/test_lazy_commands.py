"""``intervision --help`` lists the commands without importing them, and says the same.

The group keeps a table of each command's short help (``cli/main.py``, ``COMMANDS``)
so that the listing needs no command module; these tests keep that table equal to the
commands themselves, so adding or rewording a command cannot make ``--help`` lie.
"""

from __future__ import annotations

import os

import click
import pytest
from click.testing import CliRunner
from fresh_process import main_in_a_fresh_process

from intervision.cli.lazy import LazyGroup
from intervision.cli.main import COMMANDS, main


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("limit", [20, 45, 74, 1000])
def test_the_table_gives_each_command_its_own_short_help(name: str, limit: int) -> None:
    command = COMMANDS[name].load()
    stand_in = click.Command(name, help=COMMANDS[name].short_help)
    assert command.name == name
    assert stand_in.get_short_help_str(limit) == command.get_short_help_str(limit)
    assert not command.hidden and not command.deprecated


def _fresh_group() -> LazyGroup:
    """The real group's options and callback, with no command loaded yet."""
    return LazyGroup(
        name="intervision",
        params=main.params,
        callback=main.callback,
        help=main.help,
        lazy=COMMANDS,
        context_settings=main.context_settings,
    )


@pytest.mark.parametrize("width", [60, 80, 120])
def test_help_reads_the_same_before_and_after_the_commands_load(width: int) -> None:
    lazy = _fresh_group()
    loaded = click.Group(
        name="intervision",
        params=main.params,
        callback=main.callback,
        help=main.help,
        commands={name: entry.load() for name, entry in COMMANDS.items()},
        context_settings=main.context_settings,
    )
    runner = CliRunner()
    before = runner.invoke(lazy, ["--help"], terminal_width=width)
    after = runner.invoke(loaded, ["--help"], terminal_width=width)
    assert before.exit_code == after.exit_code == 0
    assert before.output == after.output
    assert "run " in before.output and "new-method" in before.output


def test_a_command_runs_from_the_table_and_stays_loaded() -> None:
    group = _fresh_group()
    result = CliRunner().invoke(group, ["meetings", "--help"])
    assert result.exit_code == 0, result.output
    assert "List the meetings in the store, newest first" in result.output
    assert "meetings" in group.commands


def test_an_unknown_command_is_still_a_usage_error() -> None:
    result = CliRunner().invoke(_fresh_group(), ["meting"])
    assert result.exit_code == 2
    assert "No such command 'meting'" in result.output


@pytest.mark.slow
def test_help_imports_no_command_module() -> None:
    result = main_in_a_fresh_process(
        ["--help"],
        after="print(sorted(m for m in sys.modules if m.startswith('intervision.cli.')))\n",
    )
    loaded = result.stdout.strip().splitlines()[-1]
    # click's own words in the user's language come along: --help says them; and the
    # few lines that keep the garbage collector out of a command's start
    assert loaded == (
        "['intervision.cli.click_words', 'intervision.cli.collector', 'intervision.cli.lazy', "
        "'intervision.cli.main', 'intervision.cli.settings']"
    )


@pytest.mark.slow
@pytest.mark.parametrize("columns", ["60", "200", "", "x", "-3"])
def test_help_wraps_to_the_terminal_like_click_without_importing_shutil(columns: str) -> None:
    """``--help`` finds the terminal's width with ``os`` (shutil cost it a twentieth of
    its start), and must find the width click's own ``shutil`` lookup would."""
    result = main_in_a_fresh_process(
        ["--help"],
        before="from intervision.cli.lazy import terminal_columns\n",
        after=(
            "print('shutil' in sys.modules)\n"
            "import shutil\n"
            "print(terminal_columns(), shutil.get_terminal_size().columns)\n"
        ),
        env={**os.environ, "COLUMNS": columns},
    )
    *help_lines, imported, sizes = result.stdout.splitlines()
    assert imported == "False"
    ours, theirs = sizes.split()
    assert ours == theirs
    width = max(min(int(ours), 80) - 2, 50)
    assert max(len(line) for line in help_lines) <= width
    assert any(len(line) > width - 12 for line in help_lines)  # it does use the width
