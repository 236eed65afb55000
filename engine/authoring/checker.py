"""Every problem with a method at once, for its author: ``intervision check``.

The registry refuses a spec that contradicts itself, one error at a time, and the
conformance suite stops at the first failing assertion. A method author fixing a
draft wants the whole list in one go, each problem with the field it is in: that
is what :func:`check_method` collects. :func:`check_target` finds what to check
from what the author typed (an installed method, a TOML file, or the folder of a
plugin distribution that is not installed yet).
"""

from __future__ import annotations

import importlib
import re
import sys
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from intervision.engine import (
    END,
    FRAME_ROLES,
    MethodSpec,
    PhaseSpec,
    Registry,
    RuleRef,
    SpecError,
    Text,
    UnknownMethodError,
    load_method_file,
    load_registry,
    method_flow,
)
from intervision.engine.recommend import LEERVRAAG_KINDS

from .languages import check_language
from .problem import Problem

__all__ = ["Problem", "check_method", "check_target", "minutes_tolerance"]

#: Roles every phase must instruct; the frame gives every meeting these three.
INSTRUCTED_ROLES = ("facilitator", "inbrenger", "participant")

RegistryFactory = Callable[..., Registry]


def minutes_tolerance(minutes: int) -> float:
    """How far the phases may add up from ``fit.minutes``: 10%, but at least 5 minutes."""
    return max(minutes * 0.10, 5.0)


def check_method(spec: MethodSpec, registry: Registry) -> list[Problem]:
    """Every problem with ``spec`` and each of its variants, checked against ``registry``
    (which rule kinds and modules exist). An empty list: nothing to fix."""
    problems = _sources(spec.sources, spec.derived, "")
    problems += _rules(spec.rules, registry, "rules")
    problems += _fit_kinds(spec.fit.leervraag_kinds, "fit.")
    problems += _facilitator_case(spec)
    problems += _held_roles(spec)
    problems += _body(spec, registry, "")
    for index, variant in enumerate(spec.variants):
        at = f"variants[{index}] ({variant.id})."
        problems += _sources(variant.sources, True, at)
        if variant.rules is not None:
            problems += _rules(variant.rules, registry, f"{at}rules")
        if variant.fit is not None:
            problems += _fit_kinds(variant.fit.leervraag_kinds, f"{at}fit.")
        problems += _body(spec.variant(variant.id), registry, at)
    return problems


def _problem(where: str, en: str, nl: str) -> Problem:
    return Problem(where, en, nl)


def _sources(sources: tuple[str, ...], derived: bool, at: str) -> list[Problem]:
    problems = [
        _problem(
            f"{at}sources[{index}]",
            f"{source!r} is not an https:// address; cite where the method is published",
            f"{source!r} is geen https://-adres; verwijs naar waar de methode is gepubliceerd",
        )
        if not source.startswith("https://")
        else _problem(
            f"{at}sources[{index}]",
            f"{source!r} is a placeholder, not where the method is published; cite the real "
            "address, or remove sources and set derived = true for a method of your own",
            f"{source!r} is een voorbeeldadres, niet waar de methode is gepubliceerd; verwijs "
            "naar het echte adres, of laat sources weg en zet derived = true voor een "
            "eigen methode",
        )
        for index, source in enumerate(sources)
        if not source.startswith("https://") or _placeholder(source)
    ]
    if not sources and not derived:
        problems.append(
            _problem(
                f"{at}sources",
                "no sources: cite where the method is published, or mark it derived = true",
                "geen bronnen: verwijs naar waar de methode is gepubliceerd, "
                "of markeer haar als derived = true",
            )
        )
    return problems


#: Hosts that stand for an address, never one (RFC 2606), and the scaffold's own word.
_PLACEHOLDER_HOSTS = re.compile(
    r"^https://(?:[^/]*\.)?(?:example\.(?:org|com|net)|localhost|[^/]*\.(?:test|invalid|example))"
    r"(?:[:/]|$)",
    re.IGNORECASE,
)


_TODO = re.compile(r"(?<![a-z])todo(?![a-z])", re.IGNORECASE)


def _placeholder(source: str) -> bool:
    """An address that stands in for one: an example host, or a TODO left in it."""
    return bool(_PLACEHOLDER_HOSTS.match(source) or _TODO.search(source))


def _rules(rules: tuple[RuleRef, ...], registry: Registry, at: str) -> list[Problem]:
    known = ", ".join(sorted(registry.rule_kinds))
    return [
        _problem(
            f"{at}[{index}]",
            f"unknown rule kind {rule.kind!r}: no installed plugin registers it (known: {known})",
            f"onbekende regelsoort {rule.kind!r}: geen geïnstalleerde plugin registreert "
            f"hem (bekend: {known})",
        )
        for index, rule in enumerate(rules)
        if rule.kind not in registry.rule_kinds
    ]


def _facilitator_case(spec: MethodSpec) -> list[Problem]:
    """Whoever facilitates does not bring the case; a method that lets them says why."""
    where = "facilitator_may_bring_case"
    reason = spec.facilitator_may_bring_case
    if reason is None:
        if spec.rounds != "per_member":
            return []
        return [
            _problem(
                where,
                "the method runs once per member, so whoever facilitates becomes the "
                "inbrenger in their round, which the frame refuses: say why that is right "
                "here, in Dutch and English",
                "de methode loopt één keer per lid, dus wie begeleidt wordt in de eigen "
                "ronde inbrenger, wat het kader weigert: zeg hier waarom dat klopt, in het "
                "Nederlands en het Engels",
            )
        ]
    if reason.nl.strip().casefold() == reason.en.strip().casefold():
        return [
            _problem(
                where,
                "the Dutch and the English reason are the same: translate one of them",
                "de Nederlandse en de Engelse reden zijn gelijk: vertaal een van beide",
            )
        ]
    if any(rule.kind == "facilitator_not_inbrenger" for rule in spec.rules):
        return [
            _problem(
                where,
                "the method also lists the rule facilitator_not_inbrenger, which this "
                "allowance contradicts: drop one of them",
                "de methode noemt ook de regel facilitator_not_inbrenger, die hiermee in "
                "tegenspraak is: laat een van beide weg",
            )
        ]
    return []


#: The roles every meeting gives: the frame's.


def _held_roles(spec: MethodSpec) -> list[Problem]:
    """Every role a method declares must be one somebody can hold.

    A role beyond the frame's is held by a member present beside the facilitator and
    the inbrenger (as the roles of the day are), so the smallest group the method
    fits must leave one member for each role its phases give work; and in a method
    of rounds every member is the inbrenger in turn, so nobody can hold such a role
    throughout.
    """
    working: dict[str, str] = {}
    for variant in (None, *(v.id for v in spec.variants)):
        for phase in spec.variant(variant).phases:
            for role, field in phase.roles_referenced().items():
                if role not in FRAME_ROLES:
                    working.setdefault(role, f"{phase.id}.{field}")
    problems: list[Problem] = []
    roles = sorted(working)
    for index, role in enumerate(roles, start=1):
        where = f"roles ({role})"
        if spec.rounds == "per_member":
            problems.append(
                _problem(
                    where,
                    f"nobody can hold the role {role!r} ({working[role]}): every member is the "
                    "inbrenger in a round of this method, the holder too",
                    f"niemand kan de rol {role!r} houden ({working[role]}): ieder lid is in "
                    "een ronde van deze methode de inbrenger, wie de rol heeft ook",
                )
            )
        elif 2 + index > spec.fit.group_min:
            problems.append(
                _problem(
                    where,
                    f"in a group of {spec.fit.group_min} nobody is left to hold the role "
                    f"{role!r} ({working[role]}) beside the facilitator, the inbrenger and "
                    f"{', '.join(roles[: index - 1]) or 'no other role'}: raise fit.group_min",
                    f"in een groep van {spec.fit.group_min} blijft niemand over voor de rol "
                    f"{role!r} ({working[role]}) naast de begeleider, de inbrenger en "
                    f"{', '.join(roles[: index - 1]) or 'geen andere rol'}: verhoog "
                    "fit.group_min",
                )
            )
    return problems


def _fit_kinds(kinds: tuple[str, ...], at: str) -> list[Problem]:
    known = ", ".join(LEERVRAAG_KINDS)
    return [
        _problem(
            f"{at}leervraag_kinds[{index}]",
            f"unknown kind of leervraag {kind!r} (known: {known})",
            f"onbekende soort leervraag {kind!r} (bekend: {known})",
        )
        for index, kind in enumerate(kinds)
        if kind not in LEERVRAAG_KINDS
    ]


def _body(spec: MethodSpec, registry: Registry, at: str) -> list[Problem]:
    """The phases of the method as it runs (the method itself, or one variant)."""
    ids = [phase.id for phase in spec.phases]
    problems: list[Problem] = []
    for index, phase in enumerate(spec.phases):
        where = f"{at}phases[{index}] ({phase.id})"
        problems += _instructions(phase, where)
        problems += _rules(phase.rules, registry, f"{where}.rules")
        problems += _order(phase, index, ids, where)
        problems += _modules(phase, registry, where)
    problems += _reachable(spec, at)
    problems += _minutes(spec, at)
    return problems


def _instructions(phase: PhaseSpec, where: str) -> list[Problem]:
    problems = [
        _problem(
            f"{where}.instructions.{role}",
            f"no instructions for the {role}: say what they do in this phase",
            f"geen instructie voor de rol {role}: zeg wat die in deze fase doet",
        )
        for role in INSTRUCTED_ROLES
        if role not in phase.instructions
    ]
    problems += [
        _problem(
            f"{where}.instructions.{role}",
            "the Dutch and the English text are the same: translate one of them",
            "de Nederlandse en de Engelse tekst zijn gelijk: vertaal een van beide",
        )
        for role, text in phase.instructions.items()
        if text.nl.strip().casefold() == text.en.strip().casefold()
    ]
    return problems


def _order(phase: PhaseSpec, index: int, ids: list[str], where: str) -> list[Problem]:
    """Loops go back, hidden content is revealed later: the spec checks only that the
    phases exist, not that they lie on the right side."""
    problems = [
        _problem(
            f"{where}.loops[{number}] ({loop.id}).to",
            f"{loop.to!r} comes after this phase; a loop goes back to an earlier phase",
            f"{loop.to!r} komt na deze fase; een lus gaat terug naar een eerdere fase",
        )
        for number, loop in enumerate(phase.loops)
        if loop.to in ids and ids.index(loop.to) > index
    ]
    target = phase.hidden_until
    if target is not None and target in ids and ids.index(target) <= index:
        problems.append(
            _problem(
                f"{where}.hidden_until",
                f"{target!r} is not a later phase, so what is said here is never revealed",
                f"{target!r} is geen latere fase, dus wat hier gezegd wordt komt nooit vrij",
            )
        )
    return problems


def _modules(phase: PhaseSpec, registry: Registry, where: str) -> list[Problem]:
    if phase.nested is None:
        return []
    modules = {spec.id for spec in registry.methods(modules=True) if spec.kind == "module"}
    known = ", ".join(sorted(modules)) or "-"
    return [
        _problem(
            f"{where}.nested.choose_from[{index}]",
            f"no installed module has the id {module!r} (modules: {known})",
            f"geen geïnstalleerde werkvorm heeft het id {module!r} (werkvormen: {known})",
        )
        for index, module in enumerate(phase.nested.choose_from)
        if module not in modules
    ]


def _reachable(spec: MethodSpec, at: str) -> list[Problem]:
    flow = method_flow(spec)
    seen, todo = {flow.initial}, [flow.initial]
    while todo:
        here = todo.pop()
        for trigger in flow.triggers.get(here, ()):
            there = flow.destination(here, trigger)
            if there is not None and there not in seen:
                seen.add(there)
                todo.append(there)
    problems = [
        _problem(
            f"{at}phases[{index}] ({phase.id})",
            "cannot be reached from the first phase",
            "is vanaf de eerste fase niet te bereiken",
        )
        for index, phase in enumerate(spec.phases)
        if phase.id not in seen
    ]
    if END not in seen:
        problems.append(
            _problem(
                f"{at}phases",
                "the end of the method cannot be reached",
                "het einde van de methode is niet te bereiken",
            )
        )
    return problems


def _minutes(spec: MethodSpec, at: str) -> list[Problem]:
    total = sum(phase.minutes for phase in spec.phases)
    declared = spec.fit.minutes
    tolerance = minutes_tolerance(declared)
    if abs(total - declared) <= tolerance:
        return []
    round_en = " (one round, as this method runs per member)" if spec.rounds == "per_member" else ""
    round_nl = (
        " (één ronde, want deze methode loopt per lid)" if spec.rounds == "per_member" else ""
    )
    return [
        _problem(
            f"{at}fit.minutes",
            f"the phases add up to {total} minutes{round_en}, but fit.minutes says {declared}: "
            f"more than {tolerance:g} minutes apart; change the phases' minutes or fit.minutes",
            f"de fasen duren samen {total} minuten{round_nl}, maar fit.minutes zegt {declared}: "
            f"meer dan {tolerance:g} minuten verschil; pas de minuten van de fasen of "
            "fit.minutes aan",
        )
    ]


# -- what to check ------------------------------------------------------------


def check_target(
    target: str,
    registry_factory: RegistryFactory = load_registry,
    texts: Mapping[str, Iterable[str]] | None = None,
) -> list[Problem]:
    """Check an installed method or plugin (by id or name), an installed language (by
    its code: what it leaves in English), a TOML file, or a folder.

    A folder with a ``pyproject.toml`` is a plugin distribution: its ``intervision``
    entry points are imported from the folder, without installing it. A folder without
    one is checked as a folder of TOML methods. ``registry_factory`` takes
    :func:`load_registry`'s keyword arguments; ``texts`` adds the English texts a
    language must translate beyond the engine's and the methods' (the terminal's).
    Raises :class:`UnknownMethodError` when the target is none of these.
    """
    path = Path(target)
    if path.is_file() or (target.endswith(".toml") and not path.is_dir()):
        return _check_file(path, registry_factory)
    if path.is_dir() and (_looks_like_path(target) or (path / "pyproject.toml").is_file()):
        return _check_folder(path, registry_factory)
    registry = registry_factory(strict=False)
    if target in registry.languages:
        return check_language(target, registry, texts)
    infos = [info for info in registry.plugins if info.name == target]
    try:
        spec = registry.method(target)
    except UnknownMethodError:
        if path.is_dir():
            return _check_folder(path, registry_factory)
        if not infos:
            raise UnknownMethodError(
                Text(
                    nl="Dat is geen geïnstalleerde methode of plugin, en geen .toml-bestand of "
                    "map; zie `intervision methods` en `intervision plugins`.",
                    en="That is not an installed method or plugin, nor a .toml file or a "
                    "folder; see `intervision methods` and `intervision plugins`.",
                )
            ) from None
    else:
        infos = [registry.owner(spec.id)]
    return _check_plugins(registry, [info.name for info in infos], texts)


def _looks_like_path(target: str) -> bool:
    return "/" in target or "\\" in target or target.startswith(".")


def _rooted(root: str, problems: list[Problem]) -> list[Problem]:
    return [Problem(f"{root}:{p.where}" if p.where else root, p.message, p.nl) for p in problems]


def _check_plugins(
    registry: Registry, names: list[str], texts: Mapping[str, Iterable[str]] | None = None
) -> list[Problem]:
    """The load errors, the methods and the languages of the named plugins."""
    problems: list[Problem] = []
    for info in registry.plugins:
        if info.name not in names:
            continue
        problems += [Problem(f"plugin {info.name}", error) for error in info.errors]
        for method_id in info.methods:
            problems += _rooted(method_id, check_method(registry.method(method_id), registry))
        for code in info.languages:
            problems += check_language(code, registry, texts)
    return problems


def _check_file(path: Path, registry_factory: RegistryFactory) -> list[Problem]:
    try:
        spec = load_method_file(path)
    except SpecError as exc:
        return _file_fields(path) or [Problem(str(path), str(exc))]
    registry = registry_factory(strict=False)
    problems = check_method(spec, registry)
    try:
        owner = registry.owner(spec.id)
    except KeyError:
        pass
    else:
        if Path(owner.distribution).resolve() != path.resolve():
            problems.insert(
                0,
                _problem(
                    "id",
                    f"the id {spec.id!r} is taken by the plugin {owner.name!r} "
                    f"({owner.distribution}); give this method an id of its own",
                    f"het id {spec.id!r} is al van de plugin {owner.name!r} "
                    f"({owner.distribution}); geef deze methode een eigen id",
                ),
            )
    return _rooted(str(path), problems)


def _file_fields(path: Path) -> list[Problem]:
    """One problem per invalid field, where the file's TOML itself can be read."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        MethodSpec.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        # A phase that fails leaves ``phases`` one short; say only what is wrong in it.
        locs = [tuple(err["loc"]) for err in errors]
        return [
            Problem(f"{path}:{_loc(err['loc'])}", err["msg"])
            for err in errors
            if not any(
                len(other) > len(err["loc"]) and other[: len(err["loc"])] == err["loc"]
                for other in locs
            )
        ]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    return []


def _loc(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, str) and not part.isprintable():
            part = repr(part)  # a key with a newline in it must not break the line
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text or "(root)"


def _check_folder(folder: Path, registry_factory: RegistryFactory) -> list[Problem]:
    if (folder / "pyproject.toml").is_file():
        return _check_distribution(folder, registry_factory)
    files = sorted(folder.glob("*.toml"))
    if not files:
        return [
            _problem(
                str(folder),
                "no pyproject.toml (a plugin distribution) and no *.toml methods to check",
                "geen pyproject.toml (een plugin-distributie) en geen *.toml-methodes",
            )
        ]
    registry = registry_factory(strict=False, method_files=files, user_methods=False)
    return _check_plugins(registry, [f"file:{path.name}" for path in files])


def _check_distribution(folder: Path, registry_factory: RegistryFactory) -> list[Problem]:
    pyproject = folder / "pyproject.toml"
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return [Problem(str(pyproject), f"cannot be read as TOML: {exc}")]
    entry_points = data.get("project", {}).get("entry-points", {}).get("intervision", {})
    if not isinstance(entry_points, dict) or not entry_points:
        return [
            _problem(
                f"{pyproject}:project.entry-points.intervision",
                "no entry points: add [project.entry-points.intervision] with one line "
                'per plugin, NAME = "module" (see PLUGINS.md, Packaging and registering)',
                "geen entry points: voeg [project.entry-points.intervision] toe met een "
                'regel per plugin, NAAM = "module" (zie PLUGINS.md)',
            )
        ]
    problems: list[Problem] = []
    plugins: list[tuple[str, object]] = []
    with _imported_from(folder, [str(v) for v in entry_points.values()]):
        for name, value in entry_points.items():
            try:
                plugins.append((name, _load(str(value), folder)))
            except Exception as exc:  # the author's import error, reported as a problem
                problems.append(
                    _problem(
                        f"entry point {name} ({value})",
                        f"cannot be imported: {type(exc).__name__}: {exc}",
                        f"kan niet worden geïmporteerd: {type(exc).__name__}: {exc}",
                    )
                )
        registry = registry_factory(
            strict=False, entry_points=False, extra=plugins, user_methods=False
        )
        problems += _check_plugins(registry, [name for name, _ in plugins])
    return problems


def _load(value: str, folder: Path) -> Any:
    module_name, _, attribute = value.partition(":")
    obj: Any = importlib.import_module(module_name.strip())
    source = getattr(obj, "__file__", None)
    if source is not None and folder.resolve() not in Path(source).resolve().parents:
        raise ImportError(f"{module_name} was found in {source}, not in {folder}")
    for part in filter(None, attribute.strip().split(".")):
        obj = getattr(obj, part)
    return obj


@contextmanager
def _imported_from(folder: Path, values: list[str]) -> Iterator[None]:
    """Import the entry points' modules from ``folder`` (and its ``src/``), not from an
    installed copy; afterwards ``sys.path`` and ``sys.modules`` are as they were."""
    # The engine's own namespace is never re-imported: its classes must stay the same.
    tops = {value.partition(":")[0].strip().split(".")[0] for value in values} - {"intervision"}

    def ours(name: str) -> bool:
        return name.split(".")[0] in tops

    saved_path = list(sys.path)
    saved_modules = {name: module for name, module in sys.modules.items() if ours(name)}
    for name in saved_modules:
        del sys.modules[name]
    roots = [folder / "src", folder] if (folder / "src").is_dir() else [folder]
    sys.path[:0] = [str(root.resolve()) for root in roots]
    importlib.invalidate_caches()
    try:
        yield
    finally:
        sys.path[:] = saved_path
        for name in [name for name in sys.modules if ours(name)]:
            del sys.modules[name]
        sys.modules.update(saved_modules)
