"""Screenshots of every view at 360 and 1280 pixels wide, in Dutch and English.

They are written to ``docs/board/`` (``INTERVISION_BOARD_SCREENSHOTS`` names another
folder), where the README shows them. The board runs on a stopped clock
(``INTERVISION_TIME_SCALE`` of a billionth), so the same meeting gives the same
pictures: a run changes a file only when a page looks different.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from board_browser import LAPTOP, PHONE, BoardProcess, Devices, advance, start_case
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[3]
SHOTS = Path(os.environ.get("INTERVISION_BOARD_SCREENSHOTS", ROOT / "docs" / "board"))
WIDTHS = {"360": PHONE, "1280": LAPTOP}

SAID = {
    "nl": {
        "leervraag": "Hoe blijf ik rustig als een ouder bij het ophalen tegen me uitvalt?",
        "situation": "Een vader werd boos bij het ophalen omdat zijn zoon buiten had gespeeld "
        "zonder jas. Ik bleef staan en zei niets terug.",
        "questions": {
            "Carla": "Wat zei de vader precies?",
            "Dirk": "Was er een collega in de buurt?",
            "Eva": "Hoe lang duurde het gesprek?",
        },
        "reaction": "Hij zei dat we niet op zijn kind letten. Het duurde een paar minuten.",
        "analysis": "Er is geen afspraak wie de ouders bij het ophalen opvangt.",
        "advice": {
            "Carla": "Spreek met het team af wie bij het ophalen bij de deur staat.",
            "Dirk": "Bel de vader de volgende dag terug en vraag hoe het nu gaat.",
            "Eva": "Zeg hardop wat je ziet: ik merk dat u boos bent.",
        },
    },
    "en": {
        "leervraag": "How do I stay calm when a parent lashes out at me at pick-up time?",
        "situation": "A father got angry at pick-up because his son had played outside "
        "without a coat. I stood still and said nothing back.",
        "questions": {
            "Carla": "What exactly did the father say?",
            "Dirk": "Was a colleague nearby?",
            "Eva": "How long did the conversation last?",
        },
        "reaction": "He said we do not look after his child. It lasted a few minutes.",
        "analysis": "Nobody has agreed who receives the parents at pick-up.",
        "advice": {
            "Carla": "Agree with the team who stands at the door at pick-up.",
            "Dirk": "Call the father back the next day and ask how things are.",
            "Eva": "Say out loud what you see: I notice that you are angry.",
        },
    },
}


def send(page: Page, text: str) -> None:
    page.locator("form.contribute textarea[name=text]").fill(text)
    page.locator("form.contribute button.primary").click()
    expect(page.locator("#feed")).to_contain_text(text[:30])


def shoot(pages: dict[str, Page], name: str, lang: str) -> list[Path]:
    """The page at both widths; the page is laid out again at each."""
    written = []
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = pages[name]
    for width, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        page.wait_for_timeout(150)
        path = SHOTS / f"{name}-{lang}-{width}.png"
        page.screenshot(path=str(path), full_page=True, animations="disabled", caret="hide")
        written.append(path)
    return written


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_screenshots_of_every_view(board: Any, devices: Devices, lang: str) -> None:
    said = SAID[lang]
    running: BoardProcess = board(
        "--members",
        "Bram,Carla,Dirk,Eva",
        "--facilitator",
        "Anna",
        "--external-facilitator",
        "--lang",
        lang,
        env={"INTERVISION_TIME_SCALE": "0.000000001"},
    )
    locale = "nl-NL" if lang == "nl" else "en-GB"
    console = devices.open(running.url("console"), viewport=LAPTOP, locale=locale)
    display = devices.open(running.url("display"), viewport=LAPTOP, locale=locale)
    members = {
        name: devices.open(running.url(name), locale=locale)
        for name in ("Bram", "Carla", "Dirk", "Eva")
    }
    pages = {
        "console": console,
        "display": display,
        "member": members["Carla"],
        "inbrenger": members["Bram"],
    }

    start_case(console, members, "incident", said["leervraag"])
    send(members["Bram"], said["situation"])
    advance(console, members.values())
    for name, question in said["questions"].items():
        send(members[name], question)
    members["Bram"].locator("#reply-to").select_option(index=3)
    send(members["Bram"], said["reaction"])
    written = []
    for name in ("display", "console", "member"):
        written += shoot(pages, name, lang)

    advance(console, members.values())
    send(members["Carla"], said["analysis"])
    advance(console, members.values())
    for name, text in said["advice"].items():
        send(members[name], text)
    advance(console, members.values())
    expect(members["Bram"].locator("form.decide")).to_be_visible()
    written += shoot(pages, "inbrenger", lang)
    for path in written:
        assert path.stat().st_size > 10_000, path
