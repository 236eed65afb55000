"""A group with meetings held in the CLI's own store, made through the engine API.

The series, recommend and report commands read what earlier meetings left; this
writes such meetings at chosen times (the engine's clock), each with planted case
texts, so a test can tell where case content ends up.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from intervision.engine import Engine, Registry
from intervision.engine.groups import groups_of
from intervision.engine.groups.group import GroupState
from intervision.engine.storage import open_journal

NAMES = ["Anna", "Bram", "Carla", "Dirk", "Eva"]


class Clock:
    """Time that moves only when a test says so."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def planted(n: int) -> dict[str, str]:
    """Case texts of meeting ``n``: they may appear only where the group reads them."""
    kinds = ("leervraag", "situatie", "vraag", "advies", "toezegging", "herkenning", "leerpunt")
    return {kind: f"GEHEIM-{kind}-{n}" for kind in kinds}


@contextmanager
def store_engine(store: Path, registry: Registry, clock: Clock) -> Iterator[Engine]:
    """An engine on the store the CLI commands use; closed before they run."""
    engine = Engine(open_journal(str(store)), registry, clock=clock)
    try:
        yield engine
    finally:
        engine.journal.close()


def create_group(engine: Engine, name: str = "Wijkteam Noord", *, consent: bool = False) -> str:
    group = groups_of(engine).create(name, lang="nl")
    for member in NAMES:
        groups_of(engine).add_member(group.id, member)
    if consent:
        contract = group.contract.model_copy(update={"consent_topics": True})
        groups_of(engine).set_contract(group.id, contract)
    return group.id


def hold(
    engine: Engine,
    clock: Clock,
    group_id: str,
    n: int,
    *,
    at: datetime,
    minutes: int = 90,
    method: str = "incident",
) -> str:
    """One whole meeting of the group at ``at``, with the texts of ``planted(n)`` said."""
    texts = planted(n)
    clock.now = at
    group: GroupState = groups_of(engine).get(group_id)
    meeting = engine.start_meeting(group, facilitator="anna", lang="nl")
    meeting.advance("anna")
    for person in meeting.state.present:
        own = texts["leervraag"] if person == "bram" else f"leervraag van {person}"
        meeting.submit_leervraag(person, own)
    meeting.advance("anna")
    meeting.choose_case("anna", "bram", consent=True)
    meeting.choose_method("anna", method, inbrenger_agrees=True)
    while meeting.state.frame == "method":
        phase = meeting.phase
        assert phase is not None
        if "statement" in phase.allowed.get("inbrenger", ()):
            meeting.contribute("bram", "statement", texts["situatie"])
        kinds = phase.allowed.get("participant", ())
        if "question" in kinds:
            meeting.contribute("carla", "question", texts["vraag"])
        if "advice" in kinds:
            meeting.contribute("dirk", "advice", texts["advies"])
        if phase.written_first and meeting.state.step_contributions():
            meeting.reveal("anna")
        if phase.decision:
            meeting.decide("bram", text=texts["toezegging"])
        meeting.advance("anna")
    meeting.advance("anna")
    for person in meeting.state.present:
        meeting.contribute(person, "recognition", f"{texts['herkenning']} van {person}")
    meeting.advance("anna")
    meeting.contribute("anna", "learning_point", texts["leerpunt"])
    clock.now = at + timedelta(minutes=minutes)
    meeting.close("anna")
    return meeting.id


def midnight_utc(days_from_today: int) -> datetime:
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=days_from_today)
