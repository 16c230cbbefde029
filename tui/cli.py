"""The ``bounceback`` command: opens the app, or runs a command from a shell."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from types import FrameType
from typing import NoReturn, TextIO

from store import (
    CorruptDatabaseError,
    InvalidInput,
    NewerSchemaError,
    Stage,
    Store,
    StoreError,
    people,
    progress,
    restore_backup,
)
from store.board import days_in_stage, parse_date
from store.file.paths import ENV_VAR, default_db_path
from store.journal import MOOD_GLYPHS
from store.what_works import Dimension, groups, lever
from tui import config, shell, shell_agenda
from tui.widgets.safe_text import printable
from tui.wording import counted

EXIT_OK = 0
EXIT_DATA_PROBLEM = 2


def say(text: str, file: TextIO | None = None) -> None:
    """Print a line for the user. Paths, messages and records may hold any character:
    control characters are shown as their pictures, never sent to the terminal."""
    print(printable(text, keep_newlines=True), file=file or sys.stdout)


class Parser(argparse.ArgumentParser):
    """argparse, with the user's own words in its messages (an unknown choice, a bad
    value) neutralised like every other line the command prints."""

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        super().exit(status, printable(message, keep_newlines=True) if message else None)


def build_parser() -> argparse.ArgumentParser:
    # --db works before or after the command: `bounceback --db F add …` or `bounceback add … --db F`
    common = Parser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the data file to use (created if missing)",
    )
    common.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"your settings (${config.ENV_VAR}, else {config.default_config_path({})})",
    )
    parser = Parser(
        prog="bounceback",
        parents=[common],
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
        "--demo",
        action="store_true",
        help="open on a throwaway copy of sample data; your own file is never touched",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", title="commands (without one: open the app)")
    stages = [stage.value for stage in Stage]

    add = commands.add_parser(
        "add", parents=[common], help="add an application (works while the app is open)"
    )
    add.add_argument("company")
    add.add_argument("role")
    add.add_argument("--stage", choices=stages[:-1], default=Stage.WISHLIST.value)
    add.add_argument("--url", default="", help="the posting, http(s)://…")
    add.add_argument("--note", default="", help="notes to keep with it")
    shell.add_field_options(add)

    listing = commands.add_parser("list", parents=[common], help="print your applications")
    listing.add_argument("--stage", choices=stages)
    listing.add_argument("--archived", action="store_true", help="the archived ones instead")
    listing.add_argument("--json", action="store_true", help="as JSON, for scripts")

    log = commands.add_parser("log", parents=[common], help="write a journal entry")
    log.add_argument("--mood", type=int, required=True, metavar="1-5",
                     help="1 awful, 2 bad, 3 okay, 4 good, 5 great")  # fmt: skip
    log.add_argument("text", nargs="*", help="what is on your mind (optional)")
    log.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")

    backup = commands.add_parser("backup", parents=[common], help="take a backup now")
    backup.add_argument("--list", action="store_true", help="list the backups instead")
    restore = commands.add_parser(
        "restore", parents=[common], help="replace the data file with a backup (kept first)"
    )
    restore.add_argument("backup", type=Path, help="the backup file to restore")

    settings = commands.add_parser("settings", parents=[common], help="show or change settings")
    settings.add_argument(
        "--stale-after-days", type=int, metavar="N",
        help="mark an application stale after N days in Applied with no news (default 21)",
    )  # fmt: skip
    settings.add_argument(
        "--news-after-days", type=int, metavar="N",
        help="ask for news N days after an interview with no answer yet (default 5)",
    )  # fmt: skip

    journal = commands.add_parser("journal", parents=[common], help="print journal entries")
    journal.add_argument(
        "--since", metavar="DATE", help="YYYY-MM-DD, yesterday, or --since=-1w (with =)"
    )
    journal.add_argument("--json", action="store_true", help="as JSON, for scripts")

    contacts = commands.add_parser("contacts", parents=[common], help="print your contacts")
    contacts.add_argument("--due", action="store_true", help="only those due a message")
    contacts.add_argument("--json", action="store_true", help="as JSON, for scripts")

    stats = commands.add_parser(
        "stats", parents=[common], help="print your goals, the funnel and what it suggests"
    )
    stats.add_argument("--json", action="store_true", help="as JSON, for scripts")
    stats.add_argument(
        "--by",
        choices=[by.value for by in Dimension],
        help="what works: answers and interviews by channel, résumé, cover letter or tag",
    )

    settings_file = commands.add_parser(
        "config", parents=[common], help="your settings file: theme and keys"
    )
    what = settings_file.add_mutually_exclusive_group(required=True)
    what.add_argument("--init", action="store_true", help="write a commented one with defaults")
    what.add_argument("--show", action="store_true", help="print the settings and their source")

    web = commands.add_parser("serve", parents=[common], help="open the app in a browser")
    web.add_argument(
        "--host", default="127.0.0.1", help="where to listen (default: this machine only)"
    )
    web.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    web.add_argument(
        "--demo",
        action="store_true",
        dest="serve_demo",
        help="each session on a throwaway copy of sample data",
    )
    shell.add_commands(parser, commands, common)
    shell_agenda.add_parsers(commands, common)
    return parser


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
        "add": _add,
        "list": _list,
        "log": _log,
        "journal": _journal,
        "settings": _settings,
        "backup": _backup,
        "stats": _stats,
        "contacts": _contacts,
        **shell.COMMANDS,
        **shell_agenda.COMMANDS,
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
    if args.command != "settings":
        return False
    return args.stale_after_days is None and args.news_after_days is None


def _add(store: Store, args: argparse.Namespace) -> int:
    added = store.applications.add(
        company=args.company,
        role=args.role,
        stage=args.stage,
        url=args.url,
        notes=args.note,
        **shell.field_values(args, store.clock().date()),
    )
    say(f"Added {added.company} — {added.role} to {added.stage.label}.")
    return EXIT_OK


def _list(store: Store, args: argparse.Namespace) -> int:
    applications = store.applications.archived() if args.archived else store.applications.on_board()
    if args.stage:
        applications = [a for a in applications if a.stage.value == args.stage]
    if args.json:
        say(json.dumps([a.model_dump(mode="json") for a in applications], indent=2))
        return EXIT_OK
    now = store.clock()
    order = {stage: n for n, stage in enumerate(Stage)}
    for a in sorted(applications, key=lambda a: order[a.stage]):
        say(f"{a.stage.label:<13} {days_in_stage(a, now):>4}d  {a.company} — {a.role}")
    if not applications:
        say("No applications.", file=sys.stderr)
    return EXIT_OK


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
    from tui.launch import demo_command

    app = BouncebackApp(store, demo=demo, config=settings, demo_command=demo_command())
    app.run()
    _leave_on_signals()  # the app's handlers need its event loop, which is gone now
    return app.return_code or EXIT_OK


def _log(store: Store, args: argparse.Namespace) -> int:
    entry = store.journal.add(mood=args.mood, text=" ".join(args.text), tags=args.tag)
    say(f"Logged: {entry.mood.label}.")
    return EXIT_OK


def _journal(store: Store, args: argparse.Namespace) -> int:
    now = store.clock()
    entries = store.journal.entries()
    if args.since:
        try:
            since = parse_date(args.since, now.date())
        except ValueError as error:
            say(f"bounceback journal: --since: {error}", file=sys.stderr)
            return EXIT_DATA_PROBLEM
        if since is not None:
            entries = [e for e in entries if e.at.astimezone(now.tzinfo).date() >= since]
    if args.json:
        say(json.dumps([e.model_dump(mode="json") for e in entries], indent=2))
        return EXIT_OK
    for e in entries:
        at = e.at.astimezone(now.tzinfo)
        first = (e.text or e.negative_thought or e.reframe).strip().splitlines()
        line = first[0] if first else ""
        say(f"{at:%Y-%m-%d %H:%M}  {MOOD_GLYPHS[e.mood]} {e.mood.label:<5}  {line}")
    if not entries:
        say("No journal entries.", file=sys.stderr)
    return EXIT_OK


def _settings(store: Store, args: argparse.Namespace) -> int:
    if args.stale_after_days is not None:
        store.settings.update(stale_after_days=args.stale_after_days)
    if args.news_after_days is not None:
        store.settings.update(news_after_days=args.news_after_days)
    settings = store.settings.get()
    say(f"stale after days: {settings.stale_after_days}")
    say(f"news after days:  {settings.news_after_days}")
    say(f"theme:            {settings.theme}")
    return EXIT_OK


def _contacts(store: Store, args: argparse.Namespace) -> int:
    now = store.clock()
    contacts = [c for c in store.people.contacts() if not args.due or people.is_due(c, now)]
    if args.json:
        say(json.dumps([c.model_dump(mode="json") for c in contacts], indent=2))
        return EXIT_OK
    for c in contacts:
        last = people.last_contacted(c)
        when = f"{last.astimezone(now.tzinfo):%Y-%m-%d}" if last else "never"
        due = "  due" if people.is_due(c, now) else ""
        company = f"  {c.company}" if c.company else ""
        say(f"{c.name:<24} {c.kind.label:<16} last {when}{due}{company}")
    if not contacts:
        say("Nobody is due a message." if args.due else "No contacts yet.", file=sys.stderr)
    return EXIT_OK


def _what_works(store: Store, by: Dimension, as_json: bool) -> int:
    found = groups(store.goals.activity().applications, by)
    named = lever(found)
    if as_json:
        rows = [{**asdict(g), "enough": g.enough} for g in found]
        sentence = named.sentence(by) if named else None
        print(json.dumps({"by": by.value, "groups": rows, "lever": sentence}, indent=2))
        return EXIT_OK
    print(f"What works, by {by.label}")
    if not found:
        print("  Nothing sent with one yet.")
    for g in found:
        share = f"{g.answer_rate:.0%} answered" if g.enough else "too early to tell"
        print(f"  {printable(g.name):<24} {g.answered} of {g.sent} answered, "
              f"{g.interviewed} interviewed  ({share})")  # fmt: skip
    if named is not None:
        print(f"\n{printable(named.sentence(by))}.")
    elif found:
        print(f"\nNo {by.label} stands out yet beyond what chance could explain.")
    return EXIT_OK


def _stats(store: Store, args: argparse.Namespace) -> int:
    if args.by:
        return _what_works(store, Dimension(args.by), args.json)
    now = store.clock()
    activity = store.goals.activity()
    if args.json:
        say(json.dumps(progress.summary(activity, store.goals.all(), now), indent=2))
        return EXIT_OK
    say("Goals")
    goals = store.goals.progress()
    if not goals:
        say("  None switched on: press g on the Progress pane of the app.")
    for p in goals:
        left = f"{counted(p.days_left, 'day')} left"
        state = "on target" if p.met else left
        period = p.goal.period.value
        streak = f", {p.streak} {period}s in a row" if p.streak > 1 else ""
        say(f"  {p.name:<26} {p.done:>5} of {p.goal.target:<5} this {period}"
              f"  ({state}{streak})")  # fmt: skip
    everything = progress.funnel(activity.applications, now)
    for days in (None, 90, 30):
        f = progress.funnel(activity.applications, now, days)
        span = "all time" if days is None else f"last {days} days"
        say(f"\nFunnel, {span}")
        say(f"  applied {f.applied}, answered {f.responses}, interviewed {f.interviews}, "
              f"offers {f.offers}")  # fmt: skip
    say("")
    if not progress.enough_for_diagnosis(everything):
        needed = progress.MIN_APPLIED_FOR_DIAGNOSIS - everything.applied
        say(f"Too early to say where the search is stuck: {counted(needed, 'more application')}.")
    elif findings := everything.findings():
        for finding in findings:
            say(f"{finding.title}. {finding.advice}")
    else:
        say("Nothing stands out as stuck. Keep going: the numbers are on your side.")
    noes = progress.rejections_total(activity.applications)
    say(f"\n{noes} “no”s collected, each one a step closer to a yes.")
    if per := everything.applications_per(everything.interviews):
        say(f"About 1 in {per} of your applications leads to an interview.")
    return EXIT_OK


def _backup(store: Store, args: argparse.Namespace) -> int:
    if args.list:
        for backup in store.backups():
            size = backup.path.stat().st_size
            when = f"{backup.taken_at:%Y-%m-%d %H:%M:%S} UTC"
            say(f"{when}  {backup.tag:<18} {size:>9,} B  {backup.path}")
        return EXIT_OK
    taken = store.backup()
    say(f"Backed up to {taken.path}")
    return EXIT_OK


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


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bounceback")
    except PackageNotFoundError:
        return "(not installed)"
