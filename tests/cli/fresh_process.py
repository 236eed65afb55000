"""The console script's ``main`` in an interpreter of its own, for what only a new
process shows: which modules a command imported, and the collector at its start.

CliRunner runs a command inside the test's process, where everything the suite has
imported is already there; these tests need a process that imported nothing yet.
"""

from __future__ import annotations

import os
import subprocess
import sys

__all__ = ["main_in_a_fresh_process"]


def main_in_a_fresh_process(
    args: list[str], *, before: str = "", after: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``intervision.cli.main(args)`` in a new ``python -c``: ``before`` runs after
    ``import sys`` and the import of ``main``, ``after`` once the command has ended
    (its ``SystemExit`` caught), to print what the test looks at. Fails the test if
    the process did not end well; returns what it wrote."""
    code = (
        f"import sys\nfrom intervision.cli import main\n{before}"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n{after}"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ if env is None else env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result
