"""The journal contract, run against every adapter: each must behave the same."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from intervision.engine import Journal
from intervision.engine.core.errors import ConcurrencyError, RepeatedRequest
from intervision.engine.core.events import ContributionAdded, Event, MeetingStarted, MemberRef

T0 = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


def started(meeting_id: str, at: datetime = T0) -> MeetingStarted:
    return MeetingStarted(
        at=at,
        meeting_id=meeting_id,
        lang="en",
        members=(MemberRef(id="a", name="A"), MemberRef(id="b", name="B")),
        present=("a", "b"),
        facilitator="a",
    )


def contribution(contribution_id: str, text: str = "secret text") -> ContributionAdded:
    return ContributionAdded(
        at=T0 + timedelta(minutes=5),
        contribution_id=contribution_id,
        author="b",
        kind="question",
        text=text,
    )


def contribution_ids(events: list[Event]) -> list[str]:
    return [e.contribution_id for e in events if isinstance(e, ContributionAdded)]


def test_adapters_implement_the_protocol(journal: Journal) -> None:
    assert isinstance(journal, Journal)


def test_appended_events_load_back_equal_by_value(journal: Journal) -> None:
    events: list[Event] = [started("m1"), contribution("c1"), contribution("c2", "another")]

    assert journal.append("m1", 0, events) == 3

    assert journal.load("m1") == events
    assert journal.version("m1") == 3


def test_versions_start_at_one_and_have_no_gaps(journal: Journal) -> None:
    assert journal.version("m1") == 0
    assert journal.append("m1", 0, [started("m1")]) == 1
    assert journal.append("m1", 1, [contribution("c1"), contribution("c2")]) == 3
    assert journal.append("m1", 3, [contribution("c3")]) == 4

    assert journal.version("m1") == 4
    assert contribution_ids(journal.load("m1")) == ["c1", "c2", "c3"]


@pytest.mark.parametrize("stale", [0, 1, 3])
def test_a_stale_expected_version_raises_and_writes_nothing(journal: Journal, stale: int) -> None:
    journal.append("m1", 0, [started("m1"), contribution("c1")])
    before = journal.load("m1")

    with pytest.raises(ConcurrencyError) as caught:
        journal.append("m1", stale, [contribution("c2")])

    assert (caught.value.expected, caught.value.actual) == (stale, 2)
    assert caught.value.meeting_id == "m1"
    assert journal.load("m1") == before
    assert journal.version("m1") == 2


def test_a_failed_multi_event_append_leaves_the_journal_as_it_was(journal: Journal) -> None:
    journal.append("m1", 0, [started("m1")])
    journal.append("m1", 1, [contribution("c1")])

    with pytest.raises(ConcurrencyError):
        journal.append("m1", 1, [contribution("c2"), contribution("c3"), contribution("c4")])

    assert journal.version("m1") == 2
    assert len(journal.load("m1")) == 2
    # The meeting still accepts the next append at the version it really has.
    assert journal.append("m1", 2, [contribution("c2"), contribution("c3")]) == 4


def test_a_new_meeting_must_start_from_version_zero(journal: Journal) -> None:
    with pytest.raises(ConcurrencyError):
        journal.append("m1", 1, [started("m1")])

    assert journal.load("m1") == []
    assert journal.meetings() == []


def test_two_meetings_are_independent(journal: Journal) -> None:
    journal.append("m1", 0, [started("m1"), contribution("c1")])
    journal.append("m2", 0, [started("m2")])
    journal.append("m2", 1, [contribution("c9")])
    journal.append("m1", 2, [contribution("c2")])

    assert journal.version("m1") == 3
    assert journal.version("m2") == 2
    assert [e.type for e in journal.load("m2")] == ["meeting_started", "contribution_added"]
    assert journal.load("m1")[0] == started("m1")


def test_meetings_lists_every_meeting_oldest_first(journal: Journal) -> None:
    journal.append("late", 0, [started("late", T0 + timedelta(days=7)), contribution("c1")])
    journal.append("early", 0, [started("early", T0)])
    journal.append("middle", 0, [started("middle", T0 + timedelta(days=1))])

    summaries = journal.meetings()

    assert [(s.meeting_id, s.version, s.started_at) for s in summaries] == [
        ("early", 1, T0),
        ("middle", 1, T0 + timedelta(days=1)),
        ("late", 2, T0 + timedelta(days=7)),
    ]
    assert [s.last_type for s in summaries] == [
        "meeting_started",
        "meeting_started",
        "contribution_added",
    ]


def test_loading_an_unknown_meeting_gives_no_events(journal: Journal) -> None:
    journal.append("m1", 0, [started("m1")])

    assert journal.load("nope") == []
    assert journal.version("nope") == 0


def test_stored_events_cannot_be_changed_through_the_loaded_objects(journal: Journal) -> None:
    journal.append("m1", 0, [started("m1")])
    loaded = journal.load("m1")
    loaded.clear()

    assert journal.load("m1") == [started("m1")]


def test_concurrent_writers_with_retry_store_every_event_once(journal: Journal) -> None:
    writers, per_writer = 8, 15
    journal.append("m1", 0, [started("m1")])
    barrier = threading.Barrier(writers)
    failures: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            barrier.wait()
            for n in range(per_writer):
                event = contribution(f"w{writer}-{n}")
                while True:
                    seen = len(journal.load("m1"))
                    try:
                        journal.append("m1", seen, [event])
                        break
                    except ConcurrencyError:
                        continue
        except BaseException as exc:  # surfaced in the main thread below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not failures
    events = journal.load("m1")
    ids = contribution_ids(events)
    expected = {f"w{w}-{n}" for w in range(writers) for n in range(per_writer)}
    assert len(ids) == len(expected) and set(ids) == expected
    assert journal.version("m1") == len(events) == writers * per_writer + 1


# -- request ids (idempotency keys) ------------------------------------------------------


def test_a_request_id_is_kept_with_the_events_it_committed(journal: Journal) -> None:
    journal.append("m1", 0, [started("m1")])
    journal.append("m1", 1, [contribution("c1"), contribution("c2")], request_id="req-0001")

    assert journal.committed("m1", "req-0001") == (2, 3)
    assert journal.committed("m1", "req-other") is None
    assert journal.committed("m2", "req-0001") is None  # keys are per meeting


def test_a_repeated_request_id_writes_nothing(journal: Journal) -> None:
    journal.append("m1", 0, [started("m1")])
    journal.append("m1", 1, [contribution("c1")], request_id="req-0001")

    with pytest.raises(RepeatedRequest):
        journal.append("m1", 2, [contribution("c2")], request_id="req-0001")

    assert journal.version("m1") == 2
    assert contribution_ids(journal.load("m1")) == ["c1"]


def test_a_refused_append_keeps_no_request_id(journal: Journal) -> None:
    journal.append("m1", 0, [started("m1")])
    with pytest.raises(ConcurrencyError):
        journal.append("m1", 5, [contribution("c1")], request_id="req-0001")

    assert journal.committed("m1", "req-0001") is None
    journal.append("m1", 1, [contribution("c1")], request_id="req-0001")  # the retry commits
    assert journal.committed("m1", "req-0001") == (2, 2)
