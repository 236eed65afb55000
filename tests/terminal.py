"""A real terminal for the tests: the console script on a pseudo-terminal, read as a person sees it.

CliRunner and a pipe never show what a facilitator sees at a terminal. Here the
console script runs with its standard streams on the slave end of a pty, 80 by 24,
and the test types as a facilitator would. Everything it writes goes both into
``output`` (the raw stream, escape codes and all) and into a pyte terminal emulator
of the same size, whose ``screen()`` is the 24 lines a person would see now: the
cockpit redraws its region in place, so only an emulator tells what is in view.
The emulator also answers the terminal's questions (where is the cursor?), as a
real terminal does.

Every read has a timeout and the child is killed at the end whatever happens: a
broken prompt fails the test, it never hangs it.
"""

from __future__ import annotations

import codecs
import os
import select
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyte
import pytest

fcntl = pytest.importorskip("fcntl", reason="pseudo-terminals are POSIX")
termios = pytest.importorskip("termios", reason="pseudo-terminals are POSIX")

__all__ = ["BIN", "READ_TIMEOUT", "Terminal", "env", "terminal"]

BIN = Path(sys.executable).parent
READ_TIMEOUT = 20.0
ROWS, COLUMNS = 24, 80


class _Screen(pyte.Screen):  # type: ignore[misc]
    """pyte's screen, answering the terminal's reports on the pty like a terminal does."""

    def __init__(self, columns: int, lines: int, master: int) -> None:
        super().__init__(columns, lines)
        self._master = master

    def write_process_input(self, data: str) -> None:
        os.write(self._master, data.encode())


class Terminal:
    """The console script on a pseudo-terminal, 80 columns wide."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.master = master
        self.process = subprocess.Popen(
            [str(BIN / "intervision"), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            close_fds=True,
            start_new_session=True,
        )
        os.close(slave)
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._screen = _Screen(COLUMNS, ROWS, master)
        self._stream = pyte.ByteStream(self._screen)
        self.output = ""
        self._seen = 0
        self.closed = False

    def _read(self, timeout: float) -> bool:
        """Read what is there within ``timeout``; False at the end of output."""
        ready, _, _ = select.select([self.master], [], [], max(timeout, 0))
        if not ready:
            return True
        try:
            data = os.read(self.master, 4096)
        except OSError:  # EIO: the child closed its end
            data = b""
        if not data:
            self.closed = True
            return False
        self._stream.feed(data)
        self.output += self._decoder.decode(data).replace("\r\n", "\n")
        return True

    def expect(self, text: str, timeout: float = READ_TIMEOUT) -> str:
        """Wait until ``text`` appears after what was matched before; return what came."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.output.find(text, self._seen)
            if found >= 0:
                chunk = self.output[self._seen : found + len(text)]
                self._seen = found + len(text)
                return chunk
            left = deadline - time.monotonic()
            if left <= 0 or self.closed or not self._read(min(left, 0.2)):
                if self.output.find(text, self._seen) >= 0:
                    continue
                tail = self.output[self._seen :][-1500:]
                raise AssertionError(f"{text!r} did not appear within {timeout} s; got:\n{tail}")

    def idle(self, seconds: float) -> str:
        """Read for ``seconds`` without typing anything; return what came."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0 and self._read(left):
            pass
        chunk = self.output[self._seen :]
        self._seen = len(self.output)
        return chunk

    def screen(self) -> str:
        """The 24 lines in view now, without trailing spaces."""
        return "\n".join(line.rstrip() for line in self._screen.display)

    def on_screen(self, text: str, timeout: float = READ_TIMEOUT) -> str:
        """Wait until ``text`` is in view; return the screen."""
        return self.until(lambda screen: text in screen, repr(text), timeout)

    def until(self, shown: Callable[[str], bool], what: str, timeout: float = READ_TIMEOUT) -> str:
        """Wait until ``shown(screen)`` holds; return that screen.

        For what a single text cannot say: a region drawn in place arrives in pieces,
        so a test that needs all of it waits for all of it, not for its first line.
        """
        deadline = time.monotonic() + timeout
        while not shown(self.screen()):
            left = deadline - time.monotonic()
            if left <= 0 or self.closed or not self._read(min(left, 0.1)):
                if shown(self.screen()):
                    break
                raise AssertionError(f"{what} not in view within {timeout} s:\n{self.screen()}")
        return self.screen()

    def type(self, line: str) -> None:
        """A line as typed at a terminal: the Enter key sends a carriage return."""
        os.write(self.master, f"{line}\r".encode())

    def send(self, line: str) -> None:
        os.write(self.master, f"{line}\n".encode())

    def answer(self, prompt: str, line: str) -> str:
        chunk = self.expect(prompt)
        self.send(line)
        return chunk

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=READ_TIMEOUT)
        os.close(self.master)


def env(**extra: str) -> dict[str, str]:
    """The environment of a terminal session: no INTERVISION_ settings, fast time."""
    found = {k: v for k, v in os.environ.items() if not k.startswith("INTERVISION_")}
    found.pop("NO_COLOR", None)
    found.pop("COLUMNS", None)
    found.pop("FORCE_COLOR", None)
    found.update(LANG="C.UTF-8", TERM="xterm-256color", INTERVISION_TIME_SCALE="600")
    found.update(extra)
    return found


@pytest.fixture
def terminal() -> Iterator[type[Terminal]]:
    started: list[Terminal] = []

    class Started(Terminal):
        def __init__(self, args: list[str], env: dict[str, str]) -> None:
            super().__init__(args, env)
            started.append(self)

    yield Started
    for each in started:
        each.close()
