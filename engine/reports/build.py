"""Reports of meetings and groups, each written for one audience.

What is said in intervision stays in the group, so who a report is for decides
what it may contain, not a setting: the meeting report is for the members and
carries the case content; the organisation report carries dates, attendance,
methods and durations and nothing of any case (not even who brought one); the
accreditation report names the members present, as registries ask, and adds topics
and learning goals only when the group recorded its consent. The functions are pure:
they read state and return a string, so the CLI, a host app and a test see the same
report, and nothing is written anywhere a report's reader did not ask for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from intervision.engine import (
    FRAME_STEPS,
    Case,
    Contribution,
    Decision,
    Lang,
    MeetingState,
    MethodSpec,
    PhaseSpec,
    Registry,
    Text,
    UnknownMethodError,
)
from intervision.engine.groups import Commitment, GroupState, MeetingRecord

from .conversation import conversation, look_back_thread
from .render import (
    Block,
    Heading,
    Items,
    Para,
    Quote,
    Table,
    render_html,
    render_markdown,
)

if TYPE_CHECKING:
    from intervision.engine import Engine

__all__ = ["Format", "accreditation_report", "meeting_report", "organisation_report"]

Format = Literal["markdown", "html"]

_T: dict[str, Text] = {
    "meeting": Text(nl="Verslag van de bijeenkomst", en="Meeting report"),
    "confidential": Text(
        nl="Vertrouwelijk: alleen voor de leden van de groep.",
        en="Confidential: for the members of the group only.",
    ),
    "group": Text(nl="Groep", en="Group"),
    "date": Text(nl="Datum", en="Date"),
    "present": Text(nl="Aanwezig", en="Present"),
    "facilitator": Text(nl="Begeleider", en="Facilitator"),
    "case": Text(nl="Casus {no}", en="Case {no}"),
    "inbrenger": Text(nl="Inbrenger", en="Inbrenger (case giver)"),
    "leervraag": Text(nl="Leervraag", en="Leervraag (learning question)"),
    "method": Text(nl="Methode", en="Method"),
    "decision": Text(nl="Besluit", en="Decision"),
    "chosen": Text(nl="Gekozen", en="Chosen"),
    "commitment": Text(nl="Toezegging", en="Commitment"),
    "skipped": Text(nl="Overgeslagen", en="Skipped"),
    "nothing": Text(nl="Niets vastgelegd.", en="Nothing recorded."),
    "organisation": Text(nl="Overzicht voor de organisatie", en="Report for the organisation"),
    "no_content": Text(
        nl="Dit overzicht bevat geen inhoud van casussen: alleen data, aanwezigheid, "
        "methoden en duur.",
        en="This report holds no case content: dates, attendance, methods and durations only.",
    ),
    "methods": Text(nl="Methoden", en="Methods"),
    "minutes": Text(nl="Duur (minuten)", en="Duration (minutes)"),
    "of": Text(nl="{n} van {total}", en="{n} of {total}"),
    "totals": Text(nl="Totaal", en="Totals"),
    "held": Text(nl="Bijeenkomsten gehouden", en="Meetings held"),
    "average": Text(nl="Gemiddelde aanwezigheid", en="Average attendance"),
    "hours": Text(nl="Totaal aantal uren", en="Total hours"),
    "accreditation": Text(nl="Overzicht voor accreditatie", en="Accreditation report"),
    "members": Text(nl="Leden", en="Members"),
    "guided_by": Text(nl="Vaste begeleider", en="Guided by"),
    "meetings": Text(nl="Bijeenkomsten", en="Meetings"),
    "topics": Text(nl="Onderwerpen en leerdoelen", en="Topics and learning goals"),
    "topic": Text(nl="Onderwerp", en="Topic"),
    "goal": Text(nl="Leerdoel", en="Learning goal"),
    "no_consent": Text(
        nl="Onderwerpen en leerdoelen zijn weggelaten: de groep heeft geen toestemming "
        "vastgelegd om ze in een accreditatieoverzicht op te nemen.",
        en="Topics and learning goals are left out: the group has not recorded its consent "
        "to include them in an accreditation report.",
    ),
}

Names = Callable[[str], str]


def meeting_report(
    state: MeetingState,
    registry: Registry,
    lang: Lang | None = None,
    fmt: Format = "markdown",
    *,
    group: GroupState | None = None,
    look_back: Iterable[Commitment] = (),
) -> str:
    """The meeting as the group lived it, for the members only.

    What was said is in the order it was said, each answer right under what it
    answers (a question and its answer, an advice and the inbrenger's reaction), not
    sorted by kind. ``look_back`` holds the commitments still open when this meeting
    began (``look_back(history, before=...)``): each comes with how it went, as its
    maker told it at this opening.
    Contributions still hidden (written and not revealed, or waiting for a later
    phase) stay out: a report must not show what the meeting itself did not.
    """
    lang = lang or state.lang
    name = _namer(state)
    date = _date(state.started_at)
    title = f"{_T['meeting'](lang)} {date}"
    blocks: list[Block] = [
        Heading(1, title),
        Para(_T["confidential"](lang), note=True),
        Items(
            (
                (_T["group"](lang), group.name if group else state.group_id or "-"),
                (_T["date"](lang), date),
                (_T["present"](lang), ", ".join(name(p) for p in state.present) or "-"),
                (_T["facilitator"](lang), name(state.facilitator)),
            )
        ),
    ]
    visible = [c for c in state.contributions if not state.is_hidden(c)]
    opening = [c for c in visible if c.frame == "opening"]
    blocks += look_back_thread(list(look_back), opening, lang, name)
    for case in state.cases:
        blocks += _case(state, case, visible, registry, lang, name)
    recognitions = [c for c in visible if c.frame == "recognitions"]
    blocks.append(Heading(2, FRAME_STEPS["recognitions"].title(lang)))
    blocks.append(_said(recognitions, name) if recognitions else Para(_T["nothing"](lang)))
    evaluation = [c for c in visible if c.frame == "evaluation"]
    blocks.append(Heading(2, FRAME_STEPS["evaluation"].title(lang)))
    blocks.append(
        conversation(evaluation, visible, lang, name) if evaluation else Para(_T["nothing"](lang))
    )
    return _render(blocks, title, lang, fmt)


def organisation_report(
    group: GroupState,
    history: list[MeetingRecord],
    registry: Registry,
    lang: Lang | None = None,
    fmt: Format = "markdown",
) -> str:
    """What the organisation may know: that the group met, how often, how many came,
    with which methods and for how long; attendance as counts, never names."""
    lang = lang or group.lang
    held = _held(history)
    size = len(group.members)
    title = f"{_T['organisation'](lang)}: {group.name}"
    rows = tuple(
        (
            _date(r.started_at),
            _T["of"].format(lang, n=len(r.present), total=size),
            ", ".join(_method_title(registry, m, lang) for m in r.methods) or "-",
            str(r.minutes),
        )
        for r in held
    )
    average = sum(len(r.present) for r in held) / len(held) if held else None
    blocks: list[Block] = [
        Heading(1, title),
        Para(_T["no_content"](lang), note=True),
        Table(
            (_T["date"](lang), _T["present"](lang), _T["methods"](lang), _T["minutes"](lang)),
            rows,
        ),
        Heading(2, _T["totals"](lang)),
        Items(
            (
                (_T["held"](lang), str(len(held))),
                (
                    _T["average"](lang),
                    "-"
                    if average is None
                    else _T["of"].format(lang, n=_number(average, lang), total=size),
                ),
                (_T["hours"](lang), _hours(held, lang)),
            )
        ),
    ]
    return _render(blocks, title, lang, fmt)


def accreditation_report(
    group: GroupState,
    history: list[MeetingRecord],
    engine: Engine,
    lang: Lang | None = None,
    fmt: Format = "markdown",
) -> str:
    """What a registry asks of a member's intervision: dates, hours and the
    co-members present; topics and learning goals only with the group's consent.

    Topics and goals carry no names: a registry asks what was discussed, not who
    brought it or who learned what.
    """
    lang = lang or group.lang
    held = _held(history)
    title = f"{_T['accreditation'](lang)}: {group.name}"
    facts = [
        (_T["group"](lang), group.name),
        (_T["members"](lang), ", ".join(m.name for m in group.members.values()) or "-"),
    ]
    if group.guided_by:
        facts.append((_T["guided_by"](lang), group.guided_by))
    size = len(group.members)
    rows = []
    states = [engine.state(r.meeting_id) for r in held]
    for record, state in zip(held, states, strict=True):
        name = _namer(state)
        present = ", ".join(name(p) for p in record.present) or "-"
        count = _T["of"].format(lang, n=len(record.present), total=size)
        rows.append(
            (
                _date(record.started_at),
                str(record.minutes),
                name(record.facilitator),
                f"{present} ({count})",
            )
        )
    blocks: list[Block] = [
        Heading(1, title),
        Items(tuple(facts)),
        Heading(2, _T["meetings"](lang)),
        Table(
            (_T["date"](lang), _T["minutes"](lang), _T["facilitator"](lang), _T["present"](lang)),
            tuple(rows),
        ),
        Items(((_T["held"](lang), str(len(held))), (_T["hours"](lang), _hours(held, lang)))),
        Heading(2, _T["topics"](lang)),
    ]
    if not group.contract.consent_topics:
        blocks.append(Para(_T["no_consent"](lang), note=True))
        return _render(blocks, title, lang, fmt)
    for record, state in zip(held, states, strict=True):
        topics = [(_T["topic"](lang), state.leervragen[c.leervraag_id].text) for c in state.cases]
        goals = [
            (_T["goal"](lang), c.text)
            for c in state.contributions
            if c.kind in ("learning_goal", "learning_point") and not state.is_hidden(c)
        ]
        blocks.append(Heading(3, _date(record.started_at)))
        blocks.append(
            Items(tuple(topics + goals)) if topics or goals else Para(_T["nothing"](lang))
        )
    return _render(blocks, title, lang, fmt)


# -- the meeting report's parts -------------------------------------------------------


def _case(
    state: MeetingState,
    case: Case,
    visible: list[Contribution],
    registry: Registry,
    lang: Lang,
    name: Names,
) -> list[Block]:
    method, method_name = _case_method(registry, case, lang)
    leervraag = state.leervragen.get(case.leervraag_id)
    blocks: list[Block] = [
        Heading(2, f"{_T['case'].format(lang, no=case.no)}: {name(case.inbrenger)}"),
        Items(
            (
                (_T["inbrenger"](lang), name(case.inbrenger)),
                (_T["leervraag"](lang), leervraag.text if leervraag else "-"),
                (_T["method"](lang), method_name),
            )
        ),
    ]
    said = [c for c in visible if c.frame == "method" and c.case_no == case.no]
    decided = [d for d in state.decisions if d.case_no == case.no]
    steps = sorted(
        [(c.step_no, c.phase or "") for c in said] + [(d.step_no, d.phase) for d in decided]
    )
    entered = {path for no, path in state.visited if no == case.no}
    skipped = {path: reason for no, path, reason in state.skipped if no == case.no and path}
    for path in _phase_order(method, [path for _, path in steps], entered):
        phase = _phase(registry, method, path)
        blocks.append(Heading(3, phase.title(lang) if phase else path))
        heading_at = len(blocks)
        if path in skipped:
            blocks.append(Para(f"{_T['skipped'](lang)}: {skipped[path]}", note=True))
        here = [c for c in said if (c.phase or "") == path]
        if here:
            blocks.append(conversation(here, visible, lang, name))
        for decision in (d for d in decided if d.phase == path):
            blocks += _decision(decision, phase, visible, lang, name)
        if len(blocks) == heading_at:
            blocks.append(Para(_T["nothing"](lang)))
    return blocks


def _decision(
    decision: Decision,
    phase: PhaseSpec | None,
    visible: list[Contribution],
    lang: Lang,
    name: Names,
) -> list[Block]:
    spec = phase.decision if phase else None
    by_id = {c.id: c for c in visible}
    chosen = [
        (_T["chosen"](lang), f"“{by_id[cid].text}” ({name(by_id[cid].author)})")
        for cid in decision.selected
        if cid in by_id
    ]
    titles = phase.labels.titles if phase and phase.labels else {}
    labelled = [
        (titles[label](lang) if label in titles else label, f"“{by_id[cid].text}”")
        for cid, label in decision.labels
        if cid in by_id
    ]
    blocks: list[Block] = [Heading(4, spec.title(lang) if spec else _T["decision"](lang))]
    if chosen or labelled:
        blocks.append(Items(tuple(chosen + labelled)))
    if decision.text.strip():
        kind = _T["commitment"] if spec and spec.commitment else _T["decision"]
        blocks.append(Quote(f"{kind(lang)} ({name(decision.by)})", decision.text))
    return blocks


def _phase_order(method: MethodSpec | None, spoken: list[str], entered: set[str]) -> list[str]:
    """The phases the case went through, in the method's order; a nested module's
    phases follow the phase that nests them, in the order they were spoken in."""
    spoken = list(dict.fromkeys(spoken))
    if method is None:
        return spoken
    modules = [p for p in spoken if "/" in p] + sorted(p for p in entered - set(spoken) if "/" in p)
    order: list[str] = []
    for phase in method.phases:
        if phase.id in entered or phase.id in spoken:
            order += [phase.id, *(modules if phase.nested else ())]
    return order + [p for p in spoken if p not in order]


def _said(said: Iterable[Contribution], name: Names) -> Items:
    return Items(tuple((name(c.author), c.text) for c in said))


# -- shared helpers ---------------------------------------------------------------------


def _render(blocks: list[Block], title: str, lang: Lang, fmt: Format) -> str:
    if fmt == "markdown":
        return render_markdown(blocks)
    if fmt == "html":
        return render_html(blocks, title, lang)
    raise ValueError("unknown report format; use 'markdown' or 'html'")


def _namer(state: MeetingState) -> Names:
    return lambda person: state.members[person].name if person in state.members else person


def _held(history: list[MeetingRecord]) -> list[MeetingRecord]:
    """Meetings that took place: closed ones (a running meeting has no duration yet)
    where the group met, not one closed again at its opening."""
    return [r for r in history if r.held]


def _date(at: datetime) -> str:
    return at.strftime("%Y-%m-%d")


def _number(value: float, lang: Lang) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang == "nl" else text


def _hours(held: list[MeetingRecord], lang: Lang) -> str:
    return _number(sum(r.minutes or 0 for r in held) / 60, lang)


def _case_method(registry: Registry, case: Case, lang: Lang) -> tuple[MethodSpec | None, str]:
    """The method (in its variant) a case ran and its name; ids for one no longer installed."""
    if case.method_id is None:
        return None, "-"
    try:
        base = registry.method(case.method_id, case.method_version)
        method = registry.method(case.method_id, case.method_version, case.variant)
    except UnknownMethodError:
        return None, " ".join(filter(None, (case.method_id, case.variant)))
    variant = next((v for v in base.variants if v.id == case.variant), None)
    return method, f"{base.title(lang)} ({variant.title(lang)})" if variant else base.title(lang)


def _method_title(registry: Registry, method_id: str, lang: Lang) -> str:
    try:
        return registry.method(method_id).title(lang)
    except UnknownMethodError:
        return method_id


def _phase(registry: Registry, method: MethodSpec | None, path: str) -> PhaseSpec | None:
    """The phase a path names: ``phase`` in the case's method, ``module/phase`` in a module."""
    module, _, phase_id = path.rpartition("/")
    try:
        spec = registry.method(module) if module else method
        return spec.phase(phase_id) if spec else None
    except (UnknownMethodError, KeyError):
        return None
