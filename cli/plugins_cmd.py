"""``intervision plugins``: which plugins loaded, and why the others did not.

TOML method files are listed here too, as ``file:<name>`` with their path in place
of a distribution: to the facilitator who wrote one, it is a plugin like any other.

A report, not a check: it exits 0 even when a plugin failed, so that a method
author can read what is wrong. ``INTERVISION_STRICT_PLUGINS=1`` is the fail-fast mode.
"""

from __future__ import annotations

import json

import click

from .console import say, wrap
from .settings import Settings, pass_settings
from .texts import count, t

__all__ = ["plugins"]


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of text.")
@pass_settings
def plugins(settings: Settings, as_json: bool) -> None:
    """List the installed method plugins and the errors of those that failed."""
    infos = settings.registry().plugins
    if as_json:
        data = [
            {
                "name": info.name,
                "distribution": info.distribution,
                "version": info.version,
                "methods": list(info.methods),
                "languages": list(info.languages),
                "ok": info.ok,
                "errors": list(info.errors),
            }
            for info in infos
        ]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    lang = settings.lang
    if not infos:
        say(t(lang, "plugins.none"))
        return
    for info in infos:
        click.echo(f"{info.name}  {info.distribution} {info.version}")
        methods = (
            t(lang, "plugins.methods", ids=", ".join(info.methods))
            if info.methods
            else t(lang, "plugins.no_methods")
        )
        click.echo(f"  {methods}")
        if info.languages:
            click.echo(f"  {t(lang, 'plugins.languages', codes=', '.join(info.languages))}")
        for error in info.errors:
            click.echo(
                wrap(t(lang, "plugins.failed_one", error=error), indent="  ", hanging="    ")
            )
    failed = sum(1 for info in infos if not info.ok)
    click.echo()
    if failed:
        plugins = count(lang, len(infos), "plugin")
        say(t(lang, "plugins.summary_failed", failed=failed, plugins=plugins))
    else:
        say(t(lang, "plugins.summary_ok", plugins=count(lang, len(infos), "plugin")))
