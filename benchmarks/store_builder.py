"""Stores of many closed meetings, for the figures that grow with the store.

One meeting of a group is recorded once through the engine (the full ``incident``
meeting of ``scenario.py`` padded with evaluation notes to about 60 events, every
kind of event of a real meeting); each stored meeting is a copy of its events under
its own id, group and time, appended through the journal, one transaction a meeting,
as a live engine would have written it. The groups are journal streams as the CLI
makes them. What a figure then times never sees how the store was filled.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from scenario import record

from intervision.engine import (
    Engine,
    Event,
    Journal,
    MeetingStarted,
    MemoryJournal,
    Registry,
    replay,
)
from intervision.engine.core.commands import Contribute
from intervision.engine.groups import GroupBook, groups_of
from intervision.engine.storage import open_journal

#: The group whose history, report and open meetings the figures read.
TARGET = "wijkteam"
#: Closed meetings of the target group in every store.
TARGET_MEETINGS = 60
#: Closed meetings of every other group.
OTHER_MEETINGS = 50
MEMBERS = ("Anna", "Bram", "Carla", "Dirk", "Eva")
EVENTS = 60
_TEMPLATE = "template"
_EPOCH = datetime(2020, 1, 6, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Template:
    """A closed meeting's events, and how many of them a meeting at a step has."""

    events: list[Event]
    at_case_choice: int
    in_method: int


def template(registry: Registry) -> Template:
    engine = Engine(MemoryJournal(), registry)
    group = groups_of(engine).create("Template")
    for name in MEMBERS:
        groups_of(engine).add_member(group.id, name)
    scenario = record(registry)
    engine.start_meeting(groups_of(engine).get(group.id), facilitator="Anna", meeting_id=_TEMPLATE)
    *body, close = scenario.commands
    for command in body:
        engine.execute(_TEMPLATE, command)
    ids = [name.lower() for name in MEMBERS]
    while engine.state(_TEMPLATE).version < EVENTS - 1:
        n = engine.state(_TEMPLATE).version
        engine.execute(_TEMPLATE, Contribute(by=ids[n % len(ids)], kind="note", text=f"note {n}"))
    engine.execute(_TEMPLATE, close)
    events = engine.journal.load(_TEMPLATE)
    frames = [replay(events[:n]).frame for n in range(1, len(events) + 1)]
    return Template(
        events=events,
        at_case_choice=frames.index("case_choice") + 1,
        in_method=frames.index("method") + 3,
    )


def copy_meeting(
    events: list[Event], meeting_id: str, group_id: str, start: datetime
) -> list[Event]:
    """The events under another id and group, shifted to start at ``start``."""
    shift = start - events[0].at
    copied: list[Event] = []
    for event in events:
        update: dict[str, object] = {"at": event.at + shift}
        if type(event) is MeetingStarted:
            update.update(meeting_id=meeting_id, group_id=group_id)
        copied.append(event.model_copy(update=update))
    return copied


class StoreFiller:
    """Fills one store step by step: the target group first, then other groups.

    The store is opened for each step and closed after it, so that a figure never
    runs beside a second open journal on the same file in this process.
    """

    def __init__(self, store: str, made: Template) -> None:
        self.store = store
        self.template = made
        self.closed = 0
        self._other = 0
        with self._open():
            self._group(TARGET)

    @contextlib.contextmanager
    def _open(self) -> Iterator[None]:
        self.journal: Journal = open_journal(self.store)
        self.book = GroupBook(self.journal, lambda: _EPOCH)
        try:
            yield
        finally:
            self.journal.close()

    def _group(self, group_id: str) -> None:
        self.book.create(group_id.title(), group_id=group_id)
        for name in MEMBERS:
            self.book.add_member(group_id, name)

    def _add(self, meeting_id: str, group_id: str, start: datetime, events: int) -> None:
        copied = copy_meeting(self.template.events[:events], meeting_id, group_id, start)
        self.journal.append(meeting_id, 0, copied)

    def fill(self, closed: int) -> None:
        """Add closed meetings until the store holds ``closed`` of them."""
        with self._open():
            self._fill(closed)

    def _fill(self, closed: int) -> None:
        while self.closed < closed:
            n = self.closed
            start = _EPOCH + timedelta(hours=6 * n)
            if n < TARGET_MEETINGS:
                group_id = TARGET
            else:
                group_id = f"team-{self._other // OTHER_MEETINGS:05d}"
                if self._other % OTHER_MEETINGS == 0:
                    self._group(group_id)
                self._other += 1
            self._add(f"{start:%Y%m%d}-{n:08x}", group_id, start, len(self.template.events))
            self.closed += 1

    def open_meetings(self) -> dict[str, str]:
        """Three open meetings of the target group, one a step: {step: meeting id}."""
        start = _EPOCH + timedelta(days=20 * 365)
        steps = {
            "opening": 1,
            "case_choice": self.template.at_case_choice,
            "method": self.template.in_method,
        }
        opened = {}
        with self._open():
            for n, (step, events) in enumerate(steps.items()):
                meeting_id = f"open-{step.replace('_', '-')}-{self.closed:08x}"
                self._add(meeting_id, TARGET, start + timedelta(minutes=n), events)
                opened[step] = meeting_id
        return opened

    def add(self, meeting_id: str, events: int) -> None:
        """One open meeting of the target group with the template's first ``events``."""
        with self._open():
            self._add(meeting_id, TARGET, _EPOCH, events)
