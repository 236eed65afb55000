"""One name per kind, the same on the screen and in the reports, and a shortcut per language."""

from __future__ import annotations

import pytest

from intervision.cli.kinds import SHORTCUTS, kind_name, kind_of, kinds_typed, shortcut
from intervision.engine import CONTRIBUTION_KINDS, KIND_TITLES


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_screen_names_each_kind_as_the_report_does(lang: str) -> None:
    for kind in CONTRIBUTION_KINDS:
        assert kind_name(kind, lang) == KIND_TITLES[kind](lang)  # type: ignore[arg-type]


def test_every_kind_has_a_shortcut_in_each_language_and_none_is_ambiguous() -> None:
    assert set(SHORTCUTS) == set(CONTRIBUTION_KINDS)
    for index, lang in enumerate(("nl", "en")):
        typed = [pair[index] for pair in SHORTCUTS.values()]
        assert len(typed) == len(set(typed)), lang
    for kind, pair in SHORTCUTS.items():
        assert all(kind_of(word) == kind for word in pair)  # both languages, always


def test_the_dutch_shortcuts_a_facilitator_types() -> None:
    assert (kind_of("v"), kind_of("a"), kind_of("u"), kind_of("A")) == (
        "question", "advice", "statement", "advice",
    )  # fmt: skip
    assert kind_of("zucht") is None
    assert shortcut("advice", "nl") == "a" and shortcut("advice", "en") == "ad"
    assert kinds_typed(("question", "note"), "nl") == "vraag (v), notitie (n)"
    assert kinds_typed(("question", "note"), "en") == "question (q), note (n)"
