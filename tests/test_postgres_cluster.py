"""The tests' throwaway PostgreSQL server starts wherever the tests run."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import postgres_cluster
import pytest


@pytest.mark.skipif(os.geteuid() != 0, reason="only root hands the server to another user")
def test_root_with_a_private_temporary_folder_still_gets_a_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root with TMPDIR inside a 0700 folder, the postgres user could not reach its
    own data folder: initdb failed with "Permission denied"."""
    private = tmp_path / "private"
    (private / "tmp").mkdir(parents=True)
    private.chmod(0o700)
    monkeypatch.setenv("TMPDIR", str(private / "tmp"))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    bindir = postgres_cluster.find_bindir()
    assert bindir is not None, "the PostgreSQL server programs are not installed"
    cluster = postgres_cluster.Cluster(bindir)
    try:
        url = cluster.start()
        import psycopg

        with psycopg.connect(url) as db:
            assert db.execute("SELECT 1").fetchone() == (1,)
    finally:
        cluster.stop()
    assert not cluster.folder.exists()
