"""The garbage collector waits while a command starts, and runs again for its work.

Only the console script's way in pauses it (a process of its own); what matters to a
user is that it always comes back: a long ``intervision run`` or ``board`` must not
run without it, whatever the command did or raised.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fresh_process import main_in_a_fresh_process

from intervision.cli import main
from intervision.cli.collector import paused_while_starting, started
from intervision.cli.settings import Settings


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    """Whatever a test froze is unfrozen, and the collector is on again after it."""
    was = gc.isenabled()
    yield
    gc.unfreeze()
    if was:
        gc.enable()


def test_the_collector_runs_again_once_the_command_has_its_registry() -> None:
    with paused_while_starting():
        assert not gc.isenabled()
        Settings("en", False, None, 0).registry()
        assert gc.isenabled()  # the command's own work is collected as usual
        assert gc.get_freeze_count() > 0  # what the start built is kept out of sight
    assert gc.isenabled()


def test_a_command_without_a_registry_or_one_that_fails_gets_it_back_at_its_end() -> None:
    with pytest.raises(SystemExit), paused_while_starting():
        assert not gc.isenabled()
        raise SystemExit(2)
    assert gc.isenabled()


def test_a_caller_that_had_turned_it_off_keeps_it_off_and_nothing_is_frozen() -> None:
    gc.disable()
    with paused_while_starting():
        started()
        assert not gc.isenabled()
    assert not gc.isenabled() and gc.get_freeze_count() == 0


def test_a_command_run_in_the_callers_process_leaves_the_collector_alone(store: Path) -> None:
    result = CliRunner().invoke(main, ["--store", str(store), "methods", "--json"])
    assert result.exit_code == 0, result.output
    assert gc.isenabled() and gc.get_freeze_count() == 0


@pytest.mark.slow
def test_the_console_script_starts_with_it_paused_and_works_with_it_on(store: Path) -> None:
    result = main_in_a_fresh_process(
        ["--store", str(store), "meetings", "--json"],
        before=(
            "import gc\n"
            "from intervision.cli import settings\n"
            "seen = []\n"
            "registry = settings.Settings.registry\n"
            "def watched(self):\n"
            "    seen.append(gc.isenabled())\n"
            "    return registry(self)\n"
            "settings.Settings.registry = watched\n"
        ),
        after="print(seen[0], gc.isenabled(), gc.get_freeze_count() > 0)\n",
    )
    *printed, states = result.stdout.splitlines()
    assert json.loads("\n".join(printed)) is not None
    assert states == "False True True"
