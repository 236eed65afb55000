"""The timebox: a clock that can run fast, its line and bar, its alarm; the phase screen's width."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import Result

from intervision.cli.console import render
from intervision.cli.screen import phase_screen, time_line
from intervision.cli.timebox import (
    BAR_WIDTH,
    Alarm,
    clock_text,
    scaled_clock,
    soft_warning,
    time_scale,
    timebox_bar,
    timebox_line,
    timebox_text,
)
from intervision.engine import CommandRefused, Engine, Meeting, MemoryJournal, load_registry

Invoke = Callable[..., Result]
ESCAPE = re.compile(r"\x1b\[")
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class _Now:
    """A clock a test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def pass_minutes(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


# -- the clock --------------------------------------------------------------------


def test_the_scaled_clock_runs_scale_seconds_per_real_second() -> None:
    ticks = iter([100.0, 101.0, 102.5])
    clock = scaled_clock(60, wall=lambda: START, monotonic=lambda: next(ticks))
    assert clock() == START + timedelta(minutes=1)
    assert clock() == START + timedelta(minutes=2.5)


def test_at_scale_one_the_clock_is_the_real_one() -> None:
    assert scaled_clock(1, wall=lambda: START) is not None
    assert scaled_clock(1, wall=lambda: START)() == START
    before = datetime.now(UTC)
    assert before <= scaled_clock(1)() <= datetime.now(UTC)


def test_the_scale_comes_from_the_environment() -> None:
    assert time_scale({}) == 1.0
    assert time_scale({"INTERVISION_TIME_SCALE": " 600 "}) == 600.0
    assert time_scale({"INTERVISION_TIME_SCALE": "0.5"}) == 0.5
    for wrong in ("fast", "0", "-2", "inf", "nan"):
        with pytest.raises(ValueError):
            time_scale({"INTERVISION_TIME_SCALE": wrong})


def test_a_wrong_scale_is_one_line_and_a_usage_error(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERVISION_TIME_SCALE", "fast")
    result = invoke("--lang", "en", "meetings")
    assert result.exit_code == 2
    assert "INTERVISION_TIME_SCALE must be a positive number" in result.stderr
    assert "Traceback" not in result.output


# -- the line ---------------------------------------------------------------------


def test_the_clock_text_is_minutes_and_seconds_rounded_up() -> None:
    assert clock_text(300) == "05:00"
    assert clock_text(299.2) == "05:00"
    assert clock_text(0.4) == "00:01"
    assert clock_text(-68) == "01:08"
    assert clock_text(90 * 60) == "90:00"


def test_the_bar_fills_as_the_time_goes() -> None:
    assert timebox_bar(900, 900) == "░" * BAR_WIDTH
    assert timebox_bar(300, 900) == "█" * 20 + "░" * 10
    assert timebox_bar(0, 900) == "█" * BAR_WIDTH
    assert timebox_bar(-600, 900) == "█" * BAR_WIDTH  # over time: full, not more
    assert timebox_bar(5, 0) == "█" * BAR_WIDTH
    assert timebox_bar(450, 900, width=10) == "█" * 5 + "░" * 5


def test_the_timebox_line_while_there_is_time() -> None:
    line = timebox_line(300, 900, "nl")
    assert line == f"Tijd: nog 05:00  {'█' * 20}{'░' * 10}  van 15 min"
    assert timebox_line(300, 900, "en") == f"Time: 05:00 left  {'█' * 20}{'░' * 10}  of 15 min"
    assert "\n" not in line and soft_warning("nl") not in line


def test_after_the_end_the_line_carries_the_soft_warning() -> None:
    line = timebox_line(-68, 900, "nl")
    first, warning = line.split("\n", 1)
    assert first == f"Tijd: 01:08 over de tijd  {'█' * BAR_WIDTH}  van 15 min"
    assert warning == soft_warning("nl")
    assert warning.startswith("De tijd voor deze fase is om — verleng (verleng 5), ga verder")
    assert "verder" in warning and "overslaan <reden>" in warning
    english = timebox_line(0, 600, "en")
    assert english.startswith("Time: 00:00 over")
    assert "The time for this phase is up — extend (extend 5), move on (next)" in english
    assert "skip <reason>" in english
    for text in (line, english):
        assert all(len(part) <= 78 for part in text.split("\n"))


def test_no_color_and_a_pipe_get_no_escape_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    text = timebox_text(-30, 300, "nl")
    assert not ESCAPE.search(render(text))  # pytest's stdout is not a terminal
    monkeypatch.setattr("sys.stdout", _Terminal())
    assert ESCAPE.search(render(text))  # a terminal gets colour
    monkeypatch.setenv("NO_COLOR", "")  # set, to any value
    plain = render(text)
    assert not ESCAPE.search(plain)
    assert plain == timebox_line(-30, 300, "nl")
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not ESCAPE.search(render(text))


# -- the phase screen ------------------------------------------------------------------


def _meeting(method_id: str, clock: Callable[[], datetime] | None = None) -> Meeting:
    registry = load_registry()
    spec = registry.method(method_id)
    names = ["Anna", "Bram", "Carla", "Dirk", "Eva", "Femke", "Gert", "Hanna"]
    size = max(spec.fit.group_min, min(4, spec.fit.group_max))
    engine = Engine(MemoryJournal(), registry, clock=clock or _Now())
    meeting = engine.start_meeting(names[:size], facilitator="Anna", lang="nl")
    meeting.advance("anna")
    for person in meeting.state.present:
        if person == "bram":
            meeting.submit_leervraag(person, "Hoe houd ik het gesprek met een boze ouder rustig?")
        else:
            meeting.pass_leervraag(person)
    meeting.advance("anna")
    meeting.choose_case("anna", "bram", consent=True)
    meeting.choose_method("anna", method_id, inbrenger_agrees=True)
    return meeting


def _every_phase(meeting: Meeting) -> list[str]:
    """Skip through the method, collecting each phase's screen."""
    screens = []
    seen = set()
    while meeting.state.frame == "method":
        key = (meeting.state.case.no if meeting.state.case else 0, meeting.state.phase)
        if key in seen:
            break
        seen.add(key)
        screens.append(phase_screen(meeting, "nl"))
        try:
            meeting.skip("anna", "alleen kijken hoe het scherm eruitziet")
        except CommandRefused:
            try:
                meeting.advance("anna")
            except CommandRefused:
                break
    return screens


@pytest.mark.parametrize("width", [80, 100])
def test_every_phase_screen_of_every_method_fits_the_width(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    checked = 0
    for spec in load_registry().methods():
        for screen in _every_phase(_meeting(spec.id)):
            too_long = [line for line in screen.splitlines() if len(line) > width]
            assert not too_long, (spec.id, too_long)
            assert not ESCAPE.search(screen)
            checked += 1
    assert checked > 20


def test_the_phase_screen_shows_roles_who_may_what_and_the_timebox(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    clock = _Now()
    meeting = _meeting("incident", clock)
    meeting.contribute("bram", "statement", "Een ouder werd boos aan de balie.")
    meeting.advance("anna")
    meeting.contribute("carla", "question", "Wat zei de ouder precies?")
    clock.pass_minutes(5)
    screen = phase_screen(meeting, "nl")
    assert "── Incidentmethode ──" in screen
    assert "Fase 2/5 · Informatieve vragen · 15 min" in screen
    assert re.search(r"Rol\s+Wat je doet", screen)
    assert re.search(r"Inbrenger \(Bram\)\s+Beantwoord de vragen", screen)
    assert "Wie mag nu wat bijdragen:" in screen
    assert re.search(r"Anna\s+begeleider, deelnemer\s+vraag \(v\), notitie \(n\)", screen)
    assert re.search(r"Carla, Dirk\s+deelnemer\s+vraag \(v\)\n", screen)
    assert screen.count("Anna") == 2  # "Begeleider (Anna)", then once with both roles
    assert "Bijdragen tot nu toe:" in screen
    assert "C2 Carla · vraag: Wat zei de ouder precies?" in screen
    assert f"Tijd: nog 10:00  {'█' * 10}{'░' * 20}  van 15 min" in screen
    assert "verder · verleng 5 · overslaan <reden> · scherm · tijd · toon · pauze" in screen
    assert soft_warning("nl") not in screen

    clock.pass_minutes(11)
    over = phase_screen(meeting, "nl")
    assert "Tijd: 01:00 over de tijd" in over
    assert "De tijd voor deze fase is om" in over
    assert "Tijd: 01:00 over de tijd" in time_line(meeting, "nl")
    meeting.extend("anna", 5)
    assert "Tijd: nog 04:00" in time_line(meeting, "nl")
    assert "van 20 min" in time_line(meeting, "nl")


def test_written_contributions_are_counted_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    meeting = _meeting("socratic")
    meeting.contribute("bram", "statement", "mijn verhaal")
    meeting.advance("anna")
    meeting.contribute("carla", "open_question", "GEHEIM-open-vraag")
    screen = phase_screen(meeting, "nl")
    assert "GEHEIM-open-vraag" not in screen
    assert "Nog verborgen: 1 bijdrage," in screen
    floor = next(w for w in meeting.capabilities().waiting if w.reason == "at_least")
    for person in floor.people:  # the method's floor: one question each before the reveal
        meeting.contribute(person, "open_question", f"vraag van {person}")
    meeting.reveal("anna")
    assert "C2 Carla · open vraag: GEHEIM-open-vraag" in phase_screen(meeting, "nl")


def test_the_screen_lists_only_the_last_contributions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    meeting = _meeting("incident")
    meeting.contribute("bram", "statement", "het verhaal")
    meeting.advance("anna")
    for number in range(12):
        meeting.contribute("carla", "question", f"vraag-{number:02d}")
    screen = phase_screen(meeting, "nl")
    assert "(5 eerdere niet getoond; 'toon' laat alles zien)" in screen
    assert "vraag-11" in screen and "vraag-04" in screen and "vraag-03" not in screen


# -- the alarm --------------------------------------------------------------------


def test_the_alarm_rings_once_when_the_time_runs_out_while_waiting() -> None:
    clock = _Now()
    meeting = _meeting("incident", clock)
    written: list[str] = []
    rang = threading.Event()

    def write(text: str) -> None:
        written.append(text)
        rang.set()

    alarm = Alarm(meeting, "en", interval=0.01, write=write)
    assert not alarm.due()
    with alarm.watching("> ", force=True):
        clock.pass_minutes(6)  # the 5-minute situation phase is over
        assert rang.wait(5)
        threading.Event().wait(0.1)  # a few more ticks: no second ring
    assert len(written) == 1
    assert written[0].startswith("\nTime: 01:00 over")
    assert "The time for this phase is up" in written[0]
    assert written[0].endswith("\n> ")  # the prompt again, on a line of its own
    assert not alarm.due()

    meeting.extend("anna", 5)  # a new timebox: its end is said again
    clock.pass_minutes(5)
    assert alarm.due()
    alarm.told()  # shown on the screen: nothing more by itself
    assert not alarm.due()


def test_the_alarm_stays_silent_without_a_terminal() -> None:
    clock = _Now()
    meeting = _meeting("incident", clock)
    written: list[str] = []
    alarm = Alarm(meeting, "nl", interval=0.01, write=written.append)
    clock.pass_minutes(60)
    assert not alarm.watches()  # pytest's streams are no terminal
    with alarm.watching("> "):
        threading.Event().wait(0.1)
    assert written == []


# -- at the prompt ------------------------------------------------------------------


def test_time_at_the_prompt_shows_the_timebox(invoke: Invoke, incident) -> None:
    script = [*incident.opening[:9], "tijd", "time", "help", "quit"]
    result = invoke("--lang", "en", "run", *incident.members, input=incident.lines(script))
    assert result.exit_code == 0, result.output
    out = result.stdout
    after = out.split("> tijd", 1)[1]
    assert re.search(r"Time: \d\d:\d\d left  [█░]{30}  of 5 min", after)
    assert out.count("of 5 min") >= 3  # the screen, tijd and time
    assert "At a phase prompt, 'time' shows how much time is left." in out
    assert not ESCAPE.search(out)
    drawn = [line for line in out.splitlines() if "GEHEIM" not in line]  # not what was typed
    assert max(len(line) for line in drawn) <= 80
