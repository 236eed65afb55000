"""The cockpit at a real 80x24 terminal: what stays in view while the meeting scrolls.

The screen is read through a terminal emulator (tests/terminal.py), as a person
sees it: the region below the prompt is redrawn in place, so only the emulator's
24 lines tell whether the phase, the people and the timer are still in view after
twenty contributions, and after a resume in a new terminal.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from terminal import Terminal, env, terminal

pytestmark = pytest.mark.slow

__all__ = ["terminal"]  # the fixture, for pytest

MEMBERS = ["--members", "Anna,Bram,Carla,Dirk", "--facilitator", "Anna"]
HEADER = "── Incidentmethode · Fase 2/5 · Informatieve vragen"
TIMER = re.compile(r"Tijd: nog (\d\d:\d\d)")
#: An SGR sequence that sets a colour (foreground or background, any depth).
COLOUR = re.compile(r"\x1b\[(?:\d+;)*(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;\d+)*m")


def _to_the_questions(term: Terminal) -> None:
    for prompt, line in [
        ("Enter om te beginnen", ""),
        ("Anna, je leervraag", ""),
        ("Bram, je leervraag", "hoe ga ik om met een boze ouder?"),
        ("Carla, je leervraag", ""),
        ("Dirk, je leervraag", ""),
        ("Welke leervraag bespreken jullie?", "1"),
        ("Stemt Bram in?", ""),
        ("Welke methode?", "incident"),
        ("Stemt Bram in met de Incidentmethode?", ""),
    ]:
        term.on_screen(prompt)
        term.type(line)
    term.on_screen("Fase 1/5 · Situatieschets")
    term.type("Bram: u: de situatie")
    term.on_screen("C1 vastgelegd.")
    term.type("verder")
    term.on_screen(HEADER)


def _timer(screen: str) -> str:
    """The clock in the region: the last one on the screen (a redrawn phase screen above
    it has one of its own, standing still)."""
    found = TIMER.findall(screen)
    assert found, screen
    return str(found[-1])


def _region(screen: str) -> str:
    """From the last phase header down: the region, or nothing while no header is in view."""
    lines = screen.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith(HEADER)]
    return "\n".join(lines[starts[-1] :]) if starts else ""


def _drawn(term: Terminal) -> str:
    """Wait until the region is drawn down to its clock; return the screen.

    The region arrives in pieces, and a phase screen redrawn above it has a clock of its
    own, so seeing "Tijd: nog" somewhere does not mean the region is complete.
    """
    return term.until(lambda screen: bool(TIMER.search(_region(screen))), "the region's clock")


def _in_view(screen: str) -> None:
    """The region: where the meeting is, each person once with their roles, the timer."""
    region = _region(screen)
    assert region, screen
    assert re.search(r"Anna\s+begeleider, deelnemer\s+vraag \(v\), notitie \(n\)", region)
    assert re.search(r"Bram\s+inbrenger\s+reactie \(r\)", region)
    assert sum(line.lstrip().startswith("Anna ") for line in region.split("\n")) == 1
    assert _timer(region)
    assert all(len(line) <= 80 for line in screen.split("\n"))


def test_phase_people_and_a_running_timer_stay_in_view_after_twenty_contributions_and_a_resume(
    tmp_path: Path, terminal: type[Terminal]
) -> None:
    store = tmp_path / "meetings.sqlite3"
    slow = env(INTERVISION_TIME_SCALE="20")  # 15 minutes take 45 real seconds
    term = terminal(["--store", str(store), "run", *MEMBERS, "--lang", "nl"], slow)
    _to_the_questions(term)
    for number in range(2, 22):
        term.type(f"Carla: vraag nummer {number}?")  # no kind: Carla may only ask
        term.on_screen(f"C{number} vastgelegd.")
        term.on_screen(HEADER)  # the prompt is back, under its region
    screen = _drawn(term)
    _in_view(screen)
    assert "C2 vastgelegd." not in screen  # the contributions scrolled away, the region did not
    before = _timer(screen)
    term.idle(1.5)  # nobody types
    assert _timer(term.screen()) != before  # the timer runs by itself

    term.type("pauze")
    term.expect("intervision run --resume ")
    meeting_id = term.expect("\n").strip()
    assert term.process.wait(timeout=10) == 0

    again = terminal(["--store", str(store), "run", "--resume", meeting_id[:8]], slow)
    _in_view(_drawn(again))
    before = _timer(again.screen())
    again.idle(1.5)
    assert _timer(again.screen()) != before
    again.type("scherm")  # the whole screen of the phase again, the region below it
    again.on_screen("Bijdragen tot nu toe:")
    screen = _drawn(again)  # the region is drawn again below the screen, in pieces
    assert "C21 Carla · vraag: vraag nummer 21?" in screen
    _in_view(screen)
    again.type("pauze")
    again.expect("intervision run --resume")


def test_the_soft_warning_comes_at_80_percent_and_the_alert_at_the_end(
    tmp_path: Path, terminal: type[Terminal]
) -> None:
    store = tmp_path / "meetings.sqlite3"
    term = terminal(
        ["--store", str(store), "run", *MEMBERS, "--lang", "nl"],
        env(INTERVISION_TIME_SCALE="300", NO_COLOR="1"),  # 15 minutes in 3 seconds
    )
    _to_the_questions(term)
    started = time.monotonic()
    soon = term.on_screen("bijna om", timeout=10)
    assert "Tijd: nog 0" in soon  # the last three minutes of fifteen
    warned = term.on_screen("tijd om af te ronden", timeout=5)
    assert "Nog 0" in warned
    up = term.on_screen("de tijd is om", timeout=10)
    assert "De tijd voor deze fase is om" in term.on_screen("De tijd voor deze fase is om")
    assert time.monotonic() - started < 15
    term.idle(1.0)
    assert term.output.count("tijd om af te ronden") == 1  # once, not at every redraw
    assert term.output.count("De tijd voor deze fase is om") == 1
    assert "over de tijd" in up
    term.type("pauze")
    term.expect("intervision run --resume")
    assert not COLOUR.search(term.output)  # NO_COLOR: the region is there, without colour


def test_the_cockpit_has_colour_at_a_terminal(tmp_path: Path, terminal: type[Terminal]) -> None:
    store = tmp_path / "meetings.sqlite3"
    term = terminal(["--store", str(store), "run", *MEMBERS, "--lang", "nl"], env())
    _to_the_questions(term)
    term.on_screen("█")  # some of the phase's time is used: the bar has its colour
    term.type("pauze")
    term.expect("intervision run --resume")
    assert COLOUR.search(term.output)
