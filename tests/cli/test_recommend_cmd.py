"""`intervision recommend`: methods that fit, with reasons in the facilitator's language."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from held_meetings import Clock, create_group, hold, midnight_utc, store_engine

from intervision.cli.texts_series import LEERVRAAG_KIND_NAMES
from intervision.engine import Registry
from intervision.engine.recommend.ranking import LEERVRAAG_KINDS

Invoke = Callable[..., Result]


def suggestions(invoke: Invoke, *args: str) -> list[dict[str, object]]:
    result = invoke("recommend", *args, "--json")
    assert result.exit_code == 0, result.output
    found: list[dict[str, object]] = json.loads(result.stdout)["suggestions"]
    return found


def test_an_incident_gets_an_incident_method_first_with_its_reasons_in_dutch_and_english(
    invoke: Invoke, registry: Registry
) -> None:
    first = suggestions(invoke, "--kind", "incident", "--size", "5")[0]
    assert "incident" in registry.method(str(first["method_id"])).fit.leervraag_kinds

    nl = invoke("--lang", "nl", "recommend", "--kind", "incident", "--size", "5")
    assert nl.exit_code == 0, nl.output
    assert "Methodes voor een concreet incident, een groep van 5." in nl.stdout
    assert nl.stdout.split("\n\n")[1].startswith(
        f"1. {registry.method(str(first['method_id'])).title('nl')}"
    )
    assert "   + past bij een concreet incident" in nl.stdout
    assert "jullie zijn met 5" in nl.stdout

    en = invoke("--lang", "en", "recommend", "--kind", "incident", "--size", "5")
    assert "   + fits a concrete incident" in en.stdout
    assert "there are 5 of you" in en.stdout
    assert "past bij" not in en.stdout


def test_json_lists_each_suggestion_with_score_minutes_reasons_and_cautions(
    invoke: Invoke,
) -> None:
    result = invoke(
        "--lang", "en", "recommend", "--kind", "relational", "--size", "6", "--minutes", "90",
        "--experience", "beginning", "--json",
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert {k: data[k] for k in ("kind", "group", "size", "minutes", "experience", "lang")} == {
        "kind": "relational",
        "group": None,
        "size": 6,
        "minutes": 90,
        "experience": "beginning",
        "lang": "en",
    }
    assert 1 <= len(data["suggestions"]) <= 5
    for suggestion in data["suggestions"]:
        assert set(suggestion) == {"method_id", "title", "score", "minutes", "reasons", "cautions"}
        assert suggestion["minutes"] <= 90
        assert suggestion["reasons"] and all(isinstance(r, str) for r in suggestion["reasons"])
    scores = [s["score"] for s in data["suggestions"]]
    assert scores == sorted(scores, reverse=True)
    balint = [s for s in data["suggestions"] if s["method_id"] == "balint"]
    if balint:  # a method for experienced groups, offered to a beginning one
        assert any("experienced group" in c for c in balint[0]["cautions"])


def test_with_a_group_the_size_and_the_history_come_from_the_group(
    invoke: Invoke, store: Path, registry: Registry
) -> None:
    clock = Clock(midnight_utc(-14))
    with store_engine(store, registry, clock) as engine:
        group = create_group(engine)
        hold(engine, clock, group, 1, at=clock.now, method="incident")

    result = invoke("--lang", "en", "recommend", "--group", group, "--kind", "incident")
    assert result.exit_code == 0, result.output
    assert "Group Wijkteam Noord: 5 members; 1 earlier meeting weighed" in (
        " ".join(result.stdout.split())
    )
    assert "there are 5 of you" in result.stdout
    # After one meeting the group is beginning: it keeps learning the incident method.
    found = suggestions(invoke, "--group", group, "--kind", "incident", "--size", "5")
    assert found[0]["method_id"] == "incident"
    assert any("still learning this method (used 1 of 3 times)" in r for r in found[0]["reasons"])
    # An experienced group knows it after once, and is offered another first.
    known = suggestions(
        invoke, "--group", group, "--kind", "incident", "--experience", "experienced"
    )
    assert known[0]["method_id"] != "incident"
    dutch = invoke("--lang", "nl", "recommend", "--group", group).stdout
    assert "Groep Wijkteam Noord: 5 leden; 1 eerdere bijeenkomst meegewogen" in " ".join(
        dutch.split()
    )
    assert "een beginnende groep" in dutch


def test_when_nothing_fits_it_says_what_to_change_and_exits_zero(invoke: Invoke) -> None:
    short = invoke("--lang", "nl", "recommend", "--size", "5", "--minutes", "20")
    assert short.exit_code == 0
    text = " ".join(short.stdout.split())
    assert "Geen enkele methode past bij: een groep van 5, in 20 minuten." in text
    assert "Neem meer tijd: --minutes" in text

    crowd = invoke("--lang", "en", "recommend", "--size", "40")
    assert crowd.exit_code == 0
    text = " ".join(crowd.stdout.split())
    assert "No method fits: a group of 40." in text
    assert "choose another group size (--size)" in text


def test_without_a_size_or_group_it_asks_for_one(invoke: Invoke) -> None:
    result = invoke("recommend", "--kind", "advice")
    assert result.exit_code == 2
    assert "--size N, or --group GROUP" in result.stderr


def test_an_unknown_kind_is_refused_and_help_lists_the_kinds_in_both_languages(
    invoke: Invoke,
) -> None:
    assert invoke("recommend", "--kind", "gossip", "--size", "5").exit_code == 2
    help_text = " ".join(invoke("recommend", "--help").stdout.split())
    for kind, (nl, en) in LEERVRAAG_KIND_NAMES.items():
        assert f"{kind} ({nl} / {en})" in help_text


def test_the_kinds_offered_are_the_engines_kinds() -> None:
    assert list(LEERVRAAG_KIND_NAMES) == list(LEERVRAAG_KINDS)
