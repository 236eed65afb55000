"""Plugins as a method author outside intervision writes them, for the tests.

They use the public API only, and what they add (a kind, a role, a rule kind, a
language) is what intervision must take from any plugin. :func:`installed` makes one
look installed: a distribution's metadata with its entry points, as pip leaves it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

__all__ = ["installed"]


def installed(
    monkeypatch: pytest.MonkeyPatch,
    folder: Path,
    distribution: str,
    entry_points: dict[str, str],
    version: str = "1.0",
) -> Path:
    """Metadata of an installed ``distribution`` (with ``intervision`` entry points
    ``name -> module``) in ``folder``, which goes on ``sys.path`` for this test; the
    modules themselves must be importable already (``tests/`` is on the path)."""
    info = folder / f"{distribution.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    info.joinpath("METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {distribution}\nVersion: {version}\n", encoding="utf-8"
    )
    lines = "".join(f"{name} = {module}\n" for name, module in entry_points.items())
    info.joinpath("entry_points.txt").write_text(f"[intervision]\n{lines}", encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    return info
