"""How the person started bounceback, so the app names commands that work for them."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

INSTALLED_DEMO = "bounceback --demo"


def demo_command(argv0: str | None = None, path: str | None = None) -> str:
    """The command that opens the sample data the way this process was started: the
    installed command, ``make demo`` from a clone's ``.venv``, else this Python."""
    started = Path(argv0 if argv0 is not None else sys.argv[0]).absolute()
    found = shutil.which("bounceback", path=path if path is not None else os.environ.get("PATH"))
    if found is not None and Path(found).absolute() == started:
        return INSTALLED_DEMO
    clone = started.parent.parent.parent  # <clone>/.venv/bin/bounceback
    if started.parent.parent.name == ".venv" and (clone / "Makefile").is_file():
        return "make demo"
    return shlex.join([sys.executable, "-m", "tui", "--demo"])
