"""Community intervision methods, a distribution of its own (``intervision-contrib``).

Each module is a plugin registered through the ``intervision`` entry point group,
exactly as a third-party method would be: the proof that the plugin path works for
methods the engine does not ship.
"""

__all__: list[str] = []
