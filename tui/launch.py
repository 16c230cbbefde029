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


def size_from_the_terminal() -> None:
    """Let the terminal say how big it is. Textual reads COLUMNS and LINES before it asks
    the terminal, and a shell or a test runner can leave them exported: they go stale
    at the first resize, and the app would keep drawing at the old size. In a browser
    there is no terminal, and textual-serve passes the page's size in them: kept."""
    if sys.__stdout__ is not None and sys.__stdout__.isatty():
        os.environ.pop("COLUMNS", None)
        os.environ.pop("LINES", None)
