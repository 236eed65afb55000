"""Methods written as TOML: equal to the Python ones, and faulty files named precisely."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervision.engine import (
    Engine,
    MemoryJournal,
    Registry,
    SpecError,
    dump_method,
    load_method_file,
    load_registry,
)

EXAMPLES = Path(__file__).parents[2] / "examples" / "methods"


@pytest.mark.parametrize("method_id", ["incident", "gossip"])
def test_the_toml_examples_equal_the_built_in_methods(method_id: str, registry: Registry) -> None:
    assert load_method_file(EXAMPLES / f"{method_id}.toml") == registry.method(method_id)


def test_every_installed_method_round_trips_through_toml(
    registry: Registry, tmp_path: Path
) -> None:
    for method in registry.methods(modules=True):
        path = tmp_path / f"{method.id}.toml"
        path.write_text(dump_method(method), encoding="utf-8")
        assert load_method_file(path) == method, method.id


def adapted_incident(tmp_path: Path, **changes: object) -> Path:
    text = (EXAMPLES / "incident.toml").read_text(encoding="utf-8")
    text = text.replace('id = "incident"', 'id = "short-incident"', 1)
    for old, new in changes.items():
        text = text.replace(old, str(new), 1)
    path = tmp_path / "short-incident.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_facilitators_adapted_method_loads_and_runs(tmp_path: Path) -> None:
    path = adapted_incident(tmp_path, **{"minutes = 15": "minutes = 8"})
    registry = load_registry(strict=True, method_files=[path])
    method = registry.method("short-incident")
    assert method.phase("questions").minutes == 8
    assert registry.owner("short-incident").name == "file:short-incident.toml"
    engine = Engine(MemoryJournal(), registry)
    meeting = engine.start_meeting(["Anna", "Bram", "Carla", "Dirk"], facilitator="Anna")
    meeting.advance("anna")
    for person in ("anna", "bram", "carla", "dirk"):
        meeting.submit_leervraag(person, "a leervraag")
    meeting.advance("anna")
    meeting.choose_case("anna", "bram", consent=True)
    meeting.choose_method("anna", "short-incident", inbrenger_agrees=True)
    assert meeting.state.phase == "situation"


def test_the_user_methods_folder_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "methods"
    folder.mkdir()
    adapted_incident(folder)
    monkeypatch.setenv("INTERVISION_METHODS_DIR", str(folder))
    assert "short-incident" in [m.id for m in load_registry(strict=True).methods()]


@pytest.mark.parametrize(
    ("change", "field", "what"),
    [
        ({"minutes = 15": "minutes = 0"}, "phases.1.minutes", "greater than 0"),
        ({'en = "Incident method"': 'fr = "Méthode"'}, "title.en", "Field required"),
        ({'inbrenger_mode = "away"': 'inbrenger_mode = "asleep"'}, "inbrenger_mode", "'away'"),
        ({'version = "1.0"': 'version = "one"'}, "version", "pattern"),
    ],
)
def test_a_faulty_file_names_the_file_and_field_and_the_rest_keep_working(
    tmp_path: Path, change: dict[str, str], field: str, what: str
) -> None:
    path = adapted_incident(tmp_path, **change)
    with pytest.raises(SpecError) as info:
        load_method_file(path)
    message = str(info.value)
    assert str(path) in message and field in message and what in message
    registry = load_registry(method_files=[path])
    assert "incident" in [m.id for m in registry.methods()]
    assert "short-incident" not in [m.id for m in registry.methods()]
    [(plugin, error)] = registry.errors
    assert plugin.name == "file:short-incident.toml" and field in error


def test_broken_toml_syntax_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('id = "x"\nphases = [\n', encoding="utf-8")
    with pytest.raises(SpecError, match="is not valid TOML"):
        load_method_file(path)
    with pytest.raises(SpecError, match="cannot be read"):
        load_method_file(tmp_path / "missing.toml")
