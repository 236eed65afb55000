"""The database goes down in the middle of a meeting, and comes back (issue #16).

The example host app runs on a PostgreSQL server of this test's own (the tests'
throwaway cluster, started for it alone, so stopping it disturbs no other test).
While the server is down every request is answered 503 with ``Retry-After`` by
the store's outage state, without waiting for a connection, from several threads
at once, and ``/health`` says so; when the server is back the app finds out by
itself, the meeting goes on, and the watch that brings other processes' commands
listens again. Nothing acknowledged is lost, nothing refused was
written. How fast the 503s are is a benchmark (``outage.pg``), not asserted here.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx2
import postgres_cluster
import pytest
from host_app.app import create_app
from starlette.testclient import TestClient

from intervision.engine import Contribute, ContributionAdded, Registry
from intervision.engine.storage import open_engine, open_journal

pytestmark = pytest.mark.slow


@pytest.fixture
def cluster() -> Iterator[postgres_cluster.Cluster]:
    bindir = postgres_cluster.find_bindir()
    if bindir is None:
        pytest.fail("the outage test needs the PostgreSQL server programs (initdb, pg_ctl)")
    own = postgres_cluster.Cluster(bindir)
    own.start()
    try:
        yield own
    finally:
        own.stop()


def statement(client: TestClient, meeting_id: str, n: int) -> httpx2.Response:
    body = {"command": "contribute", "by": "bram", "kind": "statement", "text": f"punt {n}"}
    return client.post(f"/meetings/{meeting_id}/commands", json=body)


def test_requests_fail_fast_while_the_database_is_down_and_the_app_recovers_by_itself(
    cluster: postgres_cluster.Cluster, registry: Registry
) -> None:
    url = postgres_cluster.new_database(cluster.url("postgres"))
    app = create_app(url, registry=registry)
    acknowledged: list[int] = []
    with TestClient(app) as client:
        group = {"name": "Team Zuid", "lang": "nl", "members": ["Anna", "Bram", "Carla"]}
        assert client.post("/groups", json=group).status_code == 201
        meeting_id = client.post("/groups/team-zuid/meetings", json={"facilitator": "Anna"}).json()[
            "meeting_id"
        ]
        for n in range(3):
            assert statement(client, meeting_id, n).status_code == 200
            acknowledged.append(n)
        heard: list[str] = []
        engine = client.app.state.engine  # type: ignore[attr-defined]
        engine.subscribe(lambda state, event: heard.append(getattr(event, "text", "")))

        cluster.halt()
        with ThreadPoolExecutor(8) as pool:
            during = list(pool.map(lambda n: statement(client, meeting_id, n), range(100, 140)))
        health = client.get("/health")

        assert {r.status_code for r in during} == {503}
        assert all(r.headers["retry-after"] == "1" for r in during)
        assert {r.json()["rule"] for r in during} == {"store"}
        assert (health.status_code, health.json()) == (503, {"store": "unavailable"})

        cluster.resume()
        deadline = time.monotonic() + 60
        while client.get("/health").status_code != 200:
            assert time.monotonic() < deadline, "the app did not find the database again"
            time.sleep(0.1)
        for n in range(3, 6):
            answer = statement(client, meeting_id, n)
            assert answer.status_code == 200, answer.text
            acknowledged.append(n)
        # The watch found the server again too: another process's command is heard.
        with open_engine(url, registry=registry) as elsewhere:
            elsewhere.execute(meeting_id, Contribute(by="carla", kind="statement", text="punt 6"))
        acknowledged.append(6)
        deadline = time.monotonic() + 30
        while "punt 6" not in heard:
            assert time.monotonic() < deadline, "the watch did not come back"
            time.sleep(0.05)
        shown = client.get(f"/meetings/{meeting_id}", params={"viewer": "anna"}).json()

    journal = open_journal(url)
    stored: list[Any] = journal.load(meeting_id)
    journal.close()
    texts = [e.text for e in stored if type(e) is ContributionAdded]
    assert texts == [f"punt {n}" for n in acknowledged]
    assert shown["version"] == len(stored)
