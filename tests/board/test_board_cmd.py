"""``intervision board`` as a facilitator starts it: the links, the terminal, the options.

The board runs as a real process here (uvicorn on a real port), reached with plain
HTTP requests; the browser tests in ``browser/`` use the same command.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

INTERVISION = str(Path(sys.executable).with_name("intervision"))
SECRET = "GEHEIM-UIT-DE-GROEP"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Running:
    """One ``intervision board`` process and what it printed."""

    def __init__(
        self, args: list[str], env: dict[str, str], *, before: tuple[str, ...] = (), port: int = 0
    ) -> None:
        self.port = port or free_port()
        command = [INTERVISION, *before, "board", "--port", str(self.port), *args]
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )

    def first_line(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, self.finish()[1]
        data: dict[str, Any] = json.loads(line)
        return data

    def type(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def read_until(self, pattern: str, timeout: float = 20) -> str:
        assert self.process.stdout is not None
        seen = ""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            seen += line
            if re.search(pattern, seen):
                return seen
        raise AssertionError(f"{pattern!r} not printed: {seen}")

    def finish(self, sig: int = signal.SIGINT) -> tuple[int, str, str]:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        out, err = self.process.communicate(timeout=20)
        return self.process.returncode, out, err


def wait_for(url: str, context: ssl.SSLContext | None = None) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1, context=context):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"{url} did not answer")


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as answer:
        return str(answer.read().decode())


def act(url: str, **fields: str) -> dict[str, Any]:
    """Post a page's form as the page's script does."""
    html = page(url)
    csrf = re.search(r'name="csrf" value="([^"]+)"', html)
    assert csrf is not None
    body = urllib.parse.urlencode({"csrf": csrf.group(1), **fields}).encode()
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(url))
    request = urllib.request.Request(
        f"{url}/do",
        data=body,
        headers={"accept": "application/json", "origin": origin},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return dict(json.loads(answer.read()))
    except urllib.error.HTTPError as exc:
        return dict(json.loads(exc.read()))


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "INTERVISION_STORE": str(tmp_path / "store.sqlite3"),
        "INTERVISION_BOARD_DIR": str(tmp_path / "board"),
        "INTERVISION_LANG": "nl",
    }


@pytest.fixture
def started(env: dict[str, str]) -> Iterator[list[Running]]:
    running: list[Running] = []
    yield running
    for board in running:
        if board.process.poll() is None:
            board.finish(signal.SIGKILL)


def start(started: list[Running], env: dict[str, str], *args: str, **kw: Any) -> Running:
    board = Running(list(args), env, **kw)
    started.append(board)
    return board


MEMBERS = ("--members", "Anna,Bram,Carla,Dirk")


def test_the_links_are_printed_with_a_qr_code_each(
    started: list[Running], env: dict[str, str]
) -> None:
    board = start(started, env, *MEMBERS)
    printed = board.read_until(r"Ctrl-C")
    links = re.findall(r"http://127\.0\.0\.1:\d+/b/[\w-]+", printed)
    assert len(links) == 6  # console, display, four members
    assert len(set(links)) == 6
    for label in ("Begeleider (console)", "Groepsscherm", "Anna", "Bram", "Carla", "Dirk"):
        assert label in printed
    assert printed.count("▀▀▀▀▀▀▀▀▀▀") >= 6  # a QR code under each link
    wait_for(links[0])
    assert status(links[0]) == 200
    code, _, err = board.finish()
    assert code == 0
    assert "--resume" in err


def test_a_lost_link_is_replaced_from_the_terminal(
    started: list[Running], env: dict[str, str]
) -> None:
    board = start(started, env, *MEMBERS, "--json")
    links = board.first_line()
    wait_for(links["console"])
    board.type("console")
    replaced = board.read_until(r"/b/[\w-]+\n")
    new_console = re.findall(r"http://\S+/b/[\w-]+", replaced)[-1]
    assert status(links["console"]) == 404
    assert status(new_console) == 200
    board.type("link bram")
    replaced = board.read_until(r"Bram.*\n.*/b/[\w-]+\n")
    assert status(links["members"]["Bram"]) == 404
    assert status(re.findall(r"http://\S+/b/[\w-]+", replaced)[-1]) == 200
    board.type("link Zoë")
    assert "Zoë" in board.read_until(r"aanwezig")
    board.type("stop")
    code, _, _ = board.finish()
    assert code == 0


def test_a_resumed_board_keeps_the_links_given_before(
    started: list[Running], env: dict[str, str]
) -> None:
    board = start(started, env, *MEMBERS, "--json")
    links = board.first_line()
    wait_for(links["console"])
    assert act(links["console"], action="advance")["ok"]
    board.finish()

    again = start(started, env, "--resume", links["meeting_id"], "--json", port=board.port)
    printed = again.first_line()
    assert printed["console"] is None and printed["members"] == {}
    wait_for(links["console"])
    assert "Leervragen" in page(links["members"]["Carla"])
    again.finish()

    renewed = start(
        started, env, "--resume", links["meeting_id"], "--new-links", "--json", port=board.port
    )
    fresh = renewed.first_line()
    wait_for(fresh["console"])
    assert status(links["console"]) == 404
    assert status(fresh["members"]["Carla"]) == 200


def test_nothing_of_the_meeting_reaches_the_servers_log(
    started: list[Running], env: dict[str, str]
) -> None:
    board = start(started, env, *MEMBERS, "--json", before=("-vv",))
    links = board.first_line()
    wait_for(links["console"])
    assert act(links["console"], action="advance")["ok"]
    assert act(links["members"]["Bram"], action="submit_leervraag", text=SECRET)["ok"]
    refused = act(links["members"]["Carla"], action="advance")
    assert refused["ok"] is False
    page(links["display"])
    status(links["console"] + "-not-a-link")
    _, out, err = board.finish()
    assert "command_accepted" in err  # -vv logs, and logs ids and kinds only
    for text in (SECRET, *[u.rsplit("/", 1)[1] for u in (links["console"], links["display"])]):
        assert text not in err
        assert text not in out
    for url in links["members"].values():
        assert url.rsplit("/", 1)[1] not in err


def test_the_room_network_is_opt_in_and_warned_about(
    started: list[Running], env: dict[str, str]
) -> None:
    board = start(started, env, *MEMBERS, "--json", "--host", "0.0.0.0")
    links = board.first_line()
    assert not links["console"].startswith("http://0.0.0.0")
    wait_for(f"http://127.0.0.1:{board.port}/")
    _, _, err = board.finish()
    assert "iedereen op dit netwerk" in err


def test_a_request_for_another_host_name_is_refused(
    started: list[Running], env: dict[str, str]
) -> None:
    board = start(started, env, *MEMBERS, "--json")
    links = board.first_line()
    wait_for(links["console"])
    path = urllib.parse.urlsplit(links["console"]).path
    with socket.create_connection(("127.0.0.1", board.port)) as raw:
        raw.sendall(f"GET {path} HTTP/1.1\r\nHost: attacker.example\r\n\r\n".encode())
        answer = raw.recv(4096).decode()
    assert answer.startswith("HTTP/1.1 421")
    assert "Anna" not in answer


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--members", "Anna,Bram", "--group", "x"], "Kies een van"),
        (["--members", "Anna,Bram", "--certfile", __file__], "--keyfile"),
        (["--members", "Anna"], "Noem minstens"),
        (["--resume", "x", "--role", "scribe=Anna"], "--role horen bij een nieuwe"),
        (["--members", "Anna,Bram,Carla", "--role", "chair=Bram"], "Een van de rollen is er geen"),
        # A name that is no member is a guest only on purpose, never by a typo.
        (["--members", "Anna,Bram", "--facilitator", "Ana"], "--external-facilitator"),
    ],
)
def test_options_that_do_not_go_together_are_refused(
    env: dict[str, str], args: list[str], message: str
) -> None:
    done = subprocess.run(
        [INTERVISION, "board", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_a_facilitator_from_outside_is_said_on_the_command_line(
    started: list[Running], env: dict[str, str]
) -> None:
    board = Running(
        ["--members", "Bram,Carla", "--facilitator", "Gids", "--external-facilitator", "--json"],
        env,
    )
    started.append(board)
    links = board.first_line()
    assert set(links["members"]) == {"Bram", "Carla"}  # the guide gets the console, no seat
    shown = subprocess.run(
        [INTERVISION, "meeting", "status", links["meeting_id"], "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Gids" in shown.stdout, shown.stderr


def test_a_port_in_use_is_said_plainly(started: list[Running], env: dict[str, str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [INTERVISION, "board", *MEMBERS, "--port", str(port), "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert f"Poort {port}" in done.stderr
    assert "Traceback" not in done.stderr


def test_https_with_a_certificate_and_key(
    started: list[Running], env: dict[str, str], tmp_path: Path
) -> None:
    certfile, keyfile = self_signed(tmp_path)
    board = start(
        started, env, *MEMBERS, "--json", "--certfile", str(certfile), "--keyfile", str(keyfile)
    )
    links = board.first_line()
    assert links["console"].startswith("https://127.0.0.1:")
    insecure = ssl.create_default_context()
    insecure.check_hostname = False
    insecure.verify_mode = ssl.CERT_NONE
    wait_for(links["console"], insecure)
    with urllib.request.urlopen(links["console"], context=insecure, timeout=5) as answer:
        assert answer.status == 200
        assert "max-age" in answer.headers["strict-transport-security"]


def self_signed(folder: Path) -> tuple[Path, Path]:
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    certfile, keyfile = folder / "cert.pem", folder / "key.pem"
    certfile.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    keyfile.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return certfile, keyfile


def test_a_groups_meeting_on_the_board(started: list[Running], env: dict[str, str]) -> None:
    for command in (
        ["group", "create", "Team Noord"],
        *(["group", "add", "Team Noord", name] for name in ("Anna", "Bram", "Carla", "Dirk")),
    ):
        subprocess.run([INTERVISION, *command], env=env, check=True, capture_output=True)
    board = start(
        started,
        env,
        "--group",
        "Team Noord",
        "--present",
        "Anna,Bram,Carla",
        "--facilitator",
        "Anna",
        "--role",
        "notulist=Carla",
        "--json",
    )
    links = board.first_line()
    assert set(links["members"]) == {"Anna", "Bram", "Carla"}  # Dirk is not here
    wait_for(links["console"])
    board.finish()
    shown = subprocess.run(
        [INTERVISION, "meeting", "status", links["meeting_id"], "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    status = json.loads(shown.stdout)
    assert status["frame"] == "opening" and status["roles"] == {"scribe": ["Carla"]}


def test_a_closed_meeting_is_not_served_again(started: list[Running], env: dict[str, str]) -> None:
    board = start(started, env, *MEMBERS, "--json")
    links = board.first_line()
    wait_for(links["console"])
    assert act(links["console"], action="close", reason="brandalarm")["ok"]
    assert status(links["console"]) == 404
    board.finish()
    done = subprocess.run(
        [INTERVISION, "board", "--resume", links["meeting_id"]],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert "al afgesloten" in done.stdout


def test_the_board_on_postgresql(
    started: list[Running], env: dict[str, str], postgres_store: str
) -> None:
    on_postgres = {**env, "INTERVISION_STORE": postgres_store}
    board = start(started, on_postgres, *MEMBERS, "--json")
    links = board.first_line()
    wait_for(links["console"])
    assert act(links["console"], action="advance")["ok"]
    assert act(links["members"]["Bram"], action="submit_leervraag", text="Hoe zeg ik nee?")["ok"]
    board.finish()
    again = start(started, on_postgres, "--resume", links["meeting_id"], "--json", port=board.port)
    again.first_line()
    wait_for(links["console"])
    assert "Hoe zeg ik nee?" in page(links["display"])
