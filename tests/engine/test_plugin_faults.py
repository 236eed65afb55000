"""Plugins that fail while a meeting runs: a lifecycle hook, a rule kind, a policy.

What a group must be able to count on (issue #7): a failing lifecycle hook never
undoes what was recorded; a failing rule check refuses the command, names the
plugin and writes nothing; a failing facilitator policy falls back to the
rotation and is named. And the logs say which plugin and which error type,
never the error's message, which may quote what was said.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from structlog.testing import capture_logs
from support import FACILITATOR, INBRENGER, MEMBERS, PARTICIPANTS, to_case_choice

from intervision.engine import (
    CommandRefused,
    Engine,
    Fit,
    MemoryJournal,
    MethodSpec,
    PhaseSpec,
    Refusal,
    RuleContext,
    RuleKind,
    RuleRef,
    Text,
    hookimpl,
    load_registry,
    replay,
)
from intervision.engine.core.commands import Contribute
from intervision.engine.groups import groups_of
from intervision.engine.groups.history import group_history, propose_facilitator
from intervision.engine.storage import SqliteJournal

SECRET = "GEHEIM-7731 wat de moeder van de cliënt zei"
LIFECYCLE = (
    "intervision_meeting_started",
    "intervision_phase_entered",
    "intervision_phase_left",
    "intervision_contribution_added",
    "intervision_meeting_closed",
)


def _one_phase(method_id: str, rules: tuple[RuleRef, ...] = ()) -> MethodSpec:
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
                allowed={"participant": ("question",), "inbrenger": ("reaction",)},
                rules=rules,
            ),
        ),
    )


def _secret_free(logs: list[dict[str, Any]]) -> None:
    dumped = repr(logs)
    assert "GEHEIM" not in dumped, dumped


# -- lifecycle hooks ------------------------------------------------------------------


class Raising:
    """A plugin whose every lifecycle hook raises, quoting what it saw."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def _fail(self, hook: str, state: Any) -> None:
        self.calls.append(hook)
        said = [c.text for c in state.contributions] + [lv.text for lv in state.leervragen.values()]
        raise RuntimeError(f"{hook} failed on {said!r}")

    @hookimpl
    def intervision_meeting_started(self, state: Any) -> None:
        self._fail("intervision_meeting_started", state)

    @hookimpl
    def intervision_phase_entered(self, state: Any, frame: str, phase: str | None) -> None:
        self._fail("intervision_phase_entered", state)

    @hookimpl
    def intervision_phase_left(self, state: Any, frame: str, phase: str | None) -> None:
        self._fail("intervision_phase_left", state)

    @hookimpl
    def intervision_contribution_added(self, state: Any, contribution: Any) -> None:
        self._fail("intervision_contribution_added", state)

    @hookimpl
    def intervision_meeting_closed(self, state: Any) -> None:
        self._fail("intervision_meeting_closed", state)


def test_failing_lifecycle_hooks_undo_nothing_and_are_logged_with_the_plugin() -> None:
    raising = Raising()
    registry = load_registry(strict=True, user_methods=False, extra=[("raising", raising)])
    engine = Engine(MemoryJournal(), registry)
    with capture_logs() as logs:
        meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
        to_case_choice(meeting, {INBRENGER: SECRET})
        meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
        meeting.choose_method(FACILITATOR, "incident", inbrenger_agrees=True)
        meeting.contribute(INBRENGER, "statement", SECRET)
        meeting.advance(FACILITATOR)
        meeting.close(FACILITATOR, reason="tijd is op")

    # Every command was recorded and survives a reload, hooks or no hooks.
    state = engine.reload(meeting.id)
    assert state.closed and state == meeting.refresh()
    assert replay(engine.journal.load(meeting.id)) == state
    assert SECRET in [c.text for c in state.contributions]
    # Each hook was called, failed, and was logged by name with its error type.
    assert set(raising.calls) == set(LIFECYCLE)
    failures = [e for e in logs if e["event"] == "hook_failed"]
    assert len(failures) == len(raising.calls)
    assert {e["hook"] for e in failures} == set(LIFECYCLE)
    assert all(e["plugin"] == "raising" and e["error"] == "RuntimeError" for e in failures)
    assert all(e["log_level"] == "error" and e["meeting_id"] == meeting.id for e in failures)
    _secret_free(logs)


# -- rule kinds -----------------------------------------------------------------------


def _quoting(ctx: RuleContext) -> Refusal | None:
    if isinstance(ctx.command, Contribute):
        raise ValueError(f"cannot parse {ctx.command.text!r}")
    return None


def _garbage(ctx: RuleContext) -> Refusal | None:
    return "no" if isinstance(ctx.command, Contribute) else None  # type: ignore[return-value]


class BrokenRules:
    @hookimpl
    def intervision_rule_kinds(self) -> list[RuleKind]:
        return [
            RuleKind("quoting", Text(nl="Citeert", en="Quotes"), _quoting),
            RuleKind("garbage", Text(nl="Onzin", en="Garbage"), _garbage),
        ]

    @hookimpl
    def intervision_methods(self) -> list[MethodSpec]:
        return [
            _one_phase("with-quoting", (RuleRef(kind="quoting"),)),
            _one_phase("with-garbage", (RuleRef(kind="garbage"),)),
        ]


def _in_method(engine: Engine, method_id: str, lang: str = "en") -> Any:
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna", lang=lang)  # type: ignore[arg-type]
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, method_id, inbrenger_agrees=True)
    return meeting


@pytest.mark.parametrize(
    ("method_id", "kind", "what"),
    [
        ("with-quoting", "quoting", "failed (ValueError)"),
        ("with-garbage", "garbage", "answered a str instead of a refusal"),
    ],
)
def test_a_failing_rule_check_refuses_naming_the_plugin_and_writes_nothing(
    method_id: str, kind: str, what: str
) -> None:
    registry = load_registry(
        strict=True, user_methods=False, extra=[("broken-rules", BrokenRules())]
    )
    engine = Engine(MemoryJournal(), registry)
    meeting = _in_method(engine, method_id)
    before = engine.journal.load(meeting.id)
    with capture_logs() as logs, pytest.raises(CommandRefused) as info:
        meeting.contribute(PARTICIPANTS[0], "question", SECRET)
    refusal = info.value
    assert refusal.rule == kind
    assert f"The rule '{kind}' of plugin 'broken-rules'" in refusal.reason.en
    assert what in refusal.reason.en and "Nothing was recorded" in refusal.reason.en
    assert f"De regel '{kind}' van plugin 'broken-rules'" in refusal.reason.nl
    assert "Er is niets vastgelegd" in refusal.reason.nl
    assert "GEHEIM" not in str(refusal) and "GEHEIM" not in repr(refusal.reason)
    assert engine.journal.load(meeting.id) == before
    assert engine.reload(meeting.id).contributions == ()
    [failed] = [e for e in logs if e["event"] == "rule_failed"]
    assert (failed["plugin"], failed["rule"], failed["log_level"]) == (
        "broken-rules",
        kind,
        "error",
    )
    assert failed["error"] in ("ValueError", "answered str")
    _secret_free(logs)
    # Commands the check lets through still work: the meeting is not stuck.
    meeting.advance(FACILITATOR)
    assert meeting.refresh().frame == "second_case"


def test_an_always_rule_that_raises_refuses_each_command_saying_why() -> None:
    def always_fails(ctx: RuleContext) -> Refusal | None:
        raise KeyError(f"{SECRET} {ctx.command.by}")

    class Always:
        @hookimpl
        def intervision_rule_kinds(self) -> list[RuleKind]:
            return [RuleKind("everywhere", Text(nl="Overal", en="Everywhere"), always_fails, True)]

    registry = load_registry(strict=True, user_methods=False, extra=[("always", Always())])
    engine = Engine(MemoryJournal(), registry)
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna", lang="nl")
    with capture_logs() as logs, pytest.raises(CommandRefused) as info:
        meeting.advance(FACILITATOR)
    assert info.value.rule == "everywhere"
    assert str(info.value).startswith("[everywhere] De regel 'everywhere' van plugin 'always'")
    assert engine.reload(meeting.id).version == 1
    _secret_free(logs)


def test_a_failing_rule_check_in_meeting_do_json_is_a_refusal_without_case_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import intervision.engine as engine_api
    from intervision.cli import main

    real = engine_api.load_registry

    def with_broken(**options: Any) -> Any:
        return real(**options, extra=[("broken-rules", BrokenRules())])

    monkeypatch.setattr(engine_api, "load_registry", with_broken)
    store = str(tmp_path / "store.sqlite3")
    engine = Engine(SqliteJournal(store), with_broken(strict=True, user_methods=False))
    meeting = _in_method(engine, "with-quoting", lang="nl")
    engine.close()
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["-vv", "--store", store, "meeting", "do", meeting.id, f"Carla: q: {SECRET}", "--json"],
    )
    assert result.exit_code == 4, result.output
    answer = json.loads(result.stdout)
    assert (answer["ok"], answer["rule"]) == (False, "quoting")
    assert "plugin 'broken-rules'" in answer["reason"]
    assert "GEHEIM" not in result.output
    assert "rule_failed" in result.stderr and "broken-rules" in result.stderr


# -- the facilitator policy -----------------------------------------------------------


class BrokenRotation:
    @hookimpl
    def intervision_next_facilitator(self, members: list[str], history: list[Any]) -> str:
        raise RuntimeError(f"cannot choose from {members!r}")


class Alphabetical:
    @hookimpl
    def intervision_next_facilitator(self, members: list[str], history: list[Any]) -> str:
        return sorted(members)[-1]


def _group(engine: Engine) -> Any:
    groups_of(engine).create("Noord", lang="nl")
    for name in ("Anna", "Bram", "Carla", "Dirk"):
        groups_of(engine).add_member("noord", name)
    return groups_of(engine).get("noord")


def test_a_failing_policy_falls_back_to_the_rotation_and_is_named() -> None:
    registry = load_registry(
        strict=True, user_methods=False, extra=[("broken-rotation", BrokenRotation())]
    )
    engine = Engine(MemoryJournal(), registry)
    group = _group(engine)
    failed: list[str] = []
    with capture_logs() as logs:
        proposal = propose_facilitator(engine, group, ["bram", "carla"], [], failed=failed)
    assert proposal == "bram"  # the rotation: nobody facilitated yet, first present
    assert failed == ["broken-rotation"]
    [entry] = logs
    assert (entry["event"], entry["plugin"], entry["error"]) == (
        "hook_failed",
        "broken-rotation",
        "RuntimeError",
    )
    assert "bram" not in repr(logs)


def test_another_policy_plugin_still_answers_when_one_fails() -> None:
    registry = load_registry(
        strict=True,
        user_methods=False,
        extra=[("alphabetical", Alphabetical()), ("broken-rotation", BrokenRotation())],
    )
    engine = Engine(MemoryJournal(), registry)
    group = _group(engine)
    failed: list[str] = []
    history = group_history(engine, group.id)
    assert propose_facilitator(engine, group, ["anna", "dirk"], history, failed=failed) == "dirk"
    assert failed == ["broken-rotation"]


def test_meeting_start_with_a_failing_policy_refuses_naming_the_plugin_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import intervision.engine as engine_api
    from intervision.cli import main

    real = engine_api.load_registry
    monkeypatch.setattr(
        engine_api,
        "load_registry",
        lambda **options: real(**options, extra=[("broken-rotation", BrokenRotation())]),
    )
    store = str(tmp_path / "store.sqlite3")
    runner = CliRunner()
    for args in (["group", "create", "Noord"], *(["group", "add", "noord", n] for n in MEMBERS)):
        assert runner.invoke(main, ["--store", store, *args]).exit_code == 0
    before = SqliteJournal(store)
    versions = {s.meeting_id: s.version for s in before.meetings()}
    before.close()

    refused = runner.invoke(
        main, ["--lang", "nl", "--store", store, "meeting", "start", "--group", "noord", "--json"]
    )

    assert refused.exit_code == 3, refused.output
    assert (
        "intervision: fout: de plugin 'broken-rotation' kon geen begeleider voorstellen"
        in refused.stderr  # after the error log line, which names plugin and error type
    )
    assert "--facilitator" in refused.stderr and refused.stdout == ""
    after = SqliteJournal(store)
    assert {s.meeting_id: s.version for s in after.meetings()} == versions
    after.close()
    # Naming the facilitator needs no policy: the meeting starts.
    started = runner.invoke(
        main,
        ["--store", store, "meeting", "start", "--group", "noord", "--facilitator", "Carla"],
    )
    assert started.exit_code == 0, started.output
