"""What a practising facilitator checks in the methods' own words and shapes.

Every method ends with what the inbrenger takes away or commits to (so the next
opening has something to look back on); the Socratic labels mean what the cited
source says; troika speaks to groups of three and of four; a method lets the
facilitator bring a case only with a reason; a positive case has a method.
"""

from __future__ import annotations

import re

import pytest
from support import texts_of

from intervision.engine import MethodSpec, Registry, load_registry
from intervision.engine.recommend import LEERVRAAG_KINDS, recommend

REGISTRY = load_registry(strict=True)


def _every_method_and_variant() -> list[tuple[str, MethodSpec]]:
    found = []
    for method in REGISTRY.methods():
        found.append((method.id, method))
        found += [(f"{method.id}/{v.id}", method.variant(v.id)) for v in method.variants]
    return found


@pytest.mark.parametrize(
    ("name", "method"), _every_method_and_variant(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_method_ends_with_the_inbrengers_own_take_away(name: str, method: MethodSpec) -> None:
    """A required decision of the inbrenger's own that comes back at the next meeting,
    followed at most by the method's own closing round."""
    ends = [
        index
        for index, phase in enumerate(method.phases)
        if phase.decision is not None
        and phase.decision.by == "inbrenger"
        and phase.decision.commitment
        and phase.decision.required
    ]
    assert ends, f"{name}: no take-away or commitment of the inbrenger"
    after = method.phases[ends[-1] + 1 :]
    assert len(after) <= (1 if method.closes_with else 0), (
        f"{name}: {[p.id for p in after]} follow the inbrenger's take-away"
    )


def test_the_socratic_labels_mean_what_hrdacademy_says() -> None:
    sorting = REGISTRY.method("socratic").phase("sorting")
    assert sorting.labels is not None
    titles = {value: sorting.labels.title(value) for value in sorting.labels.values}
    assert "eye-opener" in titles["warm"].en and "eyeopener" in titles["warm"].nl
    assert "still open" in titles["neutral"].en and "nog open" in titles["neutral"].nl
    assert "know the answer" in titles["cold"].en and "weet het antwoord" in titles["cold"].nl
    assert "says nothing" not in titles["cold"].en
    assert sorting.title.nl == "Vragen indelen"


def test_the_socratic_half_day_is_the_practice_form() -> None:
    half_day = REGISTRY.method("socratic", variant="half-day")
    assert (half_day.fit.group_min, half_day.fit.group_max) == (5, 8)
    # two cases of it, with the frame around them, fill about three hours
    assert 80 <= half_day.fit.minutes <= 100
    asking_on = half_day.phase("asking_on")
    assert [p.id for p in half_day.phases].index("asking_on") == 4  # after the answers
    assert "'ja, en" in asking_on.instructions["participant"].nl
    assert "'yes, and" in asking_on.instructions["participant"].en
    assert half_day.phase("forces").on_request == ("advice",)


def test_the_socratic_dialogue_keeps_the_references_group_and_has_a_day_form() -> None:
    dialogue = REGISTRY.method("socratic-dialogue")
    assert (dialogue.fit.group_min, dialogue.fit.group_max) == (5, 10)  # methods.md
    day = REGISTRY.method("socratic-dialogue", variant="day")
    assert day.fit.minutes >= 300
    assert dialogue.phase("examples").inbrenger_chosen


TROIKA_COUNTS = re.compile(
    r"\b(twee adviseurs|two (consultants|advisers)|andere adviseur\b|other (consultant|adviser)\b)",
    re.IGNORECASE,
)


def test_troika_speaks_to_a_trio_and_to_a_group_of_four() -> None:
    troika = REGISTRY.method("troika")
    assert troika.fit.group_max == 4
    for where, text in texts_of(troika):
        for said in (text.nl, text.en):
            for found in TROIKA_COUNTS.finditer(said):
                assert re.search(r"\((of|or) (drie|three)\)", said), f"{where}: {found[0]!r}"


def test_a_method_lets_the_facilitator_bring_a_case_only_with_a_reason() -> None:
    allowed = {m.id: m.facilitator_may_bring_case for m in REGISTRY.methods()}
    assert {m for m, reason in allowed.items() if reason} == {"troika", "wise-crowds"}
    for reason in (r for r in allowed.values() if r):
        assert len(reason.nl.split()) > 5 and len(reason.en.split()) > 5
    incident = REGISTRY.method("incident").model_dump()
    for blank in ({"nl": " ", "en": "Because."}, {"nl": "Omdat.", "en": ""}):
        with pytest.raises(ValueError, match=r"facilitator_may_bring_case\.(nl|en)"):
            REGISTRY.method("incident").model_validate(
                {**incident, "facilitator_may_bring_case": blank}
            )


def test_a_positive_case_is_a_kind_of_leervraag_with_a_method_that_fits(
    registry: Registry,
) -> None:
    assert LEERVRAAG_KINDS["positive"].nl == "Een succes om van te leren"
    top = recommend(registry, leervraag_kind="positive", group_size=5)[0]
    assert top.method_id == "successes"
    method = registry.method("successes")
    assert [p.id for p in method.phases] == ["success", "factors", "deepening", "lessons"]
    assert [p.minutes for p in method.phases] == [15, 20, 15, 10]
