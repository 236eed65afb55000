"""Every reason a step can wait for is said in words, in the terminal and on the board.

A method that adds a wait the surfaces cannot name would show an internal id in the
status line, or break a member's page (a board page once failed on ``at_least``).
"""

from __future__ import annotations

from typing import get_args

import pytest

from intervision.cli.board.texts import t as board_text
from intervision.cli.status import waiting_key
from intervision.cli.texts import t as cli_text
from intervision.engine import WaitReason

REASONS = [r for r in get_args(WaitReason) if r != "rule"]  # a rule says its own title


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("reason", REASONS)
def test_every_wait_has_words_in_the_terminal_and_on_the_board(reason: str, lang: str) -> None:
    key = waiting_key(reason)
    assert key is not None, reason
    said = cli_text(lang, key)  # type: ignore[arg-type]
    shown = board_text(lang, f"wait.{reason}", names="Bram", rule=reason)  # type: ignore[arg-type]
    assert said.strip() and "_" not in said and "wait." not in said
    assert shown.strip() and "_" not in shown and "wait." not in shown
