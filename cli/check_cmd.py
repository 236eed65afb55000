"""``intervision check``: every problem with a method or a plugin, before anyone meets with it.

For the method author, not the facilitator: one line per problem, ``WHERE: MESSAGE``
as a compiler prints it, so an editor can jump to the field. Exit 1 when there is
anything to fix, 2 when a target is not there at all: a script (or CI) can tell
"fix the method" from "wrong name".
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from .completion import complete_methods
from .settings import Settings, pass_settings
from .texts_author import t

if TYPE_CHECKING:
    from intervision.engine import Registry

__all__ = ["check", "terminal_texts"]

EXIT_PROBLEMS = 1
EXIT_NOT_FOUND = 2


def terminal_texts() -> list[str]:
    """Every English sentence and word the terminal says, for a language pack to translate."""
    from . import key_cmd, store_cmd, texts, texts_author, texts_series, texts_start

    tables = (
        texts.TEXTS,
        texts.INBRENGER_MODES,
        texts_author.TEXTS,
        texts_series.TEXTS,
        texts_series.LEERVRAAG_KIND_NAMES,
        texts_series.EXPERIENCE_NAMES,
        texts_series.STATUS_NAMES,
        key_cmd.TEXTS,
        texts_start.TEXTS,
        store_cmd.TEXTS,
    )
    return list(dict.fromkeys(en for table in tables for _, en in table.values()))


@click.command()
@click.argument(
    "targets", metavar="TARGET...", nargs=-1, required=True, shell_complete=complete_methods
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, one entry per target.")
@pass_settings
@click.pass_context
def check(ctx: click.Context, settings: Settings, targets: tuple[str, ...], as_json: bool) -> None:
    """Check methods for their authors: an installed method ID or plugin name, a TOML FILE,
    or the PATH of a plugin distribution (a folder with pyproject.toml, not installed yet).

    Checks sources, instructions for every role in both languages, that every phase
    can be reached, that every rule kind and module exists, and that the phases add
    up to fit.minutes (within 10%, at least 5 minutes). For an installed language's
    code (de), every text it leaves in English. Prints every problem with where it
    is; exits 1 if there is any, 2 if a target is not found.
    """
    from intervision.engine import UnknownMethodError, load_registry
    from intervision.engine.authoring import check_target

    def registry_factory(**options: Any) -> Registry:
        files = [*settings.method_files, *options.pop("method_files", ())]
        return load_registry(method_files=files, **options)

    lang = settings.lang
    results: list[dict[str, Any]] = []
    exit_code = 0
    for target in targets:
        try:
            problems = check_target(target, registry_factory, {"terminal": terminal_texts()})
        except UnknownMethodError as exc:
            exit_code = EXIT_NOT_FOUND
            results.append({"target": target, "found": False, "error": str(exc)})
            if not as_json:
                click.echo(t(lang, "check.not_found", target=target, error=exc), err=True)
            continue
        if problems and exit_code == 0:
            exit_code = EXIT_PROBLEMS
        results.append(
            {
                "target": target,
                "found": True,
                "ok": not problems,
                "problems": [
                    {"where": p.where, "message": p.message, "nl": p.nl or p.message}
                    for p in problems
                ],
            }
        )
        if as_json:
            continue
        for problem in problems:
            click.echo(f"{problem.where}: {problem.text(lang)}")
        if not problems:
            click.echo(t(lang, "check.ok", target=target))
    if as_json:
        click.echo(json.dumps(results, indent=2, ensure_ascii=False))
    elif any(r.get("problems") for r in results):
        failed = [r for r in results if r.get("problems")]
        count = sum(len(r["problems"]) for r in failed)
        key = "check.summary_one" if count == 1 else "check.summary"
        click.echo(t(lang, key, problems=count, failed=len(failed), n=len(results)))
    ctx.exit(exit_code)
