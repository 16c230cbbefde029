"""The real ``bounceback`` command in a pseudo-terminal: every byte it writes is kept, and
a terminal emulator (pyte) reads the screen from them, as a user's terminal would."""

from __future__ import annotations

import fcntl
import os
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pyte

TIMEOUT = 20.0


class PtyApp:
    def __init__(self, db: Path, size: tuple[int, int] = (100, 30)) -> None:
        width, height = size
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        self.written = bytearray()  # everything the app sent to the terminal
        self._lock = threading.Lock()
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "", "LINES": ""}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui", "--db", str(db)],
            stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
        )  # fmt: skip
        os.close(slave)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            with self._lock:
                self.written += data
                self.stream.feed(data)

    def text(self) -> str:
        with self._lock:
            return "\n".join(self.screen.display)

    def wait_for(self, text: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if text in (shown := self.text()):
                return shown
            time.sleep(0.02)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.text()}")

    def wait_gone(self, text: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while text in self.text():
            assert time.monotonic() < deadline, f"{text!r} is still on screen:\n{self.text()}"
            time.sleep(0.02)

    def type(self, keys: str) -> None:
        """``keys`` in one write, as a burst over SSH delivers them."""
        os.write(self.master, keys.encode())

    def close(self) -> None:
        if self.master < 0:
            return
        if self.process.poll() is None:
            self.type("\x11")  # ctrl+q
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        os.close(self.master)
        self.master = -1
