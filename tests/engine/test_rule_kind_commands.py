"""A rule kind that names its command types is never needed for any other command.

The engine skips a kind's check for commands outside ``RuleKind.commands``. That is
only sound if the check could not have refused them: here every built-in kind runs
on every command (through a spy that ignores ``commands``) in every state a full
meeting of every method passes through, with every kind of command from every
person, and no kind may refuse a command type it did not name.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from support import PhaseExerciser, start

from intervision.engine import (
    CONTRIBUTION_KINDS,
    Advance,
    ChooseCase,
    ChooseInbrenger,
    ChooseMethod,
    ChooseModule,
    Close,
    Command,
    Contribute,
    Decide,
    Engine,
    Extend,
    HandOver,
    IntervisionError,
    MeetingState,
    MemoryJournal,
    PassLeervraag,
    RecordConsensus,
    Refusal,
    Registry,
    Reveal,
    RuleContext,
    RuleKind,
    Skip,
    SubmitLeervraag,
    TakeLoop,
    load_registry,
)
from intervision.engine.core.decide import current_phase, decide
from intervision.plugins.rules import BUILTIN_RULE_KINDS

NOW = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)


def test_every_built_in_kind_names_its_command_types() -> None:
    assert all(kind.commands for kind in BUILTIN_RULE_KINDS)


def _spied(registry: Registry, wrong: list[str]) -> None:
    """Every kind runs on every command; a refusal of a type it did not name is noted."""

    def spy(kind: RuleKind) -> Any:
        def check(ctx: RuleContext) -> Refusal | None:
            refusal = kind.check(ctx)
            if refusal is not None and not isinstance(ctx.command, kind.commands):
                wrong.append(f"{kind.id} refused {type(ctx.command).__name__}")
            return refusal

        return check

    for kind_id, kind in registry.rule_kinds.items():
        if kind.commands:
            registry.rule_kinds[kind_id] = replace(kind, check=spy(kind), commands=())


def _probes(state: MeetingState, registry: Registry) -> list[Command]:
    # every role: the facilitator, the inbrenger, participants, and someone absent
    people = sorted({state.facilitator, *(state.present[:3]), *state.members})[:5]
    if state.inbrenger is not None and state.inbrenger not in people:
        people.append(state.inbrenger)
    contribution_ids = [c.id for c in state.contributions][-3:]
    modules = [m.id for m in registry.methods(modules=True) if m.kind == "module"]
    methods = [*modules[:2], "incident", "balint"]
    phase = current_phase(state, registry)
    loops = [loop.id for loop in phase.loops] if phase is not None else []
    probes: list[Command] = []
    for by in people:
        probes += [
            SubmitLeervraag(by=by, text="x"),
            PassLeervraag(by=by),
            Reveal(by=by),
            Advance(by=by),
            Extend(by=by, minutes=5),
            Skip(by=by, reason=""),
            Skip(by=by, reason="why"),
            RecordConsensus(by=by, text="agreed"),
            Close(by=by),
            Close(by=by, reason="why"),
            Decide(by=by, text="plan"),
            Decide(by=by, selected=tuple(contribution_ids[:1])),
            *(TakeLoop(by=by, loop_id=loop) for loop in [*loops, "elsewhere"]),
        ]
        probes += [Contribute(by=by, kind=kind, text="x") for kind in CONTRIBUTION_KINDS]
        probes += [
            Contribute(by=by, kind="reaction", text="x", reply_to=ref) for ref in contribution_ids
        ]
        for other in people:
            probes += [
                ChooseCase(by=by, inbrenger=other, consent=True),
                ChooseCase(by=by, inbrenger=other, consent=False),
                ChooseCase(by=by, inbrenger=other, consent=True, co_inbrenger=by),
                ChooseCase(by=by, inbrenger=by, consent=True, co_inbrenger=other),
                ChooseInbrenger(by=by, inbrenger=other, consent=True),
                ChooseInbrenger(by=by, inbrenger=other, consent=False),
                HandOver(by=by, to=other),
            ]
        for method_id in methods:
            probes += [
                ChooseMethod(by=by, method_id=method_id, inbrenger_agrees=True),
                ChooseMethod(by=by, method_id=method_id, inbrenger_agrees=False),
                ChooseModule(by=by, method_id=method_id),
            ]
    return probes


def _probe(engine: Engine, meeting_id: str) -> None:
    state = engine.state(meeting_id)
    for command in _probes(state, engine.registry):
        with suppress(IntervisionError):  # refused, or not a member: either way no events
            decide(state, command, engine.registry, NOW)


@pytest.mark.slow
@pytest.mark.parametrize(
    "method_id", [m.id for m in load_registry(strict=True).methods() if m.kind == "method"]
)
def test_no_kind_refuses_a_command_type_it_did_not_name(method_id: str) -> None:
    registry = load_registry(strict=True)
    wrong: list[str] = []
    _spied(registry, wrong)
    engine = Engine(MemoryJournal(), registry)
    execute = engine.execute

    def probing(meeting_id: str, command: Any, **kwargs: Any) -> MeetingState:
        _probe(engine, meeting_id)
        return execute(meeting_id, command, **kwargs)

    engine.execute = probing  # type: ignore[method-assign]
    meeting = start(engine, method_id)
    PhaseExerciser(meeting).run()
    facilitator = meeting.state.facilitator
    meeting.advance(facilitator)
    if meeting.state.frame == "recognitions":  # not where the method held them already
        for person in meeting.state.present:
            meeting.contribute(person, "recognition", "seen")
        meeting.advance(facilitator)
    meeting.contribute(facilitator, "learning_point", "learnt")
    _probe(engine, meeting.id)
    assert sorted(set(wrong)) == []


def test_a_subclassed_command_is_refused_before_any_rule_or_write(registry: Registry) -> None:
    """The rules compare exact command types; a host's subclass of Contribute would
    otherwise slip past the check on allowed kinds."""

    class TaggedContribute(Contribute):
        pass

    engine = Engine(MemoryJournal(), registry)
    meeting = engine.start_meeting(["Anna", "Bram", "Cas"], facilitator="Anna")
    version = meeting.state.version

    with pytest.raises(TypeError, match="TaggedContribute is not one of intervision's commands"):
        engine.execute(meeting.id, TaggedContribute(by="bram", kind="not-a-kind", text="GEHEIM"))

    assert engine.journal.version(meeting.id) == version
