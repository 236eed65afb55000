"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, a socket only.

The PostgreSQL tests never skip silently. They run against, in this order:

1. the server named by ``INTERVISION_TEST_POSTGRES_URL`` (its user must be allowed
   to create databases);
2. a cluster this module starts from the PostgreSQL server binaries (Debian's
   ``postgresql`` package; ``.ci/run`` installs it when it is missing), listening
   on a Unix socket in its own folder only, stopped and deleted at the end;
3. nothing, only when ``INTERVISION_SKIP_POSTGRES=1`` says so: the tests are then
   skipped with that reason, and the run's summary says so too.

Without any of them the tests fail with a message saying what to install.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = ["SKIP_ENV", "URL_ENV", "Cluster", "NoPostgres", "find_bindir", "new_database"]

URL_ENV = "INTERVISION_TEST_POSTGRES_URL"
SKIP_ENV = "INTERVISION_SKIP_POSTGRES"

_PORT = 5432  # the socket lives in a private folder, so the port cannot collide
#: initdb refuses root: the server runs as the first of these that exists.
_UNPRIVILEGED_USERS = ("postgres", "nobody")


class NoPostgres(RuntimeError):
    """No server to test against, and no switch that says to skip."""


def find_bindir() -> Path | None:
    """The folder with ``initdb`` and ``pg_ctl``: on PATH, else Debian's newest."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).resolve().parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    return Path(candidates[-1]).parent if candidates else None


class Cluster:
    """A PostgreSQL cluster of our own, for one test session."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self._as_user, self._owner = _unprivileged()
        self.folder = Path(tempfile.mkdtemp(prefix="intervision-pg-", dir=_base(self._owner)))
        self.data = self.folder / "data"
        if self._owner is not None:
            os.chown(self.folder, self._owner.pw_uid, self._owner.pw_gid)
        self.folder.chmod(0o700)

    def start(self) -> str:
        """Create and start the cluster; return the URL of its ``postgres`` database."""
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "--auth=trust",
            "--username=postgres",
            "--encoding=UTF8",
            "--no-sync",  # a throwaway cluster: durability of its files does not matter
        )
        options = (
            f"-c listen_addresses='' -c unix_socket_directories={self.folder} "
            f"-c port={_PORT} -c fsync=off -c max_connections=200"
        )
        self._options = options
        self.resume()
        return self.url("postgres")

    def halt(self) -> None:
        """Stop the server as an outage would (its clients cut off), keeping its data."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        """Start the server (again) on the same data."""
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            self._options,
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )

    def url(self, database: str) -> str:
        return f"postgresql:///{database}?host={self.folder}&port={_PORT}&user=postgres"

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def log_tail(self) -> str:
        try:
            return (self.folder / "server.log").read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def _run(self, program: str, *args: str) -> None:
        result = subprocess.run(
            [str(self.bindir / program), *args],
            capture_output=True,
            text=True,
            preexec_fn=self._as_user,
            cwd=self.folder,
            check=False,
        )
        if result.returncode != 0:
            raise NoPostgres(
                f"{program} failed with exit code {result.returncode}:\n"
                f"{result.stdout}{result.stderr}{self.log_tail()}"
            )


def _base(owner: pwd.struct_passwd | None) -> str | None:
    """Where the cluster's folder goes: the temporary folder, when the server's user
    can reach it.

    As root the server runs as another user, who must pass through every folder
    above its own; a ``TMPDIR`` inside a private (0700) folder stops it there. Then
    the first of the system's shared temporary folders (or the user's home) that it
    can reach is used instead.
    """
    default = tempfile.gettempdir()
    if owner is None:
        return None
    for candidate in (default, "/tmp", "/var/tmp", owner.pw_dir):
        if os.path.isdir(candidate) and _reachable(Path(candidate), owner):
            return candidate
    raise NoPostgres(
        f"the server's user {owner.pw_name!r} cannot reach {default} or any shared "
        "temporary folder; set TMPDIR to a folder every user can pass through"
    )


def _reachable(folder: Path, owner: pwd.struct_passwd) -> bool:
    """Whether ``owner`` may pass through every folder down to ``folder`` (and write
    in it, or own it: the cluster's folder is made there and handed over)."""
    folder = folder.resolve()
    for part in (*reversed(folder.parents), folder):
        info = part.stat()
        if info.st_uid == owner.pw_uid:
            bits = stat.S_IXUSR
        elif info.st_gid == owner.pw_gid:
            bits = stat.S_IXGRP
        else:
            bits = stat.S_IXOTH
        if not info.st_mode & bits:
            return False
    return True


def _unprivileged() -> tuple[Callable[[], None] | None, pwd.struct_passwd | None]:
    """As root, run the server as the ``postgres`` user Debian's package creates."""
    if os.geteuid() != 0:
        return None, None
    owner = None
    for name in _UNPRIVILEGED_USERS:
        try:
            owner = pwd.getpwnam(name)
            break
        except KeyError:
            continue
    if owner is None:
        raise NoPostgres(
            "the tests run as root, and initdb refuses root; there is no 'postgres' or "
            "'nobody' user to run the server as"
        )

    def drop() -> None:
        os.setgid(owner.pw_gid)
        os.setgroups([])
        os.setuid(owner.pw_uid)

    return drop, owner


def new_database(admin_url: str) -> str:
    """A fresh, empty database on the server; returns its URL."""
    import psycopg

    name = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    return _with_database(admin_url, name)


def _with_database(url: str, database: str) -> str:
    from urllib.parse import urlsplit

    # Not urlunsplit: with an empty host it drops the "//" and the URL becomes a path.
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/{database}?{parts.query}"
