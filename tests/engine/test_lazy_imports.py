"""The engine imports a part only when it is used, and logs as before when it logs.

``intervision methods`` needs the specs and the registry; importing the state
machines (transitions), the event models or structlog (which imports rich and
asyncio) would double its start. These run in a new interpreter, so what an earlier
test imported does not count.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import intervision.engine as api

pytestmark = pytest.mark.slow


def _imported_after(code: str, tmp_path: Path) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    # An empty cache of its own: a listing from the cache would load nothing at all.
    env = {
        "XDG_CONFIG_HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path),
        "PATH": "",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stderr.strip().splitlines()[-1].split())


def test_every_core_and_runtime_module_is_searched_for_public_names() -> None:
    here = Path(api.__file__).parent
    modules = {
        f"{folder}.{p.stem}"
        for folder in ("core", "runtime")
        for p in (here / folder).glob("*.py")
        if p.stem != "__init__"
    }
    private = {"core.variants", "runtime.live", "runtime.registration"}
    assert set(api._MODULES) == modules - private


def test_listing_the_methods_loads_no_state_machine_no_events_and_no_logging(
    tmp_path: Path,
) -> None:
    code = (
        "from intervision.cli import main\n"
        "try:\n"
        "    main(['methods'])\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
    )
    loaded = _imported_after(code, tmp_path)
    assert "intervision.engine.core.registry" in loaded  # it did load the methods
    heavy = {"structlog", "transitions", "rich", "intervision.engine.core.events"}
    assert heavy & loaded == set()


def test_a_logged_line_configured_by_the_cli_goes_to_stderr(tmp_path: Path) -> None:
    """structlog is imported, and configured as the CLI asked, at the engine's first line."""
    code = (
        "from intervision.cli.main import configure_logging\n"
        "configure_logging(1)\n"
        "assert 'structlog' not in sys.modules\n"
        "from intervision.engine import MemoryJournal\n"
        "from intervision.engine.runtime.engine import Engine\n"
        "engine = Engine(MemoryJournal())\n"
        "engine.start_meeting(['Anna', 'Bram', 'Cas'], facilitator='Anna')\n"
        "print('stdout stays clean')\n"
    )
    script = f"import sys\n{code}"
    env = {"XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "stdout stays clean\n"
    assert "meeting_started" in result.stderr
    assert "[info     ]" in result.stderr  # the CLI's console renderer, at INFO (-v)
