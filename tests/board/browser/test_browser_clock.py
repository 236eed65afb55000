"""One clock for the room: every page counts down the same second, whatever its device's
own clock says, also after a reload; any phase from 1 to 120 minutes; the soft warning
is shown and said to screen readers.

The pages count from the server's time (sent with every message, carried forward
with the browser's monotonic clock), never from the device's ``Date``; two pages
whose devices disagree by five minutes must agree within half a second.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from board_browser import LAPTOP, BoardProcess, Devices, start_case, to_questions
from playwright.sync_api import Page, expect

from intervision.engine import dump_method, load_registry


def remaining_ms(page: Page) -> float:
    value = page.evaluate("window.boardRemaining()")
    assert value is not None
    return float(value)


def shown_seconds(page: Page) -> int:
    found = re.search(r"(\d+):(\d\d)", page.locator(".timer .clock-text").inner_text())
    assert found is not None
    return int(found.group(1)) * 60 + int(found.group(2))


def agree(first: Page, second: Page) -> float:
    """How far apart the two pages' counts are, read as nearly at once as can be."""
    a1 = remaining_ms(first)
    b = remaining_ms(second)
    a2 = remaining_ms(first)
    return abs(b - (a1 + a2) / 2)


def test_pages_whose_devices_disagree_by_five_minutes_show_the_same_time(
    board: Any, devices: Devices
) -> None:
    running: BoardProcess = board(
        "--members",
        "Bram,Carla,Dirk,Eva",
        "--facilitator",
        "Anna",
        "--external-facilitator",
        "--lang",
        "nl",
    )
    console = devices.open(running.url("console"), viewport=LAPTOP)
    ahead = devices.open(running.url("Carla"), clock_offset_s=+150)
    behind = devices.open(running.url("Dirk"), clock_offset_s=-150)
    others = {"Bram": devices.open(running.url("Bram")), "Eva": devices.open(running.url("Eva"))}
    to_questions(console, {"Carla": ahead, "Dirk": behind, **others})
    for page in (ahead, behind):
        expect(page.locator(".timer .clock-text")).to_contain_text("nog")
    # The devices' own clocks are five minutes apart ...
    skew = ahead.evaluate("Date.now()") - behind.evaluate("Date.now()")
    assert 299_000 < skew < 301_000
    time.sleep(2.5)  # a tick or two of the server's time
    # ... and the pages count the same, within half a second, as the server does.
    assert agree(ahead, behind) < 500
    assert abs(shown_seconds(ahead) - shown_seconds(behind)) <= 1
    ends = float(ahead.locator(".timer").get_attribute("data-ends") or 0)
    assert abs(remaining_ms(ahead) - (ends - time.time() * 1000)) < 500

    behind.reload()
    expect(behind.locator(".timer .clock-text")).to_contain_text("nog")
    assert agree(ahead, behind) < 500
    time.sleep(2.5)
    assert agree(ahead, behind) < 500


def short_and_long(tmp_path: Path) -> Path:
    """The incident method with a 1-minute and a 120-minute phase, as a method file."""
    incident = load_registry(builtin_only=True, user_methods=False).method("incident")
    phases = list(incident.phases)
    phases[0] = phases[0].model_copy(update={"minutes": 1})
    phases[1] = phases[1].model_copy(update={"minutes": 120})
    spec = incident.model_copy(
        update={"id": "kort-en-lang", "phases": tuple(phases), "variants": ()}
    )
    path = tmp_path / "kort-en-lang.toml"
    path.write_text(dump_method(spec), encoding="utf-8")
    return path


def test_phases_of_1_and_120_minutes_and_the_soft_warning(
    board: Any, devices: Devices, tmp_path: Path
) -> None:
    # At 30 times real time, the 1-minute phase is over in 2 seconds.
    running: BoardProcess = board(
        "--members",
        "Bram,Carla,Dirk,Eva",
        "--facilitator",
        "Anna",
        "--external-facilitator",
        "--lang",
        "nl",
        env={"INTERVISION_TIME_SCALE": "30"},
        before=["--method-file", str(short_and_long(tmp_path))],
    )
    console = devices.open(running.url("console"), viewport=LAPTOP)
    members = {name: devices.open(running.url(name)) for name in ("Bram", "Carla", "Dirk", "Eva")}
    start_case(console, members, "kort-en-lang")

    carla = members["Carla"]
    expect(carla.locator(".timer .of")).to_have_text("van 1 min")
    warning = "De tijd voor deze fase is om"
    expect(carla.locator(".timer .warn")).to_be_visible()
    expect(carla.locator(".timer")).to_have_class("timer over")
    expect(carla.locator("#announce")).to_contain_text(warning)  # said, not only shown
    expect(carla.locator(".timer .clock-text")).to_contain_text("over de tijd")

    console.locator("button[value=advance]").click()
    expect(carla.locator(".timer .of")).to_have_text("van 120 min")
    expect(carla.locator(".timer .warn")).to_be_hidden()
    assert 119 * 60 - 30 <= shown_seconds(carla) <= 120 * 60
    console.locator("#extend-minutes").fill("120")
    console.locator("form:has(input[value=extend]) button").click()
    expect(carla.locator(".timer .of")).to_have_text("van 240 min")
    assert shown_seconds(carla) > 238 * 60
