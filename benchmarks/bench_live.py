"""Live updates across processes, and commands while the database is down.

``live.pg`` and ``live.sqlite``: a child process sends commands to a meeting, one
every 20 ms, and notes with ``time.time()`` when each commit returned; this process
subscribes to the meeting on its own engine and notes when each event reaches its
callback. The figure is the 99th percentile of the delay from the commit to another
process's subscriber, target 100 ms; the baseline is the child's own command (sent
until committed), measured in the same runs, for scale.

``outage.pg``: a throwaway PostgreSQL server is stopped while eight threads send
commands; the figure is the 99th percentile of how long a command took to fail with
``StoreUnavailableError``, against a command that succeeded just before, target at
most a second.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from common import Config, Figure
from scenario import quiet_logs

from intervision.engine import (
    Contribute,
    ContributionAdded,
    Engine,
    Event,
    MeetingState,
    StoreUnavailableError,
    load_registry,
)
from intervision.engine.storage import open_engine
from intervision.testing import FACILITATOR, INBRENGER, MEMBERS, PARTICIPANTS, to_case_choice

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import postgres_cluster

SENDER = """
import sys, time, logging, structlog
from intervision.engine import Contribute, load_registry
from intervision.engine.storage import open_engine
structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
store, meeting_id, who, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
engine = open_engine(store, registry=load_registry(user_methods=False))
print("ready", flush=True)
sys.stdin.readline()
for n in range(count):
    sent = time.time()
    engine.execute(meeting_id, Contribute(by=who, kind="question", text=str(n)))
    done = time.time()
    print(n, done, (done - sent) * 1000, flush=True)
    time.sleep(0.02)
engine.close()
"""


def _p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) > 2 else max(values)


def _delays(store: str, count: int) -> tuple[list[float], list[float]]:
    """(delay to this process's subscriber, the sender's own command), in ms."""
    registry = load_registry(user_methods=False)
    engine = open_engine(store, registry=registry)
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")
    to_case_choice(meeting)
    meeting.choose_case(FACILITATOR, INBRENGER, consent=True)
    meeting.choose_method(FACILITATOR, "incident", inbrenger_agrees=True)
    meeting.advance(FACILITATOR)
    heard: dict[int, float] = {}
    done = threading.Event()

    def listen(state: MeetingState, event: Event) -> None:
        if type(event) is ContributionAdded:
            heard[int(event.text)] = time.time()
            if len(heard) == count:
                done.set()

    engine.subscribe(listen, meeting_id=meeting.id)
    child = subprocess.Popen(
        [sys.executable, "-c", SENDER, store, meeting.id, PARTICIPANTS[0], str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline() == "ready\n"
    child.stdin.write("go\n")
    child.stdin.flush()
    committed: dict[int, float] = {}
    own: list[float] = []
    for line in child.stdout:
        n, at, took = line.split()
        committed[int(n)] = float(at)
        own.append(float(took))
    child.wait(timeout=120)
    done.wait(timeout=30)
    engine.close()
    return [(heard[n] - at) * 1000 for n, at in committed.items() if n in heard], own


def _live(name: str, store: str, count: int, target: float) -> Figure:
    heard, own = _delays(store, count)
    return Figure(
        name,
        "ms p99",
        [_p99(heard)],
        [_p99(own)],
        target,
        absolute=True,
        notes=[
            f"{len(heard)} of {count} commands heard; delay median {statistics.median(heard):.1f}"
            f" ms, max {max(heard):.1f} ms; the sender's own command median "
            f"{statistics.median(own):.1f} ms"
        ],
    )


def _outage(url: str, cluster: postgres_cluster.Cluster, threads: int) -> Figure:
    engine: Engine = open_engine(url, registry=load_registry(user_methods=False))
    meeting = engine.start_meeting(MEMBERS, facilitator="Anna")

    def send(n: int) -> tuple[bool, float]:
        t0 = time.perf_counter()
        try:
            command = Contribute(by="bram", kind="statement", text=f"punt {n}")
            engine.execute(meeting.id, command)
            ok = True
        except StoreUnavailableError:
            ok = False
        return ok, (time.perf_counter() - t0) * 1000

    before = [send(n)[1] for n in range(20)]
    cluster.halt()
    with ThreadPoolExecutor(threads) as pool:
        during = list(pool.map(send, range(40 * threads)))
    cluster.resume()
    engine.close()
    failed = [ms for ok, ms in during if not ok]
    return Figure(
        "outage.pg",
        "ms p99",
        [_p99(failed)],
        [_p99(before)],
        1000,
        absolute=True,
        notes=[
            f"{len(failed)} of {len(during)} commands failed while the server was down "
            f"({threads} threads): median {statistics.median(failed):.1f} ms, max "
            f"{max(failed):.1f} ms; before the outage a command took "
            f"{statistics.median(before):.1f} ms"
        ],
    )


def run(config: Config) -> list[Figure]:
    quiet_logs()
    count = config.pick(full=300, quick=30)
    bindir = postgres_cluster.find_bindir()
    if bindir is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    figures = []
    with tempfile.TemporaryDirectory(prefix="intervision-bench-") as tmp:
        figures.append(_live("live.sqlite", f"sqlite:///{tmp}/live.sqlite3", count, 100))
    cluster = postgres_cluster.Cluster(bindir)
    try:
        admin = cluster.start()
        figures.insert(0, _live("live.pg", postgres_cluster.new_database(admin), count, 100))
        figures.append(_outage(postgres_cluster.new_database(admin), cluster, 8))
    finally:
        cluster.stop()
    return figures
