"""A phase in words: what `methods show` prints and what the runner's screen opens with.

One function for both, so that what a facilitator reads beforehand is what the
screen says during the meeting: who may say what, and what else applies in this
phase (loops back, labels, consensus, everyone's turn, a module to choose).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intervision.engine import GLOSSARY, Glossary

from .console import wrap
from .kinds import kind_name, kinds_typed
from .texts import INBRENGER_MODES, Lang, pick, t

if TYPE_CHECKING:
    from collections.abc import Sequence

    from intervision.engine import MethodSpec, PhaseSpec, Registry, RuleRef

__all__ = [
    "describe_phase",
    "kinds_text",
    "label_values",
    "module_choices",
    "phase_title",
    "role_label",
    "rule_titles",
]


def describe_phase(
    spec: MethodSpec,
    phase: PhaseSpec,
    number: int,
    lang: Lang,
    names: dict[str, str] | None = None,
    registry: Registry | None = None,
) -> str:
    """A phase as the screen shows it; ``names`` puts people behind the roles, and
    ``registry`` gives the titles of the modules a nesting phase offers and the
    words of the kinds its plugins declare."""
    words = registry.glossary if registry is not None else GLOSSARY
    lines = [
        phase_header(spec, phase, number, lang),
        wrap(
            t(lang, "phase.inbrenger", mode=pick(lang, INBRENGER_MODES[phase.inbrenger_mode])),
            indent="  ",
        ),
    ]
    for role in _roles_in(spec, phase):
        label = role_label(spec, role, lang)
        if names and names.get(role):
            label = f"{label} ({names[role]})"
        kinds = phase.allowed.get(role, ())
        may = (
            t(lang, "phase.may", kinds=kinds_text(kinds, lang, words))
            if kinds
            else t(lang, "phase.may_nothing")
        )
        if role == "inbrenger" and phase.inbrenger_mode in ("listens", "away"):
            may = t(lang, "phase.may_nothing")
        also = _as_participant(spec, phase, role)
        if also:
            key = "phase.also_member" if role == "facilitator" else "phase.also_participant"
            may += f"; {t(lang, key, kinds=kinds_text(also, lang, words))}"
        lines.append(wrap(f"{label}: {may}", indent="  ", hanging="      "))
        instruction = phase.instructions.get(role)
        if instruction is not None:
            lines.append(wrap(instruction(lang), indent="      "))
    applies = _applies(spec, phase, lang, names or {}, words)
    lines.extend(wrap(line, indent="  ", hanging="    ") for line in applies)
    if phase.nested is not None:
        text = t(
            lang,
            "phase.nested",
            roles=_roles(spec, phase.nested.by, lang, names or {}),
            modules=", ".join(module_choices(phase, registry, lang)) or t(lang, "phase.any_module"),
        )
        lines.append(wrap(text, indent="  ", hanging="    "))
    if phase.advance_by != ("facilitator",):
        roles = " / ".join(role_label(spec, r, lang) for r in phase.advance_by)
        lines.append(f"  {t(lang, 'phase.advance_by', roles=roles)}")
    if phase.rules:
        lines.append(f"  {t(lang, 'phase.rules', rules=rule_titles(phase.rules, lang, registry))}")
    return "\n".join(lines)


def _applies(
    spec: MethodSpec,
    phase: PhaseSpec,
    lang: Lang,
    names: dict[str, str],
    words: Glossary = GLOSSARY,
) -> list[str]:
    """The phase's rules beyond who says what, each as one sentence."""
    lines: list[str] = []
    if phase.written_first:
        lines.append(t(lang, "phase.written_first"))
    if phase.hidden_until is not None:
        lines.append(
            t(lang, "phase.hidden_until", phase=phase_title(spec, phase.hidden_until, lang))
        )
    lines.extend(
        t(lang, "phase.quota", limit=limit, kind=kind_name(kind, lang, words))
        for kind, limit in phase.quotas.items()
    )
    if phase.everyone_contributes:
        lines.append(t(lang, "phase.everyone"))
    if phase.decision is not None:
        decision = phase.decision
        text = t(
            lang,
            "phase.decision",
            role=role_label(spec, decision.by, lang).lower(),
            title=decision.title(lang),
        )
        if decision.selects_from:
            kinds = kinds_text(decision.selects_from, lang, words)
            text += f"; {t(lang, 'phase.selects', kinds=kinds)}"
        lines.append(text)
    if phase.labels is not None:
        by = phase.decision.by if phase.decision is not None else "inbrenger"
        lines.append(
            t(
                lang,
                "phase.labels",
                role=_roles(spec, (by,), lang, names),
                kinds=kinds_text(phase.labels.kinds, lang, words),
                values=", ".join(label_values(phase, lang)),
            )
        )
    if phase.answers_labelled:
        answered = " / ".join(words.label(v)(lang) for v in phase.answers_labelled)
        lines.append(t(lang, "phase.answers_labelled", labels=answered))
    if phase.consensus:
        lines.append(t(lang, "phase.consensus"))
    for loop in phase.loops:
        lines.append(
            t(
                lang,
                "phase.loop",
                to=phase_title(spec, loop.to, lang),
                title=loop.title(lang),
                role=_roles(spec, (loop.by,), lang, names),
                id=loop.id,
            )
        )
    return lines


def label_values(phase: PhaseSpec, lang: Lang) -> list[str]:
    """Each label a phase gives, with its title where that says more than the value."""
    if phase.labels is None:
        return []
    shown = []
    for value in phase.labels.values:
        text = phase.labels.title(value)(lang)
        word = text.split(":")[0].strip()
        if lang == "nl" and word.casefold() != value.casefold():
            shown.append(text)  # the Dutch word leads, and is what a decision takes
        else:
            shown.append(value if text.casefold() == value.casefold() else f"{value} ({text})")
    return shown


def module_choices(phase: PhaseSpec, registry: Registry | None, lang: Lang) -> list[str]:
    """The modules a nesting phase offers, with titles when the registry knows them."""
    if phase.nested is None:
        return []
    ids = list(phase.nested.choose_from)
    if not ids and registry is not None:
        ids = [m.id for m in registry.methods(modules=True) if m.kind == "module"]
    if registry is None:
        return ids
    from intervision.engine import IntervisionError

    shown = []
    for module_id in ids:
        try:
            shown.append(f"{module_id} ({registry.method(module_id).title(lang)})")
        except IntervisionError:
            shown.append(module_id)
    return shown


def phase_header(spec: MethodSpec, phase: PhaseSpec, number: int, lang: Lang) -> str:
    """ "Phase n/N · title · m min": the same line in `methods show` and on the run screen."""
    return t(
        lang,
        "phase.header",
        no=number,
        total=len(spec.phases),
        title=phase.title(lang),
        minutes=phase.minutes,
    )


def phase_title(spec: MethodSpec, phase_id: str, lang: Lang) -> str:
    try:
        return spec.phase(phase_id).title(lang)
    except KeyError:
        return phase_id


def role_label(spec: MethodSpec, role: str, lang: Lang) -> str:
    """A role as a screen names the people holding it: in the glossary's words (the
    participants together), else as the method titles it."""
    term = GLOSSARY.roles.get(role)
    if term is not None:
        return (term.plural or term.name)(lang).capitalize()
    for declared in spec.roles:
        if declared.id == role:
            return declared.title(lang)
    return role


def kinds_text(kinds: tuple[str, ...] | list[str], lang: Lang, words: Glossary = GLOSSARY) -> str:
    """Kinds in the screen's language, each with what the prompt takes for it."""
    return kinds_typed(kinds, lang, words)


def _as_participant(spec: MethodSpec, phase: PhaseSpec, role: str) -> tuple[str, ...]:
    """The participant's kinds a holder of ``role`` may give beyond the role's own: a
    facilitating member is a participant too (unless the method wants a neutral
    facilitator), and so is whoever holds a role of the day."""
    if role in ("inbrenger", "participant") or (role == "facilitator" and spec.neutral_facilitator):
        return ()
    own = phase.allowed.get(role, ())
    return tuple(k for k in phase.allowed.get("participant", ()) if k not in own)


def rule_titles(rules: Sequence[RuleRef], lang: Lang, registry: Registry | None) -> str:
    """Rules by their titles in ``lang`` (by id where the registry does not know them)."""
    kinds = registry.rule_kinds if registry is not None else {}
    return ", ".join(kinds[r.kind].title(lang) if r.kind in kinds else r.kind for r in rules)


def _roles(
    spec: MethodSpec, roles: tuple[str, ...], lang: Lang, names: dict[str, str] | None = None
) -> str:
    """Roles in a sentence (lower case), with the person behind each where known."""
    shown = []
    for role in roles:
        label = role_label(spec, role, lang).lower()
        shown.append(f"{label} ({names[role]})" if names and names.get(role) else label)
    return " / ".join(shown)


def _roles_in(spec: MethodSpec, phase: PhaseSpec) -> list[str]:
    mentioned = set(phase.instructions) | set(phase.allowed)
    return [role.id for role in spec.roles if role.id in mentioned]
