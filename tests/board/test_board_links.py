"""The links: one person each, replaced when lost, ended when the meeting closes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from board_room import ORIGIN, Room, to_phase

from intervision.cli.board.passes import PassBook


def test_a_replaced_link_stops_working_and_the_new_one_works(room: Room) -> None:
    old = room.links["carla"]
    with room.stream("carla") as stream:
        stream.next()
        response = room.client.post(
            f"{room.url('console')}/link",
            data={"csrf": room.csrf("console"), "person": "carla"},
            headers={"accept": "application/json", "origin": ORIGIN},
        )
        assert response.status_code == 200
        message = response.json()["message"]
        name, end = stream.next()
        assert name == "end"
        assert "werkt niet" in end["html"]
    assert room.client.get(f"/b/{old}").status_code == 404
    new = message.split("/b/")[1].split('"')[0]
    assert "<svg" in message  # the QR code, to scan from the console
    room.links["carla"] = new
    assert "Carla" in room.page("carla")


def test_a_member_cannot_make_links(room: Room) -> None:
    for who in ("carla", "anna", "display"):
        response = room.client.post(
            f"{room.url(who)}/link",
            data={"csrf": room.csrf(who), "person": "carla"},
            headers={"accept": "application/json", "origin": ORIGIN},
        )
        assert response.status_code == 403
    assert "Carla" in room.page("carla")


def test_every_link_ends_when_the_meeting_closes(room: Room, board_dir: Path) -> None:
    with room.stream("dirk") as stream:
        stream.next()
        room.do("console", "close", reason="brandalarm")
        name, end = stream.next()
        assert name == "end"
        assert "afgesloten" in end["html"]
    for who in room.links:
        assert room.client.get(room.url(who)).status_code == 404
    assert list(board_dir.iterdir()) == []


def test_links_survive_a_restart_of_the_board(room: Room, board_dir: Path) -> None:
    book = PassBook(board_dir)
    assert book.load(room.meeting.id)
    for token in room.links.values():
        found = book.find(token)
        assert found is not None and found.meeting_id == room.meeting.id
    assert book.find(room.links["carla"]).person == "carla"  # type: ignore[union-attr]
    assert book.find(room.links["console"]).kind == "console"  # type: ignore[union-attr]


def test_a_page_remembers_its_language(room: Room) -> None:
    assert 'lang="nl"' in room.page("eva")
    room.choose_lang("eva", "en")
    assert 'lang="en"' in room.page("eva")
    assert 'lang="nl"' in room.page("dirk")
    assert PassBook(room.book.folder).load(room.meeting.id)
    book = PassBook(room.book.folder)
    book.load(room.meeting.id)
    assert book.find(room.links["eva"]).lang == "en"  # type: ignore[union-attr]


def test_the_stream_sends_a_snapshot_then_only_what_changed(room: Room) -> None:
    to_phase(room.meeting, "incident", "questions")
    with room.stream("dirk") as stream:
        name, first = stream.next()
        assert name == "view" and set(first["regions"]) == {"status", "actions", "feed"}
        room.do("carla", "contribute", kind="question", text="Wie belde er?")
        name, second = stream.next()
        assert name == "view" and second["v"] == first["v"] + 1
        assert "feed" in second["regions"] and "actions" not in second["regions"]
        assert "Wie belde er?" in second["regions"]["feed"]["html"]
    with room.stream("dirk") as again:  # a reconnect gets the whole view at once
        name, whole = again.next()
        assert set(whole["regions"]) == {"status", "actions", "feed"}
        assert "Wie belde er?" in whole["regions"]["feed"]["html"]
        name, tick = again.next(skip_ticks=False)
        assert name == "tick" and tick["now"] > 0


def test_a_member_sees_what_they_committed_to_last_time(make_room: Any) -> None:
    """A group's meeting opens with each member's commitment from the last meeting."""
    from intervision.engine.groups import groups_of

    first = make_room()
    book = groups_of(first.engine)
    group = book.create("Team Noord", lang="nl")
    for name in ("Anna", "Bram", "Carla", "Dirk", "Eva"):
        group, _ = book.add_member(group.id, name)
    earlier = first.engine.start_meeting(group, facilitator="Anna", lang="nl")
    to_phase(earlier, "incident", "advice")
    advice = earlier.contribute("carla", "advice", "Bel de ouder terug.")
    earlier.advance("anna")
    earlier.decide("bram", text="Ik bel de vader morgen terug.", selected=[advice])
    earlier.close("anna", "klaar")
    room = make_room(engine=first.engine, group=group)
    bram, carla = room.page("bram"), room.page("carla")
    assert (
        "Je sprak eerder af (vertel hoe het ging)" in bram
        and "Ik bel de vader morgen terug." in bram
    )
    assert "Ik bel de vader morgen terug." not in carla
