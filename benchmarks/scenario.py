"""A full meeting as a list of commands, recorded once and replayed by the figures.

The conformance walk (:class:`intervision.testing.PhaseExerciser`) takes a meeting
through every phase of a method, trying every rule both ways. Wrapping
``Engine.execute`` keeps the commands the engine accepted, in order; the facilitator
then advances to the close. Replaying that list on a fresh engine is a full,
realistic meeting: leervragen, the case and method choice, every phase's
contributions and decisions, and the frame after the method.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import structlog

from intervision.engine import Engine, MemoryJournal, Registry, load_registry
from intervision.engine.core import commands
from intervision.testing import PhaseExerciser, group_for, start

METHOD = "incident"
MEETING_ID = "bench-0"


def quiet_logs() -> None:
    """Log at WARNING, as the CLI does by default (structlog's default prints every line)."""
    structlog.configure(
        wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING),
        cache_logger_on_first_use=True,
    )


@dataclass(frozen=True)
class Scenario:
    members: list[str]
    facilitator: str
    commands: list[commands.Command]

    def start(self, engine: Engine, meeting_id: str) -> None:
        engine.start_meeting(self.members, facilitator=self.facilitator, meeting_id=meeting_id)

    def replay(
        self,
        engine: Engine,
        meeting_id: str,
        *,
        stop: int | None = None,
        timer: Callable[[], float] | None = None,
    ) -> list[tuple[str, float]]:
        """Start the meeting and send the commands (the first ``stop`` of them).

        With ``timer``, each command's time is measured, construction of the command
        from its fields included (what a host pays): (trigger, seconds) per command.
        """
        self.start(engine, meeting_id)
        times: list[tuple[str, float]] = []
        for command in self.commands[:stop]:
            kind = type(command)
            fields = dict(command)
            if timer is None:
                engine.execute(meeting_id, kind(**fields))
                continue
            t0 = timer()
            engine.execute(meeting_id, kind(**fields))
            times.append((kind.trigger, timer() - t0))
        return times


def record(registry: Registry | None = None, method_id: str = METHOD) -> Scenario:
    """Walk one meeting of ``method_id`` through every phase and keep what was accepted."""
    registry = registry or load_registry(user_methods=False)
    engine = Engine(MemoryJournal(), registry)
    accepted: list[commands.Command] = []
    execute = engine.execute

    def recording(meeting_id: str, command: Any, **kwargs: Any) -> Any:
        state = execute(meeting_id, command, **kwargs)
        accepted.append(command)
        return state

    engine.execute = recording  # type: ignore[method-assign]
    meeting = start(engine, method_id)
    PhaseExerciser(meeting).run()
    facilitator = meeting.state.facilitator
    meeting.advance(facilitator)  # second_case -> recognitions
    for person in meeting.state.present:
        meeting.contribute(person, "recognition", f"recognition by {person}")
    meeting.advance(facilitator)  # -> evaluation
    meeting.contribute(facilitator, "learning_point", "a learning point")
    meeting.close(facilitator)
    members = group_for(registry.method(method_id))
    return Scenario(members=members, facilitator="Anna", commands=accepted)
