"""One test per hook: what a plugin author relies on when implementing it.

Each test registers a small plugin the way a test or a host app would, through
``load_registry(strict=True, extra=[...])``, and checks the behaviour PLUGINS.md
promises for that hook. The last test keeps the list complete: a new hookspec without
a ``test_<hook>`` here fails.
"""

from __future__ import annotations

import inspect
import sys
from datetime import UTC, datetime
from typing import Any

import pytest
from structlog.testing import capture_logs
from support import FACILITATOR, INBRENGER, MEMBERS, PARTICIPANTS, refused, start

from intervision.engine import (
    CommandRefused,
    Contribute,
    Contribution,
    Engine,
    Fit,
    LanguagePack,
    MeetingState,
    MemoryJournal,
    MethodSpec,
    PastMeeting,
    PhaseSpec,
    Refusal,
    RuleContext,
    RuleKind,
    RuleRef,
    Term,
    Text,
    hookimpl,
    load_registry,
)
from intervision.engine.core import hookspecs
from intervision.engine.groups import groups_of
from intervision.engine.groups.history import MeetingRecord, propose_facilitator
from intervision.engine.recommend.ranking import recommend


def _spec(method_id: str, rules: tuple[RuleRef, ...] = ()) -> MethodSpec:
    """A one-phase method: participants ask, the inbrenger answers briefly."""
    return MethodSpec(
        id=method_id,
        version="1.0",
        title=Text(nl="Vragenronde", en="Question round"),
        summary=Text(nl="Alleen vragen.", en="Questions only."),
        derived=True,
        fit=Fit(minutes=10),
        phases=(
            PhaseSpec(
                id="questions",
                title=Text(nl="Vragen", en="Questions"),
                minutes=10,
                inbrenger_mode="answers_briefly",
                allowed={"participant": ("question",), "inbrenger": ("reaction",)},
                rules=rules,
            ),
        ),
    )


class _Lifecycle:
    """Records every lifecycle call with what the plugin saw at that moment."""

    def __init__(self) -> None:
        self.engine: Engine | None = None
        self.calls: list[dict[str, Any]] = []

    def _record(self, hook: str, state: MeetingState, **args: Any) -> None:
        assert self.engine is not None
        self.calls.append(
            {
                "hook": hook,
                **args,
                "at": (state.frame, state.phase),
                "version": state.version,
                "journal": len(self.engine.journal.load(state.meeting_id)),
            }
        )

    @hookimpl
    def intervision_meeting_started(self, state: MeetingState) -> None:
        self._record("started", state, meeting_id=state.meeting_id)

    @hookimpl
    def intervision_phase_entered(self, state: MeetingState, frame: str, phase: str | None) -> None:
        self._record("entered", state, step=(frame, phase))

    @hookimpl
    def intervision_phase_left(self, state: MeetingState, frame: str, phase: str | None) -> None:
        self._record("left", state, step=(frame, phase))

    @hookimpl
    def intervision_contribution_added(
        self, state: MeetingState, contribution: Contribution
    ) -> None:
        self._record("contribution", state, contribution=contribution, last=state.contributions[-1])

    @hookimpl
    def intervision_meeting_closed(self, state: MeetingState) -> None:
        self._record("closed", state, closed=state.closed, reason=state.closed_reason)

    def of(self, *hooks: str) -> list[dict[str, Any]]:
        return [call for call in self.calls if call["hook"] in hooks]


def _engine_with(recorder: _Lifecycle) -> Engine:
    registry = load_registry(strict=True, extra=[("recorder", recorder)])
    recorder.engine = Engine(MemoryJournal(), registry)
    return recorder.engine


def _assert_after_commit(calls: list[dict[str, Any]]) -> None:
    """Each call saw a state whose every event was already in the journal."""
    assert calls
    for call in calls:
        assert call["journal"] == call["version"], call


# -- registration -------------------------------------------------------------------


def test_intervision_methods() -> None:
    class Methods:
        @hookimpl
        def intervision_methods(self) -> list[MethodSpec]:
            return [_spec("hook-round")]

    registry = load_registry(strict=True, extra=[("hook-methods", Methods())])
    assert "hook-round" in {m.id for m in registry.methods()}
    assert registry.owner("hook-round").name == "hook-methods"
    assert registry.owner("hook-round").methods == ["hook-round"]

    meeting = start(Engine(MemoryJournal(), registry), "hook-round")
    assert (meeting.state.frame, meeting.state.phase) == ("method", "questions")


def test_intervision_rule_kinds() -> None:
    def no_why(ctx: RuleContext) -> Refusal | None:
        command = ctx.command
        if isinstance(command, Contribute) and command.text.lower().startswith(
            tuple(ctx.params["words"])
        ):
            return Refusal(
                "no_why",
                Text(nl="Vraag wat, niet waarom.", en="Ask what, not why."),
            )
        return None

    class Rules:
        @hookimpl
        def intervision_rule_kinds(self) -> list[RuleKind]:
            return [RuleKind("no_why", Text(nl="Geen waarom", en="No why"), no_why)]

        @hookimpl
        def intervision_methods(self) -> list[MethodSpec]:
            ref = RuleRef(kind="no_why", params={"words": ["why", "waarom"]})
            return [_spec("hook-no-why", rules=(ref,))]

    registry = load_registry(strict=True, extra=[("hook-rules", Rules())])
    assert registry.rule_kinds["no_why"].title.en == "No why"
    meeting = start(Engine(MemoryJournal(), registry), "hook-no-why")
    with refused(meeting, "no_why"):
        meeting.contribute(PARTICIPANTS[0], "question", "Why did you call her?")
    with pytest.raises(CommandRefused) as info:
        meeting.contribute(PARTICIPANTS[0], "question", "Waarom belde je haar?")
    assert info.value.reason == Text(nl="Vraag wat, niet waarom.", en="Ask what, not why.")
    assert str(info.value) == "[no_why] Ask what, not why."
    meeting.contribute(PARTICIPANTS[0], "question", "What did you say to her?")
    assert [c.kind for c in meeting.state.contributions] == ["question"]


def test_intervision_contribution_kinds() -> None:
    class Kinds:
        @hookimpl
        def intervision_contribution_kinds(self) -> list[Term]:
            return [Term("wish", Text(nl="wens", en="wish"), short=Text(nl="w", en="w"))]

        @hookimpl
        def intervision_methods(self) -> list[MethodSpec]:
            spec = _spec("hook-wishes")
            phase = spec.phases[0].model_copy(update={"allowed": {"participant": ("wish",)}})
            return [spec.model_copy(update={"phases": (phase,)})]

    registry = load_registry(strict=True, extra=[("hook-kinds", Kinds())])
    assert registry.glossary.kind("wish") == Text(nl="wens", en="wish")
    assert registry.glossary.kind_for("w", "nl") == "wish"
    meeting = start(Engine(MemoryJournal(), registry), "hook-wishes")
    assert meeting.capabilities().of(PARTICIPANTS[0]).kinds == ("wish",)
    meeting.contribute(PARTICIPANTS[0], "wish", "I wish you a calm evening")
    with pytest.raises(CommandRefused) as info:
        meeting.contribute(PARTICIPANTS[0], "advice", "Call her back")
    assert str(info.value).endswith("what you can contribute now: wish.")
    assert info.value.reason.nl.endswith(": wens.")  # the kind's own Dutch name


def test_intervision_languages() -> None:
    class French:
        @hookimpl
        def intervision_languages(self) -> list[LanguagePack]:
            texts = {"Question round": "Tour de questions", "question": "question (fr)"}
            return [LanguagePack("fr", "Français", texts)]

        @hookimpl
        def intervision_methods(self) -> list[MethodSpec]:
            return [_spec("hook-french")]

    registry = load_registry(strict=True, extra=[("hook-languages", French())])
    assert registry.languages["fr"].name == "Français"
    assert registry.method("hook-french").title("fr") == "Tour de questions"
    assert registry.method("hook-french").summary("fr") == "Questions only."  # English
    meeting = Engine(MemoryJournal(), registry).start_meeting(
        MEMBERS, facilitator="Anna", lang="fr"
    )
    assert meeting.state.lang == "fr"


# -- lifecycle ----------------------------------------------------------------------


def test_intervision_meeting_started() -> None:
    recorder = _Lifecycle()
    engine = _engine_with(recorder)
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")

    [started] = recorder.of("started")
    assert started["meeting_id"] == meeting.id
    assert started["version"] == 1 and started["at"] == ("opening", None)
    _assert_after_commit([started])
    # the opening is entered right after, and nothing else fired
    assert [(c["hook"], c.get("step")) for c in recorder.calls] == [
        ("started", None),
        ("entered", ("opening", None)),
    ]


def test_intervision_phase_entered() -> None:
    recorder = _Lifecycle()
    meeting = start(_engine_with(recorder), "incident")
    meeting.advance(FACILITATOR)

    entered = recorder.of("entered")
    assert [c["step"] for c in entered] == [
        ("opening", None),
        ("leervragen", None),
        ("case_choice", None),
        ("method_choice", None),
        ("method", "situation"),
        ("method", "questions"),
    ]
    # the state a plugin receives is already in the step entered, and committed
    assert all(c["at"] == c["step"] for c in entered)
    _assert_after_commit(entered)

    # a refused command moves nothing and fires nothing
    before = len(recorder.calls)
    with refused(meeting, "advance_by"):
        meeting.advance(PARTICIPANTS[0])
    assert len(recorder.calls) == before


def test_intervision_phase_left() -> None:
    recorder = _Lifecycle()
    meeting = start(_engine_with(recorder), "incident")
    meeting.skip(FACILITATOR, reason="the situation is known")

    moves = [(c["hook"], c["step"]) for c in recorder.of("left", "entered")]
    assert moves == [
        ("entered", ("opening", None)),
        ("left", ("opening", None)),
        ("entered", ("leervragen", None)),
        ("left", ("leervragen", None)),
        ("entered", ("case_choice", None)),
        ("left", ("case_choice", None)),
        ("entered", ("method_choice", None)),
        ("left", ("method_choice", None)),
        ("entered", ("method", "situation")),
        ("left", ("method", "situation")),
        ("entered", ("method", "questions")),
    ]
    # when a step is left, the state is already in the next one
    left = recorder.of("left")
    following = recorder.of("entered")[1:]
    assert [c["at"] for c in left] == [c["step"] for c in following]
    _assert_after_commit(left)


def test_intervision_contribution_added() -> None:
    recorder = _Lifecycle()
    meeting = start(_engine_with(recorder), "incident")
    contribution_id = meeting.contribute(INBRENGER, "statement", "what happened on the ward")

    [call] = recorder.of("contribution")
    contribution: Contribution = call["contribution"]
    assert contribution.id == contribution_id
    assert (contribution.author, contribution.kind) == (INBRENGER, "statement")
    assert (contribution.frame, contribution.phase) == ("method", "situation")
    assert call["last"] is contribution
    _assert_after_commit([call])

    with refused(meeting, "allowed_kinds"):
        meeting.contribute(PARTICIPANTS[0], "advice", "too early for advice")
    assert len(recorder.of("contribution")) == 1


def test_intervision_meeting_closed() -> None:
    recorder = _Lifecycle()
    meeting = start(_engine_with(recorder), "incident")
    meeting.close(FACILITATOR, reason="the inbrenger had to leave")

    last_two = recorder.calls[-2:]
    assert [(c["hook"], c.get("step")) for c in last_two] == [
        ("left", ("method", "situation")),
        ("closed", None),
    ]
    closed = last_two[-1]
    assert closed["closed"] is True
    assert closed["reason"] == "the inbrenger had to leave"
    assert closed["at"] == ("closed", None)
    assert ("closed", None) not in [c["step"] for c in recorder.of("entered")]
    _assert_after_commit(last_two)


def test_a_failing_lifecycle_hook_is_logged_and_the_others_still_run() -> None:
    class Failing:
        @hookimpl
        def intervision_meeting_started(self, state: MeetingState) -> None:
            raise RuntimeError("my database is down")

    recorder = _Lifecycle()
    registry = load_registry(strict=True, extra=[("failing", Failing()), ("recorder", recorder)])
    recorder.engine = engine = Engine(MemoryJournal(), registry)
    with capture_logs() as logs:
        meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    [failure] = [entry for entry in logs if entry["event"] == "hook_failed"]
    assert failure["plugin"] == "failing"
    assert failure["hook"] == "intervision_meeting_started"
    assert failure["error"] == "RuntimeError"
    assert len(recorder.of("started")) == 1
    assert engine.reload(meeting.id).version == 1


# -- policy -------------------------------------------------------------------------


def test_intervision_next_facilitator() -> None:
    class Abstains:
        @hookimpl
        def intervision_next_facilitator(self, members: list[str]) -> str | None:
            return None

    class Picks:
        def __init__(self, answer: str) -> None:
            self.answer = answer
            self.asked: list[tuple[list[str], list[PastMeeting]]] = []

        @hookimpl
        def intervision_next_facilitator(
            self, members: list[str], history: list[PastMeeting]
        ) -> str | None:
            self.asked.append((members, history))
            return self.answer

    picks = Picks("carla")
    registry = load_registry(strict=True, extra=[("picks", picks), ("abstains", Abstains())])
    engine = Engine(MemoryJournal(), registry)
    group = groups_of(engine).create("Team")
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        groups_of(engine).add_member(group.id, name)
    group = groups_of(engine).get(group.id)
    held = MeetingRecord(
        meeting_id="m1",
        started_at=datetime(2025, 1, 6, tzinfo=UTC),
        closed_at=None,
        present=("anna", "bram", "carla", "dirk"),
        facilitator="dirk",
        inbrengers=("bram",),
        methods=("incident",),
        commitments=(),
    )

    present = ["anna", "bram", "carla"]
    assert propose_facilitator(engine, group, present, [held]) == "carla"
    [(members, history)] = picks.asked
    assert members == present
    assert [(h.meeting_id, h.facilitator, h.inbrengers) for h in history] == [
        ("m1", "dirk", ("bram",))
    ]
    # read as hook API 1 did, as a mapping: plugins written then keep working
    assert history[0]["facilitator"] == "dirk" and history[0]["inbrengers"] == ["bram"]
    assert "facilitator" in history[0] and history[0].get("nothing") is None
    # no case content reaches a policy plugin: only ids, times and who came
    assert set(PastMeeting.__slots__) == {
        "meeting_id",
        "started_at",
        "facilitator",
        "inbrengers",
        "present",
    }

    # an answer that is not among the members present is ignored: the rotation proposes
    picks.answer = "dirk"
    assert propose_facilitator(engine, group, present, [held]) == "anna"


def test_intervision_methods_for() -> None:
    class Advisor:
        def __init__(self) -> None:
            self.asked: list[tuple[str | None, int, int | None]] = []

        @hookimpl
        def intervision_methods_for(
            self, leervraag_kind: str | None, group_size: int, minutes: int | None
        ) -> list[str]:
            self.asked.append((leervraag_kind, group_size, minutes))
            return ["incident"]

    advisor = Advisor()
    registry = load_registry(strict=True, extra=[("advisor", advisor)])
    suggestions = recommend(registry, leervraag_kind="pattern", group_size=5, minutes=90, limit=50)
    assert advisor.asked == [("pattern", 5, 90)]
    [incident] = [s for s in suggestions if s.method_id == "incident"]
    reasons = {(r.nl, r.en) for r in incident.reasons}
    assert ("aanbevolen door de plugin advisor", "recommended by the plugin advisor") in reasons
    others = [s for s in suggestions if s.method_id != "incident"]
    assert all("advisor" not in r.en for s in others for r in s.reasons)


# -- every hook has its test --------------------------------------------------------


def test_every_hook_has_a_test_named_after_it() -> None:
    hooks = {
        name
        for name, func in vars(hookspecs).items()
        if inspect.isfunction(func) and getattr(func, "intervision_spec", None) is not None
    }
    tests = {
        name.removeprefix("test_")
        for name, func in vars(sys.modules[__name__]).items()
        if inspect.isfunction(func) and name.startswith("test_intervision_")
    }
    assert tests == hooks
