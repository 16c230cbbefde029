"""The ``bounceback`` command: opens the app, or runs a command from a shell."""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import NoReturn

from store import CorruptDatabaseError, NewerSchemaError, Store, StoreError
from store.paths import ENV_VAR, default_db_path

EXIT_OK = 0
EXIT_DATA_PROBLEM = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bounceback",
        description=(
            "A keyboard-first companion for a job search: a board of applications where "
            "every rejection becomes a lesson, a mood journal, a break timer and progress."
        ),
        epilog=(
            f"Data file: --db PATH, else ${ENV_VAR}, else {default_db_path({})}. "
            "Keys inside the app: press ? for help, ctrl+p for every command."
        ),
    )
    parser.add_argument(
        "--db", type=Path, metavar="PATH", help="the data file to use (created if missing)"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open on a throwaway copy of sample data; your own file is never touched",
    )
    return parser


def _exit_on_signal(signum: int, frame: FrameType | None) -> NoReturn:
    # Until the app's own handlers are installed: leave through SystemExit, so
    # context managers (the lock, temp folders) are cleaned up.
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    for signum in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(signum, _exit_on_signal)
    args = build_parser().parse_args(argv)
    if args.demo:
        return _run_demo()
    path = args.db or default_db_path()
    try:
        store = Store.open(path)
    except (CorruptDatabaseError, NewerSchemaError) as error:
        return _refuse(error)
    except (StoreError, OSError) as error:
        print(f"bounceback: cannot open {path}: {error}", file=sys.stderr)
        return EXIT_DATA_PROBLEM
    return _run_app(store, demo=False)


def _run_demo() -> int:
    from store.sample import sample_records

    with tempfile.TemporaryDirectory(prefix="bounceback-demo-") as folder:
        store = Store.open(Path(folder) / "bounceback.json")
        store.insert_all(sample_records(now=store.clock()))
        return _run_app(store, demo=True)


def _run_app(store: Store, *, demo: bool) -> int:
    from tui.app import BouncebackApp

    app = BouncebackApp(store, demo=demo)
    app.run()
    return app.return_code or EXIT_OK


def _refuse(error: CorruptDatabaseError | NewerSchemaError) -> int:
    """Explain why the file cannot be opened, and what to do. Nothing was written."""
    lines = [f"bounceback: cannot open {error.path}"]
    if isinstance(error, CorruptDatabaseError):
        lines.append(f"  problem: {error.problem}")
        if error.backups:
            newest = error.backups[0]
            lines += [
                f"  newest backup: {newest}",
                "  to go back to it, move the damaged file aside and copy the backup in its place:",
                f"    mv '{error.path}' '{error.path}.damaged' && cp '{newest}' '{error.path}'",
            ]
        else:
            lines.append("  no backups of it were found.")
    else:
        lines.append(f"  problem: {error}")
    lines.append("  The file was left exactly as it was.")
    print("\n".join(lines), file=sys.stderr)
    return EXIT_DATA_PROBLEM
