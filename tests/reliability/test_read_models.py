"""The read models always equal what a replay gives: random histories, every method,
every adapter (issue #16).

A hypothesis state machine runs a group's meetings on one journal (memory, SQLite
or PostgreSQL): it starts meetings, and sends random commands from random members
to random open meetings, choosing the machine's method (or another) for their
cases. After every step, for every meeting:

- its digest says what the replayed state says: group, language, purpose, times,
  where it is, version, facilitator, the members present and the roles of the day,
  its cases (both inbrengers of a pair) and its decisions (each at the version of
  its event), the reports on commitments at its opening and its learning goals;
- the record a group's history reads from the digest equals the one the replayed
  state gives, commitments (with their ids), reports and learning goals included;
- what the group's history derives from the records (the look-back of every open
  commitment before each meeting and now, the learning goals and their progress,
  the proposed purpose and the roles of the day) is the same from either;
- the group's counts equal those of the replayed meetings;
- paging through the listing, newest first and oldest first, gives every meeting
  once, in order;

and at the end, rebuilding the read models from the events changes nothing.

Quick by default; ``INTERVISION_FULL=1`` runs many more and longer histories.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import structlog
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from intervision.engine import (
    FRAME,
    CommandRefused,
    DecisionMade,
    Engine,
    GroupDigest,
    Journal,
    MeetingDigest,
    MeetingState,
    MemoryJournal,
    NotAMemberError,
    UnknownMethodError,
    load_registry,
    replay,
)
from intervision.engine.groups import (
    goal_progress,
    group_history,
    groups_of,
    learning_goals,
    look_back,
    propose_roles,
    proposed_purpose,
    record_of,
    record_of_digest,
)
from intervision.engine.storage import SqliteJournal, open_journal

FULL = os.environ.get("INTERVISION_FULL", "") not in ("", "0")
pytestmark = [pytest.mark.slow] if FULL else []

REGISTRY = load_registry(strict=True, user_methods=False)
METHODS = sorted(m.id for m in REGISTRY.methods())
MEMBERS = ["Anna", "Bram", "Carla", "Dirk", "Eva", "Fleur"]
REFUSALS = (CommandRefused, NotAMemberError, UnknownMethodError)
TEXTS = st.sampled_from(["what I will try next week", "", " ", "a remark"])

#: Examples per method and adapter: the durable adapters write to disk every step.
EXAMPLES = {"memory": 60 if FULL else 8, "sqlite": 20 if FULL else 3, "postgres": 20 if FULL else 3}


class ReadModelMachine(RuleBasedStateMachine):
    """A group's meetings on one journal; subclassed per method and adapter."""

    method_id = ""
    adapter = "memory"
    postgres_url = ""

    @initialize()
    def open_store(self) -> None:
        self.folder = tempfile.TemporaryDirectory()
        journal: Journal
        if self.adapter == "memory":
            journal = MemoryJournal()
        elif self.adapter == "sqlite":
            journal = SqliteJournal(Path(self.folder.name) / "store.sqlite3")
        else:
            from postgres_cluster import new_database

            journal = open_journal(new_database(self.postgres_url))
        self.engine = Engine(journal, REGISTRY)
        book = groups_of(self.engine)
        self.group = book.create("Team Oost", group_id="team-oost")
        for name in MEMBERS:
            book.add_member("team-oost", name)
        self.meetings: list[str] = []
        self.start(0, 0)

    def teardown(self) -> None:
        engine = getattr(self, "engine", None)
        if engine is not None:
            try:
                before = self._digests()
                counts = engine.journal.group_digest("team-oost")
                rebuilt = engine.journal.rebuild_read_models()
                assert rebuilt.damaged == ()
                assert rebuilt.meetings == len(self.meetings)
                assert self._digests() == before
                assert engine.journal.group_digest("team-oost") == counts
            finally:
                engine.close()
                self.folder.cleanup()

    # -- helpers ------------------------------------------------------------------

    def _digests(self) -> dict[str, MeetingDigest | None]:
        return {m: self.engine.journal.digest(m) for m in self.meetings}

    def _open(self, pick: int) -> str | None:
        open_ = [m for m in self.meetings if not self.engine.state(m).closed]
        return open_[pick % len(open_)] if open_ else None

    def _person(self, meeting_id: str, n: int) -> str:
        state = self.engine.state(meeting_id)
        if n < 3:
            return state.facilitator
        if n < 5 and state.inbrenger is not None:
            return state.inbrenger
        return state.present[n % len(state.present)]

    def _send(self, meeting_id: str | None, action: str, *args: Any, **kwargs: Any) -> None:
        if meeting_id is None:
            return
        with contextlib.suppress(REFUSALS):
            getattr(self.engine.meeting(meeting_id), action)(*args, **kwargs)

    # -- rules --------------------------------------------------------------------

    @precondition(lambda self: len(self.meetings) < 6)
    @rule(
        facilitator=st.integers(0, 5),
        absent=st.integers(0, 6),
        purpose=st.sampled_from(["regular", "regular", "intake", "refresh"]),
        roles=st.integers(0, 3),
    )
    def start(
        self, facilitator: int, absent: int, purpose: str = "regular", roles: int = 0
    ) -> None:
        ids = [m.lower() for m in MEMBERS]
        present = [m for i, m in enumerate(ids) if i != absent]
        chosen = present[facilitator % len(present)]
        others = [m for m in present if m != chosen]
        day = {"scribe": others[roles % len(others)]} if roles else {}
        if roles > 1:
            day["timekeeper"] = others[(roles + 1) % len(others)]
        meeting = self.engine.start_meeting(
            groups_of(self.engine).get("team-oost"),
            facilitator=chosen,
            present=present,
            roles=day,
            purpose=purpose,  # type: ignore[arg-type]
        )
        self.meetings.append(meeting.id)

    @rule(pick=st.integers(0, 9), inbrenger=st.integers(0, 9), other=st.integers(0, 3))
    def to_the_method(self, pick: int, inbrenger: int, other: int) -> None:
        """The frame up to the method in one go, as most meetings go (from wherever
        the meeting is in the frame: an intake's steps are passed through)."""
        meeting_id = self._open(pick)
        if meeting_id is None:
            return
        meeting = self.engine.meeting(meeting_id)
        for _ in range(8):
            state = meeting.state
            if (
                state.frame in ("method", "closed")
                or state.frame not in FRAME[: FRAME.index("method")]
            ):
                return
            if state.frame == "leervragen":
                for person in state.present:
                    self._send(meeting_id, "submit_leervraag", person, f"leervraag van {person}")
            if state.frame == "case_choice":
                self.choose_case(pick, inbrenger)
            if meeting.state.frame == "method_choice":
                self.choose_method(pick, other)
            if meeting.state.frame == state.frame:
                self._send(meeting_id, "advance", state.facilitator)
            if meeting.state.version == state.version:
                return  # the step waits for something this does not give

    @rule(pick=st.integers(0, 9), text=TEXTS, steps=st.integers(0, 12))
    def on_to_a_decision(self, pick: int, text: str, steps: int) -> None:
        """Through the method to a phase where the inbrenger decides, and decide."""
        meeting_id = self._open(pick)
        if meeting_id is None or self.engine.state(meeting_id).frame != "method":
            return
        meeting = self.engine.meeting(meeting_id)
        for _ in range(steps):
            phase = meeting.phase
            if phase is None or phase.decision is not None:
                break
            self._send(meeting_id, "advance", meeting.state.facilitator)
        phase, state = meeting.phase, meeting.state
        if phase is None or phase.decision is None or state.inbrenger is None:
            return
        decider = state.inbrenger if phase.decision.by == "inbrenger" else state.facilitator
        kinds = phase.decision.selects_from
        options = [c.id for c in state.contributions if c.kind in kinds][-1:]
        self._send(meeting_id, "decide", decider, text=text, selected=options)

    @rule(pick=st.integers(0, 9), who=st.integers(0, 9), text=TEXTS)
    def leervraag(self, pick: int, who: int, text: str) -> None:
        meeting_id = self._open(pick)
        if meeting_id is not None:
            by = self._person(meeting_id, who)
            self._send(meeting_id, "submit_leervraag", by, text or "mijn leervraag")

    @rule(pick=st.integers(0, 9), who=st.integers(0, 9))
    def advance(self, pick: int, who: int) -> None:
        meeting_id = self._open(pick)
        if meeting_id is not None:
            self._send(meeting_id, "advance", self._person(meeting_id, who))

    @rule(pick=st.integers(0, 9), inbrenger=st.integers(0, 9))
    def choose_case(self, pick: int, inbrenger: int) -> None:
        meeting_id = self._open(pick)
        if meeting_id is not None:
            state = self.engine.state(meeting_id)
            who = state.present[inbrenger % len(state.present)]
            # now and then a case brought by two
            second = state.present[(inbrenger + 1) % len(state.present)] if inbrenger > 6 else None
            self._send(
                meeting_id,
                "choose_case",
                state.facilitator,
                who,
                consent=True,
                co_inbrenger=second if second != who else None,
            )

    @rule(pick=st.integers(0, 9), other=st.integers(0, 3))
    def choose_method(self, pick: int, other: int) -> None:
        meeting_id = self._open(pick)
        if meeting_id is not None:
            method = self.method_id if other else METHODS[pick % len(METHODS)]
            facilitator = self.engine.state(meeting_id).facilitator
            self._send(meeting_id, "choose_method", facilitator, method, inbrenger_agrees=True)

    @rule(pick=st.integers(0, 9), who=st.integers(0, 9), kind=st.integers(0, 20))
    def contribute(self, pick: int, who: int, kind: int) -> None:
        meeting_id = self._open(pick)
        if meeting_id is not None:
            by = self._person(meeting_id, who)
            kinds = self.engine.meeting(meeting_id).allowed_kinds(by)
            if kinds:
                self._send(meeting_id, "contribute", by, kinds[kind % len(kinds)], "iets")

    @rule(pick=st.integers(0, 9), goals=st.integers(0, 6))
    def write_learning_goals(self, pick: int, goals: int) -> None:
        """An intake or a refresh on to its learning goals, and some members write one."""
        meeting_id = self._open(pick)
        if meeting_id is None or self.engine.state(meeting_id).purpose == "regular":
            return
        meeting = self.engine.meeting(meeting_id)
        for _ in range(4):
            if meeting.state.frame in ("learning_goals", "closed"):
                break
            self._send(meeting_id, "advance", meeting.state.facilitator)
        for person in meeting.state.present[:goals]:
            self._send(meeting_id, "contribute", person, "learning_goal", f"doel van {person}")

    @rule(
        pick=st.integers(0, 9),
        inbrenger=st.integers(0, 9),
        text=st.sampled_from(["what I will try next week", "ask my manager", ""]),
    )
    def hold(self, pick: int, inbrenger: int, text: str) -> None:
        """A whole meeting: to the method, in each step everyone says something they
        may, each decision taken with ``text``, then closed (early, if need be)."""
        meeting_id = self._open(pick)
        if meeting_id is None:
            return
        meeting = self.engine.meeting(meeting_id)
        if meeting.state.frame == "opening":
            self.to_the_method(pick, inbrenger, 1)
        for _ in range(40):
            state, phase = meeting.state, meeting.phase
            if state.closed:
                return
            for person in state.present:
                kinds = meeting.allowed_kinds(person)
                if kinds:
                    self._send(meeting_id, "contribute", person, kinds[0], "iets")
            if phase is not None and phase.decision is not None and state.inbrenger is not None:
                decider = state.inbrenger if phase.decision.by == "inbrenger" else state.facilitator
                kinds = phase.decision.selects_from
                options = [c.id for c in meeting.state.contributions if c.kind in kinds]
                self._send(meeting_id, "decide", decider, text=text, selected=options[-1:])
            self._send(meeting_id, "advance", meeting.state.facilitator)
            if meeting.state.frame != state.frame and meeting.state.frame != "method":
                break  # past the method: the rest of the frame is not what this is for
        self._send(meeting_id, "close", meeting.state.facilitator, None)
        self._send(meeting_id, "close", meeting.state.facilitator, "we stoppen")

    @rule(which=st.integers(0, 9), named=st.booleans())
    def tell(self, which: int, named: bool) -> None:
        """At an opening, a member tells how a commitment went: naming it, or not (a
        new meeting is started for it when no open one is at its opening)."""
        records = [record_of(replay(self.engine.journal.load(m)), REGISTRY) for m in self.meetings]
        if not look_back(records):
            return
        opening = [m for m in self.meetings if self.engine.state(m).frame == "opening"]
        if not opening and len(self.meetings) < 6:
            self.start(which, 6)
            opening = self.meetings[-1:]
        for meeting_id in opening:
            open_ = look_back(records, before=meeting_id)
            if open_:
                commitment = open_[which % len(open_)]
                self._send(
                    meeting_id,
                    "contribute",
                    commitment.member,
                    "statement",
                    "het ging goed",
                    commitment=commitment.id if named else None,
                )
                return

    @rule(pick=st.integers(0, 9), inbrenger=st.integers(0, 9), named=st.booleans())
    def promise_and_tell(self, pick: int, inbrenger: int, named: bool) -> None:
        """What a series does: a meeting held with a commitment, told about at the next."""
        self.hold(pick, inbrenger, "what I will try next week")
        self.tell(inbrenger, named)

    @rule(pick=st.integers(0, 9), who=st.integers(0, 9), text=TEXTS, sel=st.integers(0, 3))
    def decide(self, pick: int, who: int, text: str, sel: int) -> None:
        meeting_id = self._open(pick)
        if meeting_id is not None:
            state = self.engine.state(meeting_id)
            selected = [c.id for c in state.contributions][-sel:] if sel else []
            by = self._person(meeting_id, who)
            self._send(meeting_id, "decide", by, text=text, selected=selected)

    @rule(pick=st.integers(0, 9), to=st.integers(0, 9))
    def hand_over(self, pick: int, to: int) -> None:
        meeting_id = self._open(pick)
        if meeting_id is not None:
            state = self.engine.state(meeting_id)
            target = state.present[to % len(state.present)]
            self._send(meeting_id, "hand_over", state.facilitator, target)

    @rule(pick=st.integers(0, 9), what=st.sampled_from(["skip", "reveal", "consensus"]))
    def facilitate(self, pick: int, what: str) -> None:
        meeting_id = self._open(pick)
        if meeting_id is not None:
            facilitator = self.engine.state(meeting_id).facilitator
            if what == "skip":
                self._send(meeting_id, "skip", facilitator, "geen tijd")
            elif what == "reveal":
                self._send(meeting_id, "reveal", facilitator)
            else:
                self._send(meeting_id, "record_consensus", facilitator, "eens")

    @rule(pick=st.integers(0, 9), early=st.booleans(), now=st.integers(0, 2))
    def close(self, pick: int, early: bool, now: int) -> None:
        meeting_id = self._open(pick)
        if meeting_id is not None and now == 0:
            facilitator = self.engine.state(meeting_id).facilitator
            self._send(meeting_id, "close", facilitator, "we stoppen" if early else None)

    # -- invariants ---------------------------------------------------------------

    @invariant()
    def digests_equal_the_replay(self) -> None:
        journal = self.engine.journal
        states = {m: replay(journal.load(m)) for m in self.meetings}
        for meeting_id, state in states.items():
            digest = journal.digest(meeting_id)
            assert digest is not None
            assert _listed(digest) == _listed_state(state)
            events = journal.load(meeting_id)
            for decision in digest.decisions:
                event = events[decision.version - 1]
                assert type(event) is DecisionMade
                assert event.decision_id == decision.decision_id
            assert record_of_digest(digest, REGISTRY) == record_of(state, REGISTRY)
        assert journal.group_digest("team-oost") == _counts(list(states.values()))
        replayed = [record_of(states[m], REGISTRY) for m in self.meetings]
        assert group_history(self.engine, "team-oost") == sorted(
            replayed, key=lambda r: (r.started_at, r.meeting_id)
        )

    @invariant()
    def what_the_history_derives_equals_the_replay(self) -> None:
        journal = self.engine.journal
        replayed = sorted(
            (record_of(replay(journal.load(m)), REGISTRY) for m in self.meetings),
            key=lambda r: (r.started_at, r.meeting_id),
        )
        read = group_history(self.engine, "team-oost")
        group = groups_of(self.engine).get("team-oost")
        for meeting_id in (*self.meetings, None):
            assert look_back(read, before=meeting_id) == look_back(replayed, before=meeting_id)
        assert learning_goals(read) == learning_goals(replayed)
        assert goal_progress(group, read) == goal_progress(group, replayed)
        assert proposed_purpose(group, read) == proposed_purpose(group, replayed)
        present = list(group.members)
        for facilitator in (None, present[0]):
            assert propose_roles(present, read, facilitator=facilitator) == propose_roles(
                present, replayed, facilitator=facilitator
            )

    @invariant()
    def pages_list_every_meeting_once_in_order(self) -> None:
        journal = self.engine.journal
        for oldest_first in (False, True):
            seen: list[MeetingDigest] = []
            cursor = None
            while True:
                page = journal.digests(limit=2, cursor=cursor, oldest_first=oldest_first)
                seen += page.digests
                cursor = page.next_cursor
                if cursor is None:
                    break
            keys = [(d.started_at, d.meeting_id) for d in seen]
            assert keys == sorted(keys, reverse=not oldest_first)
            assert sorted(d.meeting_id for d in seen) == sorted(self.meetings)
        closed = journal.digests(group_id="team-oost", closed=True, limit=None).digests
        assert {d.meeting_id for d in closed} == {
            m for m in self.meetings if self.engine.state(m).closed
        }


def _listed(digest: MeetingDigest) -> dict[str, Any]:
    return {
        "group": digest.group_id,
        "lang": digest.lang,
        "started": digest.started_at,
        "closed_at": digest.closed_at,
        "version": digest.version,
        "where": (digest.frame, digest.phase, digest.module, digest.phase_path),
        "facilitator": digest.facilitator,
        "met": digest.met,
        "purpose": digest.purpose,
        "present": digest.present,
        "roles": dict(digest.roles),
        "cases": [
            (c.no, c.inbrengers, c.method_id, c.method_version, c.variant) for c in digest.cases
        ],
        "reports": list(digest.reports),
        "goals": [(g.member, g.at, g.text) for g in digest.goals],
        "decisions": [
            (d.decision_id, d.by, d.phase, d.case_no, d.at, d.text) for d in digest.decisions
        ],
    }


def _listed_state(state: MeetingState) -> dict[str, Any]:
    return {
        "group": state.group_id,
        "lang": state.lang,
        "started": state.started_at,
        "closed_at": state.closed_at,
        "version": state.version,
        "where": (state.frame, state.phase, state.module, state.phase_path),
        "facilitator": state.facilitator,
        "met": bool(
            state.cases
            or state.leervragen
            or state.passed
            or (state.purpose != "regular" and state.step_no > 1)
        ),
        "purpose": state.purpose,
        "present": state.present,
        "roles": {role: tuple(people) for role, people in state.roles.items()},
        "cases": [
            (c.no, c.inbrengers, c.method_id, c.method_version, c.variant) for c in state.cases
        ],
        "reports": [
            (c.commitment, c.author)
            for c in state.contributions
            if c.frame == "opening" and (c.commitment is not None or c.kind == "statement")
        ],
        "goals": [
            (c.author, c.at, c.text)
            for c in state.contributions
            if c.kind == "learning_goal" and c.frame == "learning_goals"
        ],
        "decisions": [
            (d.decision_id, d.by, d.phase, d.case_no, d.at, d.text)
            for d in state.decisions
            if d.text
        ],
    }


def _counts(states: list[MeetingState]) -> GroupDigest:
    """What the group history's records say of the meetings: held and facilitated only
    where the group met."""
    records = [record_of(s, REGISTRY) for s in states]
    facilitated = Counter(r.facilitator for r in records if r.met)
    inbrenger = Counter(m for r in records for m in r.inbrengers)
    return GroupDigest(
        "team-oost",
        len(records),
        sum(r.held for r in records),
        dict(facilitated),
        dict(inbrenger),
    )


@pytest.fixture
def _quiet_logs() -> None:
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))


def _run(method_id: str, adapter: str, postgres_url: str = "") -> None:
    name = f"ReadModels_{method_id}_{adapter}".replace("-", "_")
    machine = type(
        name,
        (ReadModelMachine,),
        {"method_id": method_id, "adapter": adapter, "postgres_url": postgres_url},
    )
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=EXAMPLES[adapter],
            stateful_step_count=80 if FULL else 40,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            print_blob=True,
        ),
    )


@pytest.mark.usefixtures("_quiet_logs")
@pytest.mark.parametrize("method_id", METHODS)
@pytest.mark.parametrize("adapter", ["memory", "sqlite"])
def test_read_models_equal_the_replay(method_id: str, adapter: str) -> None:
    _run(method_id, adapter)


@pytest.mark.usefixtures("_quiet_logs")
@pytest.mark.parametrize("method_id", METHODS)
def test_read_models_equal_the_replay_on_postgres(method_id: str, postgres_server: str) -> None:
    _run(method_id, "postgres", postgres_server)
