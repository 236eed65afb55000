"""Confidentiality through the command line: whole meetings by `meeting do`, logs at -vv.

A group imported from a file, three meetings (the incident method, Balint with
its written-first round, and the contrib IMI method with consensus) driven one
`meeting do` at a time with every text planted, with refused lines among them.
Nothing planted may reach a log line (stderr at debug level), a JSON error,
`meeting status --json`, or the organisation report in either format; no member
name may reach the logs or the organisation report (issue #7).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

Invoke = Callable[..., Result]

MARK = "GEHEIM"
NAMES = [
    "Annegeheim Vos",
    "Brambeveiligd Ek",
    "Carlaverborgen Lind",
    "Dirkdiscreet Mol",
    "Evaprivee Stam",
]


def names_in(text: str) -> list[str]:
    words = {part.casefold() for name in NAMES for part in name.split()}
    return sorted({w for w in words if re.search(rf"\b{re.escape(w)}\b", text.casefold())})


class Session:
    """Runs commands with logs at debug level and keeps everything that left the group."""

    def __init__(self, invoke: Invoke) -> None:
        self.invoke = invoke
        self.numbers = count(1)
        self.logs: list[str] = []
        self.errors: list[dict[str, Any]] = []
        self.statuses: list[str] = []
        self.planted = 0

    def mark(self, text: str = "") -> str:
        self.planted += 1
        return f"{MARK}{next(self.numbers):04d} {text}".strip()

    def run(self, *args: str) -> Result:
        result = self.invoke("-vv", *args)
        assert result.exception is None or isinstance(result.exception, SystemExit)
        self.logs.append(result.stderr)
        return result

    def do(self, meeting_id: str, line: str) -> dict[str, Any]:
        result = self.run("meeting", "do", meeting_id, line, "--json")
        answer: dict[str, Any] = json.loads(result.stdout)
        if not answer["ok"]:
            assert result.exit_code in (2, 4), result.output
            self.errors.append(answer)
        status = self.run("meeting", "status", meeting_id, "--json")
        self.statuses.append(status.stdout)
        return answer

    def status(self, meeting_id: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(
            self.run("meeting", "status", meeting_id, "--json").stdout
        )
        return data

    def meeting(self, method: str, inbrenger: str) -> str:
        started = self.run(
            "meeting", "start", "--group", "wijkteam-geheim", "--facilitator", NAMES[0], "--json"
        )
        assert started.exit_code == 0, started.output
        meeting_id: str = json.loads(started.stdout)["meeting_id"]
        self.do(meeting_id, "next")
        for name in NAMES:
            self.do(meeting_id, f"leervraag {name}: {self.mark('mijn leervraag')}")
        self.do(meeting_id, "next")
        self.do(meeting_id, f"case {inbrenger}")
        assert self.do(meeting_id, f"method {method}")["ok"]
        self.phases(meeting_id)
        self.do(meeting_id, "next")  # no second case
        for name in NAMES:
            self.do(meeting_id, f"{name}: recognition: {self.mark('herkenbaar')}")
        self.do(meeting_id, "next")
        self.do(meeting_id, f"{NAMES[2]}: learning_point: {self.mark('geleerd')}")
        self.do(meeting_id, f"close {self.mark('klaar')}")
        assert self.status(meeting_id)["closed"] is True
        return meeting_id

    def phases(self, meeting_id: str) -> None:
        """Every phase: whatever each member may say, refused lines, then on."""
        for _ in range(40):
            status = self.status(meeting_id)
            if status["frame"] != "method":
                return
            for name, kinds in status["may_contribute"].items():
                for kind in kinds:
                    self.do(meeting_id, f"{name}: {kind}: {self.mark(kind)}")
            # Lines that are refused here, carrying case text.
            self.do(meeting_id, f"{NAMES[3]}: advice: {self.mark('te vroeg')}")
            self.do(meeting_id, f"Zed: question: {self.mark('wie ben ik')}")
            self.do(meeting_id, f"{NAMES[1]}: fantasie: {self.mark('geen soort')}")
            self.do(meeting_id, "reveal")
            self.do(meeting_id, f"consensus {self.mark('we zijn het eens')}")
            self.do(meeting_id, f"decide {self.mark('ik neem mee')} #C2")
            self.do(meeting_id, f"decide {self.mark('ik neem dit mee')}")
            self.do(meeting_id, f"inbrenger {NAMES[4]}")
            self.do(meeting_id, "next")
        pytest.fail(f"the meeting did not get through its method: {status}")


@pytest.fixture
def session(invoke: Invoke, tmp_path: Path) -> Session:
    members = "".join(f'\n[[members]]\nname = "{name}"\n' for name in NAMES)
    path = tmp_path / "geheim.toml"
    path.write_text(f'name = "Wijkteam Geheim"\nlang = "nl"\n{members}', encoding="utf-8")
    session = Session(invoke)
    imported = session.run("group", "import", str(path))
    assert imported.exit_code == 0, imported.output
    return session


@pytest.mark.slow
def test_meetings_by_script_leak_nothing_outside_the_group(session: Session) -> None:
    held = [
        session.meeting("incident", NAMES[1]),
        session.meeting("balint", NAMES[2]),
        session.meeting("imi", NAMES[3]),
    ]
    assert session.planted > 60 and len(session.errors) > 20
    # The control: the members' report of each meeting holds what was said.
    for meeting_id in held:
        inside = session.run("report", meeting_id).stdout
        assert inside.count(MARK) > 5, inside

    logs = "\n".join(session.logs)
    assert "command_accepted" in logs and "command_refused" in logs  # debug logs were on
    assert MARK not in logs
    assert names_in(logs) == []
    for error in session.errors:
        assert MARK not in json.dumps(error, ensure_ascii=False), error
    for status in session.statuses:
        assert MARK not in status
    for fmt in ("markdown", "html"):
        report = session.run("report", "wijkteam-geheim", "--for", "organisation", "--format", fmt)
        assert report.exit_code == 0, report.output
        assert "3" in report.stdout and MARK not in report.stdout
        assert names_in(report.stdout) == [], fmt
        accreditation = session.run(
            "report", "wijkteam-geheim", "--for", "accreditation", "--format", fmt
        )
        assert MARK not in accreditation.stdout
