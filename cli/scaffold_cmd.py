"""``intervision new-method``: a new method plugin as a complete, installable distribution.

The quickest start for a method author is a project that already works: it installs,
registers its method through the entry point, passes its tests and
``intervision check``. Then every change is a small step from something green. The
files come from ``scaffold_template/`` (package data); only a few names are filled in.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import click

from .settings import Settings, pass_settings
from .texts_author import t

__all__ = ["new_method", "write_project"]

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
#: Longer, and the generated files would not keep to 88 columns (ruff's default).
NAME_MAX = 40

#: Template file -> where it goes in the new project (``{module}`` is filled in).
FILES = {
    "pyproject.toml.tmpl": "pyproject.toml",
    "README.md.tmpl": "README.md",
    "gitignore.tmpl": ".gitignore",
    "method.py.tmpl": "src/{module}/__init__.py",
    "test_method.py.tmpl": "tests/test_method.py",
}


def names(name: str) -> dict[str, str]:
    """What the templates' placeholders become for the method ``name`` (``walk-and-talk``)."""
    module = "intervision_" + name.replace("-", "_")
    return {
        "__NAME__": name,
        "__DIST__": f"intervision-{name}",
        "__MODULE__": module,
        "__CONST__": name.replace("-", "_").upper(),
        "__TITLE__": name.replace("-", " ").capitalize(),
    }


def write_project(name: str, target: Path) -> list[Path]:
    """Write the distribution for ``name`` into ``target`` (created if need be)."""
    values = names(name)
    templates = resources.files("intervision.cli").joinpath("scaffold_template")
    written = []
    for template, destination in FILES.items():
        text = templates.joinpath(template).read_text(encoding="utf-8")
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        path = target / destination.format(module=values["__MODULE__"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


@click.command("new-method")
@click.argument("name")
@click.option(
    "--dir",
    "directory",
    metavar="PATH",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the project (default: ./intervision-NAME); must be new or empty.",
)
@pass_settings
def new_method(settings: Settings, name: str, directory: Path | None) -> None:
    """Write a new method plugin NAME (like walk-and-talk) as an installable distribution.

    It holds one example method with three phases, its entry point, a README, and a
    test that passes: install it with `pip install -e`, then adapt the method.
    """
    lang = settings.lang
    if not NAME_PATTERN.match(name) or len(name) > NAME_MAX:
        raise click.BadParameter(t(lang, "new.bad_name"), param_hint="NAME")
    target = directory if directory is not None else Path(f"intervision-{name}")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise click.ClickException(t(lang, "new.not_empty", path=target))
    written = write_project(name, target)
    values = names(name)
    click.echo(t(lang, "new.written", dist=values["__DIST__"], path=target))
    for path in written:
        click.echo(f"  {path.relative_to(target).as_posix()}")
    click.echo()
    click.echo(t(lang, "new.next"))
    steps = [
        ("new.step_install", f'python -m pip install -e "{target}[test]"'),
        ("new.step_test", f"python -m pytest {target}"),
        ("new.step_check", f"intervision check {name}"),
    ]
    for key, command in steps:
        click.echo(f"  {command:<50}  # {t(lang, key)}")
    module = f"src/{values['__MODULE__']}/__init__.py"
    click.echo(f"  {t(lang, 'new.step_adapt', module=module)}")
