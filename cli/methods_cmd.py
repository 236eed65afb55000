"""``intervision methods``: what a facilitator can choose from, and what each asks of the group.

Besides listing and showing, a method can be drawn (``--diagram``, Mermaid text to
pipe into a ``.mmd`` file) and exported as TOML: the way to adapt a method without
Python is to export it, edit the file and load it back with ``--method-file`` or
from the user's methods folder.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from .completion import complete_methods
from .console import say, wrap
from .settings import Settings, pass_settings
from .texts import Lang, pick, t

if TYPE_CHECKING:
    from intervision.engine import MethodSpec, Registry

    from .methods_cache import Summary

__all__ = [
    "method_in_variant",
    "methods",
    "table",
    "warn_faulty_files",
]


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@pass_settings
@click.pass_context
def methods(ctx: click.Context, settings: Settings, as_json: bool) -> None:
    """List the installed methods (modules that only run inside another method are left out)."""
    if ctx.invoked_subcommand is not None:
        return
    lang = settings.lang
    summaries = _listing(settings)
    if as_json:
        click.echo(json.dumps(summaries, indent=2, ensure_ascii=False))
        return
    if not summaries:
        say(t(lang, "methods.none"))
        return
    click.echo(_grouped_table(summaries, lang))
    click.echo()
    say(t(lang, "methods.more"))


def _listing(settings: Settings) -> list[Summary]:
    """The methods as ``--json`` prints them: from the cache, else from the plugins.

    Both the table and the JSON are printed from these summaries, so a listing from
    the cache cannot differ from one built by loading every plugin.
    """
    from . import methods_cache

    watch = methods_cache.start(settings.builtin_only, settings.method_files)
    cached = watch.cached()
    if cached is not None:
        return cached
    registry = settings.registry()
    warn_faulty_files(registry, settings.lang)
    summaries = [_summary(registry, spec) for spec in registry.methods()]
    watch.write(registry, summaries)
    return summaries


def _title(summary: Summary, lang: Lang) -> str:
    """The listed method's title in ``lang``; another than Dutch or English through the
    installed language packs, from the English."""
    title = summary["title"]
    if lang in title:
        return str(title[lang])
    from intervision.engine import Text

    return Text(nl=title["nl"], en=title["en"])(lang)


def _grouped_table(summaries: list[Summary], lang: Lang) -> str:
    """The methods under the distribution that ships them, each with its variants.

    Grouped rather than a column, so that the table fits 80 characters and a
    facilitator sees at once which methods are built in and which come from the
    community (``intervision-contrib``) or from their own files.
    """
    heads = tuple(t(lang, f"col.{c}") for c in ("id", "title", "minutes", "group"))
    rows = [
        (m["id"], _title(m, lang), str(m["minutes"]), f"{m['group_min']}-{m['group_max']}")
        for m in summaries
    ]
    formatted = table([heads, *rows]).splitlines()
    by_line = dict(zip([m["id"] for m in summaries], formatted[1:], strict=True))
    lines = [f"  {formatted[0]}"]
    groups: dict[str, list[Summary]] = {}
    for summary in summaries:
        groups.setdefault(summary["distribution"], []).append(summary)
    for distribution in sorted(groups, key=lambda d: (d != "intervision", d)):
        lines.append(distribution)
        for summary in groups[distribution]:
            lines.append(f"  {by_line[summary['id']]}")
            if summary["variants"]:
                text = t(lang, "methods.variants", ids=", ".join(summary["variants"]))
                lines.append(wrap(text, indent=" " * 6, hanging=" " * 8))
    return "\n".join(lines)


def warn_faulty_files(registry: Registry, lang: Lang) -> None:
    """One line on stderr per TOML method file or plugin that did not load.

    A warning, not an error: the other methods work, and whoever installed the
    plugin or made the file learns what failed without having to ask
    `intervision plugins` why a method is missing from the list.
    """
    from .main import one_line

    for info in registry.plugins:
        for error in info.errors:
            if info.name.startswith("file:"):
                click.echo(t(lang, "methods.file_failed", error=one_line(error)), err=True)
            else:
                warning = t(
                    lang,
                    "methods.plugin_failed",
                    name=info.name,
                    distribution=info.distribution,
                    error=one_line(error),
                )
                click.echo(warning, err=True)


def method_in_variant(registry: Registry, method_id: str, variant: str | None) -> MethodSpec:
    """The method as the variant runs it; an unknown variant is a usage error naming the known."""
    from intervision.engine import UnknownMethodError

    spec = registry.method(method_id)
    if variant is None:
        return spec
    try:
        return registry.method(spec.id, spec.version, variant)
    except UnknownMethodError:
        known = ", ".join(v.id for v in spec.variants) or "-"
        raise click.BadParameter(
            f"that method has no such variant (variants: {known})", param_hint="--variant"
        ) from None


@methods.command("show")
@click.argument("method_id", metavar="ID", shell_complete=complete_methods)
@click.option("--variant", metavar="V", help="Show the method as this variant runs it.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole method as JSON.")
@click.option(
    "--diagram", is_flag=True, help="Print only the phase flow as a Mermaid state diagram."
)
@pass_settings
def show(
    settings: Settings, method_id: str, variant: str | None, as_json: bool, diagram: bool
) -> None:
    """Show one method: its fit, sources, variants and every phase with its rules."""
    registry = settings.registry()
    spec = method_in_variant(registry, method_id, variant)
    lang = settings.lang
    if diagram:
        from intervision.engine.authoring import mermaid

        click.echo(mermaid(spec, lang), nl=False)
        return
    if as_json:
        data = spec.model_dump(mode="json")
        owner = registry.owner(spec.id)
        data.update(plugin=owner.name, distribution=owner.distribution)
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    _show_text(registry, spec, variant, lang)


def _show_text(registry: Registry, spec: MethodSpec, variant: str | None, lang: Lang) -> None:
    from .describe import describe_phase, rule_titles  # the listing describes no phase

    derived = f" · {t(lang, 'show.derived')}" if spec.derived else ""
    click.echo(f"{spec.title(lang)} ({spec.id}, {t(lang, 'show.version')} {spec.version}){derived}")
    click.echo(f"{t(lang, 'show.plugin')}: {_plugin_label(registry, spec.id)}")
    base = registry.method(spec.id, spec.version)
    chosen = next((v for v in base.variants if v.id == variant), None)
    if chosen is not None:
        click.echo(f"{t(lang, 'show.variant')}: {chosen.id} · {chosen.title(lang)}")
    click.echo()
    say(chosen.summary(lang) if chosen is not None else spec.summary(lang))
    if spec.kind == "module":
        say(t(lang, "show.module"))
    if spec.rounds == "per_member":
        say(t(lang, "show.per_member"))
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
        from .texts_series import LEERVRAAG_KIND_NAMES

        names = [
            pick(lang, LEERVRAAG_KIND_NAMES[k]) if k in LEERVRAAG_KIND_NAMES else k
            for k in fit.leervraag_kinds
        ]
        say(t(lang, "show.leervraag_kinds", kinds=", ".join(names)), indent="  ")
    if spec.rules:
        rules = rule_titles(spec.rules, lang, registry)
        say(t(lang, "show.rules", rules=rules), indent="  ")
    sources = (*spec.sources, *(chosen.sources if chosen is not None else ()))
    if sources:  # a derived method cites none: no heading over nothing
        click.echo(f"{t(lang, 'show.sources')}:")
        for source in sources:
            click.echo(f"  {source}")
    if base.variants and chosen is None:
        click.echo()
        click.echo(f"{t(lang, 'show.variants')}:")
        for option in base.variants:
            click.echo(f"  {option.id}  {option.title(lang)}")
            say(option.summary(lang), indent="      ")
        say(t(lang, "show.variant_hint", id=spec.id), indent="  ")
    click.echo()
    click.echo(f"{t(lang, 'show.phases')}:")
    for number, phase in enumerate(spec.phases, start=1):
        click.echo()
        click.echo(describe_phase(spec, phase, number, lang, registry=registry))


@methods.command("export")
@click.argument("method_id", metavar="ID", shell_complete=complete_methods)
@click.option("--variant", metavar="V", help="Export the method as this variant runs it.")
@click.option(
    "--id",
    "new_id",
    metavar="NEW_ID",
    help="Write it under another id, so that it loads next to the installed method.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file instead of standard output.",
)
@pass_settings
def export(
    settings: Settings,
    method_id: str,
    variant: str | None,
    new_id: str | None,
    output: str | None,
) -> None:
    """Write a method as TOML, to adapt it and load it back with --method-file."""
    from pydantic import ValidationError

    from intervision.engine import MethodSpec, dump_method

    spec = method_in_variant(settings.registry(), method_id, variant)
    if new_id is not None:
        try:
            spec = MethodSpec.model_validate({**spec.model_dump(), "id": new_id})
        except ValidationError:
            raise click.BadParameter(t(settings.lang, "export.bad_id"), param_hint="--id") from None
    text = dump_method(spec)
    if output is None:
        click.echo(text, nl=False)
        return
    with open(output, "w", encoding="utf-8") as file:
        file.write(text)
    say(t(settings.lang, "export.written", path=output, id=spec.id))


def table(rows: list[tuple[str, ...]]) -> str:
    """Left-aligned columns; the last one may run long rather than be cut."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join(
        "  ".join(
            [*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]]
        ).rstrip()
        for row in rows
    )


def _plugin_label(registry: Registry, method_id: str) -> str:
    owner = registry.owner(method_id)
    return (
        owner.name if owner.name == owner.distribution else f"{owner.name} ({owner.distribution})"
    )


def _summary(registry: Registry, spec: MethodSpec) -> Summary:
    owner = registry.owner(spec.id)
    return {
        "id": spec.id,
        "version": spec.version,
        "title": spec.title.model_dump(),
        "minutes": spec.fit.minutes,
        "group_min": spec.fit.group_min,
        "group_max": spec.fit.group_max,
        "variants": [v.id for v in spec.variants],
        "plugin": owner.name,
        "distribution": owner.distribution,
    }
