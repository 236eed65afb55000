"""Refusals in the browser: the rule's reason on the member's own page, nothing written.

A member's page offers only what the engine allows now, so the refused requests
here are made by hand in the member's own page (as a curious member with the
browser's developer tools would): the engine refuses them and the page shows why.
"""

from __future__ import annotations

from typing import Any

from board_browser import LAPTOP, BoardProcess, Devices, to_questions
from playwright.sync_api import expect

from intervision.engine.storage import open_engine


def version(running: BoardProcess) -> int:
    with open_engine(running.env["INTERVISION_STORE"]) as engine:
        return engine.state(running.meeting_id).version


def test_refused_actions_show_the_rule_on_the_members_own_page(
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
    members = {name: devices.open(running.url(name)) for name in ("Bram", "Carla", "Dirk", "Eva")}
    to_questions(console, members)
    carla = members["Carla"]
    expect(carla.locator("#where-title")).to_have_text("Informatieve vragen")

    # Carla's page offers questions only; she makes it send advice.
    expect(carla.locator("input[name=kind][value=advice]")).to_have_count(0)
    before = version(running)
    carla.locator("form.contribute input[name=kind]").evaluate("input => input.value = 'advice'")
    carla.locator("form.contribute textarea").fill("Ik zou hem meteen bellen.")
    carla.locator("form.contribute button.primary").click()
    expect(carla.locator("form.contribute .status.error")).to_contain_text("advies")
    assert version(running) == before
    expect(members["Dirk"].locator("#feed")).not_to_contain_text("meteen bellen")

    # Dirk cannot take Bram's decision: his page has no such form; he makes one.
    expect(members["Dirk"].locator("form.decide")).to_have_count(0)
    dirk = members["Dirk"]
    dirk.locator("form.contribute input[name=action]").evaluate("input => input.value = 'decide'")
    dirk.locator("form.contribute textarea").fill("Bram belt morgen.")
    dirk.locator("form.contribute button.primary").click()
    expect(dirk.locator("form.contribute .status.error")).to_be_visible()
    assert version(running) == before

    # Carla's link sends for Carla only, whoever the form names.
    answer = carla.evaluate(
        """async () => {
            const form = document.querySelector("form.contribute");
            const body = new URLSearchParams(new FormData(form));
            body.set("by", "dirk"); body.set("kind", "question"); body.set("text", "Namens Dirk?");
            const response = await fetch(form.getAttribute("action"), {method: "POST", body,
                headers: {"Accept": "application/json"}});
            return [response.status, (await response.json()).message];
        }"""
    )
    assert answer[0] == 403 and "Carla" in answer[1]
    assert version(running) == before

    # The language is each member's own: Carla switches to English, Dirk stays Dutch.
    carla.locator("button[value=en]").click()
    expect(carla.locator("html")).to_have_attribute("lang", "en")
    carla.locator("form.contribute input[name=kind]").evaluate("input => input.value = 'advice'")
    carla.locator("form.contribute textarea").fill("I would call him right away.")
    carla.locator("form.contribute button.primary").click()
    expect(carla.locator("form.contribute .status.error")).to_contain_text("advice")
    expect(dirk.locator("html")).to_have_attribute("lang", "nl")


def test_a_request_from_another_origin_is_refused(board: Any, devices: Devices) -> None:
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
    before = version(running)
    csrf = console.locator("input[name=csrf]").first.get_attribute("value")
    action = running.url("console") + "/do"
    # A page of another site, served to this browser, that posts to the board.
    evil = console.context.new_page()
    evil.route(
        "http://elsewhere.example/**",
        lambda route: route.fulfill(
            content_type="text/html",
            body=(
                f'<form method="post" action="{action}">'
                f'<input name="csrf" value="{csrf}"><input name="action" value="advance">'
                "<button>go</button></form>"
            ),
        ),
    )
    evil.goto("http://elsewhere.example/")
    with evil.expect_navigation():
        evil.locator("button").click()
    assert evil.url.endswith("/do")
    assert "Opening" not in evil.content()  # refused before anything of the meeting is shown
    assert version(running) == before
    expect(console.locator("#where-title")).to_have_text("Opening")
    devices.elsewhere.clear()  # the other site itself was served by the test, not fetched
