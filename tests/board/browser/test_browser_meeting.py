"""A whole incident meeting on the board, every contribution typed in its own page.

Anna guides from the console (an external facilitator), the room display is open,
and Bram, Carla, Dirk and Eva each have their own browser context on a phone-sized
screen: from the opening to the close, nothing is typed for anyone.
"""

from __future__ import annotations

from typing import Any

from board_browser import LAPTOP, BoardProcess, Devices
from playwright.sync_api import Page, expect

from intervision.engine import FRAME_STEPS, load_registry
from intervision.engine.storage import open_engine

MEMBERS = ("Bram", "Carla", "Dirk", "Eva")


def phase_title(phase: str) -> str:
    return load_registry().method("incident").phase(phase).title("nl")


def everyone_sees(pages: dict[str, Page], title: str) -> None:
    for page in pages.values():
        expect(page.locator("#where-title")).to_have_text(title)


def send(page: Page, text: str, kind: str | None = None) -> None:
    form = page.locator("form.contribute")
    if kind is not None:
        form.locator(f"input[name=kind][value={kind}]").check()
    form.locator("textarea[name=text]").fill(text)
    form.locator("button.primary").click()
    expect(page.locator("#feed")).to_contain_text(text)


def next_step(console: Page) -> None:
    console.locator("button[value=advance]").click()


def test_a_whole_incident_meeting_from_each_members_own_page(board: Any, devices: Devices) -> None:
    running: BoardProcess = board(
        "--members",
        ",".join(MEMBERS),
        "--facilitator",
        "Anna",
        "--external-facilitator",
        "--lang",
        "nl",
    )
    console = devices.open(running.url("console"), viewport=LAPTOP)
    display = devices.open(running.url("display"), viewport=LAPTOP)
    members = {name: devices.open(running.url(name)) for name in MEMBERS}
    pages = {"console": console, "display": display, **members}
    everyone_sees(pages, FRAME_STEPS["opening"].title("nl"))

    next_step(console)
    everyone_sees(pages, FRAME_STEPS["leervragen"].title("nl"))
    for name in ("Bram", "Carla"):
        page = members[name]
        page.locator("#leervraag-text").fill(f"Hoe ga ik als {name} om met een boze ouder?")
        page.locator("button[value=submit_leervraag]").click()
        expect(page.locator("#actions")).to_contain_text("Je leervraag")
    for name in ("Dirk", "Eva"):
        members[name].locator("button[value=pass_leervraag]").click()
        expect(members[name].locator("#actions")).to_contain_text("Je past vandaag")
    expect(display.locator("#feed")).to_contain_text("Hoe ga ik als Carla")

    next_step(console)
    everyone_sees(pages, FRAME_STEPS["case_choice"].title("nl"))
    console.locator("input[name=inbrenger][value=bram]").check()
    console.locator("form:has(input[value=choose_case]) button.primary").click()
    everyone_sees(pages, FRAME_STEPS["method_choice"].title("nl"))
    console.locator("#method").select_option("incident")
    console.locator("form:has(input[value=choose_method]) button.primary").click()

    everyone_sees(pages, phase_title("situation"))
    expect(members["Bram"].locator(".you")).to_contain_text("Inbrenger")
    send(members["Bram"], "Een vader werd boos bij het ophalen; ik bleef staan.")

    next_step(console)
    everyone_sees(pages, phase_title("questions"))
    questions = {
        "Carla": "Wat zei de vader precies?",
        "Dirk": "Wie waren er verder bij?",
        "Eva": "Hoe laat was het?",
    }
    for name, question in questions.items():
        send(members[name], question)
    for page in (display, *members.values()):
        for question in questions.values():
            expect(page.locator("#feed")).to_contain_text(question)
    bram = members["Bram"]
    bram.locator("#reply-to").select_option(index=1)
    send(bram, "Om kwart over vijf.")

    next_step(console)
    everyone_sees(pages, phase_title("analysis"))
    expect(bram.locator(".away")).to_be_visible()
    expect(bram.locator("form.contribute")).to_have_count(0)
    send(members["Carla"], "Er was geen afspraak over wie de ouder opvangt.")

    next_step(console)
    everyone_sees(pages, phase_title("advice"))
    advice = {
        "Carla": "Spreek met het team af wie opvangt.",
        "Dirk": "Bel de vader de volgende dag.",
        "Eva": "Neem een collega mee bij het ophalen.",
    }
    for name, text in advice.items():
        send(members[name], text)

    next_step(console)
    everyone_sees(pages, phase_title("choice"))
    expect(members["Dirk"].locator("form.decide")).to_have_count(0)
    decide = bram.locator("form.decide")
    decide.locator("label.choice", has_text="Bel de vader").locator("input").check()
    decide.locator("textarea[name=text]").fill("Ik bel de vader morgen terug.")
    decide.locator("button.primary").click()
    expect(bram.locator(".commitments")).to_contain_text("Ik bel de vader morgen terug.")
    expect(display.locator("#feed")).to_contain_text("Ik bel de vader morgen terug.")

    next_step(console)
    everyone_sees(pages, FRAME_STEPS["second_case"].title("nl"))
    next_step(console)
    everyone_sees(pages, FRAME_STEPS["recognitions"].title("nl"))
    for name, page in members.items():
        send(page, f"{name} herkent het wachten op de ouder.")
    next_step(console)
    everyone_sees(pages, FRAME_STEPS["evaluation"].title("nl"))
    send(members["Eva"], "Fijn dat iedereen op zijn eigen scherm kon schrijven.", kind="note")
    console.locator("form:has(input[value=close]) button.primary").click()
    for page in pages.values():
        expect(page.locator("h1")).to_have_text("De bijeenkomst is afgesloten")

    running.stop()
    with open_engine(running.env["INTERVISION_STORE"]) as engine:
        state = engine.state(running.meeting_id)
    assert state.closed
    said = {(c.author, c.text) for c in state.contributions}
    for name, question in questions.items():
        assert (name.lower(), question) in said
    for name, text in advice.items():
        assert (name.lower(), text) in said
    assert [(d.by, d.text) for d in state.decisions] == [("bram", "Ik bel de vader morgen terug.")]
    assert len(state.contributions) == len({c.id for c in state.contributions})
