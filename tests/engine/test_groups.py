"""Groups of equals, kept in the journal; their history read from their meetings' digests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from support import INBRENGER, refused, start

from intervision.engine import (
    Engine,
    Event,
    GroupError,
    MemoryJournal,
    Registry,
    hookimpl,
    replay,
)
from intervision.engine.groups import groups_of
from intervision.engine.groups.group import GroupState
from intervision.engine.groups.history import (
    commitment_id,
    fairness,
    group_history,
    look_back,
    propose_facilitator,
    record_of,
)
from intervision.engine.storage import SqliteJournal


class Clock:
    """Time that moves only when a test says so: one meeting every eight weeks."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 12, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def make_group(engine: Engine, names: list[str]) -> GroupState:
    groups_of(engine).create("Wijkteam Noord", lang="nl")
    for name in names:
        groups_of(engine).add_member("wijkteam-noord", name)
    return groups_of(engine).get("wijkteam-noord")


def test_a_group_is_created_with_the_default_contract_and_members(engine: Engine) -> None:
    group = make_group(engine, ["Anna", "Bram", "Carla"])
    assert [m.name for m in group.members.values()] == ["Anna", "Bram", "Carla"]
    assert "blijft in de groep" in group.contract.confidentiality
    assert engine.meetings() == []
    with pytest.raises(GroupError, match="already exists"):
        groups_of(engine).create("Wijkteam Noord")
    with pytest.raises(GroupError, match="same or look so alike"):
        groups_of(engine).add_member("wijkteam-noord", "anna")
    with pytest.raises(GroupError, match="no such group"):
        groups_of(engine).get("zuid")


def test_a_work_relation_between_members_is_refused_unless_a_reason_is_recorded(
    engine: Engine,
) -> None:
    make_group(engine, ["Anna", "Bram", "Carla"])
    with pytest.raises(GroupError, match=r"direct work relation.*group of equals"):
        groups_of(engine).add_member("wijkteam-noord", "Dirk", reports_to="Bram")
    assert "dirk" not in groups_of(engine).get("wijkteam-noord").members
    groups_of(engine).add_member("wijkteam-noord", "Eva", function="teamleider")
    with pytest.raises(GroupError, match="direct work relation"):
        groups_of(engine).add_member("wijkteam-noord", "Fleur", reports_to="eva")
    group, _ = groups_of(engine).add_member(
        "wijkteam-noord", "Dirk", reports_to="Bram", relation_reason="different teams since May"
    )
    assert group.members["dirk"].relation_reason == "different teams since May"


def test_fewer_than_three_or_more_than_eight_members_warns(engine: Engine) -> None:
    groups_of(engine).create("Klein")
    _, warnings = groups_of(engine).add_member("klein", "Anna")
    assert warnings and "3 to 8" in warnings[0].en
    for name in ["Bram", "Carla", "Dirk", "Eva", "Fleur", "Gijs", "Hanna"]:
        _, warnings = groups_of(engine).add_member("klein", name)
    assert warnings == []
    _, warnings = groups_of(engine).add_member("klein", "Ilse")
    assert "above 8" in warnings[0].en
    _, warnings = groups_of(engine).remove_member("klein", "Ilse")
    assert warnings == []


def test_groups_survive_in_sqlite_beside_the_meetings(tmp_path: Path, registry: Registry) -> None:
    engine = Engine(SqliteJournal(tmp_path / "s.sqlite3"), registry)
    group = make_group(engine, ["Anna", "Bram", "Carla", "Dirk"])
    engine.start_meeting(group, facilitator="Anna")
    again = Engine(SqliteJournal(tmp_path / "s.sqlite3"), registry)
    assert [g.name for g in groups_of(again).all()] == ["Wijkteam Noord"]
    [meeting] = again.meetings()
    assert again.state(meeting.meeting_id).group_id == "wijkteam-noord"


def hold_meeting(
    engine: Engine, group: GroupState, facilitator: str, inbrenger: str, commitment: str
) -> str:
    meeting = engine.start_meeting(group, facilitator=facilitator, lang="nl")
    meeting.advance(facilitator)
    for person in meeting.state.present:
        meeting.submit_leervraag(person, f"leervraag van {person}")
    meeting.advance(facilitator)
    meeting.choose_case(facilitator, inbrenger, consent=True)
    meeting.choose_method(facilitator, "incident", inbrenger_agrees=True)
    while meeting.state.frame == "method":
        if meeting.phase and meeting.phase.decision:
            meeting.decide(inbrenger, text=commitment)
        meeting.advance(facilitator)
    meeting.advance(facilitator)
    for person in meeting.state.present:
        meeting.contribute(person, "recognition", "herkenbaar")
    meeting.advance(facilitator)
    meeting.close(facilitator)
    return meeting.id


@pytest.fixture
def series(registry: Registry) -> tuple[Engine, GroupState, Clock]:
    clock = Clock()
    engine = Engine(MemoryJournal(), registry, clock=clock)
    group = make_group(engine, ["Anna", "Bram", "Carla", "Dirk"])
    for facilitator, inbrenger in [("anna", "bram"), ("bram", "carla"), ("carla", "bram")]:
        hold_meeting(engine, group, facilitator, inbrenger, f"{inbrenger} belt de ouders")
        clock.now += timedelta(weeks=8)
    return engine, group, clock


def test_history_is_read_from_the_groups_meetings(series: tuple[Engine, GroupState, Clock]) -> None:
    engine, group, _ = series
    history = group_history(engine, group.id)
    assert [r.facilitator for r in history] == ["anna", "bram", "carla"]
    assert [r.inbrengers for r in history] == [("bram",), ("carla",), ("bram",)]
    assert all(r.methods == ("incident",) for r in history)
    # Nobody told yet how their commitment went: all three are open.
    assert [c.text for c in look_back(history)] == [
        "bram belt de ouders",
        "carla belt de ouders",
        "bram belt de ouders",
    ]


def test_history_reads_no_meeting_of_the_store_and_equals_a_replay(
    series: tuple[Engine, GroupState, Clock],
) -> None:
    """Other groups' meetings around it cost nothing: no meeting is loaded or replayed."""
    engine, group, _ = series
    for n in range(40):
        engine.start_meeting(["Xander", "Yara", "Zoe"], facilitator="Xander", group_id=f"other-{n}")
    loaded: list[str] = []
    load = engine.journal.load

    def counted(meeting_id: str, after: int = 0) -> list[Event]:
        loaded.append(meeting_id)
        return load(meeting_id, after)

    engine.journal.load = counted  # type: ignore[method-assign]
    fresh = Engine(engine.journal, engine.registry)  # nothing cached

    history = group_history(fresh, group.id)
    groups = groups_of(fresh).all()

    assert [loaded_id for loaded_id in loaded if ":" not in loaded_id] == []
    assert [g.id for g in groups] == [group.id]
    engine.journal.load = load  # type: ignore[method-assign]
    replayed = [record_of(replay(load(r.meeting_id)), engine.registry) for r in history]
    assert history == replayed and len(history) == 3


def test_rotation_proposes_who_facilitated_least_and_longest_ago(
    series: tuple[Engine, GroupState, Clock],
) -> None:
    engine, group, _ = series
    history = group_history(engine, group.id)
    present = ["anna", "bram", "carla", "dirk"]
    assert propose_facilitator(engine, group, present, history) == "dirk"
    assert propose_facilitator(engine, group, ["anna", "bram", "carla"], history) == "anna"
    guided = groups_of(engine).set_guided(group.id, "Mevrouw Jansen")
    assert propose_facilitator(engine, guided, present, history) == "Mevrouw Jansen"


def test_a_plugin_can_replace_the_rotation_policy(
    series: tuple[Engine, GroupState, Clock], registry: Registry
) -> None:
    from intervision.engine import load_registry

    class AlwaysCarla:
        @hookimpl
        def intervision_next_facilitator(self, members: list[str], history: list[dict]) -> str:  # type: ignore[type-arg]
            assert history and "facilitator" in history[0]
            return "carla"

    engine, group, _ = series
    engine.registry = load_registry(strict=True, extra=[("always-carla", AlwaysCarla())])
    history = group_history(engine, group.id)
    assert propose_facilitator(engine, group, ["anna", "carla", "dirk"], history) == "carla"


def test_fairness_shows_who_waited_longest_to_bring_a_case(
    series: tuple[Engine, GroupState, Clock],
) -> None:
    engine, group, _ = series
    turns = fairness(group, group_history(engine, group.id))
    assert [(t.member, t.times) for t in turns] == [
        ("anna", 0),
        ("dirk", 0),
        ("carla", 1),
        ("bram", 2),
    ]


def test_a_failing_rotation_plugin_falls_back_to_the_rotation(
    series: tuple[Engine, GroupState, Clock],
) -> None:
    import structlog

    from intervision.engine import load_registry

    class Broken:
        @hookimpl
        def intervision_next_facilitator(self, members: list[str], history: list[dict]) -> str:  # type: ignore[type-arg]
            raise RuntimeError("boom")

    engine, group, _ = series
    engine.registry = load_registry(strict=True, extra=[("broken", Broken())])
    with structlog.testing.capture_logs() as logs:
        proposal = propose_facilitator(
            engine, group, ["anna", "bram", "carla", "dirk"], group_history(engine, group.id)
        )
    assert proposal == "dirk"
    assert [e["event"] for e in logs] == ["hook_failed"]


def test_every_open_commitment_comes_back_until_its_maker_tells_how_it_went(
    registry: Registry,
) -> None:
    clock = Clock()
    engine = Engine(MemoryJournal(), registry, clock=clock)
    group = make_group(engine, ["Anna", "Bram", "Carla", "Dirk"])
    first = hold_meeting(engine, group, "anna", "bram", "bram belt de ouders")
    clock.now += timedelta(weeks=8)

    # Bram is away at the second meeting: his commitment waits for him.
    second = engine.start_meeting(group, facilitator="anna", present=["anna", "carla", "dirk"])
    [promise] = look_back(group_history(engine, group.id), before=second.id)
    assert (promise.member, promise.text, promise.meeting_id) == (
        "bram",
        "bram belt de ouders",
        first,
    )
    assert promise.id == commitment_id(first, 1, "choice")
    # Carla cannot tell it for him: only its maker's word closes a commitment.
    second.contribute(
        "carla", "statement", "ik weet niet hoe het bij Bram ging", commitment=promise.id
    )
    second.close("anna", "te weinig mensen")
    clock.now += timedelta(weeks=8)
    hold_meeting(engine, group, "anna", "carla", "carla vraagt om hulp")
    clock.now += timedelta(weeks=8)

    # The fourth meeting, Bram is back: his and Carla's commitments are both open.
    fourth = engine.start_meeting(group, facilitator="dirk")
    history = group_history(engine, group.id)
    open_now = look_back(history, before=fourth.id)
    assert [(c.member, c.text) for c in open_now] == [
        ("bram", "bram belt de ouders"),
        ("carla", "carla vraagt om hulp"),
    ]
    told = fourth.contribute("bram", "statement", "de ouders waren blij", commitment=open_now[0].id)
    assert fourth.state.contributions[-1].commitment == open_now[0].id == f"{first}:1:choice"
    assert [c.member for c in look_back(group_history(engine, group.id))] == ["carla"]
    # The fourth meeting still shows what it set out to look back on, told or not.
    assert look_back(group_history(engine, group.id), before=fourth.id) == open_now
    assert told == "C1"


def test_how_a_commitment_went_is_told_at_the_opening_only(engine: Engine) -> None:
    meeting = start(engine, "incident")
    with refused(meeting, "look_back"):
        meeting.contribute(INBRENGER, "statement", "te laat", commitment="m:1:choice")


def test_the_roles_of_the_day_go_round_like_the_facilitation(registry: Registry) -> None:
    from intervision.engine.groups import propose_roles

    clock = Clock()
    engine = Engine(MemoryJournal(), registry, clock=clock)
    group = make_group(engine, ["Anna", "Bram", "Carla", "Dirk"])
    present = ["anna", "bram", "carla", "dirk"]
    assert propose_roles(present, [], facilitator="anna") == {
        "scribe": "bram",
        "timekeeper": "carla",
    }
    engine.start_meeting(group, facilitator="anna", scribe="bram", timekeeper="carla").close(
        "anna", "kort"
    )
    history = group_history(engine, group.id)
    assert dict(history[0].roles) == {"scribe": ("bram",), "timekeeper": ("carla",)}
    # Who held a role least often, and longest ago, and does not facilitate today.
    assert propose_roles(present, history, facilitator="bram") == {
        "scribe": "anna",
        "timekeeper": "dirk",
    }
    assert propose_roles(["anna", "bram"], history, facilitator="anna") == {
        "scribe": "bram",
        "timekeeper": None,
    }


def test_a_statement_at_the_opening_that_names_no_commitment_tells_the_oldest(
    registry: Registry,
) -> None:
    # A surface that does not link what was told (a board, an older store) still
    # closes a commitment: the maker's oldest one open.
    clock = Clock()
    engine = Engine(MemoryJournal(), registry, clock=clock)
    group = make_group(engine, ["Anna", "Bram", "Carla", "Dirk"])
    hold_meeting(engine, group, "anna", "bram", "bram belt de ouders")
    clock.now += timedelta(weeks=8)
    hold_meeting(engine, group, "carla", "bram", "bram vraagt om hulp")
    clock.now += timedelta(weeks=8)
    third = engine.start_meeting(group, facilitator="dirk")
    third.contribute("bram", "statement", "de ouders waren blij")
    history = group_history(engine, group.id)
    assert [c.text for c in look_back(history)] == ["bram vraagt om hulp"]
    assert [c.text for c in look_back(history, before=third.id)] == [
        "bram belt de ouders",
        "bram vraagt om hulp",
    ]
