"""One-shot commands: a script asks where a meeting is, or sends it one command.

``intervision meeting status ID --json`` and ``intervision meeting do ID "Carla: note:
..."`` each run as a new process on a SQLite store of a few hundred closed meetings
plus the open one (at the evaluation, where a note is always allowed, so every run
of ``do`` is accepted and adds one event). The floor is what any Python tool that
answers the question must do at least: start, import click and pydantic, read that
meeting's rows with one ``SELECT`` and ``json.loads`` each. ``oneshot.stack`` puts a
process that only imports what the mandated stack needs before any command can run
(click, pluggy and ``importlib.metadata`` for the plugins, pydantic's ``BaseModel``)
against the same floor: the lower bound of any command. Processes alternate,
after one unmeasured warm-up of each (file cache, ``.pyc``); the figure is CPU time
(user and system), the wall time is in the notes.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from bench_growth import CLI, _env, _process_ms
from common import Config, Figure, spread
from scenario import quiet_logs
from store_builder import StoreFiller, template

from intervision.engine import load_registry, replay

PYTHON = sys.executable

FLOOR = """
import json, sqlite3, sys
import click, pydantic
db = sqlite3.connect(sys.argv[1])
rows = db.execute(
    "SELECT version, data FROM events WHERE meeting_id = ? ORDER BY version", (sys.argv[2],)
).fetchall()
events = [json.loads(data) for _, data in rows]
assert events
"""

#: What every command needs before it does anything: no intervision code at all.
STACK = "import click, pluggy, importlib.metadata; from pydantic import BaseModel"


def run(config: Config) -> list[Figure]:
    quiet_logs()
    registry = load_registry(user_methods=False)
    made = template(registry)
    runs = config.pick(full=15, quick=3)
    frames = [replay(made.events[:n]).frame for n in range(1, len(made.events) + 1)]
    at_evaluation = frames.index("evaluation") + 1
    with tempfile.TemporaryDirectory(prefix="intervision-bench-") as home:
        store = str(Path(home) / "oneshot.sqlite")
        filler = StoreFiller(store, made)
        filler.fill(config.pick(full=300, quick=20))
        meeting_id = "open-evaluation"
        filler.add(meeting_id, at_evaluation)
        env = _env(home, store)
        figures = []
        cases = {
            "oneshot.stack": [PYTHON, "-c", STACK],
            "oneshot.status": [CLI, "meeting", "status", meeting_id, "--json"],
            "oneshot.do": [CLI, "meeting", "do", meeting_id, "Carla: note: one more thought"],
        }
        floor = [PYTHON, "-c", FLOOR, str(Path(home) / "oneshot.sqlite"), meeting_id]
        for name, argv in cases.items():
            _process_ms(argv, env), _process_ms(floor, env)  # the file cache and .pyc files
            ours, base = [], []
            for _ in range(runs):
                ours.append(_process_ms(argv, env))
                base.append(_process_ms(floor, env))
            figures.append(
                Figure(
                    name,
                    "ms CPU",
                    [cpu for cpu, _ in ours],
                    [cpu for cpu, _ in base],
                    target=1.5,
                    notes=[
                        "floor: a process that imports click and pydantic, one SELECT of "
                        "the meeting's rows and json.loads of each",
                        f"wall: {spread([w for _, w in ours], 'ms')} against "
                        f"{spread([w for _, w in base], 'ms')}",
                    ],
                )
            )
        db = sqlite3.connect(store)
        (count,) = db.execute("SELECT COUNT(*) FROM events WHERE meeting_id = ?", (meeting_id,))
        db.close()
        figures[0].notes.insert(0, f"ours: a process that only runs `{STACK}`")
        figures[-1].notes.append(f"the meeting held {count[0]} events after the runs")
    return figures
