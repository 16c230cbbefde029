"""The welcome screen names a demo command that works the way the app was started."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from store import Store
from tests.tui.test_shell import visible_text
from tui.app import BouncebackApp
from tui.launch import demo_command


def executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def test_installed_on_the_path_it_is_bounceback_demo(tmp_path: Path) -> None:
    command = executable(tmp_path / "tools" / "bin" / "bounceback")
    assert demo_command(str(command), path=str(command.parent)) == "bounceback --demo"


def test_from_a_clones_venv_it_is_make_demo(tmp_path: Path) -> None:
    (tmp_path / "Makefile").write_text("demo:\n")
    command = executable(tmp_path / ".venv" / "bin" / "bounceback")
    assert demo_command(str(command), path="/nowhere") == "make demo"


def test_otherwise_it_is_this_python_running_the_module(tmp_path: Path) -> None:
    command = executable(tmp_path / "elsewhere" / "bounceback")
    assert demo_command(str(command), path="/nowhere") == shlex.join(
        [sys.executable, "-m", "tui", "--demo"]
    )


async def test_the_welcome_screen_names_the_command_it_was_given(store: Store) -> None:
    app = BouncebackApp(store, demo_command="make demo")
    async with app.run_test(size=(80, 24)):
        text = visible_text(app)
        assert "Welcome to bounceback" in text
        assert "run:  make demo" in text
