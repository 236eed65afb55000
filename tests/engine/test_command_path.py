"""The command path as a host meets it: what a command committed comes back, a retried
command is not repeated, a writer without a version wins against other writers, the
state nobody can change under another's feet, and a library that prints nothing."""

from __future__ import annotations

import subprocess
import sys
import threading
import typing
from dataclasses import FrozenInstanceError
from pathlib import Path
from typing import Any

import pytest

from intervision.engine import (
    COMMANDS,
    Advance,
    CommandRefused,
    ConcurrencyError,
    Contribute,
    Engine,
    Event,
    MeetingState,
    MemoryJournal,
    Registry,
    frame_flow,
    hookimpl,
    load_registry,
    method_flow,
)
from intervision.engine.storage import SqliteJournal
from intervision.testing import start

STRICT = {"strict": True, "user_methods": False}


def questions_phase(engine: Engine) -> Any:
    """A meeting in the incident method's question round, where participants ask."""
    meeting = start(engine, "incident")
    while meeting.state.phase != "questions":
        meeting.advance(meeting.state.facilitator)
    return meeting


def participant(meeting: Any) -> str:
    state = meeting.state
    return next(p for p in state.present if p not in (state.facilitator, state.inbrenger))


# -- what a command committed ------------------------------------------------------------


def test_execute_returns_the_events_it_committed_and_the_ids_they_made(registry: Registry) -> None:
    engine = Engine(MemoryJournal(), registry)
    meeting = questions_phase(engine)
    asker = participant(meeting)
    before = meeting.state.version

    outcome = engine.execute(meeting.id, Contribute(by=asker, kind="question", text="Why?"))

    assert (outcome.first_version, outcome.version) == (before + 1, before + 1)
    assert [e.type for e in outcome.events] == ["contribution_added"]
    assert outcome.contribution_ids == (outcome.state.contributions[-1].id,)
    assert outcome.state is engine.state(meeting.id)
    assert not outcome.repeated


def test_contribute_returns_its_own_id_while_other_threads_add_theirs(
    registry: Registry,
) -> None:
    engine = Engine(MemoryJournal(), registry)
    meeting = questions_phase(engine)
    askers = [p for p in meeting.state.present if p != meeting.state.inbrenger]
    got: dict[str, str] = {}

    def ask(n: int) -> None:
        who = askers[n % len(askers)]
        engine_meeting = engine.meeting(meeting.id)
        for _ in range(50):
            try:
                got[f"question {n}"] = engine_meeting.contribute(who, "question", f"question {n}")
                return
            except ConcurrencyError:  # a handle sends the version it saw: retry on a new one
                continue
        raise AssertionError(f"question {n} never got in")

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(24)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    by_id = {c.id: c.text for c in engine.state(meeting.id).contributions}
    assert len(got) == 24
    assert all(by_id[cid] == text for text, cid in got.items()), "an id named another's text"


# -- a retried command is not repeated -------------------------------------------------


def test_a_request_id_seen_before_answers_with_the_first_outcome(registry: Registry) -> None:
    engine = Engine(MemoryJournal(), registry)
    meeting = questions_phase(engine)
    asker = participant(meeting)
    command = Contribute(by=asker, kind="question", text="What did you say then?")

    first = engine.execute(meeting.id, command, request_id="tap-7f3a9c21")
    again = engine.execute(meeting.id, command, request_id="tap-7f3a9c21")

    assert again.repeated and not first.repeated
    assert again.events == first.events and again.version == first.version
    texts = [c.text for c in engine.state(meeting.id).contributions]
    assert texts.count("What did you say then?") == 1


def test_a_retry_of_a_committed_command_with_a_stale_version_is_not_a_conflict(
    registry: Registry,
) -> None:
    """A client that timed out sends the same body again, version and all."""
    engine = Engine(MemoryJournal(), registry)
    meeting = questions_phase(engine)
    version = meeting.state.version
    command = Contribute(by=participant(meeting), kind="question", text="Once only?")

    engine.execute(meeting.id, command, expected_version=version, request_id="tap-00000001")
    again = engine.execute(meeting.id, command, expected_version=version, request_id="tap-00000001")

    assert again.repeated
    assert engine.state(meeting.id).version == version + 1


def test_a_refused_command_keeps_no_request_id_so_a_corrected_retry_counts(
    registry: Registry,
) -> None:
    engine = Engine(MemoryJournal(), registry)
    meeting = questions_phase(engine)
    asker = participant(meeting)

    with pytest.raises(CommandRefused):
        engine.execute(
            meeting.id, Contribute(by=asker, kind="advice", text="Do this"), request_id="tap-1234"
        )
    retry = engine.execute(
        meeting.id, Contribute(by=asker, kind="question", text="Why?"), request_id="tap-1234"
    )
    assert not retry.repeated and retry.contribution_ids


def test_the_request_id_outlives_the_engine_that_committed_it(
    registry: Registry, tmp_path: Path
) -> None:
    store = tmp_path / "store.sqlite3"
    first_engine = Engine(SqliteJournal(store), registry)
    meeting = questions_phase(first_engine)
    command = Contribute(by=participant(meeting), kind="question", text="Still there?")
    first = first_engine.execute(meeting.id, command, request_id="tap-persisted")
    first_engine.close()

    with Engine(SqliteJournal(store), registry) as second_engine:
        again = second_engine.execute(meeting.id, command, request_id="tap-persisted")

    assert again.repeated and again.events == first.events


# -- a writer without a version ------------------------------------------------------


def test_writers_without_a_version_all_commit_across_engines_on_one_store(
    registry: Registry, tmp_path: Path
) -> None:
    """Several engines (as several processes would) on one SQLite file, no versions sent:
    each command applies to whatever is current, none fails for a conflict."""
    store = tmp_path / "store.sqlite3"
    setup = Engine(SqliteJournal(store), registry)
    meeting = questions_phase(setup)
    askers = [p for p in meeting.state.present if p != meeting.state.inbrenger]
    setup.close()
    engines = [Engine(SqliteJournal(store), registry) for _ in range(4)]
    failures: list[BaseException] = []

    def send(n: int) -> None:
        engine = engines[n % len(engines)]
        try:
            by = askers[n % len(askers)]
            engine.execute(meeting.id, Contribute(by=by, kind="question", text=f"q{n}"))
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    final = engines[0].reload(meeting.id)
    assert sorted(c.text for c in final.contributions) == sorted(f"q{n}" for n in range(40))
    for engine in engines:
        engine.close()


# -- snapshots nobody can change -------------------------------------------------------


def test_the_state_a_hook_or_subscriber_gets_cannot_be_changed(registry: Registry) -> None:
    tampering: list[str] = []

    class Tamperer:
        @hookimpl
        def intervision_contribution_added(self, state: MeetingState, contribution: Any) -> None:
            for attempt in (
                lambda: setattr(state, "phase", "evaluation"),
                lambda: state.contributions.append(contribution),  # type: ignore[attr-defined]
                lambda: state.members.pop(contribution.author),  # type: ignore[attr-defined]
                lambda: setattr(contribution, "text", "rewritten"),
            ):
                try:
                    attempt()
                except (FrozenInstanceError, AttributeError, TypeError):
                    continue
                tampering.append("a hook changed the meeting")

    engine = Engine(MemoryJournal(), load_registry(**STRICT, extra=[("tamperer", Tamperer())]))
    meeting = questions_phase(engine)
    seen: list[MeetingState] = []
    engine.subscribe(lambda state, event: seen.append(state))

    meeting.contribute(participant(meeting), "question", "Why?")

    assert tampering == []
    assert engine.state(meeting.id).contributions[-1].text == "Why?"
    with pytest.raises(FrozenInstanceError):
        seen[-1].frame = "closed"  # type: ignore[misc]


def test_apply_is_pure_replay_twice_gives_equal_states(registry: Registry) -> None:
    from intervision.engine import replay
    from intervision.engine.core.state import apply

    engine = Engine(MemoryJournal(), registry)
    meeting = questions_phase(engine)
    meeting.contribute(participant(meeting), "question", "Why?")
    events = engine.journal.load(meeting.id)
    before = replay(events[:-1])
    snapshot = (before.version, before.contributions, before.frame)

    after = apply(before, events[-1])

    assert (before.version, before.contributions, before.frame) == snapshot
    assert after.version == before.version + 1 and after == replay(events)


# -- the command table -----------------------------------------------------------------


def _event_types() -> set[str]:
    union = typing.get_args(typing.get_args(Event)[0])
    return {cls.model_fields["type"].default for cls in union}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_row_names_real_events_and_its_json_name(name: str) -> None:
    command = COMMANDS[name]
    assert command.model_fields["command"].default == name
    assert command.makes and set(command.makes) <= _event_types()


def test_the_flow_takes_its_internal_transitions_from_the_table(registry: Registry) -> None:
    frame = frame_flow()
    for command in COMMANDS.values():
        for step in command.stays_in - {"phase"}:
            assert frame.allows(step, command.trigger), (command.trigger, step)
            assert frame.destination(step, command.trigger) is None  # stays in the step
    incident = registry.method("incident")
    flow = method_flow(incident)
    for phase in incident.phases:
        for command in COMMANDS.values():
            inside = "phase" in command.stays_in and (
                command.only_if is None or getattr(phase, command.only_if)
            )
            if inside:
                assert flow.allows(phase.id, command.trigger)


def test_every_accepted_command_makes_only_the_events_its_row_names(registry: Registry) -> None:
    made: dict[str, set[str]] = {}
    engine = Engine(MemoryJournal(), registry)
    engine_execute = engine.execute

    def recording(meeting_id: str, command: Any, **kwargs: Any) -> Any:
        outcome = engine_execute(meeting_id, command, **kwargs)
        made.setdefault(command.command, set()).update(e.type for e in outcome.events)
        return outcome

    engine.execute = recording  # type: ignore[method-assign]
    meeting = questions_phase(engine)
    meeting.contribute(participant(meeting), "question", "Why?")
    meeting.extend(meeting.state.facilitator, 5)
    while meeting.state.frame == "method":
        meeting.skip(meeting.state.facilitator, "testing the table")
    meeting.advance(meeting.state.facilitator)  # no second case: on to the recognitions
    for person in meeting.state.present:
        meeting.contribute(person, "recognition", "I recognised that")
    meeting.advance(meeting.state.facilitator)
    meeting.close(meeting.state.facilitator)

    assert {"contribute", "advance", "skip", "close", "extend"} <= set(made)
    for name, types in made.items():
        assert types <= set(COMMANDS[name].makes), (name, types)


def test_a_command_the_table_gives_to_the_facilitator_is_refused_to_others(
    registry: Registry,
) -> None:
    engine = Engine(MemoryJournal(), registry)
    meeting = questions_phase(engine)
    someone = participant(meeting)
    with pytest.raises(CommandRefused) as refused:
        engine.execute(meeting.id, Advance(by=someone))
    assert refused.value.rule == "advance_by"


# -- a library stays quiet ---------------------------------------------------------------

_EMBED = """
import sys
from intervision.engine import Engine, MemoryJournal, load_registry
from intervision.testing import start
engine = Engine(MemoryJournal(), load_registry(strict=True, user_methods=False))
meeting = start(engine, "incident")
meeting.advance(meeting.state.facilitator)
{extra}
print("structlog" in sys.modules, file=sys.stderr)
"""


def _embedded(extra: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _EMBED.format(extra=extra)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


@pytest.mark.slow
def test_embedded_the_engine_prints_nothing_and_loads_no_structlog() -> None:
    result = _embedded()
    assert result.stdout == ""
    assert result.stderr.strip() == "False"


@pytest.mark.slow
def test_a_host_that_configures_logging_gets_the_engines_lines() -> None:
    configure = "import logging; logging.basicConfig(level=logging.INFO)\n"
    result = _embedded(extra="")
    assert "command_accepted" not in result.stderr
    configured = subprocess.run(
        [sys.executable, "-c", configure + _EMBED.format(extra="")],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert configured.stdout == ""
    assert "INFO:intervision.engine:command_accepted" in configured.stderr
