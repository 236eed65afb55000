"""``intervision run --plain`` at a real terminal: a pseudo-terminal, the installed script,
fast time.

CliRunner and a pipe never show what a facilitator sees at a terminal: the phase
screen drawn for a TTY, the timebox warning that comes by itself while the prompt
waits, colour (or none with ``NO_COLOR``). Here the console script runs on a pty
(tests/terminal.py) in plain mode, the scrolling text without the live region, as a
screen reader user would have it; tests/cli/test_pty_cockpit.py runs the cockpit.

``INTERVISION_TIME_SCALE=600`` makes ten minutes pass in a real second, so the
50-minute incident method takes a few real seconds. Every read has a timeout and
the child is killed at the end whatever happens: a broken prompt fails the test,
it never hangs it.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from terminal import BIN, READ_TIMEOUT, Terminal, env, terminal

pytestmark = pytest.mark.slow

__all__ = ["terminal"]  # the fixture, for pytest

MEMBERS = ["--members", "Anna,Bram,Carla,Dirk", "--facilitator", "Anna"]
WARNING = "De tijd voor deze fase is om"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _to_the_method(term: Terminal) -> None:
    """The frame up to the first phase of the incident method, with Bram's case."""
    term.answer("Enter om te beginnen", "")
    term.answer("Anna, je leervraag", "")
    term.answer("Bram, je leervraag", "hoe ga ik om met een boze ouder?")
    term.answer("Carla, je leervraag", "")
    term.answer("Dirk, je leervraag", "")
    term.answer("Welke leervraag bespreken jullie?", "1")
    term.answer("Stemt Bram in?", "")
    term.answer("Welke methode?", "incident")
    term.answer("Stemt Bram in met de Incidentmethode?", "")


def test_a_whole_meeting_at_a_terminal_with_the_timebox_running(
    tmp_path: Path, terminal: type[Terminal]
) -> None:
    store = tmp_path / "meetings.sqlite3"
    term = terminal(
        ["--store", str(store), "run", "--plain", *MEMBERS, "--lang", "nl"], env(NO_COLOR="1")
    )
    _to_the_method(term)

    first = term.expect("Typ 'hulp' voor de commando's.\n> ")
    assert "Fase 1/5 · Situatieschets · 5 min" in first
    assert re.search(r"Tijd: (nog )?\d\d:\d\d", first), first
    assert "█" in first or "░" in first  # the timebox bar
    term.send("Bram: s: de situatie")
    term.answer("C1 vastgelegd.\n> ", "verder")

    # Phase 2 has 15 minutes: 1.5 real seconds. Wait at its prompt without typing.
    second = term.expect("Typ 'hulp' voor de commando's.\n> ")
    assert "Fase 2/5 · Informatieve vragen · 15 min" in second
    assert WARNING not in second.split("Fase 2/5", 1)[1]  # (phase 1 may have rung before)
    waited = term.idle(2.5)
    assert WARNING in waited, waited  # by itself, while nobody typed
    assert waited.count(WARNING) == 1  # once, not at every tick
    assert waited.endswith("\n> "), waited  # and the prompt again after it
    assert "over de tijd" in waited

    term.send("tijd")  # the timebox on demand
    shown = term.expect("> ")
    assert "over de tijd" in shown and WARNING in shown
    term.send("verleng 5")
    assert "van 20 min" in term.expect("> ")
    term.send("Carla: q: wat zei de ouder precies?")
    term.answer("C2 vastgelegd.\n> ", "Bram r dat hij boos was")
    term.answer("C3 vastgelegd.\n> ", "verder")
    term.answer("Fase 3/5", "Dirk: an: een analyse")
    term.answer("C4 vastgelegd.\n> ", "verder")
    term.answer("Fase 4/5", "Carla: ad: een advies")
    term.answer("C5 vastgelegd.\n> ", "verder")
    term.answer("Fase 5/5", "besluit ik probeer het advies #C5")
    term.answer("Besluit vastgelegd.\n> ", "verder")
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        term.answer(f"{name}, wat herkende en leerde je?", f"herkenning van {name}")
    term.answer("Evaluatie:", "goed gegaan")
    term.answer("Evaluatie:", "")
    term.expect("De bijeenkomst is afgesloten.")
    assert term.process.wait(timeout=READ_TIMEOUT) == 0
    term.idle(0.2)

    screen = term.output
    assert "\x1b[" not in screen  # NO_COLOR: no colour, no escape codes at all
    assert "Traceback" not in screen
    too_long = [line for line in screen.split("\n") if len(line) > 80]
    assert not too_long, too_long
    listed = subprocess.run(
        [str(BIN / "intervision"), "--store", str(store), "meetings", "--json"],
        capture_output=True,
        text=True,
        env=env(),
        timeout=60,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    meetings = json.loads(listed.stdout)
    assert len(meetings) == 1 and meetings[0]["closed"] is True


def test_a_terminal_gets_colour_unless_no_color(tmp_path: Path, terminal: type[Terminal]) -> None:
    store = tmp_path / "meetings.sqlite3"
    term = terminal(["--store", str(store), "run", "--plain", *MEMBERS, "--lang", "nl"], env())
    _to_the_method(term)
    screen = term.expect("> ")
    term.send("pauze")
    term.expect("intervision run --resume")
    assert term.process.wait(timeout=READ_TIMEOUT) == 0
    assert ANSI.search(screen), screen
    plain = ANSI.sub("", screen)
    assert "Fase 1/5 · Situatieschets · 5 min" in plain
    assert re.search(r"Tijd: nog \d\d:\d\d", plain), plain
