"""``intervision methods`` and ``methods show``: what a facilitator can choose from."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Invoke = Callable[..., Result]


def test_the_table_lists_every_method_with_title_minutes_group_under_its_distribution(
    invoke: Invoke,
) -> None:
    result = invoke("--lang", "en", "methods")
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    assert {"incident", "balint", "socratic"} <= set(rows)
    assert "Incident method" in rows["incident"]
    assert "50" in rows["incident"] and "4-8" in rows["incident"]
    assert "5-8" in rows["balint"]
    assert "intervision" in rows  # the heading of the built-in methods
    assert "variants: written-advice, blind-position" in result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines())


def test_the_table_speaks_dutch(invoke: Invoke) -> None:
    result = invoke("--lang", "nl", "methods")
    assert "Incidentmethode" in result.stdout
    assert "titel" in result.stdout


def test_json_lists_objects_a_script_can_use(invoke: Invoke) -> None:
    result = invoke("methods", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    incident = next(m for m in data if m["id"] == "incident")
    assert incident == {
        "id": "incident",
        "version": incident["version"],
        "title": {"nl": "Incidentmethode", "en": "Incident method"},
        "minutes": 50,
        "group_min": 4,
        "group_max": 8,
        "variants": ["written-advice", "blind-position"],
        "plugin": "incident",
        "distribution": "intervision",
    }


def test_show_gives_every_phase_with_its_rules_and_instructions(invoke: Invoke) -> None:
    result = invoke("--lang", "en", "methods", "show", "incident")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    for expected in (
        "Incident method",
        "groups of 4 to 8",
        "https://",
        "Phase 1/5",
        "Phase 5/5",
        "Analysis",
        "The inbrenger is out of the conversation.",
        "may contribute: question",
        "Decision by the inbrenger",
        "selects from: advice",
    ):
        assert expected in out, expected


def test_show_marks_written_first_and_quotas(invoke: Invoke) -> None:
    out = " ".join(invoke("--lang", "en", "methods", "show", "socratic").stdout.split())
    assert "Written first" in out
    assert "At most 3 × open question per person" in out
    balint = invoke("--lang", "nl", "methods", "show", "balint").stdout
    assert "Begeleider is niet de inbrenger" in balint
    assert "Eerst schrijven" in balint


def test_show_json_is_the_whole_spec(invoke: Invoke) -> None:
    result = invoke("methods", "show", "balint", "--json")
    data = json.loads(result.stdout)
    assert data["id"] == "balint"
    assert data["plugin"] == "balint"
    assert [phase["id"] for phase in data["phases"]][:2] == ["explanation", "associations"]
    assert data["phases"][1]["written_first"] is True


def test_an_unknown_id_is_one_line_naming_the_installed_ones_and_exit_2(invoke: Invoke) -> None:
    result = invoke("methods", "show", "no-such-method")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("intervision: error: ")
    assert "no-such-method" not in lines[0]  # what was typed is not echoed
    assert "incident" in lines[0] and "balint" in lines[0]
    assert "Traceback" not in result.output


def test_methods_show_names_kinds_of_leervraag_and_labels_in_dutch(invoke: Invoke) -> None:
    incident = " ".join(invoke("--lang", "nl", "methods", "show", "incident").stdout.split())
    assert "soorten leervragen: een concreet incident, een adviesvraag" in incident
    socratic = " ".join(invoke("--lang", "nl", "methods", "show", "socratic").stdout.split())
    assert "alleen vragen met het label warm / neutraal." in socratic
    assert "koud" in socratic and "cold" not in socratic and "neutral " not in socratic
    english = " ".join(invoke("--lang", "en", "methods", "show", "incident").stdout.split())
    assert "kinds of leervraag: a concrete incident, a request for advice" in english


def test_show_lists_the_sources_under_their_heading(invoke: Invoke) -> None:
    cited = invoke("--lang", "en", "methods", "show", "incident").stdout
    assert "Sources:\n  https://" in cited
    derived = invoke("--lang", "en", "methods", "show", "reflection").stdout
    assert "derived (no published procedure)" in derived and "Sources:\n  https://" in derived


def test_show_names_rules_by_their_titles(invoke: Invoke) -> None:
    dutch = invoke("--lang", "nl", "methods", "show", "balint").stdout
    assert "regels voor de hele methode: Begeleider is niet de inbrenger" in dutch
    english = invoke("--lang", "en", "methods", "show", "balint").stdout
    assert "rules for the whole method: Facilitator is not the inbrenger" in english
    assert "facilitator_not_inbrenger" not in dutch + english


def test_show_gives_every_kind_each_role_may_contribute(invoke: Invoke) -> None:
    troika = invoke("--lang", "en", "methods", "show", "troika").stdout
    consultants = " ".join(troika.split("Phase 3/4")[1].split("Inbrenger:")[0].split())
    # a facilitating member is a participant too: where everyone talks, so do they
    assert (
        "Facilitator: may contribute: note (n); as a member of the group also: advice (ad), "
        "analysis (an), image (i)"
    ) in consultants
    neutral = invoke("--lang", "en", "methods", "show", "socratic-dialogue").stdout
    assert "as a member of the group also" not in neutral  # a neutral facilitator only leads


def test_a_plugin_that_fails_to_import_is_named_on_stderr_by_methods(tmp_path: Path) -> None:
    """Seen: only `intervision plugins` said so; `methods` just left its methods out."""
    root = tmp_path / "site"
    dist_info = root / "intervision_broken-1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: intervision-broken\nVersion: 1.0\n"
    )
    (dist_info / "entry_points.txt").write_text("[intervision]\nbroken = broken_plugin\n")
    (root / "broken_plugin.py").write_text("import intervision_no_such_dependency\n")
    env = {k: v for k, v in os.environ.items() if k != "INTERVISION_STRICT_PLUGINS"}
    env.update(PYTHONPATH=str(root), INTERVISION_LANG="en")
    script = Path(sys.executable).parent / "intervision"
    for _ in range(2):  # the cached listing warns as well: a faulty load is never cached
        result = subprocess.run(
            [str(script), "--store", str(tmp_path / "s.sqlite3"), "methods"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "incident" in result.stdout
        [warning] = [line for line in result.stderr.splitlines() if "broken" in line]
        assert warning.startswith("intervision: warning: plugin broken (intervision-broken)")
        assert "intervision plugins" in warning
