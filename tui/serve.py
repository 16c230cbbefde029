"""``bounceback serve``: the app in a browser, through textual-serve (the ``web`` extra).

Each browser tab runs its own ``bounceback`` process on the same data file, which the
store already shares safely between sessions.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path

LOOPBACK_HOSTS = {"localhost"}
MISSING_EXTRA = (
    "bounceback serve needs the web extra: pip install 'bounceback[web]' "
    "(from a clone: pip install '.[web]')."
)


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def app_command(db: Path | None, config: Path | None) -> str:
    """The shell command each browser session runs: this interpreter, this data file
    (None: a throwaway copy of the sample data for each session)."""
    words = [sys.executable, "-m", "tui", *(["--db", str(db)] if db else ["--demo"])]
    if config is not None:
        words += ["--config", str(config)]
    return shlex.join(words)


def serve(host: str, port: int, db: Path | None, config: Path | None) -> int:
    try:
        from textual_serve.server import Server
    except ImportError:
        print(f"bounceback: {MISSING_EXTRA}", file=sys.stderr)
        return 2
    if not is_loopback(host):
        print(
            f"bounceback: warning: serving on {host}, not this machine only. Anyone who can "
            f"reach port {port} there can read and change your journal and applications.",
            file=sys.stderr,
        )
    Server(app_command(db, config), host=host, port=port, title="bounceback").serve()
    return 0
