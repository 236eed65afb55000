"""A cache of what ``intervision methods`` lists, so that listing need not load every plugin.

Why: the listing is built by importing every plugin and validating every method with
pydantic, which costs about as much again as starting Python with those libraries;
yet it only changes when something it is built from changes. So the listing of a
clean load (no plugin and no method file reported a problem) is kept in the user's
cache folder with a fingerprint of everything it was built from, and a run that finds
the same fingerprint prints it without importing pydantic, the engine or any plugin.

The fingerprint is meant to never let a stale listing through. Found at every run:

- the interpreter (version, executable, prefix, ``sys.path``), the variables the
  registry and pydantic read (``INTERVISION_PLUGINS``, ``INTERVISION_STRICT_PLUGINS``,
  ``PYDANTIC_DISABLE_PLUGINS``), ``--builtin-only`` and every ``--method-file``;
- every entry point of the ``intervision`` and ``pydantic`` groups (name, value, the
  distribution's metadata folder, and the stat of every file in that folder):
  installing, upgrading or removing a plugin changes it;
- the user's methods folder and every TOML file in it.

Recorded when the cache is written, and checked at every run: the stat of every module
file the full load had imported (intervision's own, the plugins', pydantic's), of the
folders that hold them and of the ``sys.path`` entries (a module added in front of
another), and of every file under each plugin's package (editable installs, data files).

A stat is size, mtime, ctime and inode. A file changed within ``SETTLE_NS`` of the
load is not trusted (its mtime may not have ticked yet when it changes again), so
nothing is written then. A load that reported a problem is never cached: its warnings
come from the full path, on every run. Any trouble with the cache itself (missing,
corrupt, unreadable, unwritable) means the full path, silently. The file holds method
ids, titles and numbers, no case content; it is written whole (a rename) and readable
by its owner only.
"""

from __future__ import annotations

import json
import os
import sys
import time
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intervision.engine import Registry

__all__ = ["CACHE_DIR_ENV", "SETTLE_NS", "Summary", "Watch", "cache_path", "start"]

#: The folder of the cache (default: ``intervision`` in the user's cache folder).
CACHE_DIR_ENV = "INTERVISION_CACHE_DIR"
#: Bumped whenever what the file holds changes meaning.
FORMAT = 1
#: A file whose mtime is this close to the load may change again without its mtime
#: moving (file systems keep time in coarse ticks): such a load is not cached.
SETTLE_NS = 2_000_000_000

_GROUPS = ("intervision", "pydantic")
_ENV = ("INTERVISION_PLUGINS", "INTERVISION_STRICT_PLUGINS", "PYDANTIC_DISABLE_PLUGINS")
_SUMMARY_TYPES: dict[str, type] = {
    "id": str,
    "version": str,
    "title": dict,
    "minutes": int,
    "group_min": int,
    "group_max": int,
    "variants": list,
    "plugin": str,
    "distribution": str,
}

#: One listed method as ``intervision methods --json`` prints it.
Summary = dict[str, Any]
#: A path and its stat (``None``: it did not exist).
_Stat = list[int] | None


def cache_path() -> Path:
    """One file per interpreter: two environments do not overwrite each other's listing."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        folder = Path(configured)
    else:
        import platformdirs

        folder = platformdirs.user_cache_path("intervision")
    tag = zlib.crc32(f"{sys.executable}\0{sys.prefix}".encode())
    return folder / f"methods-{tag:08x}.json"


def start(builtin_only: bool, method_files: Iterable[str]) -> Watch:
    """Note the time and what the listing depends on, before anything is loaded."""
    started = time.time_ns()
    try:
        key = _key(builtin_only, method_files)
    except (OSError, ValueError, TypeError):
        key = None
    return Watch(key, started)


class Watch:
    """What a listing depends on, taken before the full load reads any of it.

    Taken before, not after: an input that changes while the plugins load must
    make the written fingerprint differ from the next run's, never match it.
    """

    __slots__ = ("_key", "_started")

    def __init__(self, key: dict[str, Any] | None, started: int) -> None:
        self._key = key
        self._started = started

    def cached(self) -> list[Summary] | None:
        """The cached listing if nothing it was built from has changed, else ``None``."""
        if self._key is None:
            return None
        try:
            with open(cache_path(), encoding="utf-8") as file:
                data = json.load(file)
            if not isinstance(data, dict) or data.get("key") != self._key:
                return None
            recorded = data.get("files")
            if not isinstance(recorded, list) or not _unchanged(recorded):
                return None
            return _summaries(data.get("methods"))
        except (OSError, ValueError, TypeError):
            return None

    def write(self, registry: Registry, summaries: list[Summary]) -> None:
        """Keep the listing, unless the load reported a problem or an input is too fresh."""
        if self._key is None or not _clean(registry, self._key):
            return
        try:
            files = [(path, _stat(path)) for path in sorted(_sources(self._key))]
            limit = self._started - SETTLE_NS
            stats = [*(stat for _, stat in files), *_key_stats(self._key)]
            if any(stat is not None and stat[0] >= limit for stat in stats):
                return
            text = json.dumps({"key": self._key, "files": files, "methods": summaries})
            _write_private(cache_path(), text)
        except (OSError, ValueError):
            return


def _stat(path: str) -> _Stat:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino]


def _key(builtin_only: bool, method_files: Iterable[str]) -> dict[str, Any] | None:
    """What the listing depends on that can be found without loading anything."""
    from importlib import metadata

    from intervision.engine import user_methods_dir

    every = metadata.entry_points()
    points: list[list[str]] = []
    folders: set[str] = set()
    for group in _GROUPS:
        for ep in every.select(group=group):
            folder = getattr(ep.dist, "_path", None)
            if folder is None:  # not a metadata folder on disk: nothing to stat
                return None
            points.append([group, ep.name, ep.value, str(folder)])
            folders.add(str(folder))
    user_dir = user_methods_dir()
    user = (
        [[str(p), os.path.abspath(p), _stat(str(p))] for p in sorted(user_dir.glob("*.toml"))]
        if user_dir.is_dir()
        else None
    )
    return {
        "format": FORMAT,
        "python": [sys.version, sys.executable, sys.prefix, list(sys.path)],
        "env": [os.environ.get(name) for name in _ENV],
        "builtin_only": builtin_only,
        "entry_points": points,
        "metadata": {folder: _folder(folder) for folder in sorted(folders)},
        "user_methods": [str(user_dir), user],
        "method_files": [[f, os.path.abspath(f), _stat(f)] for f in method_files],
    }


def _folder(folder: str) -> list[Any]:
    """A distribution's metadata folder: its own stat and each file's."""
    with os.scandir(folder) as entries:
        names = sorted(entry.name for entry in entries)
    return [_stat(folder), [[name, _stat(os.path.join(folder, name))] for name in names]]


def _key_stats(key: dict[str, Any]) -> Iterator[list[int]]:
    """The stats inside the key, for the check that none is too fresh."""
    for own, files in key["metadata"].values():
        yield from (stat for stat in [own, *(s for _, s in files)] if stat is not None)
    user = key["user_methods"][1]
    for *_, stat in [*(user or []), *key["method_files"]]:
        if stat is not None:
            yield stat


def _unchanged(recorded: list[Any]) -> bool:
    return all(isinstance(path, str) and _stat(path) == stat for path, stat in recorded)


def _clean(registry: Registry, key: dict[str, Any]) -> bool:
    """Every plugin loaded without a problem, and every plugin is one the key knows.

    A plugin the key does not know (a host's or a test's ``extra``) would make the
    fingerprint blind to it.
    """
    known = {name for group, name, *_ in key["entry_points"] if group == "intervision"}
    return all(
        info.ok and (info.name in known or info.name.startswith("file:"))
        for info in registry.plugins
    )


def _sources(key: dict[str, Any]) -> set[str]:
    """Every file and folder whose change could change the listing, after the full load."""
    paths: set[str] = {entry for entry in sys.path if entry}
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if isinstance(file, str):
            paths.add(file)
            paths.add(os.path.dirname(file))
    for root in _plugin_roots(key):
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
            paths.add(folder)
            paths.update(os.path.join(folder, name) for name in files)
    return paths


def _plugin_roots(key: dict[str, Any]) -> set[str]:
    """The folder of each loaded plugin's outermost regular package.

    ``intervision.plugins.incident`` gives the folder of ``intervision.plugins`` (the
    namespace ``intervision`` has no folder of its own); a plugin that is a lone
    top-level module has no package folder, and its file is among the modules.
    """
    roots: set[str] = set()
    for group, _name, value, _folder in key["entry_points"]:
        if group != "intervision":
            continue
        parts = value.split(":")[0].strip().split(".")
        for depth in range(1, len(parts) + 1):
            module = sys.modules.get(".".join(parts[:depth]))
            if module is None:
                break
            if getattr(module, "__file__", None) and hasattr(module, "__path__"):
                roots.update(str(p) for p in module.__path__)
                break
    return roots


def _summaries(data: object) -> list[Summary] | None:
    """The listing as written, or ``None`` if any entry is not what :meth:`Watch.write` writes."""
    if not isinstance(data, list):
        return None
    for entry in data:
        if not isinstance(entry, dict) or set(entry) != set(_SUMMARY_TYPES):
            return None
        if any(not isinstance(entry[name], kind) for name, kind in _SUMMARY_TYPES.items()):
            return None
        title = entry["title"]
        if set(title) != {"nl", "en"} or not all(isinstance(v, str) for v in title.values()):
            return None
        if not all(isinstance(v, str) for v in entry["variants"]):
            return None
    return data


def _write_private(path: Path, text: str) -> None:
    """Written under a temporary name (owner only from the first byte), then renamed."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with open(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
