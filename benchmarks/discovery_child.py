"""Times one plugin discovery in a fresh process; prints {"ms": ..., "plugins": ...}.

Usage: python discovery_child.py ours|pluggy FOLDER (FOLDER goes first on sys.path).
"""

from __future__ import annotations

import json
import sys
import time


def main() -> None:
    mode, folder = sys.argv[1], sys.argv[2]
    sys.path.insert(0, folder)
    import pluggy

    from intervision.engine import load_registry
    from intervision.engine.core import hookspecs

    if mode == "ours":
        t0 = time.perf_counter()
        registry = load_registry(user_methods=False)
        ms = (time.perf_counter() - t0) * 1000
        if registry.errors:
            raise SystemExit(f"plugin errors: {registry.errors}")
        plugins = len(registry.plugins)
    else:
        t0 = time.perf_counter()
        pm = pluggy.PluginManager(hookspecs.PROJECT)
        pm.add_hookspecs(hookspecs)
        pm.load_setuptools_entrypoints(hookspecs.PROJECT)
        ms = (time.perf_counter() - t0) * 1000
        plugins = len(pm.get_plugins())
    print(json.dumps({"ms": ms, "plugins": plugins}))


if __name__ == "__main__":
    main()
