"""The read models every adapter keeps with its events: listings, counts, rebuilds (issue #16).

Run against memory, SQLite and PostgreSQL, each plain and encrypted, like the
journal contract: a listing pages newest first by a cursor, filters by group and by
open or closed, a group's counts follow its meetings, streams are found by prefix,
and the texts a digest keeps (decisions, learning goals) are sealed at rest where
the store is.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from intervision.engine import (
    CaseChosen,
    ContributionAdded,
    DecisionMade,
    Event,
    GroupContract,
    GroupCreated,
    GroupDigest,
    Journal,
    MeetingClosed,
    MeetingStarted,
    MemberRef,
    MethodChosen,
    StepEntered,
)
from intervision.engine.storage import EncryptedJournal, EncryptionError, SqliteJournal, new_key

T0 = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
SECRET = "GEHEIM-ik bel de moeder terug"
GOAL = "GEHEIM-leren nee zeggen tegen mijn teamleider"
KEY = new_key()


def meeting(
    journal: Journal,
    meeting_id: str,
    day: int,
    *,
    group: str | None = "g1",
    facilitator: str = "anna",
    inbrenger: str | None = None,
    closed: bool = False,
) -> None:
    at = T0 + timedelta(days=day)
    events: list[Event] = [
        MeetingStarted(
            at=at,
            meeting_id=meeting_id,
            group_id=group,
            lang="nl",
            members=(MemberRef(id="anna", name="Anna"), MemberRef(id="bram", name="Bram")),
            present=("anna", "bram"),
            facilitator=facilitator,
        )
    ]
    if inbrenger:
        events += [
            CaseChosen(at=at, case_no=1, leervraag_id="L1", inbrenger=inbrenger),
            MethodChosen(at=at, case_no=1, method_id="incident", method_version="1.0"),
            StepEntered(at=at, frame="method", phase="choice"),
            DecisionMade(at=at, decision_id="usable_advice", by=inbrenger, text=SECRET),
        ]
    if closed:
        events.append(MeetingClosed(at=at + timedelta(hours=2), by=facilitator))
    journal.append(meeting_id, 0, events)


def ids(journal: Journal, **query: object) -> list[str]:
    return [d.meeting_id for d in journal.digests(**query).digests]  # type: ignore[arg-type]


def test_a_listing_is_newest_first_and_pages_by_its_cursor(journal: Journal) -> None:
    for n in range(5):
        meeting(journal, f"m{n}", day=n)

    first = journal.digests(limit=2)
    second = journal.digests(limit=2, cursor=first.next_cursor)
    third = journal.digests(limit=2, cursor=second.next_cursor)

    assert [d.meeting_id for d in first.digests] == ["m4", "m3"]
    assert [d.meeting_id for d in second.digests] == ["m2", "m1"]
    assert [d.meeting_id for d in third.digests] == ["m0"] and third.next_cursor is None
    assert ids(journal, oldest_first=True, limit=3) == ["m0", "m1", "m2"]
    assert ids(journal, limit=None) == ["m4", "m3", "m2", "m1", "m0"]


def test_a_page_that_ends_exactly_at_the_last_meeting_has_no_next_cursor(journal: Journal) -> None:
    meeting(journal, "m0", day=0)
    meeting(journal, "m1", day=1)

    assert journal.digests(limit=2).next_cursor is None


def test_a_listing_filters_by_group_and_by_open_or_closed(journal: Journal) -> None:
    meeting(journal, "a-open", day=0, group="a")
    meeting(journal, "a-closed", day=1, group="a", closed=True)
    meeting(journal, "b-closed", day=2, group="b", closed=True)
    meeting(journal, "loose", day=3, group=None)

    assert ids(journal, group_id="a") == ["a-closed", "a-open"]
    assert ids(journal, closed=True) == ["b-closed", "a-closed"]
    assert ids(journal, closed=False) == ["loose", "a-open"]
    assert ids(journal, group_id="a", closed=False) == ["a-open"]
    assert ids(journal, group_id="nobody") == []


def test_meetings_that_start_at_the_same_instant_are_paged_by_id(journal: Journal) -> None:
    for name in ("b", "a", "c"):
        meeting(journal, name, day=0)

    first = journal.digests(limit=2)

    assert [d.meeting_id for d in first.digests] == ["c", "b"]
    assert ids(journal, cursor=first.next_cursor) == ["a"]


def test_a_cursor_no_listing_gave_and_an_empty_page_are_refused(journal: Journal) -> None:
    with pytest.raises(ValueError, match="not a cursor a listing of meetings gave"):
        journal.digests(cursor="yesterday")
    with pytest.raises(ValueError, match="at least one meeting"):
        journal.digests(limit=0)


def test_a_digest_follows_its_meeting_and_the_group_counts_follow_the_group(
    journal: Journal,
) -> None:
    meeting(journal, "m1", day=0, inbrenger="bram", closed=True)
    meeting(journal, "m2", day=1, facilitator="bram")
    meeting(journal, "m3", day=2, inbrenger="bram")

    digest = journal.digest("m1")
    assert digest is not None
    assert (digest.frame, digest.closed, digest.version, digest.inbrengers) == (
        "closed",
        True,
        6,
        ("bram",),
    )
    assert [(d.version, d.text) for d in digest.decisions] == [(5, SECRET)]
    assert journal.digest("nope") is None
    assert journal.group_digest("g1") == GroupDigest(
        "g1", meetings=3, held=1, facilitated={"anna": 2}, inbrenger={"bram": 2}
    )  # m2 never got past its opening: nobody facilitated it
    assert journal.group_digest("nobody") == GroupDigest("nobody")


def test_load_after_a_version_gives_the_events_that_follow_it(journal: Journal) -> None:
    meeting(journal, "m1", day=0, inbrenger="bram", closed=True)

    later = journal.load("m1", after=4)

    assert [e.type for e in later] == ["decision_made", "meeting_closed"]
    assert later == journal.load("m1")[4:]
    assert journal.load("m1", after=6) == []


def test_streams_are_found_by_the_start_of_their_id_oldest_first(journal: Journal) -> None:
    for group_id in ("zuid", "noord"):
        contract = GroupContract(confidentiality="c", attendance="a")
        created = GroupCreated(
            at=T0, group_id=group_id, name=group_id, lang="nl", contract=contract
        )
        journal.append(f"group:{group_id}", 0, [created])
    meeting(journal, "group-meeting", day=0)  # a meeting whose id merely looks alike
    meeting(journal, "g_%", day=1)

    assert journal.streams("group:") == ["group:zuid", "group:noord"]
    assert journal.streams("g_") == ["g_%"]
    assert journal.streams("g_%") == ["g_%"]


def test_rebuilding_gives_the_same_read_models(journal: Journal) -> None:
    meeting(journal, "m1", day=0, inbrenger="bram", closed=True)
    meeting(journal, "m2", day=1, facilitator="bram")
    before = (journal.digests(limit=None), journal.group_digest("g1"))

    rebuilt = journal.rebuild_read_models()

    assert (rebuilt.meetings, rebuilt.damaged) == (2, ())
    assert (journal.digests(limit=None), journal.group_digest("g1")) == before


def test_the_texts_a_digest_keeps_are_sealed_at_rest(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    sealed = EncryptedJournal(SqliteJournal(path), KEY)
    meeting(sealed, "m1", day=0, inbrenger="bram", closed=True)

    raw = sqlite3.connect(path)
    stored = "".join(data for (data,) in raw.execute("SELECT data FROM meeting_digests"))
    raw.close()
    digest = sealed.digest("m1")
    sealed.close()

    assert SECRET not in stored and "enc:v1:" in stored
    assert digest is not None and digest.decisions[0].text == SECRET
    plain = SqliteJournal(path)
    with pytest.raises(EncryptionError, match="this store is encrypted") as refused:
        plain.digests()
    assert SECRET not in str(refused.value)
    plain.close()


def test_a_learning_goal_a_digest_keeps_is_sealed_at_rest_and_a_report_names_ids_only(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.sqlite3"
    sealed = EncryptedJournal(SqliteJournal(path), KEY)
    sealed.append(
        "m1",
        0,
        [
            MeetingStarted(
                at=T0,
                meeting_id="m1",
                group_id="g1",
                lang="nl",
                members=(MemberRef(id="anna", name="Anna"), MemberRef(id="bram", name="Bram")),
                present=("anna", "bram"),
                facilitator="anna",
                purpose="intake",
            ),
            ContributionAdded(
                at=T0,
                contribution_id="c1",
                author="bram",
                kind="statement",
                text=SECRET,
                commitment="m0:1:choice",
            ),
            StepEntered(at=T0, frame="learning_goals"),
            ContributionAdded(
                at=T0, contribution_id="c2", author="bram", kind="learning_goal", text=GOAL
            ),
        ],
    )

    raw = sqlite3.connect(path)
    stored = "".join(data for (data,) in raw.execute("SELECT data FROM meeting_digests"))
    raw.close()
    digest = sealed.digest("m1")
    sealed.close()

    assert GOAL not in stored and SECRET not in stored and "m0:1:choice" in stored
    assert digest is not None and digest.purpose == "intake" and digest.met
    assert [(g.member, g.text) for g in digest.goals] == [("bram", GOAL)]
    assert digest.reports == (("m0:1:choice", "bram"),)
    plain = SqliteJournal(path)
    with pytest.raises(EncryptionError, match="this store is encrypted") as refused:
        plain.digest("m1")
    assert GOAL not in str(refused.value)
    plain.close()
