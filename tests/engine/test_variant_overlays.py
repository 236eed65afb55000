"""A variant names the phases it changes, and only what changes in them.

The rest of each phase, and every phase it does not name, is the method's own; a
mistake in the overlay is found when the method is built, naming the method, the
variant and the phase.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from intervision.engine import (
    Fit,
    MethodSpec,
    PhaseSpec,
    SpecError,
    Text,
    VariantSpec,
    dump_method,
    hookimpl,
    load_method_file,
    load_registry,
)


def phase(phase_id: str, minutes: int = 10, **fields: Any) -> PhaseSpec:
    fields.setdefault(
        "instructions",
        {
            role: Text(nl=f"{role} in {phase_id}", en=f"the {role} in {phase_id}")
            for role in ("facilitator", "inbrenger", "participant")
        },
    )
    return PhaseSpec(id=phase_id, title=Text(nl=phase_id, en=phase_id), minutes=minutes, **fields)


PHASES = (
    phase("tell", 5, allowed={"inbrenger": ("statement",)}),
    phase("ask", 15, inbrenger_mode="answers_briefly", allowed={"participant": ("question",)}),
    phase("advise", 10, inbrenger_mode="listens", allowed={"participant": ("advice",)}),
)


def variant(variant_id: str = "v", **fields: Any) -> VariantSpec:
    return VariantSpec(
        id=variant_id,
        title=Text(nl="Variant", en="Variant"),
        summary=Text(nl="Anders.", en="Otherwise."),
        **fields,
    )


def method(*variants: VariantSpec, **fields: Any) -> MethodSpec:
    return MethodSpec(
        id="base",
        version="1.0",
        derived=True,
        title=Text(nl="Basis", en="Base"),
        summary=Text(nl="De basis.", en="The base."),
        fit=Fit(group_min=4, leervraag_kinds=("advice",)),
        phases=PHASES,
        variants=variants,
        **fields,
    )


def test_a_variant_changes_one_field_of_one_phase() -> None:
    spec = method(variant(change={"advise": {"written_first": True}}))
    written = spec.variant("v")
    assert [p.id for p in written.phases] == ["tell", "ask", "advise"]
    assert written.phase("advise").written_first
    assert written.phase("advise").model_copy(update={"written_first": False}) == PHASES[2]
    assert written.phases[:2] == PHASES[:2]
    assert written.phases[0] is PHASES[0]  # what the variant does not change, it shares
    assert written.fit == spec.fit and written.variants == ()


def test_instructions_and_allowed_kinds_change_role_by_role() -> None:
    new = Text(nl="Nieuw voor de begeleider.", en="New for the facilitator.")
    spec = method(
        variant(
            change={
                "ask": {
                    "instructions": {"facilitator": new},
                    "allowed": {"participant": ("question", "open_question")},
                }
            }
        )
    )
    ask = spec.variant("v").phase("ask")
    assert ask.instructions["facilitator"] == new
    assert ask.instructions["participant"] == PHASES[1].instructions["participant"]
    assert ask.allowed == {
        "participant": ("question", "open_question"),
        "facilitator": ("note",),
    }


def test_a_variant_adds_and_drops_phases_in_the_order_it_gives() -> None:
    spec = method(
        variant(
            add=(phase("positions", 7, allowed={"participant": ("position",)}),),
            order=("tell", "positions", "advise"),
        )
    )
    blind = spec.variant("v")
    assert [p.id for p in blind.phases] == ["tell", "positions", "advise"]
    assert blind.fit.minutes == 22 and spec.fit.minutes == 30


def test_a_variant_that_is_a_procedure_of_its_own_lists_all_its_phases() -> None:
    own = (phase("present", 20), phase("share", 25))
    spec = method(variant(phases=own, fit=Fit(group_min=6, group_max=10)))
    group = spec.variant("v")
    assert group.phases == own
    assert (group.fit.group_min, group.fit.group_max, group.fit.minutes) == (6, 10, 45)


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"change": {"analyse": {"minutes": 5}}}, "change.analyse: the method has no phase"),
        ({"change": {"ask": {"minutes": 0}}}, "ask.minutes: Input should be greater than 0"),
        ({"change": {"ask": {"colour": "red"}}}, "ask.colour: not a field a variant can change"),
        ({"change": {"ask": {"id": "asking"}}}, "ask.id: not a field a variant can change"),
        ({"add": (phase("new"),)}, "order: say where the added phases (new) go"),
        ({"add": (phase("ask"),), "order": ("ask",)}, "add.ask: the method has a phase"),
        ({"order": ("tell", "wait")}, "order: no phase 'wait'"),
        ({"order": ("tell",), "change": {"ask": {"minutes": 3}}}, "order: leaves out 'ask'"),
        ({"phases": (phase("x"),), "order": ("x",)}, "either lists all its phases"),
        (
            {"change": {"advise": {"allowed": {"inbrenger": ("reaction",)}}}},
            "change.advise: allowed.inbrenger: the inbrenger listens",
        ),
    ],
)
def test_a_wrong_overlay_is_refused_where_it_is_wrong(fields: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValidationError) as info:
        method(variant("blind", **fields))
    assert problem in str(info.value)


def test_an_overlay_naming_an_unknown_phase_is_a_spec_error_naming_method_variant_and_phase(
    tmp_path: Path,
) -> None:
    raw = method().model_dump(mode="json")
    raw["variants"] = [
        {
            "id": "blind",
            "title": {"nl": "Blind", "en": "Blind"},
            "summary": {"nl": "Blind.", "en": "Blind."},
            "change": {"analysis": {"minutes": 5}},
        }
    ]

    class Plugin:
        @hookimpl
        def intervision_methods(self) -> list[dict[str, Any]]:
            return [raw]

    with pytest.raises(SpecError) as info:
        load_registry(strict=True, entry_points=False, user_methods=False, extra=[("p", Plugin())])
    message = str(info.value)
    assert "method 'base'" in message and "(blind)" in message and "'analysis'" in message
    assert "tell, ask, advise" in message  # and which phases there are


def test_an_overlay_exports_as_an_overlay_and_reads_back_equal(tmp_path: Path) -> None:
    spec = method(
        variant(
            change={
                "advise": {"written_first": True, "instructions": {"inbrenger": PHASES[0].title}}
            },
            add=(phase("positions", 7),),
            order=("tell", "ask", "positions", "advise"),
        )
    )
    text = dump_method(spec)
    assert "[variants.change.advise]" in text and "written_first = true" in text
    assert text.count("[[phases]]") == 3
    path = tmp_path / "base.toml"
    path.write_text(text, encoding="utf-8")
    again = load_method_file(path)
    assert again == spec
    assert again.variant("v") == spec.variant("v")


def test_the_registry_hands_out_one_object_per_method_version_and_variant() -> None:
    spec = method(variant(change={"advise": {"written_first": True}}))

    class Plugin:
        @hookimpl
        def intervision_methods(self) -> list[MethodSpec]:
            return [spec]

    registry = load_registry(
        strict=True, entry_points=False, user_methods=False, extra=[("p", Plugin())]
    )
    first = registry.method("base", variant="v")
    assert registry.method("base", "1.0", "v") is first
    assert registry.method("base") is spec
