"""1,000 meetings of different groups, driven at once from 8 threads through one engine.

A host app serves many groups from one process: each meeting must reach its end
with its own state, untouched by the others, and the journal must hold exactly
what each thread was told was accepted.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
import structlog
from drive import METHODS, candidates

from intervision.engine import (
    CommandRefused,
    Engine,
    MeetingState,
    NotAMemberError,
    Registry,
    UnknownMethodError,
    replay,
)
from intervision.engine.groups import groups_of
from intervision.engine.storage import open_engine

THREADS = 8
MEETINGS = 1000
NAMES = ("Anna", "Bram", "Carla", "Dirk", "Eva")

pytestmark = pytest.mark.slow


@dataclass
class Driven:
    meeting_id: str
    group_id: str
    method: str
    acknowledged: int = 0
    states: list[int] = field(default_factory=list)


@pytest.fixture(autouse=True)
def _quiet_logs() -> Iterator[None]:
    # 60,000 commands: keep the (content-free) info lines out of the captured output.
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    yield


def drive_one(engine: Engine, number: int) -> Driven:
    """One group, one meeting, driven to its close; returns what was acknowledged."""
    group = groups_of(engine).create(f"Team {number}", group_id=f"team-{number}")
    for name in NAMES:
        group, _ = groups_of(engine).add_member(group.id, f"{name} {number}")
    facilitator = f"{NAMES[number % len(NAMES)]} {number}"
    meeting = engine.start_meeting(group, facilitator=facilitator, meeting_id=f"m-{number}")
    # The driver picks the method from the number it is given and the cases so far.
    pick = number % len(METHODS)
    driven = Driven(meeting.id, group.id, METHODS[(pick + 1) % len(METHODS)])
    for _ in range(500):
        if meeting.state.closed:
            return driven
        for command in candidates(meeting, pick):
            try:
                command()
            except (CommandRefused, NotAMemberError, UnknownMethodError):
                continue
            driven.acknowledged += 1
            driven.states.append(meeting.state.version)
            break
        else:
            raise AssertionError(f"meeting {meeting.id} stuck in {meeting.state.frame}")
    raise AssertionError(f"meeting {meeting.id} did not close within 500 commands")


def run_concurrently(engine: Engine, count: int) -> dict[int, Driven]:
    results: dict[int, Driven] = {}
    failures: list[BaseException] = []
    barrier = threading.Barrier(THREADS)

    def worker(offset: int) -> None:
        try:
            barrier.wait()
            for number in range(offset, count, THREADS):
                results[number] = drive_one(engine, number)
        except BaseException as exc:  # surfaced in the main thread below
            failures.append(exc)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=1200)
    assert not failures, failures[0]
    assert len(results) == count
    return results


def assert_each_ended_with_its_own_state(engine: Engine, results: dict[int, Driven]) -> None:
    listed = {s.meeting_id for s in engine.meetings()}
    assert listed == {d.meeting_id for d in results.values()}
    for number, driven in results.items():
        events = engine.journal.load(driven.meeting_id)
        state: MeetingState = engine.state(driven.meeting_id)
        # The live state is the journal's, and the journal holds what was acknowledged.
        assert replay(events) == state
        assert state.closed and state.frame == "closed"
        # Each acknowledged command moved the meeting on; the last one is where it ended.
        assert driven.states == sorted(set(driven.states)) and driven.states[-1] == state.version
        assert len(events) == state.version >= driven.acknowledged + 1
        # Nothing crossed over from another group's meeting.
        members = {m.id for m in groups_of(engine).get(driven.group_id).members.values()}
        assert set(state.members) == members
        assert state.group_id == driven.group_id
        assert {c.author for c in state.contributions} <= members
        # Each case ran the method its thread chose (incident when that one did not fit).
        for no, case in enumerate(state.cases):
            chosen = METHODS[(METHODS.index(driven.method) + no) % len(METHODS)]
            assert case.method_id in (chosen, "incident"), (number, no, case.method_id)


def test_a_thousand_meetings_from_eight_threads_each_end_with_their_own_state(
    registry: Registry,
) -> None:
    with open_engine(":memory:", registry=registry) as engine:
        results = run_concurrently(engine, MEETINGS)
        assert_each_ended_with_its_own_state(engine, results)


@pytest.mark.parametrize("adapter", ["sqlite", "postgres"])
def test_the_durable_stores_keep_meetings_apart_under_threads(
    adapter: str, registry: Registry, request: pytest.FixtureRequest
) -> None:
    if adapter == "sqlite":
        store = f"sqlite:///{request.getfixturevalue('tmp_path') / 'store.sqlite3'}"
    else:
        store = request.getfixturevalue("postgres_store")
    with open_engine(store, registry=registry) as engine:
        results = run_concurrently(engine, 48)
    # A second engine, as after a restart, reads every meeting back as it ended.
    with open_engine(store, registry=registry) as engine:
        assert_each_ended_with_its_own_state(engine, results)
