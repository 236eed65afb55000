"""The benchmarks still run (issues #8, #15): quick mode, every figure printed, no timing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIGURES = (
    "startup.help",
    "startup.methods",
    "startup.methods_cold",
    "command.memory",
    "command.sqlite",
    "command.sqlite_cpu",
    "memory.meeting",
    "memory.meeting_text",
    "memory.gc",
    "resume.sqlite",
    "discovery.plugins",
    "oneshot.stack",
    "oneshot.status",
    "oneshot.do",
    "memory.host",
    "live.pg",
    "live.sqlite",
    "outage.pg",
    "growth.meetings",
    "growth.group_show",
    "growth.status_opening",
    "growth.status_case_choice",
    "growth.status_method",
    "growth.report",
    "growth.history",
    "growth.pg_history",
    "growth.pg_history_largest",
    "board.tap_p50",
    "board.tap_p99",
    "board.first_load",
    "board.join",
)


@pytest.mark.slow
def test_quick_benchmarks_run_and_print_every_figure() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    for name in FIGURES:
        assert any(line.startswith(f"{name} ") for line in lines), f"{name} not printed"
