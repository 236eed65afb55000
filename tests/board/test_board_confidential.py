"""Hidden means absent: what a member may not see yet is not in their page, not in their
stream, and nowhere in a log.

Other tools hide a private answer on screen and still send it to every browser. Here
a member's page is drawn from ``visible_to(that member)`` on the server, so another
member's written text is not in the HTML or the event stream before the reveal:
not hidden, absent. Who has written may show; what they wrote may not.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from board_room import Room, to_phase

from intervision.engine import slug

SECRET = "GEHEIME-VRAAG-VAN-CARLA"
ACTUAL = "ZELF-GEDAAN-DOOR-BRAM"


def test_a_written_question_is_absent_from_the_others_pages_until_the_reveal(room: Room) -> None:
    to_phase(room.meeting, "socratic", "writing")
    with room.stream("dirk") as dirk_stream:
        dirk_stream.next()
        room.do("carla", "contribute", kind="open_question", text=SECRET)
        name, view = dirk_stream.next()
        assert name == "view"
        assert SECRET not in str(view)
        assert "Carla" in str(view)  # who has written may show
    for who in ("anna", "bram", "dirk", "eva", "display", "console"):
        assert SECRET not in room.page(who), who
        assert SECRET not in room.view(who), who
    carla = room.page("carla")
    assert SECRET in carla
    assert "Alleen jij ziet dit" in carla
    # The reveal waits until every participant has written (at least one question each).
    for who in ("anna", "dirk", "eva"):  # the facilitator takes part in this method
        room.do(who, "contribute", kind="open_question", text=f"Vraag van {who}?")

    with room.stream("dirk") as dirk_stream:
        dirk_stream.next()
        room.do("console", "reveal")
        name, view = dirk_stream.next()
        assert SECRET in str(view)
    for who in ("anna", "bram", "dirk", "eva", "display", "console"):
        assert SECRET in room.page(who), who


def test_the_blind_position_keeps_what_was_done_until_the_comparison(room: Room) -> None:
    to_phase(room.meeting, "incident", "actual", variant="blind-position")
    room.do("bram", "contribute", kind="statement", text=ACTUAL)
    assert ACTUAL in room.page("bram")
    while room.meeting.state.phase != "compare":
        for who in ("carla", "display", "console"):
            assert ACTUAL not in room.page(who)
            assert ACTUAL not in room.view(who)
        if room.meeting.state.phase == "positions":
            for who in ("anna", "carla", "dirk", "eva"):
                room.do(who, "contribute", kind="position", text=f"{who} zou bellen.")
            room.do("console", "reveal")
        room.do("console", "advance")
    for who in ("carla", "display", "console"):
        assert ACTUAL in room.page(who)


def test_no_case_content_or_link_reaches_a_log(
    room: Room, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    to_phase(room.meeting, "socratic", "writing")
    room.do("carla", "contribute", kind="open_question", text=SECRET)
    room.refused("carla", "contribute", kind="advice", text=SECRET + "-ADVIES")
    for who in ("anna", "dirk", "eva"):  # the facilitator takes part in this method
        room.do(who, "contribute", kind="open_question", text=f"Vraag van {who}?")
    room.do("console", "reveal")
    room.page("display")
    # The test client logs its own requests (httpx2): that is the browser's side.
    server_side = [r.getMessage() for r in caplog.records if not r.name.startswith("httpx")]
    logged = "\n".join(server_side) + "".join(capsys.readouterr())
    assert SECRET not in logged
    for token in room.links.values():
        assert token not in logged


def test_the_links_are_kept_as_hashes_only(room: Room, board_dir: Path) -> None:
    files = list(board_dir.iterdir())
    assert len(files) == 1
    stored = files[0].read_text()
    assert files[0].stat().st_mode & 0o777 == 0o600
    assert board_dir.stat().st_mode & 0o777 == 0o700
    for token in room.links.values():
        assert token not in stored
    assert room.meeting.id in stored
    assert not re.search(r"\b(anna|bram) de\b", stored)  # ids only, never names or content
    assert slug("Bram") in stored
