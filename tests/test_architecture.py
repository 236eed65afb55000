"""The layout shows the architecture, and the imports keep to it.

- The minimal engine (``engine/core``: the state-machine contract) imports none of the
  parts built on it: the runtime (``engine/runtime``: the Engine, meetings, the
  capabilities query), ``storage``, ``groups``, ``series``, ``recommend``, ``reports``,
  ``authoring``. ``intervision.engine`` is the public face of the core and the runtime.
- The runtime imports the core's public names only, and no other part.
- The parts use the core's public names only, and each other's public names only.
- Everything around the engine (the CLI, ``testing/``, the plugins, the example host
  app) uses public names only: a name listed in a package's ``__all__``.
- No module imports another in a circle, not even for type checking.

The imports are read from the source with ``ast``, the way a reviewer reads them,
so an import inside a function or under ``TYPE_CHECKING`` counts too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import intervision.engine

ROOT = Path(__file__).resolve().parent.parent
#: Where each installed package lives in the checkout.
FOLDERS = {
    "intervision.engine": ROOT / "engine",
    "intervision.cli": ROOT / "cli",
    "intervision.plugins": ROOT / "plugins",
    "intervision.testing": ROOT / "testing",
    "intervision.contrib_methods": ROOT / "contrib_methods" / "methods",
    "host_app": ROOT / "examples" / "host_app",
}
PARTS = ("storage", "groups", "series", "recommend", "reports", "authoring")
#: What is built on the engine and must use public names only.
SURFACES = ("intervision.cli", "intervision.testing", "intervision.plugins", "host_app")


def _module_name(path: Path) -> str:
    for package, folder in FOLDERS.items():
        if folder in path.parents or path.parent == folder:
            rest = path.relative_to(folder).with_suffix("").parts
            if rest and rest[-1] == "__init__":
                rest = rest[:-1]
            return ".".join((package, *rest))
    raise AssertionError(f"{path} is in no known package")


def _sources() -> Iterator[tuple[str, Path]]:
    for folder in FOLDERS.values():
        for path in sorted(folder.rglob("*.py")):
            if "scaffold_template" in path.parts or "__pycache__" in path.parts:
                continue
            yield _module_name(path), path


MODULES = dict(_sources())


def _imports(module: str, path: Path) -> Iterator[tuple[int, str, list[str]]]:
    """(line, imported module, names taken from it) for every import in the file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            names = [alias.name for alias in node.names]
            # "from package import submodule" imports the submodule
            subs = [n for n in names if f"{base}.{n}" in MODULES]
            for sub in subs:
                yield node.lineno, f"{base}.{sub}", []
            rest = [n for n in names if n not in subs]
            if rest or not subs:
                yield node.lineno, base, rest


def _public(package: str) -> set[str]:
    path = MODULES.get(package)
    if path is None or path.name != "__init__.py":
        return set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return set(ast.literal_eval(node.value))
    return set()


def _owner(module: str) -> str:
    """The folder a module belongs to: the core, the runtime, a part, or a surface."""
    if module == "intervision.engine":
        return "face"
    if module.startswith("intervision.engine.core"):
        return "core"
    if module.startswith("intervision.engine.runtime"):
        return "runtime"
    for part in PARTS:
        if module.startswith(f"intervision.engine.{part}"):
            return part
    for surface in (*SURFACES, "intervision.contrib_methods"):
        if module.startswith(surface):
            return surface
    return module


def _private_uses(importer: str, imported: str, names: list[str]) -> list[str]:
    """What ``importer`` takes from ``imported`` that is not public to it."""
    if not imported.startswith("intervision.engine"):
        return []
    here, there = _owner(importer), _owner(imported)
    if here == there:
        return []  # a folder may use its own private modules
    public = _public(imported)
    if imported not in MODULES or (not public and MODULES[imported].name != "__init__.py"):
        return [f"{imported} (a private module)"]
    return [f"{imported}.{n}" for n in names if n not in public and n != "*"]


def test_the_core_imports_none_of_the_parts_built_on_it() -> None:
    found = [
        f"{module}:{line} imports {imported}"
        for module, path in MODULES.items()
        if _owner(module) == "core"
        for line, imported, _ in _imports(module, path)
        if imported.startswith("intervision.") and _owner(imported) != "core"
    ]
    assert found == []


#: What reads or writes files, the network, processes or threads, or the installed
#: distributions: the runtime's and the storage's business, never the core's.
IO_MODULES = (
    "os",
    "io",
    "pathlib",
    "shutil",
    "sqlite3",
    "socket",
    "subprocess",
    "threading",
    "asyncio",
    "importlib.metadata",
    "platformdirs",
    "tomllib",
    "psycopg",
)


def test_the_core_does_no_io_of_its_own() -> None:
    """The state-machine contract is pure: what it needs from the world (a journal, the
    installed plugins, a clock) is handed to it, so a host can run it anywhere."""
    found = [
        f"{module}:{line} imports {imported}"
        for module, path in MODULES.items()
        if _owner(module) == "core"
        for line, imported, _ in _imports(module, path)
        if any(imported == io or imported.startswith(f"{io}.") for io in IO_MODULES)
    ]
    assert found == []
    assert any(_owner(m) == "core" for m in MODULES)  # the walk saw the core


def test_the_runtime_is_built_on_the_core_public_names_and_no_part() -> None:
    found = [
        f"{module}:{line} imports {imported}"
        for module, path in MODULES.items()
        if _owner(module) == "runtime"
        for line, imported, _ in _imports(module, path)
        if imported.startswith("intervision.") and _owner(imported) not in ("runtime", "face")
    ]
    assert found == []


@pytest.mark.parametrize("owner", ["runtime", *PARTS, *SURFACES, "intervision.contrib_methods"])
def test_what_is_built_on_the_engine_uses_public_names_only(owner: str) -> None:
    found = [
        f"{module}:{line} uses {use}"
        for module, path in MODULES.items()
        if _owner(module) == owner
        for line, imported, names in _imports(module, path)
        for use in _private_uses(module, imported, names)
    ]
    assert found == []


def test_no_module_imports_another_in_a_circle() -> None:
    graph: dict[str, set[str]] = {
        module: {
            imported
            for _, imported, _ in _imports(module, path)
            if imported in MODULES and imported != module
        }
        for module, path in MODULES.items()
    }
    # A package's __init__ re-exports its modules: leaving it out of the walk keeps
    # "module -> its own package" from counting as a circle.
    packages = {m for m, p in MODULES.items() if p.name == "__init__.py"}
    circles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node] - packages):
            if state.get(nxt) == 1:
                circles.append([*trail[trail.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for module in sorted(set(graph) - packages):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_the_core_public_api_is_written_once_and_every_name_resolves() -> None:
    """Each name stands once in ``intervision.engine.__all__`` and comes from the core
    or runtime module that lists it in its own ``__all__`` (no second list to keep in step)."""
    import importlib

    names = intervision.engine.__all__
    assert len(names) == len(set(names)), "a public name is listed twice"
    core = [importlib.import_module(f"intervision.engine.{m}") for m in intervision.engine._MODULES]
    for name in names:
        homes = [m for m in core if name in m.__all__]
        assert homes, f"{name} is in no core or runtime module's __all__"
        assert getattr(intervision.engine, name) is getattr(homes[0], name)


@pytest.mark.parametrize("part", PARTS)
def test_each_part_has_a_documented_public_api(part: str) -> None:
    package = __import__(f"intervision.engine.{part}", fromlist=["__all__"])
    assert (package.__doc__ or "").strip(), f"intervision.engine.{part} has no docstring"
    assert package.__all__, f"intervision.engine.{part} has no public names"
    for name in package.__all__:
        assert hasattr(package, name), f"intervision.engine.{part}.{name} is listed, not there"
