"""The frame steps of a group's intake and of a refresh, and the learning goals after.

An intake is a group's first meeting: intervision, the contract and the methods
are introduced, and every member writes a personal learning goal. A refresh comes
after members joined or left: the group goes through its contract and rotation
again, and the learning goals (a member keeps theirs with Enter); later openings
recall them (:mod:`.opening`). Each function asks what its step needs of the
:class:`~.runner.Runner` (an :class:`~.opening.Asker`) and sends it to the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .console import say, wrap
from .texts import t as frame_t
from .texts_start import t

if TYPE_CHECKING:
    from intervision.engine.groups import GroupState, MeetingRecord

    from .opening import Asker

__all__ = ["contract", "introduction", "learning_goals"]


def introduction(runner: Asker) -> None:
    """How a meeting runs and which methods the group may use; members' questions."""
    state, lang = runner.meeting.state, runner.lang
    if runner.fresh:
        say(wrap(t(lang, "intro.frame")))
        size = sum(1 for p in state.present if not state.members[p].external)
        group = runner.group
        fixed = group.series_method if group is not None else None
        methods = [
            m
            for m in runner.engine.registry.methods()
            if m.fit.group_min <= size <= m.fit.group_max
        ]
        say(t(lang, "intro.methods", n=size))
        for spec in methods:
            minutes = frame_t(lang, "min")
            say(f"  {spec.id:<16} {spec.title(lang)} · {spec.fit.minutes} {minutes}")
            if spec.id == fixed:
                say(wrap(t(lang, "intro.fixed", title=spec.title(lang)), indent="    "))
    _remark_or_on(runner, "intro.ask", "question")


def contract(runner: Asker) -> None:
    """The group's agreements and its rotation, read out; remarks, or everyone agrees."""
    lang, group = runner.lang, runner.group
    if runner.fresh and group is not None:
        from .group_view import agreed_lines, history_of

        for line in agreed_lines(group.contract, lang):
            say(line)
        earlier = [r for r in history_of(runner.engine, group) if r.meeting_id != runner.meeting.id]
        say(wrap(_rotation(group, earlier, runner), indent="  "))
        say(wrap(t(lang, "contract.change_hint", id=group.id)))
    _remark_or_on(runner, "contract.ask", "statement")


def _rotation(group: GroupState, history: list[MeetingRecord], runner: Asker) -> str:
    if group.guided_by:
        return t(runner.lang, "contract.guided", name=group.guided_by)
    counts = {m: sum(1 for r in history if r.facilitator == m) for m in group.members}
    done = [f"{runner.name(m)} {n}×" for m, n in counts.items() if n]
    return t(
        runner.lang,
        "contract.self_run",
        counts=", ".join(done) or t(runner.lang, "contract.not_yet"),
    )


def _remark_or_on(runner: Asker, prompt: str, kind: str) -> None:
    """``NAME: text`` is that member's; any other text the facilitator's note; Enter
    moves on."""
    line = runner.answer(t(runner.lang, prompt)).strip()
    if not line:
        runner.send(runner.meeting.advance, runner.facilitator)
        return
    author, text, said = runner.facilitator, line, "note"
    name, colon, rest = line.partition(":")
    if colon and rest.strip():
        for person in runner.meeting.state.present:
            if runner.name(person).casefold() == name.strip().casefold():
                author, text, said = person, rest.strip(), kind
    runner.send(runner.meeting.contribute, author, said, text)


def learning_goals(runner: Asker) -> None:
    """Every member present writes a personal learning goal; at a refresh, Enter keeps
    the one they wrote before."""
    state, lang = runner.meeting.state, runner.lang
    earlier = _goals(runner)
    written = {c.author for c in state.step_contributions()}
    for person in state.present:
        if person in written or state.members[person].external:
            continue
        before = earlier.get(person)
        text = ""
        while not text:
            if before is not None:
                prompt = t(lang, "goals.keep", name=runner.name(person), text=before)
                text = runner.answer(prompt).strip() or before
            else:
                text = runner.answer(t(lang, "goals.ask", name=runner.name(person))).strip()
                if not text:
                    say(t(lang, "goals.needed"))
        runner.send(runner.meeting.contribute, person, "learning_goal", text)
    runner.send(runner.meeting.advance, runner.facilitator)


def _goals(runner: Asker) -> dict[str, str]:
    group = runner.group
    if group is None:
        return {}
    from intervision.engine.groups import learning_goals as goals_of

    from .group_view import history_of

    earlier = [r for r in history_of(runner.engine, group) if r.meeting_id != runner.meeting.id]
    return {member: goal.text for member, goal in goals_of(earlier).items()}
