"""Every method's decision: the screen says exactly what to type, and that is accepted.

For each installed method (and module) with a decision, a meeting is driven to the
phase; the line the screen gives (``typ besluit ...``), with words put in for the
placeholders, goes through the same driver as the ``>`` prompt, and the engine must
record the decision. Kinds are named in words, never as ids.
"""

from __future__ import annotations

import re

import pytest
from drive import candidates
from support import group_for

from intervision.cli.driver import Driver
from intervision.cli.parse import parse_line
from intervision.cli.status import decision_hint
from intervision.engine import Engine, IntervisionError, Meeting, Registry, load_registry
from intervision.testing import to_case_choice

TYPED = {
    "nl": re.compile(r"typ (besluit .*?)(?:, met | in je eigen woorden|\.$)"),
    "en": re.compile(r"type (decide .*?)(?:, giving |, with | in your own words|\.$)"),
}
KIND_IDS = ("open_question", "learning_point", "(advice)", "(question)")


def _with_decisions() -> list[str]:
    registry = load_registry()
    return sorted(
        m.id
        for m in registry.methods(modules=True)
        if any(p.decision is not None for p in m.phases) and m.kind != "module"
    )


def _start(engine: Engine, method_id: str, lang: str) -> Meeting:
    method = engine.registry.method(method_id)
    meeting = engine.start_meeting(group_for(method), facilitator="Anna", lang=lang)
    to_case_choice(meeting)
    meeting.choose_case("anna", "bram", consent=True)
    meeting.choose_method("anna", method_id, inbrenger_agrees=True)
    return meeting


def _step(meeting: Meeting) -> None:
    for command in candidates(meeting, 0):
        try:
            command()
            return
        except IntervisionError:
            continue
    raise AssertionError(f"stuck in {meeting.state.frame}/{meeting.state.phase}")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("method_id", _with_decisions())
def test_the_decision_prompt_says_what_to_type_and_that_is_accepted(
    method_id: str, lang: str, engine: Engine, registry: Registry
) -> None:
    meeting = _start(engine, method_id, lang)
    decided = 0
    for _ in range(300):
        state, phase = meeting.state, meeting.phase
        if state.frame != "method" or phase is None:
            break
        if phase.decision is not None and not state.step_decisions():
            hint = decision_hint(meeting, meeting.capabilities(), lang)  # type: ignore[arg-type]
            assert not any(k in hint for k in KIND_IDS), hint
            found = TYPED[lang].search(hint)
            assert found, hint
            line = re.sub(r"<[^>]+>", "wat ik meeneem", found.group(1))
            told: list[str] = []
            driver = Driver(meeting, lang, strict=True, tell=told.append)  # type: ignore[arg-type]
            assert driver.do(parse_line(line)), (hint, line)
            assert len(meeting.state.step_decisions()) == 1
            decided += 1
            continue
        _step(meeting)
    assert decided >= 1, method_id
