"""The modules of the minimal engine. Import from :mod:`intervision.engine`, never from here.

Nothing in this folder imports the parts built on it (storage, groups, series,
recommend, reports, authoring); ``tests/test_architecture.py`` holds it to that.
"""

__all__: list[str] = []
