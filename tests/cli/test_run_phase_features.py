"""``intervision run`` with variants, hidden phases, labels, loops, consensus and modules."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from intervision.engine import load_registry
from intervision.engine.storage import open_engine

Invoke = Callable[..., Result]
MEMBERS = ["--members", "Anna,Bram,Carla,Dirk", "--facilitator", "Anna"]
#: Up to the method prompt: Anna and Dirk pass, Bram and Carla bring a leervraag,
#: Bram's is chosen and he consents.
FRAME = ["", "", "leervraag van Bram", "leervraag van Carla", "", "1", ""]


def script(*lines: str) -> str:
    return "".join(f"{line}\n" for line in lines)


def _needs(method_id: str, feature: str) -> None:
    spec = load_registry().method(method_id)
    if feature == "variant":
        assert "blind-position" in [v.id for v in spec.variants]
    if feature == "labels":
        assert any(p.labels for p in spec.phases)


def test_blind_position_keeps_the_actual_action_hidden_until_the_comparison(
    invoke: Invoke, store: Path
) -> None:
    _needs("incident", "variant")
    planted = "GEHEIM-werkelijke-actie-9"
    answers = [
        *FRAME,
        "",  # the proposed incident/blind-position
        "",  # Bram agrees
        "Bram: s: situatie", "verder",
        "Carla: q: vraag", "Bram r antwoord", "verder",
        f"Bram: s: {planted}", "toon", "verder",
        "Anna: p: positie-a", "Carla: p: positie-c", "Dirk: p: positie-d", "toon",
        "onthul", "verder",
        "toon", "quit",
    ]  # fmt: skip
    result = invoke(
        "--lang", "en", "run", *MEMBERS, "--method", "incident", "--variant", "blind-position",
        input=script(*answers),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Which method? (id) [incident/blind-position]" in out
    assert "Incident method (Blind position)" in out
    typed = f"> Bram: s: {planted}\n"
    before, after = out.split(typed, 1)
    hidden, compared = after.split("Phase 5/7 · Comparing", 1)
    assert "Phase 4/7 · Taking a position" in hidden
    assert planted not in before and planted not in hidden
    assert "Still hidden: 1 contribution," in hidden
    assert "Kept hidden until now" in compared
    assert compared.count(planted) == 2  # on entering the comparison, and at `toon`
    meeting = json.loads(invoke("meetings", "--json").stdout)[0]
    engine = open_engine(str(store))
    try:
        assert engine.reload(meeting["id"]).case.variant == "blind-position"  # type: ignore[union-attr]
    finally:
        engine.journal.close()


def test_a_variant_typed_at_method_choice(invoke: Invoke) -> None:
    _needs("incident", "variant")
    answers = [*FRAME, "incident/nope", "incident/blind-position", "", "quit"]
    result = invoke("--lang", "nl", "run", *MEMBERS, input=script(*answers))
    assert result.exit_code == 0, result.output
    assert "    incident/blind-position: " in result.stdout  # listed under the method
    assert "Die variant heeft deze methode niet. Varianten:" in result.stdout
    assert "Fase 1/7" in result.stdout


def test_variant_needs_a_method_and_an_unknown_one_fails_before_the_start(invoke: Invoke) -> None:
    assert invoke("run", *MEMBERS, "--variant", "blind-position").exit_code == 2
    result = invoke("run", *MEMBERS, "--method", "incident", "--variant", "nope")
    assert result.exit_code == 2
    assert json.loads(invoke("meetings", "--json").stdout) == []


def test_socratic_a_cold_question_cannot_be_answered_a_warm_one_can(invoke: Invoke) -> None:
    _needs("socratic", "labels")
    answers = [
        *FRAME, "socratic", "",
        "Bram: s: verhaal", "verder",
        "Carla: oq: GEHEIM-warme-vraag", "Dirk: oq: GEHEIM-koude-vraag",
        "Anna: oq: GEHEIM-neutrale-vraag", "onthul", "verder",
        "besluit C2=Warm C3=koud C4=neutraal de warme vraag", "verder",
        "Bram: r: @C3 antwoord op koud",
        "Bram: r: antwoord op warm @C2",
        "toon", "quit",
    ]  # fmt: skip
    result = invoke("-v", "--lang", "en", "run", *MEMBERS, input=script(*answers))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Decision recorded." in out
    assert "Not allowed [answers_labelled]" in out
    assert "C5 recorded." in out  # the answer to the warm question
    assert "These questions may be answered:" in out
    shown = out.rsplit("> toon", 1)[1]
    assert "C2 Carla · open question [warm]" in shown
    assert "C3 Dirk · open question [cold]" in shown
    assert "C5 Bram · reaction → C2: antwoord op warm" in shown
    assert "antwoord op koud" not in shown


def test_loop_consensus_and_module_at_the_prompt(invoke: Invoke, looper: list[str]) -> None:
    answers = [
        *FRAME, "looper", "",
        "Bram: s: verhaal", "verder",
        "Carla: ad: advies", "Dirk: ad: advies", "Anna: ad: advies",
        "verder",  # refused: no consensus yet
        "terug nergens",  # no such loop
        "terug not_helped",  # the inbrenger goes back
        "verder",
        "Carla: ad: advies", "Dirk: ad: advies", "Anna: ad: advies",
        "eens we zijn het eens", "next",
        "next",  # refused: choose the module first
        "werkvorm mini-module",
        "Carla: ad: idee", "verder", "quit",
    ]  # fmt: skip
    result = invoke(
        "-v", "--lang", "nl", *looper, "run", *MEMBERS, input=script(*answers),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Niet toegestaan [consensus]" in out
    assert "Terug kan hier via: not_helped. Typ: terug <id>." in out
    assert out.count("Fase 1/3 · Vertellen") == 2
    assert "Consensus vastgelegd" in out
    assert "Niet toegestaan [nesting]" in out
    assert "Werkvorm binnen de Lusmethode, fase 'Werkvorm'." in out
    assert "Een tweede casus?" in out or "tweede" in out.lower()
