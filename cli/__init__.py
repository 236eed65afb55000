"""intervision's command line: ``intervision`` (and its Dutch alias ``intervisie``).

The commands reach the engine only through its public API, the same one a host
app uses; nothing here keeps meeting state of its own.
"""

from __future__ import annotations

from .main import main

__all__ = ["main"]
