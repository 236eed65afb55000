"""An automated accessibility check of every view: axe-core finds no serious violation.

axe-core (vendored, see ``vendor/axe-core``) runs inside each page through Playwright,
with the WCAG 2.1 A and AA rules (colour contrast included) and axe's best
practices: the room display, the console, a participant's page with its form, and
the inbrenger's own screens (choosing advice and the commitment; sorting questions
into warm, neutral and cold), in Dutch and English, at phone and laptop width.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from board_browser import LAPTOP, PHONE, BoardProcess, Devices, start_case, to_questions
from playwright.sync_api import Page, expect

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
SHA256 = (AXE.parent / "SHA256SUMS").read_text().split()[0]


def audit(page: Page) -> list[dict[str, Any]]:
    """axe's serious and critical violations on the page as it is now."""
    source = AXE.read_bytes()
    assert hashlib.sha256(source).hexdigest() == SHA256, "the vendored axe-core was changed"
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(source.decode("utf-8") + "\n;0")
    result = page.evaluate(
        """async () => {
            const found = await axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                "best-practice"]},
            });
            return found.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}));
        }"""
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def assert_accessible(pages: dict[str, Page]) -> None:
    found = {name: audit(page) for name, page in pages.items()}
    assert all(not v for v in found.values()), json.dumps(found, indent=2)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_view_passes_an_automated_accessibility_check(
    board: Any, devices: Devices, lang: str
) -> None:
    running: BoardProcess = board(
        "--members",
        "Bram,Carla,Dirk,Eva",
        "--facilitator",
        "Anna",
        "--external-facilitator",
        "--lang",
        lang,
    )
    console = devices.open(running.url("console"), viewport=LAPTOP)
    display = devices.open(running.url("display"), viewport=LAPTOP)
    members = {
        name: devices.open(running.url(name), viewport=PHONE)
        for name in ("Bram", "Carla", "Dirk", "Eva")
    }
    assert_accessible(
        {
            "console at the opening": console,
            "display": display,
            "member at the opening": members["Carla"],
        }
    )

    console.locator("button[value=advance]").click()
    expect(members["Bram"].locator("#leervraag-text")).to_be_visible()
    assert_accessible({"leervraag form": members["Bram"]})

    start_case(console, members, "socratic")
    bram, carla = members["Bram"], members["Carla"]
    carla.locator("form.contribute textarea").fill("Wat gebeurde er daarna?")
    carla.locator("form.contribute button.primary").click()
    expect(display.locator("#feed")).to_contain_text("Wat gebeurde er daarna?")
    assert_accessible(
        {"console": console, "display": display, "participant": carla, "inbrenger answering": bram}
    )

    # the written-first phase, and the inbrenger's sorting of the questions
    console.locator("button[value=advance]").click()
    for name in ("Carla", "Dirk", "Eva"):
        page = members[name]
        expect(page.locator("form.contribute")).to_be_visible()
        page.locator("form.contribute textarea").fill(f"Wat maakt het voor {name} moeilijk?")
        page.locator("form.contribute button.primary").click()
        expect(page.locator("#feed .private")).to_be_visible()
    assert_accessible({"writing, hidden": carla, "console while hidden": console})
    console.locator("button[value=reveal]").click()
    console.locator("button[value=advance]").click()
    expect(bram.locator("form.decide")).to_be_visible()
    assert_accessible({"inbrenger sorting": bram, "console": console})


def test_the_check_finds_what_it_should(browser: Any) -> None:
    """A page with an unlabelled field and no title fails the same check."""
    page = browser.new_context().new_page()
    page.set_content("<html><body><input type=text></body></html>")
    assert {v["id"] for v in audit(page)} >= {"label", "document-title"}
    page.context.close()


def test_a_member_takes_part_with_the_keyboard_only(board: Any, devices: Devices) -> None:
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
    members = {name: devices.open(running.url(name)) for name in ("Bram", "Carla", "Dirk", "Eva")}
    to_questions(console, members)
    carla = members["Carla"]
    carla.reload()
    expect(carla.locator("form.contribute")).to_be_visible()
    carla.keyboard.press("Tab")
    assert carla.evaluate("document.activeElement.className") == "skip"
    carla.keyboard.press("Enter")  # skip to the content
    for _ in range(20):
        carla.keyboard.press("Tab")
        if carla.evaluate("document.activeElement.name") == "text":
            break
    else:
        raise AssertionError("the text box cannot be reached with Tab")
    carla.keyboard.type("Wie was er nog meer bij?")
    carla.keyboard.press("Tab")
    assert carla.evaluate("document.activeElement.textContent.trim()") == "Versturen"
    carla.keyboard.press("Enter")
    expect(members["Dirk"].locator("#feed")).to_contain_text("Wie was er nog meer bij?")
