"""The group's options and the one way every command fails."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import CliRunner, Result

from intervision.cli import main

Invoke = Callable[..., Result]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "Incident method"),
        ({"LANG": "nl_NL.UTF-8"}, "Incidentmethode"),
        ({"INTERVISION_LANG": "nl"}, "Incidentmethode"),
        ({"INTERVISION_LANG": "en", "LANG": "nl_NL.UTF-8"}, "Incident method"),
    ],
)
def test_the_language_comes_from_the_environment(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert expected in invoke("methods").stdout


def test_lang_option_beats_the_environment(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVISION_LANG", "nl")
    assert "Incident method" in invoke("--lang", "en", "methods").stdout


def test_a_usage_error_keeps_clicks_exit_code(invoke: Invoke) -> None:
    result = invoke("--lang", "fr", "methods")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_store_error_is_one_line_with_its_exit_code_and_no_secret(store: object) -> None:
    result = CliRunner().invoke(
        main, ["--store", "postgresql://u:s3cret@127.0.0.1:1/x", "meetings"]
    )
    assert result.exit_code == 6
    assert result.stderr.startswith("intervision: error: ")
    assert result.stderr.count("\n") == 1
    assert "s3cret" not in result.output


def test_help_lists_the_commands(invoke: Invoke) -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("run", "methods", "plugins", "meetings"):
        assert command in result.stdout
