"""The ``bounceback`` command's arguments: every command, its options and their help."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from store import (
    Mood,
    Stage,
)
from store.file.paths import ENV_VAR, default_db_path
from store.what_works import Dimension
from tui import config, shell, shell_agenda, shell_materials
from tui.widgets.safe_text import printable


class Parser(argparse.ArgumentParser):
    """argparse, with the user's own words in its messages (an unknown choice, a bad
    value) neutralised like every other line the command prints."""

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        super().exit(status, printable(message, keep_newlines=True) if message else None)


def mood_named(text: str) -> Mood:
    """A mood as people say it ("great") or as the app numbers it ("5")."""
    name = text.strip().upper()
    if name in Mood.__members__:
        return Mood[name]
    if name.isdigit() and int(name) in Mood._value2member_map_:
        return Mood(int(name))
    moods = ", ".join(mood.label for mood in Mood)
    raise argparse.ArgumentTypeError(f"{text!r} is not a mood: say {moods} or 1-5")


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
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
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
    log.add_argument("--mood", type=mood_named, required=True, metavar="MOOD",
                     help="awful, bad, okay, good, great, or 1-5")  # fmt: skip
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
    shell_materials.add_parsers(commands, common)
    return parser


def version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bounceback")
    except PackageNotFoundError:
        return "(not installed)"
