"""`intervision report`: the group reads its meeting; outside the group, no case content."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from held_meetings import Clock, create_group, hold, midnight_utc, planted, store_engine

from intervision.engine import Registry

Invoke = Callable[..., Result]


def held(store: Path, registry: Registry, *, consent: bool = False) -> tuple[str, list[str]]:
    """Wijkteam Noord after two meetings, four weeks apart; the group id and the meeting ids."""
    clock = Clock(midnight_utc(-40))
    with store_engine(store, registry, clock) as engine:
        group = create_group(engine, consent=consent)
        ids = [
            hold(engine, clock, group, 1, at=midnight_utc(-35), minutes=90),
            hold(engine, clock, group, 2, at=midnight_utc(-7), minutes=120),
        ]
    return group, ids


SECRETS = [*planted(1).values(), *planted(2).values(), "leervraag van"]


def test_the_meeting_report_holds_the_leervraag_in_markdown_and_in_an_html_file(
    invoke: Invoke, store: Path, registry: Registry, tmp_path: Path
) -> None:
    _, ids = held(store, registry)
    markdown = invoke("report", ids[0])
    assert markdown.exit_code == 0, markdown.output
    assert markdown.stdout.startswith("# Verslag van de bijeenkomst ")  # the meeting's language
    assert "- **Leervraag:** GEHEIM-leervraag-1" in markdown.stdout
    assert "GEHEIM-toezegging-1" in markdown.stdout
    assert "GEHEIM-leervraag-2" not in markdown.stdout

    page = tmp_path / "verslag.html"
    result = invoke("--lang", "en", "report", ids[1], "--format", "html", "-o", str(page))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Report written to {page}.\n"
    html = page.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "Meeting report" in html
    assert "GEHEIM-leervraag-2" in html
    if os.name == "posix":  # case content: readable by its owner only
        assert stat.S_IMODE(page.stat().st_mode) == 0o600


def test_the_next_meetings_report_looks_back_on_the_open_commitments(
    invoke: Invoke, store: Path, registry: Registry
) -> None:
    _, ids = held(store, registry)
    second = invoke("report", ids[1])
    assert second.exit_code == 0, second.output
    back = second.stdout.split("## Terugblik", 1)[1].split("\n## ", 1)[0]
    assert re.search(r"- \*\*Bram · Voornemen van \d{4}-\d\d-\d\d:\*\* GEHEIM-toezegging-1", back)
    assert "  - **Bram · Hoe het ging:** (niet verteld)" in back
    first = invoke("report", ids[0])
    assert "## Terugblik" not in first.stdout  # nothing was promised before the first


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_organisation_report_has_none_of_the_case_texts(
    invoke: Invoke, store: Path, registry: Registry, fmt: str
) -> None:
    group, _ = held(store, registry, consent=True)
    result = invoke("--lang", "en", "report", group, "--for", "organisation", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "Report for the organisation: Wijkteam Noord" in result.stdout
    assert "Incident method" in result.stdout
    for secret in SECRETS:
        assert secret not in result.stdout
    for name in ("Bram", "Carla", "Dirk"):  # attendance as counts, never names
        assert name not in result.stdout


def test_the_accreditation_report_leaves_topics_out_without_consent_and_says_why(
    invoke: Invoke, store: Path, registry: Registry, tmp_path: Path
) -> None:
    group, _ = held(store, registry)
    out = tmp_path / "accreditatie.md"
    result = invoke("--lang", "en", "report", group, "--for", "accreditation", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Accreditation report: Wijkteam Noord" in text
    assert "Anna, Bram, Carla, Dirk, Eva" in text
    assert "Topics and learning goals are left out: the group has not recorded its consent" in (
        " ".join(text.split())
    )
    for secret in SECRETS:
        assert secret not in text


def test_with_the_groups_consent_the_accreditation_report_names_the_topics(
    invoke: Invoke, store: Path, registry: Registry
) -> None:
    group, _ = held(store, registry, consent=True)
    result = invoke("report", group, "--for", "accreditation")
    assert "Overzicht voor accreditatie" in result.stdout  # the group's language
    assert "GEHEIM-leervraag-1" in result.stdout
    assert "GEHEIM-advies-1" not in result.stdout


def test_neither_a_meeting_nor_a_group_is_one_line_with_exit_4(
    invoke: Invoke, store: Path, registry: Registry
) -> None:
    group, _ = held(store, registry)
    result = invoke("report", "no-such-thing")
    assert result.exit_code == 8  # not found
    assert result.stderr == (
        "intervision: error: 'no-such-thing' is neither a meeting nor a group in this store "
        f"(groups: {group}); `intervision meetings` lists the meetings\n"
    )


def test_whom_the_report_is_for_must_match_what_is_reported_on(
    invoke: Invoke, store: Path, registry: Registry
) -> None:
    group, ids = held(store, registry)
    for_meeting = invoke("--lang", "en", "report", ids[0], "--for", "organisation")
    assert for_meeting.exit_code == 2
    assert f"intervision report {group} --for organisation" in for_meeting.stderr
    assert "GEHEIM" not in for_meeting.output
    no_audience = invoke("--lang", "en", "report", group)
    assert no_audience.exit_code == 2
    assert "--for organisation or --for accreditation" in no_audience.stderr
