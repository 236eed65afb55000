"""A store file private to its owner: 0600 for the file, its ``-wal`` and its ``-shm``.

What a group said in confidence must not stay readable by the group or by everyone
because a backup was restored, or another tool made the file. Tightened on open
(``chmod`` on the name, so no descriptor of the database file is ever opened
outside SQLite: closing one would drop SQLite's locks), or refused with the command
that fixes it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from intervision.engine import StoreError, Text, get_logger

__all__ = ["make_private"]

log = get_logger("intervision.storage")


def make_private(path: Path) -> None:
    """Tighten an existing store and its ``-wal`` and ``-shm`` to 0600, or refuse.

    A copy restored from a backup, or a file made by another tool, may be readable
    by the group or by everyone; what the group said must not stay so. ``chmod``
    works on the name, so no descriptor of the file is opened (see :mod:`.sqlite`).
    """
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            mode = stat.S_IMODE(file.stat().st_mode)
        except (FileNotFoundError, NotADirectoryError):
            continue  # a new store; a path that cannot be one is named when it is made
        except OSError as exc:
            raise StoreError(
                Text(
                    nl=f"Kan de rechten van {file} niet lezen ({exc.strerror}); kijk het pad na.",
                    en=f"cannot read the permissions of {file} ({exc.strerror}); check the path",
                )
            ) from exc
        if not mode & 0o077:
            continue
        try:
            os.chmod(file, mode & 0o700)
        except OSError as exc:
            raise StoreError(
                Text(
                    nl=f"Anderen kunnen {file} lezen of schrijven (modus {mode:o}) en het kan "
                    f"niet privé gemaakt worden ({exc.strerror}); voer als eigenaar uit: "
                    f"chmod 600 {file}",
                    en=f"{file} is readable or writable by others (mode {mode:o}) and cannot "
                    f"be made private ({exc.strerror}); as its owner, run: chmod 600 {file}",
                )
            ) from exc
        log.info("store_made_private", file=file.name, mode=f"{mode:o}")
