"""Which command may come next: the frame and each method as compiled state machines.

The graphs are built with ``transitions`` once per method version (and once for
the frame) and then read as plain lookup tables; a meeting's position is two
strings in its state. This keeps per-meeting cost at zero machines and zero
models (a model added to a ``transitions.Machine`` costs kilobytes and GC time),
while the same graph feeds the phase diagrams.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from .commands import COMMANDS, PHASE
from .specs import MethodSpec
from .steps import FRAME, PURPOSE_STEPS

__all__ = ["END", "WITHOUT_CASE", "Flow", "frame_flow", "method_flow"]

#: The pseudo-phase a method reaches after its last phase.
END = "end"


def _internal(step: str) -> list[str]:
    """The triggers that stay within ``step`` (internal transitions), from the command table."""
    return [c.trigger for c in COMMANDS.values() if step in c.stays_in]


@dataclass(frozen=True)
class Flow:
    """A compiled state graph: which triggers each state allows, and where they lead."""

    states: tuple[str, ...]
    initial: str
    triggers: dict[str, frozenset[str]]
    destinations: dict[tuple[str, str], str]
    machine: Any  # the transitions.Machine, kept for diagrams

    def allows(self, state: str, trigger: str) -> bool:
        return trigger in self.triggers.get(state, frozenset())

    def destination(self, state: str, trigger: str) -> str | None:
        """Where ``trigger`` leads from ``state``; None for an internal transition."""
        return self.destinations.get((state, trigger))


def _compile(states: list[str], initial: str, transitions: list[dict[str, Any]]) -> Flow:
    from transitions import Machine  # imported lazily: `intervision --help` needs none of it

    machine = Machine(
        model=None,
        states=states,
        transitions=transitions,
        initial=initial,
        auto_transitions=False,
    )
    triggers: dict[str, frozenset[str]] = {}
    destinations: dict[tuple[str, str], str] = {}
    for state in states:
        names = machine.get_triggers(state)
        triggers[state] = frozenset(names)
        for name in names:
            for transition in machine.events[name].transitions.get(state, []):
                if transition.dest is not None:
                    destinations[(state, name)] = transition.dest
    return Flow(tuple(states), initial, triggers, destinations, machine)


#: The trigger of moving on from the leervragen when nobody brought one, in an
#: intake or a refresh: the group goes on to the recognitions without a case.
WITHOUT_CASE = "advance_without_case"


@lru_cache(maxsize=len(PURPOSE_STEPS))
def frame_flow(purpose: str = "regular") -> Flow:
    """The frame around every method (methods.md, "The meeting frame"), with the
    steps an intake or a refresh adds after the opening."""
    added = PURPOSE_STEPS[purpose]
    path = ["opening", *added, "leervragen"]
    moves: list[dict[str, Any]] = [
        *({"trigger": "advance", "source": a, "dest": b} for a, b in pairwise(path)),
        {"trigger": "advance", "source": "leervragen", "dest": "case_choice"},
        {"trigger": "choose_case", "source": "case_choice", "dest": "method_choice"},
        {"trigger": "choose_method", "source": "method_choice", "dest": "method"},
        {"trigger": "finish_method", "source": "method", "dest": "second_case"},
        {"trigger": "choose_case", "source": "second_case", "dest": "method_choice"},
        {"trigger": "advance", "source": "second_case", "dest": "recognitions"},
        {"trigger": "advance", "source": "recognitions", "dest": "evaluation"},
        {"trigger": "close", "source": "evaluation", "dest": "closed"},
        {"trigger": "abandon", "source": list(FRAME[:-2]), "dest": "closed"},
    ]
    if added:
        moves.append({"trigger": WITHOUT_CASE, "source": "leervragen", "dest": "recognitions"})
    for step in FRAME:
        moves.extend({"trigger": t, "source": step, "dest": None} for t in _internal(step))
    return _compile(list(FRAME), "opening", moves)


_METHOD_FLOWS: dict[int, tuple[MethodSpec, Flow]] = {}


def method_flow(method: MethodSpec) -> Flow:
    """A method's phases in order; ``advance`` and ``skip`` move on, loops go back.

    Compiled once per spec object (the registry hands out one object per method
    version and variant); the cache holds the spec, so its id is never reused.
    """
    cached = _METHOD_FLOWS.get(id(method))
    if cached is not None:
        return cached[1]
    flow = _compile_method(method)
    _METHOD_FLOWS[id(method)] = (method, flow)
    return flow


def _compile_method(method: MethodSpec) -> Flow:
    ids = [phase.id for phase in method.phases]
    moves: list[dict[str, Any]] = []
    for phase, there in zip(method.phases, [*ids[1:], END], strict=True):
        here = phase.id
        moves.append({"trigger": "advance", "source": here, "dest": there})
        moves.append({"trigger": "skip", "source": here, "dest": there})
        internal = [
            c.trigger
            for c in COMMANDS.values()
            if PHASE in c.stays_in and (c.only_if is None or getattr(phase, c.only_if))
        ]
        moves.extend({"trigger": t, "source": here, "dest": None} for t in internal)
        moves.extend(
            {"trigger": f"loop:{loop.id}", "source": here, "dest": loop.to} for loop in phase.loops
        )
    return _compile([*ids, END], ids[0], moves)
