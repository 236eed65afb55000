"""The terminal on a PostgreSQL store: the same meeting as on the embedded file."""

from __future__ import annotations

import psycopg
from click.testing import CliRunner

from intervision.cli import main


def test_a_whole_meeting_runs_paused_and_resumed_on_postgresql(
    postgres_store: str, incident
) -> None:
    def run(*args: str, input: str | None = None) -> tuple[int, str]:
        result = CliRunner().invoke(
            main, ["--store", postgres_store, "--lang", "nl", *args], input=input
        )
        return result.exit_code, result.output

    code, output = run("run", *incident.members, input=incident.lines(incident.opening, ["pause"]))
    assert code == 0, output
    with psycopg.connect(postgres_store) as db:
        rows = db.execute("SELECT DISTINCT meeting_id FROM intervision_events").fetchall()
    assert len(rows) == 1
    meeting_id = rows[0][0]
    code, listing = run("meetings")
    assert code == 0 and meeting_id in listing, listing

    code, output = run("run", "--resume", meeting_id, input=incident.lines(incident.rest))
    assert code == 0, output
    code, report = run("report", meeting_id)
    assert code == 0, report
    for planted in ("GEHEIM-situatie-1", "GEHEIM-advies-5", "GEHEIM-besluit-7"):
        assert planted in report
