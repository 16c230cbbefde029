"""The ``bounceback`` command: opens the app, or runs a command from a shell."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import NoReturn

from store import (
    CorruptDatabaseError,
    InvalidInput,
    NewerSchemaError,
    Store,
    StoreError,
    restore_backup,
)
from store.file.paths import default_db_path
from tui import cli_commands, config, shell, shell_agenda, shell_materials
from tui.cli_commands import EXIT_DATA_PROBLEM, EXIT_OK, say
from tui.cli_parser import build_parser


def _exit_on_signal(signum: int, frame: FrameType | None) -> NoReturn:
    # Until the app's own handlers are installed: leave through SystemExit, so
    # context managers (the lock, temp folders) are cleaned up.
    raise SystemExit(128 + signum)


def _leave_on_signals() -> None:
    for signum in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(signum, _exit_on_signal)


def main(argv: Sequence[str] | None = None) -> int:
    _leave_on_signals()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.demo:
        if args.command is not None:
            parser.error(
                f"--demo opens the app on sample data; it takes no command ({args.command})"
            )
        return _run_demo(getattr(args, "config", None))
    path = getattr(args, "db", None) or default_db_path()
    config_path = getattr(args, "config", None)
    if args.command == "config":  # the person's settings: no data file involved
        return _config(config_path or config.default_config_path(), init=args.init)
    if args.command == "serve":  # each browser session opens the file itself
        from tui.serve import serve

        db = None if args.serve_demo else path.expanduser().absolute()
        return serve(args.host, args.port, db, config_path)
    if args.command == "restore":  # before opening: the data file may be the damaged one
        return _restore(path, args.backup)
    if _only_reads(args) and not path.exists():
        say(f"bounceback: no data file at {path}; nothing was created.", file=sys.stderr)
        say("  Open bounceback, or `bounceback add`, to start one there.", file=sys.stderr)
        return EXIT_DATA_PROBLEM
    if (done := shell.run_without_store(args)) is not None:
        return done
    try:
        # The app draws its first screen before reading every record; it warns after.
        store = Store.open(path, check_records=args.command is not None)
    except (CorruptDatabaseError, NewerSchemaError) as error:
        return _refuse(error)
    except (StoreError, OSError) as error:
        say(f"bounceback: cannot open {path}: {error}", file=sys.stderr)
        return EXIT_DATA_PROBLEM
    for warning in store.warnings:
        say(f"bounceback: {warning}", file=sys.stderr)
    if args.command is None:
        return _run_app(store, demo=False, config_path=config_path)
    run = {
        **cli_commands.COMMANDS,
        **shell.COMMANDS,
        **shell_agenda.COMMANDS,
        **shell_materials.COMMANDS,
    }[args.command]
    try:
        return run(store, args)
    except InvalidInput as error:
        for field, message in error.errors.items():
            say(f"bounceback {args.command}: {field} {message}", file=sys.stderr)
        return EXIT_DATA_PROBLEM
    except StoreError as error:
        say(f"bounceback {args.command}: {error}", file=sys.stderr)
        return EXIT_DATA_PROBLEM
    except BrokenPipeError:  # `bounceback list | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _only_reads(args: argparse.Namespace) -> bool:
    """A command that only shows what is in the file: on a missing file it has nothing to
    show, and must not create the file (or its folders) to say so."""
    if args.command in ("list", "journal", "contacts", "stats", "export"):
        return True
    if args.command == "backup":
        return bool(args.list)
    if args.command == "materials":
        return bool(args.action == "list")
    if args.command != "settings":
        return False
    return args.stale_after_days is None and args.news_after_days is None


def _run_demo(config_path: Path | None) -> int:
    from store.sample import sample_records

    with tempfile.TemporaryDirectory(prefix="bounceback-demo-") as folder:
        store = Store.open(Path(folder) / "bounceback.json")
        store.insert_all(sample_records(now=store.clock()))
        return _run_app(store, demo=True, config_path=config_path)


def _run_app(store: Store, *, demo: bool, config_path: Path | None = None) -> int:
    from tui.app import BouncebackApp

    settings = config.load(config_path or config.default_config_path())
    if settings.keymap:  # checking it imports every dialog: only when there is one
        settings = config.load(settings.path, config.known_bindings())
    from tui.launch import demo_command, size_from_the_terminal

    size_from_the_terminal()
    app = BouncebackApp(store, demo=demo, config=settings, demo_command=demo_command())
    app.run()
    _leave_on_signals()  # the app's handlers need its event loop, which is gone now
    return app.return_code or EXIT_OK


def _restore(path: Path, source: Path) -> int:
    try:
        kept = restore_backup(path, source)
    except (CorruptDatabaseError, NewerSchemaError) as error:
        say(f"bounceback restore: refused, nothing changed: {error}", file=sys.stderr)
        return EXIT_DATA_PROBLEM
    except StoreError as error:
        say(f"bounceback restore: {error}", file=sys.stderr)
        return EXIT_DATA_PROBLEM
    say(f"Restored {path} from {source}.\nThe file it replaced is kept as {kept.path}")
    return EXIT_OK


def _refuse(error: CorruptDatabaseError | NewerSchemaError) -> int:
    """Explain why the file cannot be opened, and what to do. Nothing was written."""
    lines = [f"bounceback: cannot open {error.path}"]
    if isinstance(error, CorruptDatabaseError):
        lines.append(f"  problem: {error.problem}")
        if command := error.restore_command():
            lines += [
                f"  newest backup: {error.restorable}",
                "  to go back to it (the damaged file is kept beside the backups):",
                f"    {command}",
            ]
        elif error.backups:
            lines.append(f"  none of its {len(error.backups)} backups can be restored.")
        else:
            lines.append("  no backups of it were found.")
    else:
        lines.append(f"  problem: {error}")
    lines.append("  The file was left exactly as it was.")
    say("\n".join(lines), file=sys.stderr)
    return EXIT_DATA_PROBLEM


def _config(path: Path, *, init: bool) -> int:
    if init:
        if not config.write_template(path):
            say(f"bounceback: {path} is already there; nothing was changed.", file=sys.stderr)
            return EXIT_DATA_PROBLEM
        say(f"Wrote {path}: every setting, commented out, with its default.")
        return EXIT_OK
    bindings = config.known_bindings()
    settings = config.load(path, bindings)
    for line in config.describe(settings, bindings):
        say(line)
    return EXIT_DATA_PROBLEM if settings.problems else EXIT_OK
