"""Click's own words in Dutch under ``--lang nl``: the headings of ``--help``, its
options, and the usage errors; and English again under ``--lang en``."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from intervision.cli.click_words import DUTCH

Invoke = Callable[..., Result]


def test_help_speaks_dutch_and_english_again(invoke: Invoke) -> None:
    dutch = invoke("--lang", "nl", "--help").stdout
    for words in ("Gebruik:", "[OPTIES] COMMANDO [ARGUMENTEN]...", "Opties:"):
        assert words in dutch
    assert "Commando's:" in dutch and "Toon deze hulp en stop." in dutch
    assert "Toon de versie en stop." in dutch
    sub = invoke("--lang", "nl", "series", "plan", "--help").stdout
    assert "series plan [OPTIES] GROUP" in sub and "Gebruik:" in sub
    assert "Toon deze hulp en stop." in sub
    english = invoke("--lang", "en", "--help").stdout
    assert "Usage:" in english and "[OPTIONS] COMMAND [ARGS]..." in english
    assert "Show this message and exit." in english and "Gebruik" not in english


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("methods", "show"), "Fout: Ontbrekend argument 'ID'."),
        (("metods",), "Fout: Het commando 'metods' bestaat niet."),
        (("recommend", "--size", "5", "--kind", "nope"), "Ongeldige waarde voor '--kind'"),
        (("series", "plan", "x", "--every"), "De optie '--every' vraagt om een waarde."),
        (("meetings", "--nope"), "De optie '--nope' bestaat niet."),
    ],
)
def test_usage_errors_are_in_dutch(invoke: Invoke, args: tuple[str, ...], said: str) -> None:
    result = invoke("--lang", "nl", *args)
    assert result.exit_code == 2
    assert said in result.stderr
    assert "Error" not in result.stderr and "Usage" not in result.stderr


def _click_strings() -> set[str]:
    """Every string click passes to ``_`` or ``ngettext`` in the modules it translates in."""
    found: set[str] = set()
    for name in ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui"):
        module = importlib.import_module(f"click.{name}")
        tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id in ("_", "ngettext"):
                for arg in node.args[:2]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.add(arg.value)
    return found


def test_every_string_click_translates_has_a_dutch_one() -> None:
    missing = sorted(_click_strings() - set(DUTCH))
    assert missing == [], f"add these to intervision.cli.click_words.DUTCH: {missing}"
