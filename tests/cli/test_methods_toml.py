"""TOML methods (``--method-file``, the user's folder), diagrams and export."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Invoke = Callable[..., Result]


def test_the_diagram_is_only_mermaid_text(invoke: Invoke) -> None:
    result = invoke("--lang", "en", "methods", "show", "incident", "--diagram")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("stateDiagram-v2\n")
    assert "[*] --> situation" in result.stdout
    assert "Phase 1/" not in result.stdout and "Sources" not in result.stdout


def test_the_diagram_shows_a_loop_and_a_nested_module(invoke: Invoke, looper: list[str]) -> None:
    result = invoke("--lang", "en", *looper, "methods", "show", "looper", "--diagram")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "stateDiagram-v2" in out
    assert "advise --> tell: Not helped yet (inbrenger)" in out
    assert "consult: Module (10 min)" in out and "state consult {" in out
    assert "mini-module" in out


def test_a_variant_has_its_own_diagram(invoke: Invoke) -> None:
    plain = invoke("methods", "show", "incident", "--diagram").stdout
    blind = invoke("methods", "show", "incident", "--variant", "blind-position", "--diagram")
    assert blind.exit_code == 0, blind.output
    assert "positions" in blind.stdout and "positions" not in plain


def test_an_unknown_variant_is_a_usage_error_naming_the_variants(invoke: Invoke) -> None:
    result = invoke("methods", "show", "incident", "--variant", "nope")
    assert result.exit_code == 2
    assert "blind-position" in result.output and "Traceback" not in result.output


def test_show_lists_variants_and_what_each_phase_adds(invoke: Invoke, looper: list[str]) -> None:
    incident = " ".join(invoke("--lang", "en", "methods", "show", "incident").stdout.split())
    assert "Variants:" in incident
    assert "blind-position Blind position" in incident
    blind = " ".join(
        invoke(
            "--lang", "en", "methods", "show", "incident", "--variant", "blind-position"
        ).stdout.split()
    )
    assert "variant: blind-position" in blind
    assert "stays hidden until the phase 'Comparing'" in blind
    assert "Every participant takes a turn" in blind
    out = " ".join(invoke("--lang", "nl", *looper, "methods", "show", "looper").stdout.split())
    assert "Terug naar 'Vertellen' (Nog niet geholpen)" in out and "terug not_helped" in out
    assert "de groep het eens is" in out
    assert "Iedere deelnemer komt aan de beurt" in out
    assert "werkvorm: mini-module (Minimodule)" in out


def test_show_names_labels_and_which_may_be_answered(invoke: Invoke) -> None:
    spec = json.loads(invoke("methods", "show", "socratic", "--json").stdout)
    assert any(phase.get("labels") for phase in spec["phases"])
    out = " ".join(invoke("--lang", "en", "methods", "show", "socratic").stdout.split())
    assert "a label: warm" in out and "cold" in out
    assert "answers only questions labelled warm" in out


def test_export_round_trips_through_method_file(
    invoke: Invoke, looper: list[str], tmp_path: Path
) -> None:
    exported = tmp_path / "exported.toml"
    result = invoke(*looper, "methods", "export", "looper", "-o", str(exported))
    assert result.exit_code == 0, result.output
    module = looper[3]
    original = json.loads(invoke(*looper, "methods", "show", "looper", "--json").stdout)
    again = invoke("--method-file", str(exported), "--method-file", module, "methods", "show",
                   "looper", "--json")  # fmt: skip
    assert again.exit_code == 0, again.output
    reloaded = json.loads(again.stdout)
    for data in (original, reloaded):
        data.pop("plugin")
        data.pop("distribution")
    assert reloaded == original


def test_an_installed_method_exports_under_a_new_id_with_its_variants(
    invoke: Invoke, tmp_path: Path
) -> None:
    text = invoke("methods", "export", "incident", "--id", "my-incident").stdout
    assert text.startswith('id = "my-incident"')
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    mine = json.loads(
        invoke("--method-file", str(path), "methods", "show", "my-incident", "--json").stdout
    )
    installed = json.loads(invoke("methods", "show", "incident", "--json").stdout)
    for data in (mine, installed):
        for key in ("id", "plugin", "distribution"):
            data.pop(key)
    assert mine == installed


def test_a_faulty_file_is_reported_with_file_and_field_and_the_rest_still_works(
    invoke: Invoke, looper: list[str], tmp_path: Path
) -> None:
    bad = tmp_path / "broken-method.toml"
    text = Path(looper[1]).read_text(encoding="utf-8")
    bad.write_text(text.replace("minutes = 10", "minutes = 0"), encoding="utf-8")
    result = invoke("--lang", "en", "--method-file", str(bad), "methods")
    assert result.exit_code == 0, result.output
    warnings = result.stderr.splitlines()
    assert len(warnings) == 1
    assert "broken-method.toml" in warnings[0] and "phases.2.minutes" in warnings[0]
    assert "incident" in result.stdout and "looper" not in result.stdout

    plugins = invoke("--lang", "en", "--method-file", str(bad), "plugins")
    assert plugins.exit_code == 0
    assert f"file:broken-method.toml  {bad}" in plugins.stdout
    assert "FAILED:" in plugins.stdout and "phases.2.minutes" in plugins.stdout
    data = {p["name"]: p for p in json.loads(
        invoke("--method-file", str(bad), "plugins", "--json").stdout)}  # fmt: skip
    assert data["file:broken-method.toml"]["distribution"] == str(bad)
    assert data["file:broken-method.toml"]["ok"] is False


def test_a_file_in_the_users_methods_folder_loads_as_a_method(
    invoke: Invoke, looper: list[str], no_user_methods: Path
) -> None:
    (no_user_methods / "looper.toml").write_text(
        Path(looper[1]).read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = invoke("methods", "--json")
    assert result.exit_code == 0, result.output
    looper = next(m for m in json.loads(result.stdout) if m["id"] == "looper")
    assert looper["plugin"] == "file:looper.toml"
    assert looper["variants"] == []


def test_the_list_shows_methods_not_modules_with_their_distribution(
    invoke: Invoke, looper: list[str]
) -> None:
    data = {m["id"]: m for m in json.loads(invoke(*looper, "methods", "--json").stdout)}
    assert "looper" in data and "mini-module" not in data
    assert data["looper"]["distribution"].endswith("looper.toml")
    contrib = [m for m in data.values() if m["distribution"] == "intervision-contrib"]
    if contrib:  # installed in this environment: shown under its own name
        table = invoke("--lang", "en", "methods").stdout
        assert "\nintervision-contrib\n" in table
        assert contrib[0]["id"] in table.split("\nintervision-contrib\n", 1)[1]
