"""The minimal engine: the state-machine contract. Import from :mod:`intervision.engine`.

Specs, commands, events, state, flow and rules, the pure ``decide`` and ``apply``,
the registry of plugins and their hooks, and the journal port with the read models
every journal keeps. Nothing here does I/O beyond loading plugins, and nothing in
this folder imports the parts built on it (the runtime, storage, groups, series,
recommend, reports, authoring); ``tests/test_architecture.py`` holds it to that.
"""

__all__: list[str] = []
