"""Built-in intervision methods; each module is a plugin registered through the
`intervision` entry point group."""

__all__: list[str] = []
