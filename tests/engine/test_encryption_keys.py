"""Where the store's key comes from: a variable or a private file, never echoed in an error."""

from __future__ import annotations

import base64
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from intervision.engine.storage import EncryptionError, open_journal
from intervision.engine.storage.keys import (
    configured_key,
    key_id,
    new_key,
    parse_key,
    read_key_file,
    write_key_file,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def test_a_new_key_is_32_random_bytes_in_urlsafe_base64() -> None:
    one, two = new_key(), new_key()

    assert one != two and len(one) == 44
    assert len(base64.urlsafe_b64decode(one)) == 32


@pytest.mark.parametrize(
    "written",
    [
        lambda raw: base64.urlsafe_b64encode(raw).decode(),
        lambda raw: base64.b64encode(raw).decode(),
        lambda raw: base64.urlsafe_b64encode(raw).decode().rstrip("="),
        lambda raw: "  " + base64.b64encode(raw).decode() + "\n",
    ],
    ids=["urlsafe", "standard", "unpadded", "with-whitespace"],
)
def test_a_key_may_be_written_in_any_common_base64(written: Callable[[bytes], str]) -> None:
    raw = bytes(range(200, 232))

    assert parse_key(written(raw), "INTERVISION_KEY") == raw


@pytest.mark.parametrize(
    "text", ["hunter2", base64.b64encode(b"sixteen byte key").decode(), "ä" * 44, ""]
)
def test_what_is_not_a_key_is_refused_without_being_quoted(text: str) -> None:
    with pytest.raises(EncryptionError) as caught:
        parse_key(text, "INTERVISION_KEY")

    message = str(caught.value)
    assert message.startswith("INTERVISION_KEY does not hold a key: a key is 32 bytes")
    assert "intervision key new" in message
    assert not text or text not in message


def test_both_a_key_and_a_key_file_is_ambiguous(tmp_path: Path) -> None:
    with pytest.raises(EncryptionError, match="set only one of them"):
        configured_key({"INTERVISION_KEY": new_key(), "INTERVISION_KEY_FILE": str(tmp_path)})


def test_no_key_configured_means_no_encryption() -> None:
    assert configured_key({"INTERVISION_KEY": "  ", "INTERVISION_KEY_FILE": ""}) is None


@posix_only
def test_a_key_file_is_written_private_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config" / "intervision" / "key"  # folders made on the way

    fingerprint = write_key_file(path)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    key = read_key_file(path)
    assert key_id(key) == fingerprint
    with pytest.raises(EncryptionError, match="already exists"):
        write_key_file(path)
    assert read_key_file(path) == key


@posix_only
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_a_key_file_others_can_read_is_refused_as_ssh_does(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "intervision.key"
    write_key_file(path)
    path.chmod(mode)

    with pytest.raises(EncryptionError) as caught:
        configured_key({"INTERVISION_KEY_FILE": str(path)})

    message = str(caught.value)
    assert f"can be read by others (mode {mode:04o})" in message
    assert f"chmod 600 {path}" in message


def test_a_missing_key_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.key"

    with pytest.raises(EncryptionError, match=f"cannot read the key file {path}"):
        configured_key({"INTERVISION_KEY_FILE": str(path)})


@posix_only
def test_a_bad_key_file_leaves_no_new_store_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "intervision.key"
    write_key_file(path)
    path.chmod(0o644)
    monkeypatch.delenv("INTERVISION_KEY", raising=False)
    monkeypatch.setenv("INTERVISION_KEY_FILE", str(path))
    store = tmp_path / "store.sqlite3"

    with pytest.raises(EncryptionError):
        open_journal(str(store))

    assert not store.exists()


def test_the_key_id_is_a_short_stable_fingerprint_that_differs_per_key() -> None:
    key = parse_key(new_key(), "test")

    assert key_id(key) == key_id(bytes(key)) and len(key_id(key)) == 8
    assert key_id(key) != key_id(parse_key(new_key(), "test"))
