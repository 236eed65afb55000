"""The board speaks a plugin's vocabulary: its kind's button by the label the plugin
gives it (``Term.board``), in the member's language, and a contribution of that kind
sent from the button is checked by the plugin's own rule."""

from __future__ import annotations

from typing import Any

from author_plugins import compliments
from board_room import Room, to_phase

from intervision.engine import Engine, MemoryJournal, load_registry


def _room(make_room: Any, lang: str) -> Room:
    registry = load_registry(strict=True, extra=[("compliments", compliments)])
    room: Room = make_room(lang, engine=Engine(MemoryJournal(), registry))
    to_phase(room.meeting, compliments.METHOD_ID, "compliments")
    return room


def test_a_plugin_kinds_button_says_the_plugins_label(make_room: Any) -> None:
    english = _room(make_room, "en")
    assert "Give a compliment" in english.page("carla")
    assert "Give a compliment" not in english.page("bram")  # the inbrenger listens

    dutch = _room(make_room, "nl")
    assert "Compliment geven" in dutch.page("carla")


def test_a_plugin_kind_from_the_board_meets_the_plugins_rule(make_room: Any) -> None:
    room = _room(make_room, "en")

    reason = room.refused("carla", "contribute", kind="compliment", text="you stayed calm")
    assert "Start a compliment with a score from 0 to 10" in reason
    room.do("carla", "contribute", kind="compliment", text="8: you stayed calm")
    [said] = room.meeting.state.contributions
    assert (said.author, said.kind, said.text) == ("carla", "compliment", "8: you stayed calm")
