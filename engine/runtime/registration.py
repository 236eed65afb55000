"""What each registration hook gives, collected one plugin at a time.

A plugin's rule kinds, contribution kinds, languages and methods come in here: each
answer is checked and added to the registry on its own, so a plugin that raises, or
answers something invalid, is reported by name and distribution (or, in strict mode,
raises) while the other plugins keep what they registered. The order is fixed: rule
kinds, contribution kinds and languages first, so that any plugin's method may use
any plugin's kinds, and be translated by any plugin's pack.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

import pluggy
from pydantic import ValidationError

from intervision.engine import (
    LANGS,
    LanguagePack,
    MethodSpec,
    PluginError,
    PluginInfo,
    Refusal,
    Registry,
    RuleContext,
    RuleKind,
    SpecError,
    Text,
    get_logger,
)

__all__: list[str] = []

log = get_logger("intervision.registry")

BUILTIN_DISTRIBUTION = "intervision"
#: The entry point of the built-in rule kinds (``intervision.plugins.rules``).
BUILTIN_RULES = "builtin-rules"


def describe_load_error(info: PluginInfo, exc: Exception) -> str:
    where = f"plugin {info.name!r} (distribution {info.distribution} {info.version})"
    if isinstance(exc, ValidationError):
        return f"{where}: invalid method spec: {_fields(exc)}; fix the spec in the plugin"
    if isinstance(exc, pluggy.PluginValidationError):
        return f"{where}: {exc}; check the hook names and arguments in PLUGINS.md"
    return (
        f"{where} failed to load: {type(exc).__name__}: {exc}; "
        f"reinstall or fix {info.distribution}, or uninstall it"
    )


def _fields(exc: ValidationError) -> str:
    return "; ".join(
        f"field {'.'.join(str(p) for p in err['loc']) or '(root)'}: {err['msg']}"
        for err in exc.errors()
    )


def fail(info: PluginInfo, message: str, strict: bool, exc: Exception | None = None) -> None:
    info.errors.append(message)
    if strict:
        if isinstance(exc, PluginError):
            raise exc
        raise PluginError(message, plugin=info.name, distribution=info.distribution) from exc


def _impls(registry: Registry, hook_name: str) -> list[Any]:
    return list(getattr(registry.pm.hook, hook_name).get_hookimpls())


def collect_rule_kinds(registry: Registry, infos: Mapping[str, PluginInfo], strict: bool) -> None:
    for impl in _impls(registry, "intervision_rule_kinds"):
        info = infos.get(impl.plugin_name)
        try:
            kinds = impl.function()
        except Exception as exc:
            if info is None:
                raise
            fail(info, f"plugin {info.name!r}: intervision_rule_kinds raised {exc!r}", strict)
            continue
        for kind in kinds or ():
            if kind.id in registry.rule_kinds and info is not None:
                fail(info, f"plugin {info.name!r}: rule kind {kind.id!r} already exists", strict)
                continue
            # The engine's own kinds are trusted as its code is: no guard on every check.
            if info is None or (
                info.distribution == BUILTIN_DISTRIBUTION and info.name == BUILTIN_RULES
            ):
                registry.rule_kinds[kind.id] = kind
            else:
                registry.rule_kinds[kind.id] = _guarded(kind, info)


def _guarded(kind: RuleKind, info: PluginInfo) -> RuleKind:
    """A plugin's rule kind whose failure refuses the command instead of crashing it.

    A check that raises (or answers something that is not a refusal) cannot say
    whether the command is allowed, so the command is refused, naming the plugin
    and the rule kind, and nothing is written. The log gets the error's type, not
    its message: a check reads the command's text, and its message may quote it.
    """
    check = kind.check
    plugin, distribution = info.name, info.distribution

    def guarded_check(ctx: RuleContext) -> Refusal | None:
        try:
            answer = check(ctx)
        except Exception as exc:
            error = type(exc).__name__
            what = Text(nl=f"liep vast ({error})", en=f"failed ({error})")
        else:
            if answer is None or isinstance(answer, Refusal):
                return answer
            error = f"answered {type(answer).__name__}"
            what = Text(
                nl=f"gaf een {type(answer).__name__} terug in plaats van een weigering",
                en=f"answered a {type(answer).__name__} instead of a refusal",
            )
        log.error(
            "rule_failed",
            rule=kind.id,
            plugin=plugin,
            distribution=distribution,
            meeting_id=ctx.state.meeting_id,
            error=error,
        )
        return Refusal(
            kind.id,
            Text(
                nl=f"De regel '{kind.id}' van plugin '{plugin}' ({distribution}) {what.nl}, "
                "dus kan niet worden nagegaan of dit mag. Er is niets vastgelegd. Probeer "
                "het opnieuw; gebeurt het weer, meld het dan bij de maker van de plugin.",
                en=f"The rule '{kind.id}' of plugin '{plugin}' ({distribution}) {what.en}, "
                "so whether this is allowed cannot be checked. Nothing was recorded. Try "
                "again; if it happens again, tell the plugin's author.",
            ),
        )

    return dataclasses.replace(kind, check=guarded_check)


def collect_methods(registry: Registry, infos: Mapping[str, PluginInfo], strict: bool) -> None:
    # pluggy lists implementations in registration order (and calls them in reverse);
    # collect in registration order so the first plugin to register an id keeps it.
    for impl in _impls(registry, "intervision_methods"):
        info = infos[impl.plugin_name]
        try:
            specs = impl.function()
        except Exception as exc:
            fail(info, describe_load_error(info, exc), strict, exc)
            continue
        for raw in specs or ():
            try:
                spec = raw if isinstance(raw, MethodSpec) else MethodSpec.model_validate(raw)
                registry.add_method(spec, info)
            except ValidationError as exc:
                method_id = raw.get("id", "?") if isinstance(raw, Mapping) else "?"
                message = (
                    f"plugin {info.name!r} (distribution {info.distribution}): method "
                    f"{method_id!r} is invalid: {_fields(exc)}"
                )
                error = SpecError(message, plugin=info.name, distribution=info.distribution)
                fail(info, message, strict, error)
            except PluginError as exc:
                fail(info, str(exc), strict, exc)


def collect_languages(registry: Registry, infos: Mapping[str, PluginInfo], strict: bool) -> None:
    """The languages plugins add, installed for every text to render in. Several packs
    may add one language (one for the engine, one with a method's own words): their
    texts are merged, the first pack's translation of a text kept."""
    for impl in _impls(registry, "intervision_languages"):
        info = infos[impl.plugin_name]
        where = f"plugin {info.name!r} (distribution {info.distribution})"
        try:
            packs = impl.function()
        except Exception as exc:
            message = f"{where}: intervision_languages raised {type(exc).__name__}: {exc}"
            fail(info, message, strict, exc)
            continue
        for pack in packs or ():
            problem = _pack_problem(pack)
            if problem is not None:
                fail(info, f"{where}: language pack: {problem}", strict)
                continue
            registry.add_language(pack)
            if pack.code not in info.languages:
                info.languages.append(pack.code)


def _pack_problem(pack: object) -> str | None:
    if not isinstance(pack, LanguagePack):
        return f"intervision_languages returns LanguagePack records, not {type(pack).__name__}"
    if not isinstance(pack.code, str) or not _LANGUAGE_CODE.match(pack.code):
        return f"{pack.code!r} is not a language code: two or three lower-case letters (de, fr)"
    if pack.code in LANGS:
        return f"{pack.code!r} is written in every text already; a pack adds another language"
    texts = pack.texts
    if not isinstance(texts, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in texts.items()
    ):
        return f"{pack.code}: texts maps each English text to its (non-empty) translation"
    return None


_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def collect_kinds(registry: Registry, infos: Mapping[str, PluginInfo], strict: bool) -> None:
    """The contribution kinds plugins declare, into the registry's glossary, one by one:
    a kind whose id, name or shortcut another plugin's kind has is reported naming both."""
    for impl in _impls(registry, "intervision_contribution_kinds"):
        info = infos[impl.plugin_name]
        try:
            terms = impl.function()
        except Exception as exc:
            fail(
                info,
                f"plugin {info.name!r} (distribution {info.distribution}): "
                f"intervision_contribution_kinds raised {type(exc).__name__}: {exc}",
                strict,
                exc,
            )
            continue
        for term in terms or ():
            try:
                registry.add_kind(term, info)
            except PluginError as exc:
                fail(info, str(exc), strict, exc)
