"""End to end in a real terminal (tmux): what a user over SSH meets."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Store

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """A private tmux server running one command; the command's exit status goes to a file
    (tmux's own record of it is sometimes missing under load)."""

    def __init__(self, command: str, status_file: Path, size: tuple[int, int] = (80, 24)) -> None:
        self.server = f"bounceback-test-{uuid.uuid4().hex[:8]}"
        self.status_file = status_file
        width, height = size
        wrapped = f"{command}; echo $? > {status_file}; sleep 30"
        self.tmux("new-session", "-d", "-x", str(width), "-y", str(height),
                  "-e", "TERM=xterm-256color", wrapped)  # fmt: skip

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.server, "-f", "/dev/null", *args],
            capture_output=True, text=True, check=True, timeout=10,
        ).stdout  # fmt: skip

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p")

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in (screen := self.screen()):
                return screen
            time.sleep(0.02)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def wait_gone(self, text: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while text in self.screen():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} is still on screen:\n{self.screen()}")
            time.sleep(0.02)

    def press(self, *keys: str) -> None:
        self.tmux("send-keys", *keys)

    def exit_status(self, timeout: float = 20.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.status_file.exists() and (text := self.status_file.read_text().strip()):
                return int(text)
            time.sleep(0.05)
        raise AssertionError("the app did not exit")

    def app_pid(self) -> int:
        """The app's process: the child of the shell that runs in the pane."""
        shell = self.tmux("display", "-p", "#{pane_pid}").strip()
        children = subprocess.run(
            ["pgrep", "-P", shell], capture_output=True, text=True, check=True
        ).stdout.split()
        return int(children[0])

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.server, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def terminal(sample_store: Store, tmp_path: Path) -> Iterator[Terminal]:
    command = f"{sys.executable} -m tui --db {sample_store.path}"
    term = Terminal(command, status_file=tmp_path / "exit-status")
    yield term
    term.close()


def test_the_four_panes_switch_and_ctrl_q_exits_0(terminal: Terminal) -> None:
    terminal.wait_for("Applied")
    shown = [
        ("2", "Mood, 30 days"),
        ("3", "Space starts the focus"),
        ("4", "The funnel"),
        ("5", "4 people"),
    ]
    for key, text in shown:
        terminal.press(key)
        terminal.wait_for(text)
    terminal.press("1")
    terminal.wait_for("Applied")
    terminal.press("C-q")
    assert terminal.exit_status() == 0


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_dropped_connection_ends_the_app_cleanly(
    terminal: Terminal, sample_store: Store, signum: int
) -> None:
    terminal.wait_for("Applied")
    os.kill(terminal.app_pid(), signum)
    assert terminal.exit_status() == 128 + signum
    folder: Path = sample_store.path.parent
    assert not list(folder.glob(".*.tmp")), "no temp file is left behind"
    assert len(Store.open(sample_store.path).applications.on_board()) == 38


def test_a_form_typed_in_one_burst_fills_each_field(
    terminal: Terminal, sample_store: Store
) -> None:
    """Over SSH, keystrokes arrive batched; a tab inside the batch must still move on."""
    terminal.wait_for("Applied")
    terminal.press("n")
    terminal.wait_for("New application")
    terminal.tmux("send-keys", "-l", "Northwind\tData Engineer\thttps://nw.example")
    terminal.press("C-s")
    terminal.wait_gone("New application")
    (added,) = [
        a for a in Store.open(sample_store.path).applications.on_board() if a.company == "Northwind"
    ]
    assert (added.role, added.url) == ("Data Engineer", "https://nw.example")


def test_a_pane_key_and_the_next_key_in_one_burst_reach_the_new_pane(terminal: Terminal) -> None:
    """ "3" then space, batched: the space starts the timer instead of going to the Board."""
    terminal.wait_for("Applied")
    terminal.tmux("send-keys", "-l", "3 ")
    terminal.wait_for("▶ Focus")
    terminal.tmux("send-keys", "-l", "2m")
    terminal.wait_for("How are you, right now?")
    terminal.tmux("send-keys", "-l", "4")  # in the dialog a digit picks a mood, not a pane
    terminal.press("Enter")
    terminal.wait_gone("How are you, right now?")
    assert "▶ Focus" in terminal.screen()


def test_closing_the_terminal_ends_the_app(terminal: Terminal) -> None:
    """A dropped SSH connection: the terminal goes away under the app (hangup, then
    SIGCONT to the foreground). The app must not linger on, stuck writing to it."""
    terminal.wait_for("Applied")
    terminal.tmux("send-keys", "-l", "3 ")  # the timer redraws the header every second
    terminal.wait_for("▶ Focus")
    terminal.tmux("send-keys", "-l", "2m")
    terminal.wait_for("How are you, right now?")
    terminal.tmux("send-keys", "-l", "4")
    terminal.press("Enter")
    terminal.wait_gone("How are you, right now?")
    pid = terminal.app_pid()
    terminal.close()
    deadline = time.monotonic() + 15
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(f"/proc/{pid}").exists(), "the app is still running with no terminal"
