"""The roles of the day on the command line: ``--role scribe=Carla``, and how a screen names them.

A facilitator assigns them when the meeting starts (the opening's "roles for
today"): the glossary's scribe, timekeeper and observer, or a role an installed
method declares (the collegial consultation's secretary). The role may be typed as
its id or its name in either language (``notulist=Carla``); the engine checks the
rest (a member present, a role that can be held).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .texts import Lang, t

if TYPE_CHECKING:
    from intervision.engine import MeetingState, Registry

__all__ = ["ROLE_OPTION", "day_roles", "roles_line"]

ROLE_OPTION = click.option(
    "--role",
    "roles",
    metavar="ROLE=NAME",
    multiple=True,
    help="A role of the day and who holds it (repeatable): scribe=Carla, "
    "timekeeper=Dirk, or a role the method declares.",
)


def day_roles(values: tuple[str, ...], registry: Registry, lang: Lang) -> dict[str, list[str]]:
    """``ROLE=NAME[,NAME]`` options as role ids to the names given; a role word that
    names no role that can be held is a usage error listing the ones that can."""
    known = registry.held_roles()
    words = {
        word.casefold(): role
        for role, title in known.items()
        for word in (role, title.nl, title.en)
    }
    held: dict[str, list[str]] = {}
    for value in values:
        word, _, names = value.partition("=")
        people = [name.strip() for name in names.split(",") if name.strip()]
        if not people:
            raise click.BadParameter(t(lang, "roles.form"), param_hint="--role")
        role = words.get(word.strip().casefold())
        if role is None:
            choices = ", ".join(f"{r} ({title(lang)})" for r, title in sorted(known.items()))
            raise click.BadParameter(t(lang, "roles.unknown", known=choices), param_hint="--role")
        held.setdefault(role, []).extend(people)
    return held


def roles_line(state: MeetingState, registry: Registry, lang: Lang) -> str:
    """ "Roles of the day: scribe Carla · timekeeper Dirk", or "" when none is held."""
    if not state.roles:
        return ""
    titles = registry.held_roles()
    shown = []
    for role, people in state.roles.items():
        name = titles[role](lang) if role in titles else role
        names = ", ".join(state.members[p].name if p in state.members else p for p in people)
        shown.append(f"{name} {names}")
    return t(lang, "roles.line", roles=" · ".join(shown))
