"""``intervision methods``: what a facilitator can choose from, and what each asks of the group."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from .console import say, wrap
from .settings import Settings, pass_settings
from .texts import INBRENGER_MODES, KIND_NAMES, ROLE_NAMES, Lang, pick, t

if TYPE_CHECKING:
    from intervision.engine import MethodSpec, PhaseSpec, Registry

__all__ = ["describe_phase", "kinds_text", "methods"]


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@pass_settings
@click.pass_context
def methods(ctx: click.Context, settings: Settings, as_json: bool) -> None:
    """List the installed methods."""
    if ctx.invoked_subcommand is not None:
        return
    from intervision.engine import load_registry

    registry = load_registry()
    if as_json:
        click.echo(
            json.dumps(
                [_summary(registry, m) for m in registry.methods()], indent=2, ensure_ascii=False
            )
        )
        return
    lang = settings.lang
    specs = registry.methods()
    if not specs:
        say(t(lang, "methods.none"))
        return
    rows = [
        (
            spec.id,
            spec.title(lang),
            str(spec.fit.minutes),
            f"{spec.fit.group_min}-{spec.fit.group_max}",
            _plugin_label(registry, spec.id),
        )
        for spec in specs
    ]
    heads = tuple(t(lang, f"col.{c}") for c in ("id", "title", "minutes", "group", "plugin"))
    click.echo(table([heads, *rows]))
    click.echo()
    say(t(lang, "methods.more"))


@methods.command("show")
@click.argument("method_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the whole method as JSON.")
@pass_settings
def show(settings: Settings, method_id: str, as_json: bool) -> None:
    """Show one method: its fit, sources and every phase with its rules."""
    from intervision.engine import load_registry

    registry = load_registry()
    spec = registry.method(method_id)
    if as_json:
        data = spec.model_dump(mode="json")
        owner = registry.owner(spec.id)
        data.update(plugin=owner.name, distribution=owner.distribution)
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    lang = settings.lang
    derived = f" · {t(lang, 'show.derived')}" if spec.derived else ""
    click.echo(f"{spec.title(lang)} ({spec.id}, {t(lang, 'show.version')} {spec.version}){derived}")
    click.echo(f"{t(lang, 'show.plugin')}: {_plugin_label(registry, spec.id)}")
    click.echo()
    say(spec.summary(lang))
    click.echo()
    fit = spec.fit
    click.echo(f"{t(lang, 'show.fit')}:")
    say(
        t(
            lang,
            "show.fit_line",
            lo=fit.group_min,
            hi=fit.group_max,
            minutes=fit.minutes,
            experience=t(lang, f"experience.{fit.experience}"),
        ),
        indent="  ",
    )
    if fit.leervraag_kinds:
        say(t(lang, "show.leervraag_kinds", kinds=", ".join(fit.leervraag_kinds)), indent="  ")
    if spec.rules:
        say(t(lang, "show.rules", rules=", ".join(r.kind for r in spec.rules)), indent="  ")
    click.echo(f"{t(lang, 'show.sources')}:")
    for source in spec.sources:
        click.echo(f"  {source}")
    click.echo()
    click.echo(f"{t(lang, 'show.phases')}:")
    for number, phase in enumerate(spec.phases, start=1):
        click.echo()
        click.echo(describe_phase(spec, phase, number, lang))


def describe_phase(
    spec: MethodSpec, phase: PhaseSpec, number: int, lang: Lang, names: dict[str, str] | None = None
) -> str:
    """A phase as the screen shows it; ``names`` puts people behind the roles."""
    header = t(
        lang,
        "phase.header",
        no=number,
        total=len(spec.phases),
        title=phase.title(lang),
        minutes=phase.minutes,
    )
    lines = [
        header,
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
            t(lang, "phase.may", kinds=kinds_text(kinds, lang))
            if kinds
            else t(lang, "phase.may_nothing")
        )
        if role == "inbrenger" and phase.inbrenger_mode in ("listens", "away"):
            may = t(lang, "phase.may_nothing")
        lines.append(wrap(f"{label}: {may}", indent="  ", hanging="      "))
        instruction = phase.instructions.get(role)
        if instruction is not None:
            lines.append(wrap(instruction(lang), indent="      "))
    if phase.written_first:
        lines.append(wrap(t(lang, "phase.written_first"), indent="  "))
    for kind, limit in phase.quotas.items():
        lines.append(
            wrap(t(lang, "phase.quota", limit=limit, kind=kind_name(kind, lang)), indent="  ")
        )
    if phase.decision is not None:
        decision = phase.decision
        text = t(
            lang,
            "phase.decision",
            role=role_label(spec, decision.by, lang).lower(),
            title=decision.title(lang),
        )
        if decision.selects_from:
            text += f"; {t(lang, 'phase.selects', kinds=kinds_text(decision.selects_from, lang))}"
        lines.append(wrap(text, indent="  "))
    if phase.advance_by != ("facilitator",):
        roles = " / ".join(role_label(spec, r, lang) for r in phase.advance_by)
        lines.append(f"  {t(lang, 'phase.advance_by', roles=roles)}")
    if phase.rules:
        lines.append(f"  {t(lang, 'phase.rules', rules=', '.join(r.kind for r in phase.rules))}")
    return "\n".join(lines)


def role_label(spec: MethodSpec, role: str, lang: Lang) -> str:
    if role in ROLE_NAMES:
        return pick(lang, ROLE_NAMES[role]).capitalize()
    for declared in spec.roles:
        if declared.id == role:
            return declared.title(lang)
    return role


def kind_name(kind: str, lang: Lang) -> str:
    return pick(lang, KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def kinds_text(kinds: tuple[str, ...] | list[str], lang: Lang) -> str:
    """Kinds in the screen's language, each with the id the prompt also accepts."""
    return ", ".join(
        kind_name(k, lang) if kind_name(k, lang) == k else f"{kind_name(k, lang)} ({k})"
        for k in kinds
    )


def table(rows: list[tuple[str, ...]]) -> str:
    """Left-aligned columns; the last one may run long rather than be cut."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join(
        "  ".join(
            [*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]]
        ).rstrip()
        for row in rows
    )


def _roles_in(spec: MethodSpec, phase: PhaseSpec) -> list[str]:
    mentioned = set(phase.instructions) | set(phase.allowed)
    return [role.id for role in spec.roles if role.id in mentioned]


def _plugin_label(registry: Registry, method_id: str) -> str:
    owner = registry.owner(method_id)
    return (
        owner.name if owner.name == owner.distribution else f"{owner.name} ({owner.distribution})"
    )


def _summary(registry: Registry, spec: MethodSpec) -> dict[str, Any]:
    owner = registry.owner(spec.id)
    return {
        "id": spec.id,
        "version": spec.version,
        "title": spec.title.model_dump(),
        "minutes": spec.fit.minutes,
        "group_min": spec.fit.group_min,
        "group_max": spec.fit.group_max,
        "plugin": owner.name,
        "distribution": owner.distribution,
    }
