"""What a request must be for the board to hear it: its host, origin, form and rate.

These are the board's own defences (issue 15, "Hardening"); each test sends what a
browser on another site, a rebinding DNS name or a runaway client would send, and
checks that nothing was written.
"""

from __future__ import annotations

import pytest
from board_room import ORIGIN, Room, to_phase

from intervision.cli.board.guard import CSP, MAX_BODY


def test_every_answer_has_the_headers_that_keep_a_page_private(room: Room) -> None:
    for response in (
        room.client.get(room.url("carla")),
        room.client.get("/"),
        room.client.get("/b/not-a-link-at-all-0000000"),
        room.post("carla", "advance"),
    ):
        headers = response.headers
        assert headers["content-security-policy"] == CSP
        assert headers["cache-control"] == "no-store"
        assert headers["referrer-policy"] == "same-origin"
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in CSP and "connect-src 'self'" in CSP


def test_another_host_name_is_refused(room: Room) -> None:
    response = room.client.get(room.url("carla"), headers={"host": "evil.example:8765"})
    assert response.status_code == 421
    assert "Carla" not in response.text


def test_a_request_from_another_origin_is_refused_and_writes_nothing(room: Room) -> None:
    room.do("console", "advance")
    version = room.meeting.state.version
    body = {"csrf": room.csrf("bram"), "action": "submit_leervraag", "text": "x"}
    for headers in (
        {"origin": "http://evil.example"},
        {"origin": "https://testserver"},
        {"origin": ORIGIN, "sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {"origin": "null"},
    ):
        response = room.client.post(
            f"{room.url('bram')}/do", data=body, headers={"accept": "application/json", **headers}
        )
        assert response.status_code == 403, headers
    assert room.meeting.state.version == version


def test_a_form_without_the_links_csrf_value_is_refused(room: Room) -> None:
    for csrf in ("", "0" * 32, room.csrf("carla")):  # Carla's value is not Bram's
        response = room.client.post(
            f"{room.url('bram')}/do",
            data={"csrf": csrf, "action": "pass_leervraag"},
            headers={"accept": "application/json", "origin": ORIGIN},
        )
        assert response.status_code == 403
    assert room.meeting.state.version == 1


def test_only_json_and_the_boards_own_forms_are_read(room: Room) -> None:
    room.do("console", "advance")
    url = f"{room.url('bram')}/do"
    headers = {"accept": "application/json", "origin": ORIGIN}
    plain = room.client.post(url, content=b"action=pass_leervraag", headers=headers)
    assert plain.status_code == 415
    multipart = room.client.post(url, files={"action": ("a", b"pass_leervraag")}, headers=headers)
    assert multipart.status_code == 415
    as_json = room.client.post(
        url, json={"csrf": room.csrf("bram"), "action": "pass_leervraag"}, headers=headers
    )
    assert as_json.status_code == 200, as_json.text
    assert room.meeting.state.passed == ("bram",)


def test_bodies_and_texts_have_a_limit(room: Room) -> None:
    to_phase(room.meeting, "incident", "questions")
    version = room.meeting.state.version
    huge = room.client.post(
        f"{room.url('carla')}/do",
        content=b"x" * (MAX_BODY + 1),
        headers={
            "accept": "application/json",
            "origin": ORIGIN,
            "content-type": "application/x-www-form-urlencoded",
        },
    )
    assert huge.status_code == 413
    message = room.refused("carla", "contribute", status=400, kind="question", text="x" * 4001)
    assert "4000" in message
    assert room.meeting.state.version == version


def test_a_link_that_sends_too_fast_is_slowed_down(room: Room) -> None:
    statuses = [room.post("carla", "contribute").status_code for _ in range(30)]
    assert 429 in statuses
    assert room.meeting.state.version == 1


@pytest.mark.parametrize("token", ["", "short", "x" * 24, "A" * 200])
def test_a_link_that_is_not_one_opens_nothing(room: Room, token: str) -> None:
    response = room.client.get(f"/b/{token}")
    assert response.status_code == 404
    assert "Anna" not in response.text and "leervraag van" not in response.text
