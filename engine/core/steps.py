"""The frame around every method: its steps in order, and what each purpose adds.

Plain constants in a module of their own, importing nothing, so that the command table
(which names the steps where a command may come), the flow and the frame's steps share
one list without the command table loading the state and its events.
"""

from __future__ import annotations

__all__ = ["FRAME", "PURPOSE_STEPS"]

#: The frame around every method, in order (methods.md, "The meeting frame"). The
#: steps between the opening and the leervragen come only in an intake or a refresh
#: (:data:`PURPOSE_STEPS`).
FRAME: tuple[str, ...] = (
    "opening",
    "introduction",
    "contract",
    "learning_goals",
    "leervragen",
    "case_choice",
    "method_choice",
    "method",
    "second_case",
    "recognitions",
    "evaluation",
    "closed",
)

#: The frame steps a meeting of each purpose adds after its opening.
PURPOSE_STEPS: dict[str, tuple[str, ...]] = {
    "regular": (),
    "intake": ("introduction", "contract", "learning_goals"),
    "refresh": ("contract", "learning_goals"),
}

#: The frame's steps before the method starts: where the facilitator may still hand
#: over (and, with ``second_case``, between cases). Used by the command table only.
BEFORE_THE_METHOD: frozenset[str] = frozenset(FRAME[: FRAME.index("method")])
