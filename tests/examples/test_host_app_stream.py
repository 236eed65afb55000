"""The example host app's event stream, and what each viewer may see of a meeting.

A stream is read a bounded number of events with a deadline (the app's keep-alive
lines keep the reader's clock ticking), so a missing event fails, never hangs.
"""

from __future__ import annotations

from typing import Any

import pytest

from intervision.engine import Engine

ACTUAL = "Ik heb de moeder van Sem die middag zelf teruggebeld"
POSITION = "Ik zou de moeder van Sem eerst laten uitpraten"


def texts(events: list[tuple[str, dict[str, Any]]]) -> list[str]:
    return [data["text"] for name, data in events if name == "contribution"]


def test_the_stream_delivers_a_phase_change_and_a_contribution(api: Any) -> None:
    api.group()
    meeting_id = api.start()
    with api.events(meeting_id, "carla") as stream:
        name, ready = stream.next()
        assert (name, ready["frame"], ready["version"]) == ("ready", "opening", 1)

        api.ok(meeting_id, "advance", "anna")
        name, phase = stream.next()
        assert (name, phase["frame"], phase["title"], phase["version"]) == (
            "phase",
            "leervragen",
            "Leervragen",
            2,
        )

        for person in ("anna", "bram", "carla", "dirk"):
            api.ok(meeting_id, "submit_leervraag", person, text=f"leervraag {person}")
        api.ok(meeting_id, "advance", "anna")
        api.ok(meeting_id, "choose_case", "anna", inbrenger="bram", consent=True)
        api.ok(meeting_id, "choose_method", "anna", method_id="incident", inbrenger_agrees=True)
        api.ok(meeting_id, "contribute", "bram", kind="statement", text="Het begon om negen uur.")

        seen = stream.until(lambda event: event[0] == "contribution")
        phases = [(data["frame"], data["phase"]) for name, data in seen if name == "phase"]
        assert phases == [
            ("case_choice", None),
            ("method_choice", None),
            ("method", "situation"),
        ]
        name, said = seen[-1]
        assert (said["author"], said["kind"], said["text"]) == (
            "Bram",
            "statement",
            "Het begon om negen uur.",
        )
        assert said["phase"] == "situation"


def test_the_stream_ends_when_the_meeting_closes(api: Any) -> None:
    api.group()
    meeting_id = api.start()
    api.to_method(meeting_id, "incident")
    with api.events(meeting_id, "dirk") as stream:
        stream.next()
        api.ok(meeting_id, "close", "anna", reason="brandalarm")
        name, closed = stream.until(lambda event: event[0] != "phase")[-1]
        assert (name, closed["closed"]) == ("closed", True)
        assert list(stream.lines) == []
    with api.events(meeting_id, "dirk") as stream:
        name, ready = stream.next()
        assert ready["closed"] is True
        assert list(stream.lines) == []


def test_the_stream_unsubscribes_when_the_client_goes_away(
    api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine: Engine = api.client.app.state.engine
    live: list[object] = []
    subscribe = engine.subscribe

    def counted(callback: Any, **only: Any) -> Any:
        live.append(callback)
        unsubscribe = subscribe(callback, **only)

        def stop() -> None:
            live.remove(callback)
            unsubscribe()

        return stop

    monkeypatch.setattr(engine, "subscribe", counted)
    api.group()
    meeting_id = api.start()
    with api.events(meeting_id, "carla") as first, api.events(meeting_id, "dirk") as second:
        first.next()
        second.next()
        assert len(live) == 2
    assert live == []
    # The meeting goes on without the viewers' callbacks.
    assert api.ok(meeting_id, "advance", "anna")["frame"] == "leervragen"


def test_unknown_meetings_and_viewers_are_refused_before_the_stream_starts(api: Any) -> None:
    api.group()
    meeting_id = api.start()
    url = f"/meetings/{meeting_id}/events"
    assert api.client.get("/meetings/nope/events", params={"viewer": "anna"}).status_code == 404
    stranger = api.client.get(url, params={"viewer": "Zoë"})
    assert (stranger.status_code, stranger.json()["rule"]) == (422, "not_a_member")
    assert api.client.get(url).status_code == 400


# -- hidden until their time --------------------------------------------------------------


def test_hidden_contributions_are_not_leaked_through_state_or_stream(api: Any) -> None:
    """The blind-position incident method: what Bram actually did stays hidden until the
    comparison, and the positions are written in silence until the reveal."""
    api.group()
    meeting_id = api.start()
    api.to_method(meeting_id, "incident", variant="blind-position")
    api.ok(meeting_id, "advance", "anna")  # questions
    api.ok(meeting_id, "advance", "anna")  # actual
    with api.events(meeting_id, "carla") as carla:
        assert carla.next()[1]["phase"] == "actual"
        api.ok(meeting_id, "contribute", "bram", kind="statement", text=ACTUAL)

        assert ACTUAL not in str(api.state(meeting_id, "carla"))
        assert ACTUAL not in str(api.state(meeting_id, "anna"))
        assert texts_of(api.state(meeting_id, "bram")) == [ACTUAL]

        api.ok(meeting_id, "advance", "anna")  # positions, written in silence
        seen = carla.until(lambda event: event[0] == "phase")
        assert seen[-1][1]["phase"] == "positions"
        assert ACTUAL not in str(seen)

        api.ok(meeting_id, "contribute", "dirk", kind="position", text=POSITION)
        api.ok(meeting_id, "contribute", "carla", kind="position", text="Mijn standpunt")
        seen = carla.until(lambda event: event[0] == "contribution")
        assert texts(seen) == ["Mijn standpunt"]
        assert POSITION not in str(api.state(meeting_id, "carla"))
        assert POSITION not in str(api.state(meeting_id, "bram"))
        assert POSITION in texts_of(api.state(meeting_id, "dirk"))

        api.ok(meeting_id, "contribute", "anna", kind="position", text="Standpunt Anna")
        api.ok(meeting_id, "reveal", "anna")
        seen = carla.until(lambda event: "Standpunt Anna" in str(event))
        assert texts(seen) == [POSITION, "Standpunt Anna"]
        assert ACTUAL not in str(seen)
        assert ACTUAL not in str(api.state(meeting_id, "carla"))

        api.ok(meeting_id, "advance", "anna")  # compare: now the group sees it
        seen = carla.until(lambda event: event[0] == "contribution")
        assert [name for name, _ in seen] == ["phase", "contribution"]
        assert seen[0][1]["phase"] == "compare"
        assert texts(seen) == [ACTUAL]
        assert ACTUAL in texts_of(api.state(meeting_id, "carla"))


def texts_of(view: dict[str, Any]) -> list[str]:
    return [c["text"] for c in view["contributions"] if c["phase"] in ("actual", "positions")]
