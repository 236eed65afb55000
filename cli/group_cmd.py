"""``intervision group``: a group of equals, its contract, its guide and its history.

A group is a journal stream beside its meetings (groups_of(engine)); its history is
read from those meetings. The checks a group of equals needs are the engine's;
this module says them in the group's language: a direct work relation between
members is refused unless the group records why it accepts it, and a group outside
3 to 8 members gets a warning on stderr.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from intervision.engine.groups import groups_of

from .completion import complete_groups
from .console import rule, say, wrap
from .settings import LANG_TYPE, Settings, pass_settings
from .texts import Lang, both, t

if TYPE_CHECKING:
    from intervision.engine import Engine, Text
    from intervision.engine.groups import GroupState

__all__ = ["group"]


def _lang(settings: Settings, group: GroupState | None = None) -> Lang:
    """The group's own language, unless the user chose one on purpose."""
    if group is None or settings.lang_explicit:
        return settings.lang
    return group.lang


def _load(settings: Settings, ref: str) -> tuple[Engine, GroupState, Lang]:
    from .group_view import find_group

    engine = settings.open_engine()
    group = find_group(engine, ref, settings.lang)
    lang = _lang(settings, group)
    settings.lang = lang  # an error about this group is said in its language too
    return engine, group, lang


def _warn(warnings: list[Text], lang: Lang) -> None:
    for warning in warnings:
        click.echo(t(lang, "warning", text=warning(lang)), err=True)


@click.group()
def group() -> None:
    """Groups: members, the contract, a guide, and the history of their meetings."""


@group.command()
@click.argument("name")
@click.option(
    "--lang", type=LANG_TYPE, default=None, help="The group's language (default: --lang)."
)
@pass_settings
def create(settings: Settings, name: str, lang: str | None) -> None:
    """Create a group; its contract starts from the default texts in its language."""
    chosen: Lang = settings.lang if lang is None else settings.language(lang)
    engine = settings.open_engine()
    created = groups_of(engine).create(name, lang=chosen)
    say(t(chosen, "group.created", name=created.name, id=created.id))


@group.command()
@click.argument("group_ref", metavar="GROUP", shell_complete=complete_groups)
@click.argument("name")
@click.option("--function", metavar="F", help="The member's function or profession.")
@click.option("--reports-to", metavar="NAME", help="Whom the member reports to at work.")
@click.option("--reason", metavar="TEXT", help="Why the group accepts a work relation anyway.")
@pass_settings
def add(
    settings: Settings,
    group_ref: str,
    name: str,
    function: str | None,
    reports_to: str | None,
    reason: str | None,
) -> None:
    """Add a member; a direct work relation with another member needs --reason."""
    from .group_view import relation_text

    engine, found, lang = _load(settings, group_ref)
    before = set(found.members)
    changed, warnings = groups_of(engine).add_member(
        found.id, name, function=function, reports_to=reports_to, relation_reason=reason
    )
    (added,) = (m for m in changed.members.values() if m.id not in before)
    relation = relation_text(changed, added, lang)
    say(t(lang, "group.added", name=added.name, group=changed.name, n=len(changed.members)))
    if relation:
        say(t(lang, "group.relation_accepted", relation=relation))
    _warn(warnings, lang)


@group.command()
@click.argument("group_ref", metavar="GROUP", shell_complete=complete_groups)
@click.argument("name")
@pass_settings
def remove(settings: Settings, group_ref: str, name: str) -> None:
    """Remove a member; the meetings they attended keep their name."""
    from intervision.engine import GroupError

    from .group_view import find_member

    engine, found, lang = _load(settings, group_ref)
    member = find_member(found, name)
    if member is None:
        raise GroupError(both("group.not_member", group=found.name, id=found.id))
    changed, warnings = groups_of(engine).remove_member(found.id, member.id)
    say(t(lang, "group.removed", name=member.name, group=changed.name, n=len(changed.members)))
    _warn(warnings, lang)


@group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@pass_settings
def list_(settings: Settings, as_json: bool) -> None:
    """List the groups in the store."""
    from .group_view import group_json
    from .methods_cmd import table

    engine = settings.open_engine()
    lang = settings.lang
    groups = groups_of(engine).all()
    held = {g.id: engine.journal.group_digest(g.id).meetings for g in groups}
    if as_json:
        data = [{**group_json(g), "meetings": held.get(g.id, 0)} for g in groups]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    if not groups:
        say(t(lang, "group.none"))
        return
    heads = tuple(t(lang, f"col.{c}") for c in ("id", "name", "members", "meetings", "guided"))
    rows = [
        (
            g.id,
            g.name,
            str(len(g.members)),
            str(held.get(g.id, 0)),
            g.guided_by or t(lang, "group.self_run_col"),
        )
        for g in groups
    ]
    click.echo(table([heads, *rows]))


@group.command()
@click.argument("group_ref", metavar="GROUP", shell_complete=complete_groups)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@pass_settings
def show(settings: Settings, group_ref: str, as_json: bool) -> None:
    """Members, contract, guide, the meetings held and who has been inbrenger."""
    from .group_view import fairness_lines, group_json, history_lines, history_of, member_line

    engine, found, lang = _load(settings, group_ref)
    history = history_of(engine, found)
    if as_json:
        click.echo(json.dumps(group_json(found, history), indent=2, ensure_ascii=False))
        return
    say(rule(f"{found.name} ({found.id})"))
    guide = (
        t(lang, "group.guided_by", name=found.guided_by)
        if found.guided_by
        else t(lang, "group.self_run_short")
    )
    say(f"{t(lang, 'group.language', code=found.lang)} · {guide}")
    say()
    say(t(lang, "group.members", n=len(found.members)))
    for member in found.members.values():
        say(wrap(member_line(member, lang), indent="  ", hanging="    "))
    say()
    say(_contract_text(found, lang))
    if found.feedback_round:
        say(t(lang, "group.feedback_on", group=found.name))
    say()
    say(t(lang, "group.history"))
    say("\n".join(history_lines(found, history, lang)))
    if found.members:
        say()
        say("\n".join(fairness_lines(found, history, lang)))


def _contract_text(found: GroupState, lang: Lang) -> str:
    from intervision.engine.groups import CONTRACT_TEXTS

    contract = found.contract
    consent = t(lang, "yes" if contract.consent_topics else "no")
    lines = [t(lang, "group.contract")]
    for key in CONTRACT_TEXTS:
        text = getattr(contract, key) or t(lang, "contract.not_agreed", option=_option(key))
        lines.append(wrap(t(lang, f"contract.{key}", text=text), indent="  ", hanging="    "))
    lines.append(wrap(t(lang, "contract.consent_topics", answer=consent), indent="  "))
    return "\n".join(lines)


def _option(key: str) -> str:
    return "--" + key.replace("_", "-")


@group.command()
@click.argument("group_ref", metavar="GROUP", shell_complete=complete_groups)
@click.option("--confidentiality", metavar="TEXT", help="The confidentiality agreement.")
@click.option("--attendance", metavar="TEXT", help="The agreements about attendance.")
@click.option("--material", metavar="TEXT", help="How case material is brought in.")
@click.option(
    "--working-time", metavar="TEXT", help="When and where: in working time, undisturbed."
)
@click.option(
    "--consent-topics/--no-consent-topics",
    default=None,
    help="Whether topics may go into accreditation reports.",
)
@click.option("--default", "reset", is_flag=True, help="Back to the default texts.")
@pass_settings
def contract(
    settings: Settings,
    group_ref: str,
    confidentiality: str | None,
    attendance: str | None,
    material: str | None,
    working_time: str | None,
    consent_topics: bool | None,
    reset: bool,
) -> None:
    """Show or change the group's contract, recalled at every opening: confidentiality,
    how case material is brought in, attendance, and meeting in working time."""
    engine, found, lang = _load(settings, group_ref)
    texts = {
        "confidentiality": confidentiality,
        "material": material,
        "attendance": attendance,
        "working_time": working_time,
    }
    if all(text is None for text in texts.values()) and consent_topics is None and not reset:
        say(_contract_text(found, lang))
        return
    from intervision.engine.groups import default_contract

    base = default_contract(found.lang) if reset else found.contract
    for key, text in texts.items():
        if text is not None and not text.strip():
            raise click.BadParameter(t(lang, "group.empty_text"), param_hint=_option(key))
    given: dict[str, str | bool] = {k: v.strip() for k, v in texts.items() if v is not None}
    if consent_topics is not None:
        given["consent_topics"] = consent_topics
    changed = groups_of(engine).set_contract(found.id, base.model_copy(update=given))
    say(t(lang, "group.contract_set", group=changed.name))
    say(_contract_text(changed, lang))


@group.command()
@click.argument("group_ref", metavar="GROUP", shell_complete=complete_groups)
@click.option("--by", "guide", metavar="NAME", help="The fixed external facilitator.")
@click.option("--self-run", is_flag=True, help="The members facilitate in turn.")
@pass_settings
def guided(settings: Settings, group_ref: str, guide: str | None, self_run: bool) -> None:
    """Show or set who facilitates: a fixed guide, or the members in turn."""
    engine, found, lang = _load(settings, group_ref)
    if guide is not None and self_run:
        raise click.UsageError(t(lang, "group.guided_one"))
    if guide is None and not self_run:
        say(
            t(lang, "group.guided_by", name=found.guided_by)
            if found.guided_by
            else t(lang, "group.self_run_short")
        )
        return
    if guide is not None and not guide.strip():
        raise click.BadParameter(t(lang, "group.need_name"), param_hint="--by")
    changed = groups_of(engine).set_guided(found.id, guide.strip() if guide else None)
    if changed.guided_by:
        say(t(lang, "group.guided_set", group=changed.name, name=changed.guided_by))
    else:
        say(t(lang, "group.self_run", group=changed.name))


@group.command()
@click.argument("group_ref", metavar="GROUP")
@click.option("--on", "--aan", "on", is_flag=True, help="Hold the feedback round.")
@click.option("--off", "--uit", "off", is_flag=True, help="Hold no feedback round.")
@pass_settings
def feedback(settings: Settings, group_ref: str, on: bool, off: bool) -> None:
    """Show or switch the feedback round: at every meeting's evaluation the members
    give each other feedback on how they asked questions and gave advice."""
    engine, found, lang = _load(settings, group_ref)
    if on and off:
        raise click.UsageError(t(lang, "group.feedback_one"))
    if on or off:
        found = groups_of(engine).set_feedback_round(found.id, on)
    say(
        t(
            lang,
            "group.feedback_on" if found.feedback_round else "group.feedback_off",
            group=found.name,
        )
    )


def _register_file_commands() -> None:
    from .group_file_cmd import export, import_

    group.add_command(import_)
    group.add_command(export)


_register_file_commands()
