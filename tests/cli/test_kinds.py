"""One name per kind, the same on the screen and in the reports, and a shortcut per language."""

from __future__ import annotations

import pytest

from intervision.cli.kinds import kind_name, kind_of, kinds_typed, shortcut
from intervision.engine import CONTRIBUTION_KINDS, GLOSSARY


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_screen_names_each_kind_as_the_report_does(lang: str) -> None:
    for kind in CONTRIBUTION_KINDS:
        assert kind_name(kind, lang) == GLOSSARY.kind(kind)(lang)  # type: ignore[arg-type]


def test_every_kind_has_a_shortcut_in_each_language_that_names_it_in_both() -> None:
    for kind in CONTRIBUTION_KINDS:
        for lang in ("nl", "en"):
            typed = shortcut(kind, lang)  # type: ignore[arg-type]
            assert typed != kind or len(kind) <= 3
            assert kind_of(typed, lang) == kind  # type: ignore[arg-type]


def test_the_dutch_shortcuts_a_facilitator_types() -> None:
    assert (kind_of("v"), kind_of("a"), kind_of("u"), kind_of("A")) == (
        "question", "advice", "statement", "advice",
    )  # fmt: skip
    assert kind_of("zucht") is None
    assert shortcut("advice", "nl") == "a" and shortcut("advice", "en") == "ad"
    assert kinds_typed(("question", "note"), "nl") == "vraag (v), notitie (n)"
    assert kinds_typed(("question", "note"), "en") == "question (q), note (n)"
