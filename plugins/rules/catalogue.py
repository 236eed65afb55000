"""Rule kinds for what some methods add to a phase: labels, loops, consensus,
everyone's turn and nested modules.

They follow from phase fields like the rules in ``phase_rules`` and run on every
command; a phase without the field is untouched by them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from intervision.engine import (
    GLOSSARY,
    Advance,
    ChooseModule,
    Contribute,
    Decide,
    Refusal,
    RuleContext,
    TakeLoop,
    Text,
    kind_titles,
    refuse,
    yet_to_speak,
)

__all__ = ["answers_labelled", "consensus", "everyone_contributes", "labels", "loops", "nesting"]


def labels(ctx: RuleContext) -> Refusal | None:
    command, phase, state = ctx.command, ctx.phase, ctx.state
    if type(command) is not Decide or phase is None:
        return None
    spec = phase.labels
    if spec is None:
        if command.labels:
            return refuse(
                "labels",
                "In deze fase worden geen bijdragen gelabeld.",
                "No contributions are labelled in this phase.",
            )
        return None
    case_no = state.case.no if state.case else None
    to_label = {c.id for c in state.contributions if c.case_no == case_no and c.kind in spec.kinds}
    wrong = sorted(v for v in command.labels.values() if v not in spec.values)
    strangers = sorted(set(command.labels) - to_label)
    missing = sorted(to_label - set(command.labels))
    if wrong or strangers or missing:
        title = _label_titles(ctx)
        words = [title(v) for v in spec.values]
        problems: list[Text] = []
        for nl, en, found in (
            ("zonder label", "without a label", missing),
            ("niet om te labelen", "not to be labelled", strangers),
            ("geen label", "not a label", wrong),
        ):
            if found:
                listed = ", ".join(found)
                problems.append(Text(nl=f"{nl}: {listed}", en=f"{en}: {listed}"))
        return refuse(
            "labels",
            "Geef elke {kinds} één label: {values} ({problems}).",
            "Give every {kinds} one label: {values} ({problems}).",
            kinds=kind_titles(spec.kinds, ctx.glossary),
            values=Text(
                nl=", ".join(w.nl.split(":")[0].strip() for w in words),
                en=", ".join(w.en.split(":")[0].strip() for w in words),
            ),
            problems=Text(
                nl="; ".join(p.nl for p in problems), en="; ".join(p.en for p in problems)
            ),
        )
    return None


def answers_labelled(ctx: RuleContext) -> Refusal | None:
    command, phase, state = ctx.command, ctx.phase, ctx.state
    if phase is None or not phase.answers_labelled or "inbrenger" not in ctx.roles:
        return None
    if type(command) is not Contribute or command.kind != "reaction":
        return None
    label = state.labels.get(command.reply_to or "")
    if label in phase.answers_labelled:
        return None
    titles = _label_titles(ctx)
    return refuse(
        "answers_labelled",
        "Beantwoord hier alleen vragen met het label {ok}; noem welke vraag je beantwoordt "
        "(deze heeft label: {label}).",
        "Only questions labelled {ok} are answered here; name the question you answer "
        "(this one is labelled: {label}).",
        ok=_join(titles(v) for v in phase.answers_labelled),
        label=titles(label) if label else "-",
    )


def _label_titles(ctx: RuleContext) -> Callable[[str], Text]:
    """A label's title in both languages, from the phase of the method that set it."""
    titles: dict[str, Text] = {}
    for phase in ctx.method.phases if ctx.method else ():
        if phase.labels is not None:
            titles.update(phase.labels.titles)
    return lambda value: titles.get(value) or GLOSSARY.label(value)


def _join(texts: Iterable[Text]) -> Text:
    items = list(texts)
    return Text(nl=" / ".join(t.nl for t in items), en=" / ".join(t.en for t in items))


def loops(ctx: RuleContext) -> Refusal | None:
    command, phase = ctx.command, ctx.phase
    if type(command) is not TakeLoop or phase is None:
        return None
    loop = next((lp for lp in phase.loops if lp.id == command.loop_id), None)
    if loop is None or loop.by in ctx.roles:
        return None
    return refuse(
        "loops",
        "Alleen de {role} kan besluiten terug te gaan.",
        "Only the {role} can decide to go back.",
        role=GLOSSARY.role(loop.by),
    )


def everyone_contributes(ctx: RuleContext) -> Refusal | None:
    phase, state = ctx.phase, ctx.state
    if type(ctx.command) is not Advance or phase is None:
        return None
    if not phase.everyone_contributes:
        return None
    neutral = ctx.method is not None and ctx.method.neutral_facilitator
    waiting = yet_to_speak(state, neutral_facilitator=neutral)
    if not waiting:
        return None
    return refuse(
        "everyone_contributes",
        "Ieder is hier aan de beurt; {count} van de deelnemers nog niet.",
        "Everyone takes a turn here; {count} of the participants have not yet.",
        count=len(waiting),
    )


def consensus(ctx: RuleContext) -> Refusal | None:
    phase, command, state = ctx.phase, ctx.command, ctx.state
    if phase is None or not phase.consensus:
        return None
    if type(command) is Advance and state.step_no not in state.consensus:
        return refuse(
            "consensus",
            "Deze stap sluit pas als de groep het eens is; leg de consensus vast.",
            "This step closes only when the group agrees; record the consensus.",
        )
    return None


def nesting(ctx: RuleContext) -> Refusal | None:
    phase, command, state = ctx.phase, ctx.command, ctx.state
    if phase is None or phase.nested is None or state.module is not None:
        return None
    if type(command) is Advance:
        return refuse(
            "nesting",
            "Kies eerst de werkvorm die in deze fase wordt uitgevoerd.",
            "First choose the module this phase runs.",
        )
    if type(command) is not ChooseModule:
        return None
    if not set(phase.nested.by) & ctx.roles:
        return refuse(
            "nesting",
            "De werkvorm kiezen is aan de {roles}.",
            "Choosing the module is for the {roles}.",
            roles=GLOSSARY.role_names(phase.nested.by),
        )
    allowed = phase.nested.choose_from
    if allowed and command.method_id not in allowed:
        return Refusal(
            "nesting",
            Text(
                nl=f"Kies een van deze werkvormen: {', '.join(allowed)}.",
                en=f"Choose one of these modules: {', '.join(allowed)}.",
            ),
        )
    return None
