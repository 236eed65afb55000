"""The cyclic garbage collector stays out of the way while a command starts.

A command spends its start building objects that live as long as its process: the
modules, their classes, pydantic's validators, every plugin's methods (about 60,000
tracked objects for ``meeting status``, of which some 500 are garbage). CPython's
collector walks them again and again while they are built (about a hundred
collections) and once more in full when the process exits, and frees next to nothing:
about a seventh of a one-shot command's CPU. So in a process of its own (the console
script) the collector is paused from the start until the command has its registry;
what the start built is then frozen (``gc.freeze``: kept where no collection looks)
and the collector runs as usual for the command's own work, however long it lasts. A
command that never loads a registry (``--help``) has it back when it ends. A caller
that runs commands inside its own process (``CliRunner``, a host) keeps its collector
as it is.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_while_starting", "started"]


class _State:
    paused = False


@contextmanager
def paused_while_starting() -> Iterator[None]:
    """Pause the collector until :func:`started` (at the latest when the block ends);
    one that was already off stays off, and nothing is frozen then."""
    if gc.isenabled():
        gc.disable()
        _State.paused = True
    try:
        yield
    finally:
        started()


def started() -> None:
    """The command has what it starts with: freeze it and let the collector run again
    (if :func:`paused_while_starting` paused it; else nothing happens)."""
    if _State.paused:
        _State.paused = False
        gc.freeze()
        gc.enable()
