"""``intervision group import`` and ``group export``: a group as a TOML file.

The facilitator's member list goes in as a whole or not at all: the file is read
and checked before the store is opened, every problem is listed with its line and
field, and the group is written in one append (engine.group_book).
"""

from __future__ import annotations

import click

from intervision.engine.groups import groups_of

from .completion import complete_groups
from .console import say, write_file
from .settings import Settings, pass_settings
from .texts import Lang, both, t

__all__ = ["export", "import_"]


@click.command("import")
@click.argument("path", metavar="FILE")
@pass_settings
def import_(settings: Settings, path: str) -> None:
    """Create a group from a TOML file (name, lang, contract, guided_by, [[members]]).

    \b
    name = "Wijkteam Noord"
    lang = "nl"
    [[members]]
    name = "Anna"
    function = "wijkverpleegkundige"
    reports_to = "Els"            # whom Anna reports to at work
    relation_reason = "..."       # only when that is another member

    Nothing is saved unless the whole file is right. `group export` writes this format.
    """
    from intervision.engine import GroupError
    from intervision.engine.groups import GroupFileError, read_group_file

    lang = settings.lang
    try:
        data = read_group_file(path)
        engine = settings.open_engine()
        if groups_of(engine).exists(data.group_id):
            raise GroupError(both("group.import_exists", id=data.group_id, path=path))
        created, warnings = groups_of(engine).import_group(data, lang=lang, path=path)
    except GroupFileError as exc:
        for line in exc.lines(lang):
            click.echo(t(lang, "error", text=line), err=True)
        click.echo(t(lang, "group.file_nothing"), err=True)
        click.get_current_context().exit(exc.exit_code)
    shown: Lang = lang if settings.lang_explicit else created.lang
    say(
        t(
            shown,
            "group.imported",
            name=created.name,
            id=created.id,
            path=path,
            n=len(created.members),
        )
    )
    for warning in warnings:
        click.echo(t(shown, "warning", text=warning(shown)), err=True)


@click.command()
@click.argument("group_ref", metavar="GROUP", shell_complete=complete_groups)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to FILE (readable by you only).",
)
@pass_settings
def export(settings: Settings, group_ref: str, output: str | None) -> None:
    """Write a group as a TOML file that `group import` reads back."""
    from intervision.engine.groups import dump_group

    from .group_view import find_group

    engine = settings.open_engine()
    found = find_group(engine, group_ref, settings.lang)
    text = dump_group(found)
    if output is None:
        click.echo(text, nl=False)
        return
    # Names, functions and reasons are the group's: the file is private, like a report.
    write_file(output, text, private=True)
    lang: Lang = settings.lang if settings.lang_explicit else found.lang
    say(t(lang, "group.exported", name=found.name, path=output))
