"""Live updates across processes, and commands while the database is down.

``live.pg`` and ``live.sqlite``: a child process sends commands to a meeting, one
every 20 ms, and notes with ``time.time()`` when each commit returned; this process
subscribes to the meeting on its own engine and notes when each event reaches its
callback. The figure is the 99th percentile of the delay from the commit to another
process's subscriber, target 100 ms; the baseline is the child's own command (sent
until committed), measured in the same runs, for scale.

Full mode repeats each three times (a new store or database each), so the figure's
spread is that of three p99s; the note gives the p99 over all of them.

``outage.pg``: a throwaway PostgreSQL server is stopped while eight threads send
commands (three outages in full mode); the figure is the 99th percentile of how long
a command took to fail with ``StoreUnavailableError``, against a command that
succeeded just before, target at most a second.
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


def _live(name: str, stores: list[str], count: int, target: float) -> Figure:
    """One run a store (a new meeting and sender each); the runs' p99s give the spread."""
    runs = [_delays(store, count) for store in stores]
    heard = [ms for delays, _ in runs for ms in delays]
    own = [ms for _, took in runs for ms in took]
    return Figure(
        name,
        "ms p99",
        [_p99(delays) for delays, _ in runs],
        [_p99(took) for _, took in runs],
        target,
        absolute=True,
        notes=[
            f"{len(heard)} of {count * len(runs)} commands heard in {len(runs)} runs; delay "
            f"median {statistics.median(heard):.1f} ms, p99 of all {_p99(heard):.1f} ms, max "
            f"{max(heard):.1f} ms; the sender's own command median "
            f"{statistics.median(own):.1f} ms"
        ],
    )


def _outage(urls: list[str], cluster: postgres_cluster.Cluster, threads: int) -> Figure:
    """One outage a database: the server stopped, commands sent, the server started."""
    runs = [_one_outage(url, cluster, threads) for url in urls]
    failed = [ms for ms_failed, _, _ in runs for ms in ms_failed]
    before = [ms for _, ms_before, _ in runs for ms in ms_before]
    sent = sum(n for _, _, n in runs)
    return Figure(
        "outage.pg",
        "ms p99",
        [_p99(ms_failed) for ms_failed, _, _ in runs],
        [_p99(ms_before) for _, ms_before, _ in runs],
        1000,
        absolute=True,
        notes=[
            f"{len(failed)} of {sent} commands failed while the server was down "
            f"({threads} threads, {len(runs)} outages): median {statistics.median(failed):.1f} "
            f"ms, max {max(failed):.1f} ms; before the outage a command took "
            f"{statistics.median(before):.1f} ms"
        ],
    )


def _one_outage(
    url: str, cluster: postgres_cluster.Cluster, threads: int
) -> tuple[list[float], list[float], int]:
    """(how long each command took to fail, each command before the outage, sent)."""
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
    return [ms for ok, ms in during if not ok], before, len(during)


def run(config: Config) -> list[Figure]:
    quiet_logs()
    count = config.pick(full=300, quick=30)
    runs = config.pick(full=3, quick=1)
    bindir = postgres_cluster.find_bindir()
    if bindir is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    figures = []
    with tempfile.TemporaryDirectory(prefix="intervision-bench-") as tmp:
        stores = [f"sqlite:///{tmp}/live{n}.sqlite3" for n in range(runs)]
        figures.append(_live("live.sqlite", stores, count, 100))
    cluster = postgres_cluster.Cluster(bindir)
    try:
        admin = cluster.start()
        databases = [postgres_cluster.new_database(admin) for _ in range(2 * runs)]
        figures.insert(0, _live("live.pg", databases[:runs], count, 100))
        figures.append(_outage(databases[runs:], cluster, 8))
    finally:
        cluster.stop()
    return figures
