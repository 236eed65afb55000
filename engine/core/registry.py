"""What the plugins registered: methods by id and version, rule kinds, kinds, languages.

The registry is data with lookups; it reads nothing. Finding the installed plugins
and collecting what each registers, in isolation, is the runtime's
(``load_registry``); a test or a host may fill an empty registry itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pluggy

from . import hookspecs
from .errors import DuplicateMethodError, PluginError, SpecError, UnknownMethodError
from .glossary import GLOSSARY, Glossary, Term, TermClash
from .logs import get_logger
from .phases import _ID, PhaseSpec
from .rules import RuleKind
from .specs import FRAME_ROLES, MethodSpec
from .text import LANGS, LanguagePack, Text, install_language

__all__ = ["PluginInfo", "Registry"]

log = get_logger("intervision.registry")


@dataclass
class PluginInfo:
    """One plugin as `intervision plugins` shows it."""

    name: str
    distribution: str
    version: str
    methods: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: The codes of the languages it adds.
    languages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class _ListedRules:
    method: MethodSpec | None
    phase: PhaseSpec | None
    kinds: tuple[tuple[RuleKind, Mapping[str, Any]], ...]


@dataclass
class Registry:
    """What the installed plugins registered: methods by id and version, rule kinds,
    and the glossary with every plugin's contribution kinds."""

    pm: pluggy.PluginManager
    plugins: list[PluginInfo] = field(default_factory=list)
    rule_kinds: dict[str, RuleKind] = field(default_factory=dict)
    #: The engine's glossary with the kinds plugins declare: what a screen, a rule's
    #: refusal and the prompt name a kind by.
    glossary: Glossary = GLOSSARY
    #: Who declared each plugin kind, to name both plugins in a clash.
    _kind_owners: dict[str, str] = field(default_factory=dict, repr=False)
    #: The languages plugins add, by code: each the packs' translations merged.
    languages: dict[str, LanguagePack] = field(default_factory=dict)
    _methods: dict[str, dict[str, MethodSpec]] = field(default_factory=dict)
    _owners: dict[str, PluginInfo] = field(default_factory=dict)
    _variants: dict[tuple[str, str, str], MethodSpec] = field(default_factory=dict)
    _always: dict[tuple[type, int], tuple[RuleKind, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _listed: dict[tuple[int, int, type, int], _ListedRules] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def empty(cls) -> Registry:
        """A registry with no plugin yet, whose plugin manager knows intervision's hooks."""
        pm = pluggy.PluginManager(hookspecs.PROJECT)
        pm.add_hookspecs(hookspecs)
        return cls(pm)

    def unknown_hooks(self, plugin: object) -> list[str]:
        """The hook implementations of ``plugin`` that match no hookspec (pluggy would
        only ignore them: a misspelt hook name)."""
        found = []
        for name in dir(plugin):
            if not name.startswith(hookspecs.PROJECT + "_"):
                continue
            if self.pm.parse_hookimpl_opts(plugin, name) is None:
                continue
            caller = getattr(self.pm.hook, name, None)
            if caller is None or caller.spec is None:
                found.append(name)
        return found

    @property
    def errors(self) -> list[tuple[PluginInfo, str]]:
        return [(info, error) for info in self.plugins for error in info.errors]

    def methods(self, *, modules: bool = False) -> list[MethodSpec]:
        """The newest version of every method, sorted by id; nested modules only on request."""
        specs = [self.method(method_id) for method_id in sorted(self._methods)]
        return [spec for spec in specs if modules or spec.kind == "method"]

    def method(
        self, method_id: str, version: str | None = None, variant: str | None = None
    ) -> MethodSpec:
        """A method by id (newest version unless pinned), in a variant if named.

        Raises :class:`UnknownMethodError` for an unknown id, version or variant.
        The same object comes back each time, so the compiled flow is found again.
        """
        spec = self._method(method_id, version)
        if variant is None:
            return spec
        key = (spec.id, spec.version, variant)
        if key not in self._variants:
            try:
                self._variants[key] = spec.variant(variant)
            except KeyError:
                known = ", ".join(v.id for v in spec.variants) or "-"
                raise UnknownMethodError(
                    Text(
                        nl=f"Methode {spec.id} heeft die variant niet (varianten: {known}); "
                        f"zie `intervision methods show {spec.id}`.",
                        en=f"Method {spec.id} has no such variant (variants: {known}); see "
                        f"`intervision methods show {spec.id}`.",
                    )
                ) from None
        return self._variants[key]

    def _method(self, method_id: str, version: str | None) -> MethodSpec:
        versions = self._methods.get(method_id)
        if not versions:
            known = ", ".join(m.id for m in self.methods()) or "none"
            raise UnknownMethodError(
                Text(
                    nl=f"Geen geïnstalleerde methode heeft dat id (geïnstalleerd: {known}); "
                    "zie `intervision methods`.",
                    en=f"No installed method has that id (installed: {known}); see "
                    "`intervision methods`.",
                )
            )
        if version is None:
            return versions[max(versions, key=_version_key)]
        if version not in versions:
            installed = ", ".join(sorted(versions, key=_version_key))
            raise UnknownMethodError(
                Text(
                    nl=f"Methode {method_id} versie {version} is niet geïnstalleerd "
                    f"(geïnstalleerd: {installed}); installeer de versie van de plugin "
                    "waarmee deze bijeenkomst begon.",
                    en=f"Method {method_id} version {version} is not installed (installed: "
                    f"{installed}); install the plugin version this meeting was started with.",
                )
            )
        return versions[version]

    def always_rule_kinds(self, command_type: type) -> tuple[RuleKind, ...]:
        """The always-on rule kinds that concern a command type, in checking order.

        Worked out once per command type (and again if kinds are added), not on every
        command: most kinds concern a few command types only.
        """
        key = (command_type, len(self.rule_kinds))
        kinds = self._always.get(key)
        if kinds is None:
            kinds = tuple(
                kind
                for kind in self.rule_kinds.values()
                if kind.always and kind.concerns(command_type)
            )
            self._always[key] = kinds
        return kinds

    def listed_rule_kinds(
        self, method: MethodSpec | None, phase: PhaseSpec | None, command_type: type
    ) -> tuple[tuple[RuleKind, Mapping[str, Any]], ...]:
        """The rules a method and its phase list that concern a command type, with
        their parameters: the method's first, then the phase's, in their order.

        Worked out once per phase and command type, like :meth:`always_rule_kinds`.
        The entry keeps the spec objects, so their ids are not reused while cached.
        """
        key = (id(method), id(phase), command_type, len(self.rule_kinds))
        listed = self._listed.get(key)
        if listed is None:
            refs = (*(method.rules if method else ()), *(phase.rules if phase else ()))
            kinds = tuple(
                (kind, ref.params)
                for ref in refs
                if (kind := self.rule_kinds[ref.kind]).concerns(command_type)
            )
            listed = self._listed[key] = _ListedRules(method, phase, kinds)
        return listed.kinds

    def implemented(self, hook: str) -> bool:
        """Whether any plugin implements ``hook``, so a caller can skip working out
        the arguments of a hook nobody listens to."""
        return bool(getattr(self.pm.hook, hook).get_hookimpls())

    def call_each(
        self,
        hook: str,
        args: Mapping[str, Any],
        *,
        failed: list[str] | None = None,
        in_call_order: bool = True,
        **log_fields: Any,
    ) -> Iterator[tuple[str, Any]]:
        """Each plugin's answer to ``hook``, asked one plugin at a time: (plugin, answer).

        A plugin that raises is logged as ``hook_failed`` with its name and the
        error's type (never the message: hooks see case content), appended to
        ``failed`` and skipped, so one plugin's bug costs only its own answer. With
        ``in_call_order`` the order is pluggy's own (last registered and ``tryfirst``
        first), else the order of registration. Stop iterating to ask no further.
        """
        impls = getattr(self.pm.hook, hook).get_hookimpls()
        for impl in reversed(impls) if in_call_order else impls:
            try:
                answer = impl.function(*(args[name] for name in impl.argnames))
            except Exception as exc:
                log.error(
                    "hook_failed",
                    hook=hook,
                    plugin=impl.plugin_name,
                    error=type(exc).__name__,
                    **log_fields,
                )
                if failed is not None:
                    failed.append(impl.plugin_name)
                continue
            yield impl.plugin_name, answer

    def held_roles(self) -> dict[str, Text]:
        """Every role a member can hold for a meeting (``start_meeting(roles=...)``),
        with its title: the glossary's roles of the day and every role an installed
        method declares, but not the frame's own (facilitator, inbrenger, participant)."""
        held = {role: term.name for role, term in GLOSSARY.roles.items() if role not in FRAME_ROLES}
        for versions in self._methods.values():
            for spec in versions.values():
                for role in spec.roles:
                    if role.id not in FRAME_ROLES:
                        held.setdefault(role.id, role.title)
        return held

    def owner(self, method_id: str) -> PluginInfo:
        return self._owners[method_id]

    def add_language(self, pack: LanguagePack) -> None:
        """Add a language pack's translations, merged with what earlier packs gave the
        language (theirs kept), and install them for every text to render in."""
        known = self.languages.get(pack.code)
        texts = {**pack.texts, **(known.texts if known else {})}
        name = known.name if known else pack.name
        self.languages[pack.code] = LanguagePack(pack.code, name, texts)
        install_language(pack.code, texts)

    def langs(self) -> tuple[str, ...]:
        """Every language a meeting, a group or the terminal may speak here."""
        return (*LANGS, *self.languages)

    def add_kind(self, term: Term, info: PluginInfo) -> None:
        """Add a plugin's contribution kind to the glossary; raises :class:`PluginError`
        for a kind that is not a ``Term`` with names and shortcuts, or whose id, a
        word or a shortcut another kind has (naming the kind and plugin that have it)."""
        where = f"plugin {info.name!r} (distribution {info.distribution}): contribution kind"
        if not isinstance(term, Term):
            raise PluginError(
                f"{where}: intervision_contribution_kinds returns Term records, not "
                f"{type(term).__name__}; see PLUGINS.md, Contribution kinds",
                plugin=info.name,
                distribution=info.distribution,
            )
        where = f"{where} {term.id!r}"
        problem = None
        if not isinstance(term.id, str) or not re.match(_ID, term.id):
            problem = "an id starts with a lower-case letter and has only a-z, 0-9, - and _"
        elif not isinstance(term.name, Text) or not isinstance(term.short, Text):
            problem = "give it a name and a shortcut (short) as Text(nl=..., en=...)"
        else:
            try:
                self.glossary = self.glossary.extended(kinds=[term])
            except TermClash as clash:
                owner = self._kind_owners.get(clash.taken_by, "intervision's own")
                problem = (
                    f"{str(clash).removeprefix('glossary: ')}; {clash.taken_by!r} is a kind of "
                    f"{owner}: choose another id, word or shortcut"
                )
        if problem is not None:
            raise PluginError(
                f"{where}: {problem}", plugin=info.name, distribution=info.distribution
            )
        self._kind_owners[term.id] = f"plugin {info.name!r} ({info.distribution})"

    def add_method(self, spec: MethodSpec, info: PluginInfo) -> None:
        kinds = self.glossary.kinds
        wrong = [(k, where) for k, where in spec.kinds_referenced().items() if k not in kinds]
        if wrong:
            raise SpecError(
                f"plugin {info.name!r} ({info.distribution}): method {spec.id!r}: "
                + "; ".join(f"{where}: unknown contribution kind {k!r}" for k, where in wrong)
                + f"; known kinds: {', '.join(kinds)} (a plugin adds kinds with "
                "intervision_contribution_kinds)",
                plugin=info.name,
                distribution=info.distribution,
            )
        unknown = sorted(spec.rule_kinds() - set(self.rule_kinds))
        if unknown:
            raise SpecError(
                f"plugin {info.name!r} ({info.distribution}): method {spec.id!r}: rules: "
                f"unknown rule kind(s) {', '.join(unknown)}; known: "
                f"{', '.join(sorted(self.rule_kinds))}",
                plugin=info.name,
                distribution=info.distribution,
            )
        owner = self._owners.get(spec.id)
        if owner is not None and owner is not info:
            raise DuplicateMethodError(
                f"method id {spec.id!r} is registered by two plugins: {owner.name!r} "
                f"({owner.distribution}) and {info.name!r} ({info.distribution}); "
                "rename one of them or uninstall one distribution",
                plugin=info.name,
                distribution=info.distribution,
            )
        self._owners[spec.id] = info
        self._methods.setdefault(spec.id, {})[spec.version] = spec
        if spec.id not in info.methods:
            info.methods.append(spec.id)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))
