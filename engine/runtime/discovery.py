"""Discovering the installed plugins and collecting what they register, each in isolation.

Every plugin, built-in or third-party, comes in through the ``intervision`` entry
point group. A plugin that fails to import, or that registers an invalid method,
is reported with its own and its distribution's name while every other method keeps
working; ``INTERVISION_STRICT_PLUGINS=1`` turns such a report into an error, for
plugin authors who want to fail fast.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

import pluggy

from intervision.engine import PluginError, PluginInfo, Registry

from .method_files import load_method_file, user_methods_dir
from .registration import (
    BUILTIN_DISTRIBUTION,
    BUILTIN_RULES,
    collect_kinds,
    collect_languages,
    collect_methods,
    collect_rule_kinds,
    describe_load_error,
    fail,
)

__all__ = ["ENTRY_POINT_GROUP", "load_registry"]

ENTRY_POINT_GROUP = "intervision"
STRICT_ENV = "INTERVISION_STRICT_PLUGINS"
#: A comma-separated allow-list of entry point names; set but empty loads none.
ALLOW_ENV = "INTERVISION_PLUGINS"


def load_registry(
    *,
    strict: bool | None = None,
    entry_points: bool = True,
    extra: Iterable[tuple[str, object]] = (),
    method_files: Iterable[str | os.PathLike[str]] = (),
    user_methods: bool = True,
    allow: Iterable[str] | None = None,
    builtin_only: bool = False,
) -> Registry:
    """Discover the installed plugins (and ``extra`` ones, for tests and hosts).

    TOML methods come from ``method_files`` and, with ``user_methods``, from the
    user's methods folder. ``strict`` defaults to ``INTERVISION_STRICT_PLUGINS``;
    ``allow`` (default: ``INTERVISION_PLUGINS``) names the only entry points to
    load, and ``builtin_only`` skips every plugin not shipped with intervision:
    the two ways to take a misbehaving plugin out of the picture.
    """
    if strict is None:
        strict = os.environ.get(STRICT_ENV, "").strip().lower() not in ("", "0", "false", "no")
    registry = Registry.empty()
    pm = registry.pm
    infos: dict[str, PluginInfo] = {}

    candidates: list[tuple[PluginInfo, Any]] = []
    allowed = _allowed(allow)
    # Each .name/.version reads and parses METADATA again: read them once, and
    # once per distribution (the entry points of one share its object).
    name_and_version = functools.cache(_name_and_version)
    found = [
        (PluginInfo(ep.name, *name_and_version(ep.dist)), ep)
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)
    ]
    # The built-in rule kinds first, whatever is asked: every meeting's frame and every
    # phase field rely on them, so no allow-list or test set-up can leave them out.
    # Then the built-in methods: a third-party plugin cannot take their ids.
    for info, ep in sorted(found, key=lambda f: _load_order(*f)):
        builtin = info.distribution == BUILTIN_DISTRIBUTION
        if builtin and ep.name == BUILTIN_RULES:
            candidates.append((info, ep))
        elif not entry_points or (builtin_only and not builtin):
            continue
        elif allowed is None or ep.name in allowed:
            candidates.append((info, ep))
    for name, plugin in extra:
        module = getattr(plugin, "__module__", None) or name
        candidates.append((PluginInfo(name, _distribution_of(module), "-"), plugin))

    for info, source in candidates:
        loaded = isinstance(source, metadata.EntryPoint)
        if not loaded and pm.is_registered(source):
            # The same object came in through its entry point (a test naming the
            # author's installed module): one plugin, known by its distribution.
            continue
        registry.plugins.append(info)
        other = infos.setdefault(info.name, info)
        try:
            plugin = source.load() if loaded else source
            problem = _registered_already(pm, plugin, info, other)
            if problem is not None:
                fail(info, problem, strict)
                continue
            pm.register(plugin, name=info.name)
        except Exception as exc:  # a broken plugin must not take the others down
            fail(info, describe_load_error(info, exc), strict, exc)
            continue
        for unknown in registry.unknown_hooks(plugin):
            fail(
                info,
                f"plugin {info.name!r} (distribution {info.distribution}) implements "
                f"{unknown!r}, which is not an intervision hook: is it misspelt? The hooks "
                "are listed in PLUGINS.md",
                strict,
            )

    collect_rule_kinds(registry, infos, strict)
    collect_kinds(registry, infos, strict)
    collect_languages(registry, infos, strict)
    collect_methods(registry, infos, strict)
    files = [Path(f) for f in method_files]
    if user_methods and user_methods_dir().is_dir():
        files = sorted(user_methods_dir().glob("*.toml")) + files
    for path in files:
        info = PluginInfo(f"file:{path.name}", str(path), "-")
        registry.plugins.append(info)
        try:
            registry.add_method(load_method_file(path), info)
        except PluginError as exc:
            fail(info, str(exc), strict, exc)
    return registry


def _load_order(info: PluginInfo, ep: metadata.EntryPoint) -> tuple[bool, bool, str]:
    builtin = info.distribution == BUILTIN_DISTRIBUTION
    return (not (builtin and ep.name == BUILTIN_RULES), not builtin, info.name)


def _allowed(allow: Iterable[str] | None) -> set[str] | None:
    if allow is not None:
        return set(allow)
    configured = os.environ.get(ALLOW_ENV)
    if configured is None:
        return None
    return {name.strip() for name in configured.split(",") if name.strip()}


def _registered_already(
    pm: pluggy.PluginManager, plugin: object, info: PluginInfo, other: PluginInfo
) -> str | None:
    """Why ``plugin`` cannot be registered as ``info.name`` (pluggy's own message would
    dump its whole plugin table), or None."""
    where = f"plugin {info.name!r} (distribution {info.distribution})"
    if other is not info:
        return (
            f"{where}: the name {info.name!r} is taken by the plugin of distribution "
            f"{other.distribution}; rename one of the two entry points (or extra plugins)"
        )
    name = pm.get_name(plugin)
    if name is not None:
        return (
            f"{where}: its module is already loaded as the plugin {name!r}; give each "
            "module one entry point"
        )
    return None


def _name_and_version(dist: metadata.Distribution | None) -> tuple[str, str]:
    if dist is None:
        return "?", "?"
    meta = dist.metadata
    return meta["Name"], meta["Version"]


def _distribution_of(module: str) -> str:
    dists = metadata.packages_distributions().get(module.split(".")[0], [])
    return dists[0] if dists else "(not installed)"
