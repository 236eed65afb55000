"""The conformance suite: the same checks on every installed method and variant,
built in, contributed or written in TOML."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from support import PhaseExerciser, start

from intervision.engine import Engine, MemoryJournal, MethodSpec, load_registry
from intervision.engine.core.flow import END, method_flow


def _toml_method() -> Path:
    """A method that exists only as a TOML file: the gossip example under its own id."""
    text = (Path(__file__).parents[2] / "examples" / "methods" / "gossip.toml").read_text("utf-8")
    path = Path(tempfile.mkdtemp(prefix="intervision-conformance-")) / "gossip-toml.toml"
    path.write_text(text.replace('id = "gossip"', 'id = "gossip-toml"', 1), encoding="utf-8")
    return path


# Built when the module is collected: every installed method (built in and
# contributed) plus a TOML one, and nothing from the developer's own folder.
REGISTRY = load_registry(strict=True, user_methods=False, method_files=[_toml_method()])
CASES = [
    pytest.param(m.id, v, id=f"{m.id}/{v}" if v else m.id)
    for m in REGISTRY.methods()
    for v in (None, *(variant.id for variant in m.variants))
]


def spec(method_id: str, variant: str | None) -> MethodSpec:
    return REGISTRY.method(method_id, variant=variant)


def test_the_suite_covers_built_in_contributed_and_toml_methods() -> None:
    owners = {REGISTRY.owner(m.id).distribution for m in REGISTRY.methods()}
    assert {"intervision", "intervision-contrib"} <= owners
    assert REGISTRY.owner("gossip-toml").name == "file:gossip-toml.toml"


@pytest.mark.parametrize(("method_id", "variant"), CASES)
def test_sources_are_cited_or_the_method_is_marked_derived(
    method_id: str, variant: str | None
) -> None:
    method = spec(method_id, variant)
    assert method.derived or all(s.startswith("https://") for s in method.sources)
    assert method.derived or method.sources


@pytest.mark.parametrize(("method_id", "variant"), CASES)
def test_every_phase_has_instructions_in_both_languages(
    method_id: str, variant: str | None
) -> None:
    for phase in spec(method_id, variant).phases:
        for role in ("facilitator", "inbrenger", "participant"):
            text = phase.instructions.get(role)
            assert text is not None, f"{phase.id}: no instructions for the {role}"
            assert text.nl != text.en, f"{phase.id}.{role}: Dutch and English are the same"


@pytest.mark.parametrize(("method_id", "variant"), CASES)
def test_every_phase_is_reachable_and_the_end_too(method_id: str, variant: str | None) -> None:
    flow = method_flow(spec(method_id, variant))
    seen, todo = {flow.initial}, [flow.initial]
    while todo:
        here = todo.pop()
        for trigger in flow.triggers[here]:
            there = flow.destination(here, trigger)
            if there is not None and there not in seen:
                seen.add(there)
                todo.append(there)
    assert seen == set(flow.states)
    assert END in seen


@pytest.mark.parametrize(("method_id", "variant"), CASES)
def test_a_scripted_meeting_reaches_the_end_with_every_rule_tried(
    method_id: str, variant: str | None
) -> None:
    meeting = start(Engine(MemoryJournal(), REGISTRY), method_id, variant)
    exerciser = PhaseExerciser(meeting)
    exerciser.run()
    assert meeting.state.frame == "second_case"
    method = spec(method_id, variant)
    assert set(exerciser.phases_seen) >= {p.id for p in method.phases}
