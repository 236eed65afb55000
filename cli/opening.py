"""What the opening of a group's meeting recalls: every open commitment, the goals.

The look-back asks each maker present how their commitment went, which closes it;
one not told (its maker is away, or skips it) comes back at the next meeting they
attend. The learning goals of those present are the thread through the series
("de voortgaande lijn"), written at the intake or a refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from .console import say, wrap
from .texts import Lang
from .texts import t as frame_t
from .texts_start import t

if TYPE_CHECKING:
    from intervision.engine import Engine, Meeting
    from intervision.engine.groups import GroupState

__all__ = ["Asker", "look_back", "recall_goals"]


class Asker(Protocol):
    """What the frame's questions need of the runner (:class:`~.runner.Runner`)."""

    engine: Engine
    meeting: Meeting
    lang: Lang

    @property
    def group(self) -> GroupState | None: ...
    @property
    def facilitator(self) -> str: ...
    @property
    def fresh(self) -> bool: ...
    def name(self, person: str) -> str: ...
    def answer(self, prompt: str) -> str: ...
    def send(self, action: Callable[..., Any], *args: Any, who: str = "", **kwargs: Any) -> Any: ...


def look_back(runner: Asker, group: GroupState) -> None:
    """Every open commitment of the group's members, and from each maker present
    how it went; what is not told (absent, or skipped) comes back next time."""
    from .group_view import commitment_line, day, history_of, open_commitments

    state, lang = runner.meeting.state, runner.lang
    promised = open_commitments(group, history_of(runner.engine, group), state.meeting_id)
    if not promised:
        return
    say(frame_t(lang, "opening.look_back"))
    for commitment in promised:
        say(wrap(commitment_line(group, commitment, lang), indent="  ", hanging="    "))
    told = {c.commitment for c in state.contributions if c.commitment}
    absent = dict.fromkeys(c.member for c in promised if c.member not in state.present)
    for member in absent:
        say(frame_t(lang, "opening.absent", name=runner.name(member)))
    for commitment in promised:
        if commitment.member in absent or commitment.id in told:
            continue
        name, made = runner.name(commitment.member), day(commitment.at, lang)
        answer = runner.answer(frame_t(lang, "opening.ask_commitment", name=name, day=made))
        if answer.strip():
            runner.send(
                runner.meeting.contribute,
                commitment.member,
                "statement",
                answer.strip(),
                commitment=commitment.id,
            )


def recall_goals(runner: Asker, group: GroupState) -> None:
    """At a later opening, the learning goal of each member present, and who has none."""
    from intervision.engine.groups import learning_goals as goals_of

    from .group_view import day, history_of

    state, lang = runner.meeting.state, runner.lang
    earlier = [r for r in history_of(runner.engine, group) if r.meeting_id != state.meeting_id]
    goals = goals_of(earlier)
    if not goals:
        return
    say(t(lang, "goals.title"))
    members = [p for p in state.present if p in group.members]
    for person in members:
        goal = goals.get(person)
        if goal is not None:
            line = t(
                lang, "goals.line", name=runner.name(person), day=day(goal.at, lang), text=goal.text
            )
            say(wrap(line, indent="  ", hanging="    "))
    without = [runner.name(p) for p in members if p not in goals]
    if without:
        say(wrap(t(lang, "goals.none_yet", names=", ".join(without)), indent="  "))
