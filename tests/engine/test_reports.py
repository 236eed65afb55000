"""Reports: the group sees its meeting, the organisation sees no case, a registry
sees topics only with the group's consent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from support import FACILITATOR, PhaseExerciser, start

from intervision.engine import Engine, Meeting, MemoryJournal, Registry, load_registry
from intervision.engine.groups import groups_of
from intervision.engine.groups.group import GroupState
from intervision.engine.groups.history import group_history, look_back, propose_facilitator
from intervision.engine.reports.build import (
    accreditation_report,
    meeting_report,
    organisation_report,
)

NAMES = ["Anna", "Bram", "Carla", "Dirk", "Eva"]


class Clock:
    """Time that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 12, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def planted(n: int) -> dict[str, str]:
    """Case texts that must only ever appear where the group may read them."""
    return {
        kind: f"GEHEIM-{kind}-{n}"
        for kind in ("leervraag", "vraag", "advies", "toezegging", "herkenning", "leerpunt")
    }


def hold(
    engine: Engine,
    clock: Clock,
    group: GroupState,
    n: int,
    *,
    present: list[str],
    facilitator: str,
    inbrenger: str,
    method: str,
    variant: str | None = None,
    minutes: int,
    extra: str = "",
) -> str:
    """One whole meeting with the texts of ``planted(n)`` said in it."""
    texts = planted(n)
    meeting = engine.start_meeting(group, facilitator=facilitator, present=present, lang="nl")
    meeting.advance(facilitator)
    for person in meeting.state.present:
        own = texts["leervraag"] if person == inbrenger else f"leervraag van {person}"
        meeting.submit_leervraag(person, own)
    meeting.advance(facilitator)
    meeting.choose_case(facilitator, inbrenger, consent=True)
    meeting.choose_method(facilitator, method, inbrenger_agrees=True, variant=variant)
    others = [p for p in meeting.state.present if p != inbrenger]
    while meeting.state.frame == "method":
        phase = meeting.phase
        assert phase is not None
        kinds = phase.allowed.get("participant", ())
        if "question" in kinds:
            meeting.contribute(others[-1], "question", texts["vraag"])
        if "analysis" in kinds and extra:
            meeting.contribute(others[-1], "analysis", extra)
        if "advice" in kinds:
            for person in others:
                meeting.contribute(person, "advice", f"{texts['advies']} van {person}")
        if phase.written_first and meeting.state.step_contributions():
            meeting.reveal(facilitator)
        if phase.decision:
            advice = [c.id for c in meeting.state.contributions if c.kind == "advice"]
            meeting.decide(inbrenger, selected=advice[:1], text=texts["toezegging"])
        meeting.advance(facilitator)
    meeting.advance(facilitator)
    for person in meeting.state.present:
        meeting.contribute(person, "recognition", f"{texts['herkenning']} van {person}")
    meeting.advance(facilitator)
    meeting.contribute(facilitator, "learning_point", texts["leerpunt"])
    clock.now += timedelta(minutes=minutes)
    meeting.close(facilitator)
    clock.now += timedelta(weeks=8)
    return meeting.id


@pytest.fixture
def held(registry: Registry) -> tuple[Engine, GroupState, list[str]]:
    """Wijkteam Noord after three meetings: 5, 4 and 5 of 5 present; 90, 75, 105 minutes."""
    clock = Clock()
    engine = Engine(MemoryJournal(), registry, clock=clock)
    group = groups_of(engine).create("Wijkteam Noord", lang="nl")
    for name in NAMES:
        group, _ = groups_of(engine).add_member(group.id, name)
    ids = [
        hold(
            engine,
            clock,
            group,
            1,
            present=["anna", "bram", "carla", "dirk", "eva"],
            facilitator="anna",
            inbrenger="bram",
            method="incident",
            minutes=90,
            extra="<script>alert('GEHEIM')</script>",
        ),
        hold(
            engine,
            clock,
            group,
            2,
            present=["anna", "bram", "carla", "dirk"],
            facilitator="bram",
            inbrenger="carla",
            method="incident",
            variant="written-advice",
            minutes=75,
        ),
        hold(
            engine,
            clock,
            group,
            3,
            present=["anna", "bram", "carla", "dirk", "eva"],
            facilitator="carla",
            inbrenger="dirk",
            method="gossip",
            minutes=105,
        ),
    ]
    return engine, group, ids


def all_planted() -> list[str]:
    return [text for n in (1, 2, 3) for text in planted(n).values()] + ["alert("]


# -- the meeting report -------------------------------------------------------------------


def test_the_meeting_report_holds_what_the_group_said_under_dutch_headings(
    held: tuple[Engine, GroupState, list[str]],
) -> None:
    engine, group, ids = held
    report = meeting_report(engine.state(ids[0]), engine.registry, "nl", "markdown", group=group)
    assert report.startswith("# Verslag van de bijeenkomst 2026-01-12\n")
    assert "- **Groep:** Wijkteam Noord" in report
    assert "- **Aanwezig:** Anna, Bram, Carla, Dirk, Eva" in report
    assert "- **Begeleider:** Anna" in report
    assert "## Casus 1: Bram" in report
    assert "- **Leervraag:** GEHEIM-leervraag-1" in report
    assert "- **Methode:** Incidentmethode" in report
    assert "### Informatieve vragen" in report
    assert "- **Eva · vraag:** GEHEIM-vraag-1" in report
    assert "### Adviesronde" in report
    assert "- **Anna · advies:** GEHEIM-advies-1 van anna" in report
    assert "- **Gekozen:** “GEHEIM-advies-1 van anna” (Anna)" in report
    assert "> **Toezegging (Bram):** GEHEIM-toezegging-1" in report
    assert "## Herkenningen\n\n- **Anna:** GEHEIM-herkenning-1 van anna" in report
    assert "## Evaluatie\n\n- **Anna · leerpunt:** GEHEIM-leerpunt-1" in report
    # the leervragen not chosen were the members' own, not the group's case
    assert "leervraag van carla" not in report
    assert "GEHEIM-advies-2" not in report


def test_the_meeting_report_speaks_english_when_asked(
    held: tuple[Engine, GroupState, list[str]],
) -> None:
    engine, group, ids = held
    report = meeting_report(engine.state(ids[1]), engine.registry, "en", "markdown", group=group)
    assert report.startswith("# Meeting report 2026-03-09\n")
    assert "- **Present:** Anna, Bram, Carla, Dirk" in report
    assert "- **Method:** Incident method (Written advice)" in report
    assert "### Advice round" in report
    assert "> **Commitment (Carla):** GEHEIM-toezegging-2" in report
    assert "## Recognitions" in report and "GEHEIM-herkenning-2 van dirk" in report
    assert "## Evaluation" in report and "GEHEIM-leerpunt-2" in report
    for dutch in ("Aanwezig", "Herkenningen", "Adviesronde", "Toezegging"):
        assert dutch not in report


def test_written_contributions_stay_out_of_the_report_until_they_are_revealed(
    engine: Engine,
) -> None:
    meeting = start(engine, "incident", variant="written-advice")
    while meeting.state.phase != "advice":
        meeting.advance(FACILITATOR)
    meeting.contribute("carla", "advice", "GEHEIM-nog-niet-zichtbaar")
    report = meeting_report(meeting.state, engine.registry, "nl", "markdown")
    assert "GEHEIM-nog-niet-zichtbaar" not in report
    assert "### Adviesronde\n\nNiets vastgelegd." in report
    for person in ("anna", "dirk", "eva"):
        meeting.contribute(person, "advice", f"advies van {person}")
    meeting.reveal(FACILITATOR)
    report = meeting_report(meeting.state, engine.registry, "nl", "markdown")
    assert "- **Carla · advies:** GEHEIM-nog-niet-zichtbaar" in report


def test_the_html_report_is_one_self_contained_printable_document(
    held: tuple[Engine, GroupState, list[str]],
) -> None:
    engine, group, ids = held
    page = meeting_report(engine.state(ids[0]), engine.registry, "nl", "html", group=group)
    assert page.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert page.count("<html") == 1 and page.rstrip().endswith("</html>")
    assert page.count("<style>") == 1 and "@media print" in page
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#x27;GEHEIM&#x27;)&lt;/script&gt;" in page
    assert not any(ref in page for ref in ("src=", "href=", "@import", "url("))
    assert "<h2>Herkenningen</h2>" in page
    assert "<strong>Toezegging (Bram):</strong> GEHEIM-toezegging-1" in page
    markdown = meeting_report(engine.state(ids[0]), engine.registry, "nl", "markdown")
    assert "<script" not in markdown and "&lt;script>" in markdown


INSTALLED = [
    pytest.param(m.id, v, id=f"{m.id}/{v}" if v else m.id)
    for m in load_registry(strict=True, user_methods=False).methods()
    for v in (None, *(variant.id for variant in m.variants))
]


@pytest.mark.parametrize(("method_id", "variant"), INSTALLED)
def test_every_installed_method_reports_each_of_its_phases(
    engine: Engine, method_id: str, variant: str | None
) -> None:
    meeting = start(engine, method_id, variant)
    PhaseExerciser(meeting).run()
    method = engine.registry.method(method_id, variant=variant)
    for lang in ("nl", "en"):
        report = meeting_report(meeting.state, engine.registry, lang, "markdown")
        for phase in method.phases:
            assert f"### {phase.title(lang)}\n" in report
    page = meeting_report(meeting.state, engine.registry, "en", "html")
    assert page.count("<html") == 1


def test_an_unknown_format_is_refused(held: tuple[Engine, GroupState, list[str]]) -> None:
    engine, _, ids = held
    with pytest.raises(ValueError, match="markdown"):
        meeting_report(engine.state(ids[0]), engine.registry, "nl", "pdf")  # type: ignore[arg-type]


# -- the organisation report --------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_organisation_report_carries_no_case_and_no_name(
    held: tuple[Engine, GroupState, list[str]], fmt: str
) -> None:
    engine, group, _ = held
    report = organisation_report(group, group_history(engine, group.id), engine.registry, "nl", fmt)  # type: ignore[arg-type]
    for text in all_planted():
        assert text not in report
    for name in NAMES:
        assert name not in report
    assert "leervraag van" not in report


def test_the_organisation_report_counts_attendance_methods_and_time(
    held: tuple[Engine, GroupState, list[str]],
) -> None:
    engine, group, _ = held
    history = group_history(engine, group.id)
    report = organisation_report(group, history, engine.registry, "nl", "markdown")
    assert report.startswith("# Overzicht voor de organisatie: Wijkteam Noord\n")
    assert "| Datum | Aanwezig | Methoden | Duur (minuten) |" in report
    assert "| 2026-01-12 | 5 van 5 | Incidentmethode | 90 |" in report
    assert "| 2026-03-09 | 4 van 5 | Incidentmethode | 75 |" in report
    assert "| 2026-05-04 | 5 van 5 | Roddelmethode | 105 |" in report
    assert "- **Bijeenkomsten gehouden:** 3" in report
    assert "- **Gemiddelde aanwezigheid:** 4,7 van 5" in report
    assert "- **Totaal aantal uren:** 4,5" in report
    english = organisation_report(group, history, engine.registry, "en", "markdown")
    assert "| 2026-03-09 | 4 of 5 | Incident method | 75 |" in english
    assert "- **Average attendance:** 4.7 of 5" in english
    assert "- **Total hours:** 4.5" in english


# -- the accreditation report -------------------------------------------------------------


def test_the_accreditation_report_names_co_members_and_leaves_topics_out_without_consent(
    held: tuple[Engine, GroupState, list[str]],
) -> None:
    engine, group, _ = held
    report = accreditation_report(group, group_history(engine, group.id), engine, "nl", "markdown")
    assert "| 2026-01-12 | 90 | Anna | Anna, Bram, Carla, Dirk, Eva (5 van 5) |" in report
    assert "| 2026-03-09 | 75 | Bram | Anna, Bram, Carla, Dirk (4 van 5) |" in report
    assert "| 2026-05-04 | 105 | Carla | Anna, Bram, Carla, Dirk, Eva (5 van 5) |" in report
    assert "*Onderwerpen en leerdoelen zijn weggelaten" in report
    for text in all_planted():
        assert text not in report


def test_topics_and_learning_goals_appear_once_the_group_consents(
    held: tuple[Engine, GroupState, list[str]],
) -> None:
    engine, group, _ = held
    group = groups_of(engine).set_contract(
        group.id, group.contract.model_copy(update={"consent_topics": True})
    )
    history = group_history(engine, group.id)
    report = accreditation_report(group, history, engine, "en", "markdown")
    assert "## Topics and learning goals" in report
    assert (
        "### 2026-05-04\n\n- **Topic:** GEHEIM-leervraag-3\n- **Learning goal:** GEHEIM-leerpunt-3"
        in report
    )
    assert "left out" not in report
    for n in (1, 2, 3):
        texts = planted(n)
        assert texts["leervraag"] in report and texts["leerpunt"] in report
        for kind in ("vraag", "advies", "toezegging", "herkenning"):
            assert texts[kind] not in report
    page = accreditation_report(group, history, engine, "en", "html")
    assert "<li><strong>Topic:</strong> GEHEIM-leervraag-1</li>" in page


# -- the conversation, the look-back, meetings that did not take place ----------------------


def _incident_of_bram(registry: Registry) -> Meeting:
    """A Dutch meeting of four at the first phase of the incident method, Bram's case."""
    engine = Engine(MemoryJournal(), registry, clock=Clock())
    meeting = engine.start_meeting(NAMES[:4], facilitator="Anna", lang="nl")
    meeting.advance("anna")
    for person in meeting.state.present:
        meeting.submit_leervraag(person, f"leervraag van {person}")
    meeting.advance("anna")
    meeting.choose_case("anna", "bram", consent=True)
    meeting.choose_method("anna", "incident", inbrenger_agrees=True)
    return meeting


def test_questions_come_with_their_answers_and_advice_with_the_reaction_in_the_order_said(
    registry: Registry,
) -> None:
    meeting = _incident_of_bram(registry)
    meeting.contribute("bram", "statement", "GEHEIM-situatie")
    meeting.advance("anna")
    first = meeting.contribute("carla", "question", "GEHEIM-vraag-een")
    second = meeting.contribute("dirk", "question", "GEHEIM-vraag-twee")
    meeting.contribute("bram", "reaction", "GEHEIM-antwoord-twee", reply_to=second)
    meeting.contribute("bram", "reaction", "GEHEIM-antwoord-een", reply_to=first)
    meeting.contribute("carla", "question", "GEHEIM-vraag-drie")
    report = meeting_report(meeting.state, registry)
    said = report.split("### Informatieve vragen", 1)[1]
    assert said.index("vraag-een") < said.index("antwoord-een") < said.index("vraag-twee")
    assert said.index("vraag-twee") < said.index("antwoord-twee") < said.index("vraag-drie")
    assert "- **Carla · vraag:** GEHEIM-vraag-een\n  - **Bram · reactie:** GEHEIM-antwoord-een" in (
        said
    )
    assert "#### Vraag" not in report  # not grouped by kind
    html = meeting_report(meeting.state, registry, fmt="html")
    assert "GEHEIM-vraag-een</li>" not in html  # the answer is inside the question's item
    assert "<ul><li><strong>Bram · reactie:</strong> GEHEIM-antwoord-een</li></ul>" in html


def test_an_answer_to_an_earlier_phase_names_what_it_answers(registry: Registry) -> None:
    meeting = _incident_of_bram(registry)
    while meeting.state.phase != "advice":
        meeting.advance("anna")
    advice = meeting.contribute("carla", "advice", "GEHEIM-advies")
    meeting.advance("anna")
    meeting.contribute("bram", "reaction", "GEHEIM-reactie", reply_to=advice)
    report = meeting_report(meeting.state, registry)
    choice = report.split("### Keuze en vervolg", 1)[1]
    assert "- **Bram · reactie op Carla: “GEHEIM-advies”:** GEHEIM-reactie" in choice


def test_the_look_back_tells_each_commitment_and_how_it_went(
    held: tuple[Engine, GroupState, list[str]],
) -> None:
    engine, group, ids = held
    history = group_history(engine, group.id)
    last = engine.meeting(ids[-1])
    meeting = engine.start_meeting(group, facilitator="eva", present=NAMES, lang="nl")
    promised = look_back(history, before=meeting.id)
    dirks = next(c for c in promised if c.member == "dirk")
    meeting.contribute("dirk", "statement", "GEHEIM-hoe-het-ging", commitment=dirks.id)
    meeting.advance("eva")
    report = meeting_report(meeting.state, engine.registry, look_back=promised)
    back = report.split("## Terugblik", 1)[1]
    day = dirks.at.strftime("%Y-%m-%d")
    assert back.index(f"**Dirk · Voornemen van {day}:** {dirks.text}") < back.index(
        "  - **Dirk · Hoe het ging:** GEHEIM-hoe-het-ging"
    )
    # An earlier commitment nobody told about yet is in the report as not told.
    others = [c for c in promised if c.member != "dirk"]
    assert others and back.count("(niet verteld)") == len(others)
    assert last.state.closed


def test_a_meeting_closed_at_its_opening_is_not_held_nor_facilitated(
    held: tuple[Engine, GroupState, list[str]],
) -> None:
    engine, group, _ = held
    before = organisation_report(group, group_history(engine, group.id), engine.registry, "en")
    promised_before = look_back(group_history(engine, group.id))
    mistake = engine.start_meeting(group, facilitator="eva", present=NAMES, lang="nl")
    mistake.close("eva", "te weinig mensen")
    history = group_history(engine, group.id)
    record = next(r for r in history if r.meeting_id == mistake.id)
    assert record.closed_at is not None and not record.held
    after = organisation_report(group, history, engine.registry, "en")
    assert after == before  # not a meeting held: not in the table, not in the totals
    assert look_back(history) == promised_before  # the last real meeting's commitments
    # Eva never facilitated a meeting that took place: the rotation still proposes her.
    assert propose_facilitator(engine, group, ["eva", "anna"], history) == "eva"
    mistake_by_anna = engine.start_meeting(group, facilitator="anna", present=NAMES, lang="nl")
    mistake_by_anna.close("anna", "verkeerd gestart")
    history = group_history(engine, group.id)
    assert propose_facilitator(engine, group, ["anna", "eva"], history) == "eva"
