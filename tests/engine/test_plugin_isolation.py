"""A broken plugin is reported by name and distribution; every other method keeps working.

Most cases install a fake distribution (a ``*.dist-info`` folder with ``METADATA`` and
``entry_points.txt`` next to the plugin modules) in a temporary folder and run the
registry in a fresh Python process with that folder on ``PYTHONPATH``: the plugins come
in through real entry points, and no entry point cache or ``sys.modules`` entry leaks
between cases. Quick cases that need no discovery use ``load_registry(extra=...)``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from structlog.testing import capture_logs

from intervision.engine import (
    DuplicateMethodError,
    Engine,
    MemoryJournal,
    MethodSpec,
    PluginError,
    SpecError,
    hookimpl,
    load_registry,
)
from intervision.engine.core.state import Contribution, MeetingState
from intervision.plugins import incident
from intervision.plugins.incident import INCIDENT

BUILTIN_METHODS = {"incident", "balint", "socratic"}

# Runs in the child process: load the registry through entry points and write what it
# found as JSON to argv[1] (stdout belongs to structlog). With argv[2] == "meeting" it
# also starts an incident meeting and enters the method's first phase.
_LOAD_SCRIPT = textwrap.dedent(
    """
    import json, sys

    import intervision.engine as api

    registry = api.load_registry()
    result = {
        "plugins": [
            {"name": p.name, "distribution": p.distribution, "methods": p.methods,
             "errors": p.errors}
            for p in registry.plugins
        ],
        "methods": [m.id for m in registry.methods()],
    }
    if sys.argv[2:] == ["meeting"]:
        engine = api.Engine(api.MemoryJournal(), registry)
        meeting = engine.start_meeting(["Anna", "Bram", "Carla", "Dirk"], facilitator="Anna")
        meeting.advance("anna")
        for who in ("anna", "bram", "carla", "dirk"):
            meeting.submit_leervraag(who, "leervraag of " + who)
        meeting.advance("anna")
        meeting.choose_case("anna", "bram")
        meeting.choose_method("anna", "incident")
        meeting.contribute("bram", "statement", "what happened")
        state = meeting.refresh()
        result["meeting"] = {"frame": state.frame, "phase": state.phase,
                             "statements": [c.text for c in state.contributions
                                            if c.kind == "statement"]}
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(result, out)
    """
)


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    result: dict[str, Any] | None

    def plugin(self, name: str) -> dict[str, Any]:
        assert self.result is not None, self.stderr
        found: list[dict[str, Any]] = [p for p in self.result["plugins"] if p["name"] == name]
        assert len(found) == 1, self.result["plugins"]
        return found[0]

    def errors(self, name: str) -> str:
        return "\n".join(self.plugin(name)["errors"])


def _dist_info_name(name: str) -> str:
    return name.replace("-", "_")


def make_distribution(
    root: Path,
    name: str,
    entry_points: dict[str, str],
    modules: dict[str, str],
    version: str = "1.0",
) -> None:
    """Install a minimal distribution into ``root``, the way pip would lay it out."""
    dist_info = root / f"{_dist_info_name(name)}-{version}.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    lines = ["[intervision]", *(f"{ep} = {target}" for ep, target in entry_points.items())]
    (dist_info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for module, source in modules.items():
        (root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")


def run_registry(root: Path, *, strict: bool = False, meeting: bool = False) -> Run:
    env = {k: v for k, v in os.environ.items() if k != "INTERVISION_STRICT_PLUGINS"}
    env["PYTHONPATH"] = str(root)
    if strict:
        env["INTERVISION_STRICT_PLUGINS"] = "1"
    out = root / "registry.json"
    args = [sys.executable, "-c", _LOAD_SCRIPT, str(out)] + (["meeting"] if meeting else [])
    proc = subprocess.run(
        args, env=env, cwd=root, capture_output=True, text=True, timeout=60, check=False
    )
    result = json.loads(out.read_text(encoding="utf-8")) if out.exists() else None
    return Run(proc.returncode, proc.stdout, proc.stderr, result)


def _assert_builtins_ok(run: Run) -> None:
    assert run.result is not None, run.stderr
    for name in BUILTIN_METHODS:
        info = run.plugin(name)
        assert info["errors"] == [], info
        assert info["distribution"] == "intervision"
        assert info["methods"] == [name]
    assert set(run.result["methods"]) >= BUILTIN_METHODS


BROKEN_MODULE = """
    import intervision_no_such_dependency  # noqa: F401
"""

# A valid spec (incident's, under another id) and variants broken in one field each,
# returned as dicts the way a plugin that reads TOML would return them.
SPEC_PLUGIN = """
    import copy

    from intervision.engine.core.hookspecs import hookimpl
    from intervision.plugins.incident import INCIDENT

    BASE = INCIDENT.model_dump(mode="json")

    def variant(method_id):
        spec = copy.deepcopy(BASE)
        spec["id"] = method_id
        return spec

    ZERO_MINUTES = variant("zero-minutes")
    ZERO_MINUTES["phases"][0]["minutes"] = 0

    NO_ENGLISH_TITLE = variant("no-english-title")
    del NO_ENGLISH_TITLE["title"]["en"]

    @hookimpl
    def intervision_methods():
        return [ZERO_MINUTES, variant("still-fine"), NO_ENGLISH_TITLE]
"""

IMPORT_TIME_SPEC = """
    from intervision.engine.core.specs import Fit, MethodSpec, PhaseSpec
    from intervision.engine.core.text import Text

    BAD = MethodSpec(
        id="bad-at-import",
        version="1.0",
        title=Text(nl="Slecht", en="Bad"),
        summary=Text(nl="Slecht", en="Bad"),
        derived=True,
        fit=Fit(minutes=10),
        phases=(PhaseSpec(id="only", title=Text(nl="Fase", en="Phase"), minutes=-5),),
    )
"""


DUP_PLUGIN = """
    from intervision.engine.core.hookspecs import hookimpl
    from intervision.plugins.incident import INCIDENT

    @hookimpl
    def intervision_methods():
        return [INCIDENT.model_copy(update={"id": "dup-method"})]
"""


# -- through real entry points, in a fresh process ------------------------------------


@pytest.mark.slow
def test_baseline_only_builtin_plugins(tmp_path: Path) -> None:
    run = run_registry(tmp_path)
    assert run.returncode == 0, run.stderr
    _assert_builtins_ok(run)


@pytest.mark.slow
def test_import_error_is_reported_and_the_others_keep_working(tmp_path: Path) -> None:
    make_distribution(
        tmp_path, "broken-dist", {"broken": "broken_plugin"}, {"broken_plugin": BROKEN_MODULE}
    )
    run = run_registry(tmp_path, meeting=True)
    assert run.returncode == 0, run.stderr

    broken = run.plugin("broken")
    assert broken["distribution"] == "broken-dist"
    assert broken["methods"] == []
    assert len(broken["errors"]) == 1
    error = broken["errors"][0]
    assert "'broken'" in error
    assert "broken-dist" in error
    assert "ModuleNotFoundError" in error
    assert "intervision_no_such_dependency" in error

    _assert_builtins_ok(run)
    assert run.result is not None
    assert run.result["meeting"] == {
        "frame": "method",
        "phase": "situation",
        "statements": ["what happened"],
    }


@pytest.mark.slow
def test_strict_mode_makes_a_broken_plugin_fatal(tmp_path: Path) -> None:
    make_distribution(
        tmp_path, "broken-dist", {"broken": "broken_plugin"}, {"broken_plugin": BROKEN_MODULE}
    )
    run = run_registry(tmp_path, strict=True)
    assert run.returncode != 0
    assert run.result is None
    assert "PluginError" in run.stderr
    assert "'broken'" in run.stderr
    assert "broken-dist" in run.stderr


@pytest.mark.slow
def test_invalid_dict_spec_names_plugin_distribution_method_and_field(tmp_path: Path) -> None:
    make_distribution(
        tmp_path, "specs-dist", {"specs": "spec_plugin"}, {"spec_plugin": SPEC_PLUGIN}
    )
    run = run_registry(tmp_path)
    assert run.returncode == 0, run.stderr

    info = run.plugin("specs")
    assert info["distribution"] == "specs-dist"
    assert info["methods"] == ["still-fine"]
    assert len(info["errors"]) == 2, info["errors"]
    zero, no_english = info["errors"]
    for error in (zero, no_english):
        assert "'specs'" in error
        assert "specs-dist" in error
    assert "'zero-minutes'" in zero
    assert "phases.0.minutes" in zero
    assert "'no-english-title'" in no_english
    assert "title.en" in no_english

    _assert_builtins_ok(run)
    assert run.result is not None
    assert "still-fine" in run.result["methods"]
    assert "zero-minutes" not in run.result["methods"]
    assert "no-english-title" not in run.result["methods"]


@pytest.mark.slow
def test_invalid_spec_built_at_import_time(tmp_path: Path) -> None:
    make_distribution(
        tmp_path,
        "import-spec-dist",
        {"import-spec": "import_spec_plugin"},
        {"import_spec_plugin": IMPORT_TIME_SPEC},
    )
    run = run_registry(tmp_path)
    assert run.returncode == 0, run.stderr

    info = run.plugin("import-spec")
    assert info["distribution"] == "import-spec-dist"
    assert info["methods"] == []
    error = run.errors("import-spec")
    assert "'import-spec'" in error
    assert "import-spec-dist" in error
    assert "minutes" in error
    assert "greater than 0" in error
    _assert_builtins_ok(run)


@pytest.mark.slow
def test_two_plugins_registering_one_method_id_are_both_named(tmp_path: Path) -> None:
    make_distribution(
        tmp_path, "first-dist", {"first": "first_plugin"}, {"first_plugin": DUP_PLUGIN}
    )
    make_distribution(
        tmp_path, "second-dist", {"second": "second_plugin"}, {"second_plugin": DUP_PLUGIN}
    )
    run = run_registry(tmp_path)
    assert run.returncode == 0, run.stderr

    errors = run.errors("first") + run.errors("second")
    assert "'dup-method'" in errors
    assert "'first'" in errors and "'second'" in errors
    assert "first-dist" in errors and "second-dist" in errors
    # the first to register (entry points load sorted by name) keeps the id
    assert run.plugin("first")["methods"] == ["dup-method"]
    assert run.plugin("first")["errors"] == []
    assert run.plugin("second")["methods"] == []
    assert run.result is not None
    assert "dup-method" in run.result["methods"]
    _assert_builtins_ok(run)


@pytest.mark.slow
def test_plugin_clashing_with_a_builtin_method_id_names_both(tmp_path: Path) -> None:
    make_distribution(
        tmp_path,
        "clash-dist",
        {"clash": "clash_plugin"},
        {
            "clash_plugin": """
            from intervision.engine.core.hookspecs import hookimpl
            from intervision.plugins.incident import INCIDENT

            @hookimpl
            def intervision_methods():
                return [INCIDENT]
            """
        },
    )
    run = run_registry(tmp_path)
    assert run.returncode == 0, run.stderr
    errors = run.errors("clash") + run.errors("incident")
    assert "'clash'" in errors and "'incident'" in errors
    assert "clash-dist" in errors and "intervision" in errors


@pytest.mark.slow
def test_unknown_rule_kind_through_entry_point(tmp_path: Path) -> None:
    make_distribution(
        tmp_path,
        "rules-dist",
        {"rules": "rules_plugin"},
        {
            "rules_plugin": """
            from intervision.engine.core.hookspecs import hookimpl
            from intervision.engine.core.specs import RuleRef
            from intervision.plugins.incident import INCIDENT

            @hookimpl
            def intervision_methods():
                return [INCIDENT.model_copy(update={
                    "id": "ruled", "rules": (RuleRef(kind="no-such-rule"),)})]
            """
        },
    )
    run = run_registry(tmp_path)
    assert run.returncode == 0, run.stderr
    error = run.errors("rules")
    assert "no-such-rule" in error
    assert "'ruled'" in error
    assert "rules-dist" in error
    assert run.result is not None
    assert "ruled" not in run.result["methods"]
    _assert_builtins_ok(run)


# -- in process, with extra plugins ------------------------------------------------


def _spec(method_id: str, **update: Any) -> MethodSpec:
    data = INCIDENT.model_dump()
    data.update(id=method_id, **update)
    return MethodSpec.model_validate(data)


class _Methods:
    def __init__(self, *specs: object) -> None:
        self.specs = list(specs)

    @hookimpl
    def intervision_methods(self) -> list[object]:
        return self.specs


def test_unknown_rule_kind_is_a_spec_error_naming_the_kind() -> None:
    ruled = _spec("ruled", rules=[{"kind": "no-such-rule", "params": {}}])
    registry = load_registry(entry_points=False, strict=False, extra=[("ruler", _Methods(ruled))])
    [(info, error)] = registry.errors
    assert info.name == "ruler"
    assert info.methods == []
    assert "no-such-rule" in error and "'ruled'" in error and "'ruler'" in error

    with pytest.raises(SpecError, match="no-such-rule") as raised:
        load_registry(entry_points=False, strict=True, extra=[("ruler", _Methods(ruled))])
    assert raised.value.plugin == "ruler"


def test_unknown_rule_kind_in_a_phase_is_a_spec_error() -> None:
    phases = [p.model_dump() for p in INCIDENT.phases]
    phases[1]["rules"] = [{"kind": "phase-only-rule"}]
    ruled = _spec("phase-ruled", phases=phases)
    with pytest.raises(SpecError, match="phase-only-rule"):
        load_registry(entry_points=False, strict=True, extra=[("ruler", _Methods(ruled))])


def test_duplicate_method_id_in_strict_mode_names_both_plugins() -> None:
    first, second = _Methods(_spec("dup-method")), _Methods(_spec("dup-method"))
    with pytest.raises(DuplicateMethodError) as raised:
        load_registry(entry_points=False, strict=True, extra=[("alpha", first), ("beta", second)])
    assert "'alpha'" in str(raised.value) and "'beta'" in str(raised.value)
    assert isinstance(raised.value, PluginError)


def test_duplicate_method_id_lenient_keeps_the_first_owner() -> None:
    first, second = _Methods(_spec("dup-method")), _Methods(_spec("dup-method"))
    registry = load_registry(
        entry_points=False, strict=False, extra=[("alpha", first), ("beta", second)]
    )
    assert registry.owner("dup-method").name == "alpha"
    [(info, error)] = registry.errors
    assert info.name == "beta"
    assert "'alpha'" in error and "'beta'" in error


def test_invalid_dict_spec_in_strict_mode_is_a_spec_error() -> None:
    bad = INCIDENT.model_dump(mode="json")
    bad["id"] = "zero-minutes"
    bad["phases"][2]["minutes"] = 0
    with pytest.raises(SpecError) as raised:
        load_registry(entry_points=False, strict=True, extra=[("specs", _Methods(bad))])
    message = str(raised.value)
    assert "'specs'" in message and "'zero-minutes'" in message and "phases.2.minutes" in message
    assert raised.value.plugin == "specs"
    assert raised.value.distribution == "(not installed)"


def test_a_raising_registration_hook_is_isolated() -> None:
    class Raising:
        @hookimpl
        def intervision_methods(self) -> list[MethodSpec]:
            raise RuntimeError("cannot read my TOML")

    registry = load_registry(
        entry_points=False,
        strict=False,
        extra=[("raising", Raising()), ("incident", incident)],
    )
    assert [m.id for m in registry.methods()] == ["incident"]
    [(info, error)] = registry.errors
    assert info.name == "raising"
    assert "RuntimeError" in error and "cannot read my TOML" in error

    with pytest.raises(PluginError, match="raising"):
        load_registry(entry_points=False, strict=True, extra=[("raising", Raising())])


# -- lifecycle hooks run after the commit ----------------------------------------------


class _ExplodingHooks:
    def __init__(self) -> None:
        self.calls = 0

    @hookimpl
    def intervision_contribution_added(
        self, state: MeetingState, contribution: Contribution
    ) -> None:
        self.calls += 1
        raise RuntimeError(f"hook failed on {contribution.text!r}")


def test_a_failing_lifecycle_hook_does_not_undo_the_commit() -> None:
    exploding = _ExplodingHooks()
    registry = load_registry(
        entry_points=False, strict=True, extra=[("incident", incident), ("exploding", exploding)]
    )
    engine = Engine(MemoryJournal(), registry)
    meeting = engine.start_meeting(["Anna", "Bram", "Carla", "Dirk"], facilitator="Anna")
    meeting.advance("anna")
    for who in ("anna", "bram", "carla", "dirk"):
        meeting.submit_leervraag(who, f"leervraag of {who}")
    meeting.advance("anna")
    meeting.choose_case("anna", "bram")
    meeting.choose_method("anna", "incident")
    assert meeting.refresh().phase == "situation"
    version = meeting.refresh().version

    secret = "the confidential situation at the ward"
    with capture_logs() as logs:
        contribution_id = meeting.contribute("bram", "statement", secret)

    # the hook ran (and failed) ...
    assert exploding.calls >= 1
    # ... but the contribution is committed: in the state ...
    state = meeting.refresh()
    assert state.version == version + 1
    assert [c.text for c in state.contributions if c.id == contribution_id] == [secret]
    # ... in the journal ...
    events = engine.journal.load(meeting.id)
    assert [getattr(e, "text", None) for e in events if e.type == "contribution_added"][-1] == (
        secret
    )
    # ... and after a reload from the journal
    assert secret in [c.text for c in engine.reload(meeting.id).contributions]

    failures = [entry for entry in logs if entry["event"] == "hook_failed"]
    assert len(failures) == 1, logs
    [failure] = failures
    assert failure["log_level"] == "error"
    assert failure["plugin"] == "exploding"
    assert failure["hook"] == "intervision_contribution_added"
    assert failure["meeting_id"] == meeting.id
    for entry in logs:
        assert secret not in repr(entry)


def test_a_misspelt_hook_is_reported_not_silently_ignored() -> None:
    class Typo:
        @hookimpl
        def intervision_method(self) -> list[object]:  # missing 's'
            return []

    registry = load_registry(entry_points=False, extra=[("typo", Typo())])
    [(info, error)] = registry.errors
    assert info.name == "typo" and "'intervision_method'" in error and "misspelt" in error
    with pytest.raises(PluginError, match="intervision_method"):
        load_registry(strict=True, entry_points=False, extra=[("typo", Typo())])


@pytest.mark.parametrize(("value", "strict"), [("False", False), ("NO", False), ("1", True)])
def test_strict_mode_reads_the_environment_variable_like_a_person_writes_it(
    monkeypatch: pytest.MonkeyPatch, value: str, strict: bool
) -> None:
    class Typo:
        @hookimpl
        def intervision_method(self) -> list[object]:
            return []

    monkeypatch.setenv("INTERVISION_STRICT_PLUGINS", value)
    if strict:
        with pytest.raises(PluginError):
            load_registry(entry_points=False, extra=[("typo", Typo())])
    else:
        assert load_registry(entry_points=False, extra=[("typo", Typo())]).errors


def test_an_allow_list_loads_only_the_plugins_it_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVISION_PLUGINS", "incident, socratic")
    assert [m.id for m in load_registry(user_methods=False).methods()] == ["incident", "socratic"]
    monkeypatch.setenv("INTERVISION_PLUGINS", "")
    assert load_registry(user_methods=False).methods() == []
    monkeypatch.delenv("INTERVISION_PLUGINS")
    assert len(load_registry(user_methods=False, allow=["gossip"]).methods()) == 1


def test_builtin_only_leaves_out_every_other_distribution() -> None:
    everything = load_registry(user_methods=False)
    builtin = load_registry(user_methods=False, builtin_only=True)
    assert {p.distribution for p in builtin.plugins} == {"intervision"}
    assert {p.distribution for p in everything.plugins} > {"intervision"}
    assert "incident" in [m.id for m in builtin.methods()]


def test_a_hook_with_wrong_arguments_is_reported_with_the_fix() -> None:
    class WrongArgs:
        @hookimpl
        def intervision_meeting_started(self, state: object, group: object) -> None:
            """'group' is not an argument of this hook."""

    registry = load_registry(entry_points=False, extra=[("wrong-args", WrongArgs())])
    [(info, error)] = registry.errors
    assert info.name == "wrong-args"
    assert "group" in error and "PLUGINS.md" in error
    with pytest.raises(PluginError, match="wrong-args"):
        load_registry(strict=True, entry_points=False, extra=[("wrong-args", WrongArgs())])


def test_an_installed_plugin_named_again_as_an_extra_is_one_plugin(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from author_plugins import compliments, installed

    entry = {"compliments": "author_plugins.compliments"}
    installed(monkeypatch, tmp_path, "intervision-compliments", entry)

    registry = load_registry(strict=True, extra=[("author_plugins.compliments", compliments)])

    assert [p.name for p in registry.plugins].count("compliments") == 1
    assert "author_plugins.compliments" not in [p.name for p in registry.plugins]
    assert registry.owner("compliment-round").distribution == "intervision-compliments"


def test_one_module_under_two_entry_points_is_reported_once_clearly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from author_plugins import installed

    twice = {"compliments": "author_plugins.compliments", "kudos": "author_plugins.compliments"}
    installed(monkeypatch, tmp_path, "intervision-compliments", twice)

    registry = load_registry(strict=False)

    [error] = [e for i, e in registry.errors if i.name == "kudos"]
    assert error == (
        "plugin 'kudos' (distribution intervision-compliments): its module is already "
        "loaded as the plugin 'compliments'; give each module one entry point"
    )
    assert registry.owner("compliment-round").name == "compliments"
