"""The real ``bounceback`` command in a real pseudo-terminal, read through a terminal emulator.

What a user over SSH has: a pty of a given size with ``TERM=xterm-256color``, keys as the
bytes a terminal sends (several in one burst when they are typed quickly), and a screen
that shows only what the app wrote to it. pyte plays the terminal: it turns the app's
output into the grid of characters the user would see.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pyte

BOUNCEBACK = Path(sys.executable).parent / "bounceback"
"""The command the project installs, beside the interpreter running the tests."""

WAIT = 10.0
"""Seconds to wait for what a step should show: long, as the machine may be busy; a
step that works is seen within a fraction of that, and only a failure waits it out."""
POLL = 0.02
ESCAPE_GAP = 0.2
"""Seconds after a lone escape before the next key: sooner, a terminal app reads the two
as one key (escape then "4" is alt+4). Textual waits 0.1 s; a person takes longer."""

KEYS = {
    "enter": "\r",
    "escape": "\x1b",
    "tab": "\t",
    "shift+tab": "\x1b[Z",
    "backspace": "\x7f",
    "space": " ",
    "up": "\x1b[A",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "shift+up": "\x1b[1;2A",
    "shift+down": "\x1b[1;2B",
    "shift+right": "\x1b[1;2C",
    "shift+left": "\x1b[1;2D",
    "home": "\x1b[H",
    "end": "\x1b[F",
    "pageup": "\x1b[5~",
    "pagedown": "\x1b[6~",
    "delete": "\x1b[3~",
}
"""Key names to the bytes xterm sends for them; ``ctrl+<letter>`` is worked out."""


def key_bytes(name: str) -> bytes:
    if name in KEYS:
        return KEYS[name].encode()
    if len(name) == 1:
        return name.encode()
    if (match := re.fullmatch(r"ctrl\+([a-z])", name)) is not None:
        return bytes([ord(match.group(1)) & 0x1F])
    raise ValueError(f"no such key: {name!r}")


class Screen(pyte.Screen):
    """pyte's screen, answering the terminal's questions the app asks (cursor position,
    device attributes) as a terminal would."""

    def __init__(self, columns: int, lines: int, answer: int) -> None:
        super().__init__(columns, lines)
        self._answer = answer

    def write_process_input(self, data: str) -> None:
        with contextlib.suppress(OSError):
            os.write(self._answer, data.encode())


class Terminal:
    """``bounceback ARGS`` running in a pty of ``size`` (columns, lines)."""

    def __init__(
        self, args: Sequence[str], size: tuple[int, int], environ: Mapping[str, str] = {}
    ) -> None:
        """``environ``: variables set for the app beside the test's own."""
        self.columns, self.lines = size
        self.command = [str(BOUNCEBACK), *args]
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **environ}
        env.pop("TEXTUAL", None)  # no devtools, whatever the developer's shell says
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the pty is its controlling terminal and stdio
            try:
                winsize = struct.pack("HHHH", self.lines, self.columns, 0, 0)
                fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
                os.execve(self.command[0], self.command, env)
            finally:
                os._exit(127)
        self.screen = Screen(self.columns, self.lines, answer=self.fd)
        self.stream = pyte.ByteStream(self.screen)
        self.output = bytearray()
        """Everything the app wrote, for tests of what reaches the terminal."""
        self.status: int | None = None
        self._escape_at = -ESCAPE_GAP

    # --- reading ----------------------------------------------------------------------

    def _read(self, timeout: float) -> bool:
        """Feed what the app has written (waiting up to ``timeout`` for some) to the
        screen; False once the app has closed the terminal."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError as error:  # EIO: the other side of the pty is closed
            if error.errno != errno.EIO:
                raise
            return False
        if not data:
            return False
        self.output += data
        self.stream.feed(data)
        return True

    def _drain(self) -> None:
        while self._read(0) and select.select([self.fd], [], [], 0)[0]:
            pass

    def text(self) -> str:
        """The screen as it is now, one line per row."""
        self._drain()
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, *texts: str, timeout: float = WAIT) -> str:
        """Until every one of ``texts`` is on screen at once; the screen then."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.text()
            if all(text in screen for text in texts):
                return screen
            if time.monotonic() > deadline:
                missing = [text for text in texts if text not in screen]
                raise AssertionError(f"never on screen: {missing!r}\n{self.framed()}")
            if not self._read(POLL):
                raise AssertionError(f"the app ended waiting for {texts!r}\n{self.framed()}")

    def wait_gone(self, text: str, timeout: float = WAIT) -> str:
        deadline = time.monotonic() + timeout
        while text in (screen := self.text()):
            if time.monotonic() > deadline:
                raise AssertionError(f"still on screen: {text!r}\n{self.framed()}")
            self._read(POLL)
        return screen

    def wait_until(self, condition: Callable[[], object], what: str, timeout: float = WAIT) -> None:
        """Until ``condition()`` holds of the screen; fail, naming ``what``, if it never does.
        A condition that cannot be judged yet (``line_with`` finding no such row, as the
        rest of a frame is still on its way) is not met yet, rather than failed."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                if condition():
                    return
                why = ""
            except AssertionError as error:
                why = f" ({str(error).splitlines()[0]})"
            if time.monotonic() > deadline:
                raise AssertionError(f"never happened: {what}{why}\n{self.framed()}")
            self._read(POLL)

    def settle(self, quiet: float = 0.1, timeout: float = WAIT) -> None:
        """Until the app has written nothing for ``quiet`` seconds: a frame arrives in
        pieces, and half of one can look like a change that has not happened yet."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready or not self._read(0):
                return

    def line_with(self, *texts: str) -> str:
        """The one row of the screen that holds every one of ``texts``."""
        rows = [line for line in self.text().splitlines() if all(text in line for text in texts)]
        assert len(rows) == 1, f"{len(rows)} rows hold {texts!r}\n{self.framed()}"
        return rows[0]

    def background(self, text: str) -> str | None:
        """The background colour ``text`` is drawn on, or None when it is not on screen."""
        self._drain()
        for y, line in enumerate(self.screen.display):
            if (x := line.find(text)) >= 0:
                return str(self.screen.buffer[y][x].bg)
        return None

    def highlighted(self, text: str) -> bool:
        """Whether ``text`` is on screen, on another background than most of the screen's
        (the board's cursor)."""
        shown = self.background(text)
        buffer = self.screen.buffer
        cells = (buffer[y][x].bg for y in range(self.lines) for x in range(self.columns))
        ((most, _),) = Counter(cells).most_common(1)
        return shown not in (None, most)

    def framed(self) -> str:
        rule = "─" * self.columns
        return (
            f"the screen ({self.columns}×{self.lines}):\n┌{rule}┐\n"
            + "\n".join(f"│{line}│" for line in self.screen.display)
            + f"\n└{rule}┘"
        )

    # --- typing -----------------------------------------------------------------------

    def type(self, text: str, *then: str) -> None:
        """Send ``text``, and the keys named in ``then``, as one burst: SSH delivers what
        is typed quickly in one packet."""
        self._send(text.encode() + b"".join(key_bytes(key) for key in then))

    def paste(self, text: str) -> None:
        """``text`` pasted, as a terminal sends it to an app that asked for bracketed
        paste: between its start and end markers, in one write."""
        self._send(b"\x1b[200~" + text.encode() + b"\x1b[201~")

    def press(self, *keys: str) -> None:
        """Send named keys (``enter``, ``ctrl+s``, ``shift+right``…) in one burst."""
        if "escape" in keys[:-1]:
            raise ValueError("escape ends a burst: what follows it would be read as alt+key")
        self._send(b"".join(key_bytes(key) for key in keys))

    def _send(self, data: bytes) -> None:
        self._drain()  # a full pty would block the app, and so this write
        time.sleep(max(0.0, self._escape_at + ESCAPE_GAP - time.monotonic()))
        os.write(self.fd, data)
        if data.endswith(b"\x1b"):
            self._escape_at = time.monotonic()

    # --- ending -----------------------------------------------------------------------

    def quit(self) -> None:
        """ctrl+q, as a user leaves; the app must end with status 0."""
        self.press("ctrl+q")
        assert self.wait_exit() == 0, f"bounceback exited with {self.status}\n{self.framed()}"

    def wait_exit(self, timeout: float = WAIT) -> int:
        deadline = time.monotonic() + timeout
        while self.status is None:
            self._read(POLL)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
            elif time.monotonic() > deadline:
                raise AssertionError(f"bounceback did not exit\n{self.framed()}")
        return self.status

    def close(self) -> None:
        """End the app if it still runs, and free the terminal."""
        if self.status is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            _, status = os.waitpid(self.pid, 0)
            self.status = os.waitstatus_to_exitcode(status)
        with contextlib.suppress(OSError):
            os.close(self.fd)
