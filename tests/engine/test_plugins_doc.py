"""PLUGINS.md documents every hook under its exact signature, and its examples run.

The hooks reference is read against ``engine/hookspecs.py`` itself, so a hook added,
renamed or changed without its section fails here; the method examples are executed
and loaded the way a plugin author would load them.
"""

from __future__ import annotations

import inspect
import re
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from structlog.testing import capture_logs
from support import FACILITATOR, PARTICIPANTS, PhaseExerciser, refused, start

from intervision.engine import (
    CommandRefused,
    Engine,
    MemoryJournal,
    MethodSpec,
    RuleRef,
    load_method_file,
    load_registry,
)
from intervision.engine.core import hookspecs
from intervision.engine.groups import groups_of
from intervision.engine.groups.history import propose_facilitator
from intervision.engine.recommend.ranking import recommend

DOC = Path(__file__).parents[2] / "PLUGINS.md"
TEXT = DOC.read_text(encoding="utf-8")


def hookspecs_by_name() -> dict[str, Callable[..., Any]]:
    return {
        name: func
        for name, func in vars(hookspecs).items()
        if inspect.isfunction(func) and getattr(func, "intervision_spec", None) is not None
    }


def signature_of(func: Callable[..., Any]) -> str:
    """``name(arg: type, ...) -> return``, with the annotations as written in the source."""
    sig = inspect.signature(func)
    params = ", ".join(f"{p.name}: {p.annotation}" for p in sig.parameters.values())
    return f"{func.__name__}({params}) -> {sig.return_annotation}"


def headings(level: int) -> list[str]:
    marker = "#" * level + " "
    return [line[len(marker) :].strip() for line in TEXT.splitlines() if line.startswith(marker)]


def section(title: str) -> str:
    """The text under a heading (any level), up to the next heading of that level or higher."""
    lines = TEXT.splitlines()
    for index, line in enumerate(lines):
        match = re.match(r"^(#+) (.*)$", line)
        if match and match.group(2).strip() == title:
            level = len(match.group(1))
            body = []
            for following in lines[index + 1 :]:
                deeper = re.match(r"^(#+) ", following)
                if deeper and len(deeper.group(1)) <= level:
                    break
                body.append(following)
            return "\n".join(body)
    raise AssertionError(f"PLUGINS.md has no section {title!r}")


def code_blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)


def as_module(source: str, name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    exec(compile(source, f"PLUGINS.md:{name}", "exec"), module.__dict__)
    return module


def python_example() -> types.ModuleType:
    return as_module(code_blocks(section("Writing a method in Python"), "python")[0], "doc_method")


def rule_example() -> types.ModuleType:
    return as_module(code_blocks(section("Rules"), "python")[0], "doc_rule")


# -- the hooks reference ----------------------------------------------------------------


def test_there_are_hooks_to_document() -> None:
    assert {"intervision_methods", "intervision_methods_for"} <= set(hookspecs_by_name())


@pytest.mark.parametrize("name", sorted(hookspecs_by_name()))
def test_every_hook_has_exactly_one_section_under_its_exact_signature(name: str) -> None:
    expected = signature_of(hookspecs_by_name()[name])
    assert headings(3).count(expected) == 1, f"PLUGINS.md needs one '### {expected}'"


def test_no_section_documents_a_hook_that_does_not_exist() -> None:
    signatures = {signature_of(func) for func in hookspecs_by_name().values()}
    documented = [h for h in headings(3) if h.startswith("intervision_")]
    assert [h for h in documented if h not in signatures] == []
    reference = [
        line[4:].strip() for line in section("Hooks reference").splitlines() if line[:4] == "### "
    ]
    assert sorted(reference) == sorted(signatures)


def test_the_lifecycle_diagram_comes_first_and_names_every_hook() -> None:
    first = code_blocks(TEXT, "mermaid")[0]
    assert TEXT.index("```mermaid") < TEXT.index("## Writing a method in Python")
    for name in hookspecs_by_name():
        assert name in first, f"the diagram does not say where {name} is called"


def test_the_compatibility_section_names_the_api_version() -> None:
    text = section("Compatibility")
    assert "HOOK_API_VERSION" in text and f"`{hookspecs.HOOK_API_VERSION}`" in text
    assert "warn_on_impl" in text


# -- the examples run ---------------------------------------------------------------------


def test_the_python_example_registers_without_errors() -> None:
    module = python_example()
    registry = load_registry(strict=True, extra=[("doc-example", module)])
    assert registry.errors == []
    [method] = [m for m in registry.methods() if m.id == module.QUICK_ADVICE.id]
    assert registry.owner(method.id).name == "doc-example"


def test_the_python_example_passes_the_conformance_walk() -> None:
    registry = load_registry(strict=True, extra=[("doc-example", python_example())])
    meeting = start(Engine(MemoryJournal(), registry), "quick-advice")
    PhaseExerciser(meeting).run()
    assert meeting.state.frame == "second_case"


def test_the_toml_example_loads_into_the_same_method(tmp_path: Path) -> None:
    path = tmp_path / "quick-advice.toml"
    path.write_text(code_blocks(section("Writing a method in TOML"), "toml")[0], encoding="utf-8")
    spec = load_method_file(path)
    assert spec == python_example().QUICK_ADVICE
    registry = load_registry(strict=True, method_files=[path])
    assert registry.owner("quick-advice").name == "file:quick-advice.toml"


def test_the_loading_and_testing_snippets_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "intervision_quick_advice", python_example())
    python = section("Writing a method in Python")
    loaded = as_module(code_blocks(python, "python")[1], "doc_try")
    assert loaded.meeting.state.frame == "opening"
    testing = as_module(code_blocks(section("Testing your method"), "python")[0], "doc_test")
    registry = load_registry(strict=True, extra=[("quick-advice", python_example())])
    testing.test_quick_advice_conforms(registry)
    engine = Engine(MemoryJournal(), registry)
    testing.test_no_advice_before_the_advice_round(lambda m: start(engine, m))


def test_the_rule_example_refuses_with_its_reason() -> None:
    method = python_example().QUICK_ADVICE
    advice = method.phase("advice").model_copy(
        update={"rules": (RuleRef(kind="max_words", params={"limit": 5}),)}
    )
    short = method.model_copy(
        update={
            "id": "quick-advice-short",
            "phases": tuple(advice if p.id == "advice" else p for p in method.phases),
        }
    )

    class Methods:
        @hookspecs.hookimpl
        def intervision_methods(self) -> list[MethodSpec]:
            return [short]

    registry = load_registry(strict=True, extra=[("rule", rule_example()), ("short", Methods())])
    meeting = start(Engine(MemoryJournal(), registry), "quick-advice-short")
    meeting.advance(FACILITATOR)
    assert meeting.state.phase == "advice"
    with refused(meeting, "max_words"):
        meeting.contribute(PARTICIPANTS[0], "advice", "one two three four five six")
    meeting.contribute(PARTICIPANTS[0], "advice", "call the parents today")
    with pytest.raises(CommandRefused) as info:
        meeting.contribute(PARTICIPANTS[1], "advice", "a b c d e f g")
    assert info.value.reason.en == "Keep it short: at most 5 words in this phase."
    assert info.value.reason.nl == "Houd het kort: hooguit 5 woorden in deze fase."


def test_the_example_in_every_hook_section_registers_and_runs() -> None:
    shared = {
        "QUICK_ADVICE": python_example().QUICK_ADVICE,
        "MAX_WORDS": rule_example().MAX_WORDS,
    }
    plugins = []
    for name, func in sorted(hookspecs_by_name().items()):
        [source] = code_blocks(section(signature_of(func)), "python")
        module = types.ModuleType(f"doc_{name}")
        module.__dict__.update(shared)
        exec(compile(source, f"PLUGINS.md:{name}", "exec"), module.__dict__)
        assert inspect.isfunction(getattr(module, name)), name
        plugins.append((name, module))
    registry = load_registry(strict=True, extra=plugins)
    engine = Engine(MemoryJournal(), registry)
    with capture_logs() as logs:
        meeting = start(engine, "quick-advice")
        meeting.contribute(PARTICIPANTS[0], "question", "what happened?")
        meeting.close(FACILITATOR, reason="time is up")
    assert [entry for entry in logs if entry["event"] == "hook_failed"] == []
    group = groups_of(engine).create("Doc group")
    assert propose_facilitator(engine, group, ["anna", "bram"], []) == "anna"
    suggestions = recommend(registry, leervraag_kind="advice", group_size=5, limit=50)
    [advised] = [s for s in suggestions if s.method_id == "quick-advice"]
    assert "recommended by the plugin intervision_methods_for" in {r.en for r in advised.reasons}


def test_the_table_of_kinds_is_the_glossary() -> None:
    from intervision.engine import GLOSSARY

    rows = [
        [cell.strip().strip("`") for cell in line.strip("|").split("|")]
        for line in section("Words: kinds, roles and labels").splitlines()
        if line.startswith("| `")
    ]
    documented = {kind: (nl, en, short) for kind, nl, en, short in rows}
    expected = {
        kind: (term.name.nl, term.name.en, f"{term.short.nl}` / `{term.short.en}")
        for kind, term in GLOSSARY.kinds.items()
        if term.short is not None
    }
    assert documented == expected


def test_the_python_examples_variant_changes_only_the_advice_round() -> None:
    method = python_example().QUICK_ADVICE
    written = method.variant("written")
    assert written.phase("advice").written_first
    assert [p for p in written.phases if p.id != "advice"] == [
        p for p in method.phases if p.id != "advice"
    ]


def test_the_kinds_and_roles_examples_run() -> None:
    from author_plugins import compliments

    kinds, hook = (
        as_module(source, f"doc_own_{n}")
        for n, source in enumerate(code_blocks(section("Kinds and roles of your own"), "python"))
    )

    class RoundWithoutItsKind:  # the doc's kind stands in for the plugin's own
        intervision_rule_kinds = staticmethod(compliments.intervision_rule_kinds)
        intervision_methods = staticmethod(compliments.intervision_methods)

    registry = load_registry(
        strict=True,
        extra=[("doc-kinds", kinds), ("doc-hook", hook), ("round", RoundWithoutItsKind())],
    )
    assert registry.glossary.kind_for("co", "nl") == "compliment"
    meeting = start(Engine(MemoryJournal(), registry), compliments.METHOD_ID)
    meeting.advance(FACILITATOR)
    meeting.contribute(PARTICIPANTS[0], "compliment", "9: calm and clear")
    assert hook.SAID == {"compliment": 1}
    other = start(Engine(MemoryJournal(), registry), "incident")
    other.contribute("bram", "statement", "what happened")
    assert hook.SAID == {"compliment": 1}


def test_the_languages_example_runs() -> None:
    [source] = code_blocks(section("Languages"), "python")
    pack = as_module(source, "doc_languages")

    registry = load_registry(strict=True, extra=[("german", pack)])

    assert registry.languages["de"].name == "Deutsch"
    assert registry.method("incident").title("de") == "Incident-Methode"
    meeting = start(Engine(MemoryJournal(), registry), "incident")
    meeting.advance(FACILITATOR)  # -> questions, in English: the meeting's language
    with pytest.raises(CommandRefused) as info:
        meeting.contribute(PARTICIPANTS[0], "advice", "call her")
    assert info.value.reason("de") == (
        "„advice“ gehört nicht in diese Phase; beitragen kannst du jetzt: Frage."
    )
