"""The runtime: meetings run on a journal, built on the core's public names only.

:class:`Engine` takes a command down the core's path (decide -> append with the
expected version -> apply -> hooks after commit) and keeps the meetings it used last
in memory; :class:`Meeting` is a handle on one meeting; :func:`capabilities` answers
what each person may do now; :class:`MemoryJournal` is the journal of tests and
short-lived hosts. Who may be seated is decided here too (names, ids, limits). Its
names are public as :mod:`intervision.engine`, beside the core's; import them from there.
"""

__all__: list[str] = []
