"""The shell commands that do what the board does, and the import, export and completion
commands' arguments (``tui/shell_transfer.py`` runs those two).

``tui/cli_parser.py`` registers them with :func:`add_commands`; ``tui/cli.py`` runs them
from :data:`COMMANDS`. Every command prints what it did in one line (``--json`` for
scripts) and exits 2 with a message on bad input. An application is named by an id
prefix or by its company (and role): see ``tui/shell_naming.py``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store import (
    PIPELINE,
    ArchiveReason,
    InvalidInput,
    Rejection,
    RejectionReason,
    Stage,
    Store,
)
from store.board import parse_date, stage_before_rejection
from store.models import Pay
from store.pay import parse_pay, pay_of
from tui import shell_transfer
from tui.shell_naming import EXIT_OK, bad, done, the_application
from tui.shell_pay import add_pay_options, pay_value

if TYPE_CHECKING:  # the rules of import and export load when a command needs them
    pass

# --- the fields of an application ------------------------------------------------------


def add_field_options(parser: argparse.ArgumentParser, *, naming: bool = False) -> None:
    """The options that set an application's fields (``naming``: also company, role,
    posting and notes, which ``add`` takes in its own way)."""
    if naming:
        parser.add_argument("--company")
        parser.add_argument("--role")
        parser.add_argument("--url", help="the posting, http(s)://…")
        parser.add_argument("--note", help="notes to keep with it (replaces them)")
    parser.add_argument("--salary")
    parser.add_argument("--location")
    parser.add_argument("--source", help="where you found it")
    parser.add_argument("--tag", action="append", help="a tag (repeatable; replaces the tags)")
    parser.add_argument("--excitement", type=int, metavar="1-5")
    parser.add_argument("--next-action", metavar="TEXT", help="what to do next")
    parser.add_argument("--due", metavar="DATE", help="when: YYYY-MM-DD, tomorrow, +3d")
    parser.add_argument("--resume", help="the name of the résumé version sent")
    parser.add_argument("--cover-letter", help="the name of the cover letter sent")
    add_pay_options(parser)


NAMING_OPTIONS = {"company": "company", "role": "role", "url": "url", "note": "notes"}
FIELD_OPTIONS = {
    "salary": "salary",
    "location": "location",
    "source": "source",
    "tag": "tags",
    "excitement": "excitement",
    "next_action": "next_action",
    "resume": "resume",
    "cover_letter": "cover_letter",
}


def field_values(
    args: argparse.Namespace, today: date, *, naming: bool = False, pay: Pay | None = None
) -> dict[str, Any]:
    """The application fields the options gave, by field name (as for
    :func:`add_field_options`); the pay options change ``pay`` (by default, what the
    salary given reads as)."""
    options = {**NAMING_OPTIONS, **FIELD_OPTIONS} if naming else FIELD_OPTIONS
    fields = {
        field: getattr(args, option)
        for option, field in options.items()
        if getattr(args, option, None) is not None
    }
    if "tags" in fields:
        fields["tags"] = tuple(fields["tags"])
    if getattr(args, "due", None) is not None:
        try:
            fields["next_action_due"] = parse_date(args.due, today)
        except ValueError as error:
            raise InvalidInput({"--due": str(error)}) from None
    fields.update(pay_value(args, pay or parse_pay(fields.get("salary", ""))))
    return fields


# --- the board's commands --------------------------------------------------------------


def _move(store: Store, args: argparse.Namespace) -> int:
    application = the_application(store, args)
    moved = store.applications.move(application.id, Stage(args.stage))
    return done(args, f"Moved to {moved.stage.label}:", moved)


def _reject(store: Store, args: argparse.Namespace) -> int:
    application = the_application(store, args)
    current = application.rejection or Rejection(reached=stage_before_rejection(application))
    changes: dict[str, Any] = {
        "reached": args.reached,
        "reason": args.reason,
        "feedback": args.feedback,
        "lesson": args.lesson,
    }
    given = {k: v for k, v in changes.items() if v is not None}
    reflection = Rejection.model_validate({**current.model_dump(), **given})
    rejected = store.applications.reject(application.id, reflection)
    return done(args, f"Rejected after {reflection.reached.label}:", rejected)


def _edit(store: Store, args: argparse.Namespace) -> int:
    application = the_application(store, args)
    fields = field_values(args, store.clock().date(), naming=True, pay=pay_of(application))
    if not fields:
        return bad(args, "nothing to change: give --company, --role, --url, --tag, …")
    edited = application.model_copy(update=fields)
    return done(args, "Saved", store.applications.update(edited))


def _archive(store: Store, args: argparse.Namespace) -> int:
    application = the_application(store, args)
    reason = None if args.undo else ArchiveReason(args.reason)
    archived = store.applications.archive(application.id, reason)
    return done(args, "Back on the board:" if args.undo else "Archived", archived)


def _delete(store: Store, args: argparse.Namespace) -> int:
    application = the_application(store, args)
    store.applications.delete(application.id)
    return done(args, "Deleted", application)


# --- completion ------------------------------------------------------------------------


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    import shtab

    return str(shtab.complete(parser, shell=shell))


# --- registering -----------------------------------------------------------------------

COMMANDS: dict[str, Callable[[Store, argparse.Namespace], int]] = {
    "move": _move,
    "reject": _reject,
    "edit": _edit,
    "archive": _archive,
    "delete": _delete,
    "import": shell_transfer.import_file,
    "export": shell_transfer.export,
}


def add_commands(
    root: argparse.ArgumentParser,
    commands: argparse._SubParsersAction[Any],
    common: argparse.ArgumentParser,
) -> None:
    """Add this module's commands to the ``bounceback`` parser."""

    def command(name: str, help: str, *, app: bool = True) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = commands.add_parser(
            name, parents=[common], help=help, description=help
        )
        if app:
            parser.add_argument("app", metavar="APP", help="an id prefix, or company [and role]")
        parser.add_argument("--json", action="store_true", help="as JSON, for scripts")
        return parser

    move = command("move", "move an application to another stage")
    move.add_argument("stage", choices=[stage.value for stage in Stage])
    reject = command("reject", "record a “no” and what you take from it")
    reject.add_argument("--reached", choices=[s.value for s in PIPELINE],
                        help="how far it got (default: as far as its history shows)")  # fmt: skip
    reject.add_argument("--reason", choices=[r.value for r in RejectionReason])
    reject.add_argument("--feedback", metavar="TEXT", help="what they said")
    reject.add_argument("--lesson", metavar="TEXT", help="what you will change next time")
    add_field_options(command("edit", "change an application's fields"), naming=True)
    archive = command("archive", "take an application off the board")
    archive.add_argument("--reason", choices=[r.value for r in ArchiveReason], default="other")
    archive.add_argument("--undo", action="store_true", help="put it back on the board")
    command("delete", "delete an application for good")

    into = command("import", "bring in a tracker's export, a spreadsheet or Daylio", app=False)
    into.add_argument(
        "file", type=Path, metavar="FILE", help="a CSV or JSON file"
    ).complete = FILE_COMPLETION  # type: ignore[attr-defined]
    into.add_argument("--from", dest="source", choices=shell_transfer.IMPORT_FORMATS,
                      help="the format, if the header row does not tell")  # fmt: skip
    into.add_argument(
        "--dry-run", action="store_true", help="show what would happen, change nothing"
    )
    into.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                      help="read COLUMN as FIELD (company, role, stage, date, url…); "
                           "for Daylio, a renamed mood LABEL=1..5")  # fmt: skip
    into.add_argument("--dayfirst", action="store_true", help="dates are 20/03/2026, not 3/20")

    out = command("export", "write your search to CSV, JSON or a Markdown report", app=False)
    out.add_argument("--format", choices=shell_transfer.EXPORT_FORMATS,
                     help="default: as the file's name says (.csv, .md), else json")  # fmt: skip
    out.add_argument(
        "--what", choices=shell_transfer.EXPORT_WHAT, help="for CSV: applications or journal"
    )
    out.add_argument("--output", "-o", type=Path, metavar="FILE",
                     help="the file to write (default: print it)").complete = FILE_COMPLETION  # type: ignore[attr-defined]  # fmt: skip

    completion = commands.add_parser("completion", help="print the shell completion script")
    completion.add_argument("shell", choices=("bash", "zsh", "fish"))
    completion.set_defaults(completion_of=root)


FILE_COMPLETION = {
    "bash": "_shtab_compgen_files",
    "zsh": "_files",
    "tcsh": "f",
    "fish": "(__fish_complete_path (commandline -ct))",
}
"""``shtab.FILE``, written out: importing shtab would slow every start of the app."""


def run_without_store(args: argparse.Namespace) -> int | None:
    """Commands that need no data file; None for the others."""
    if args.command == "completion":
        print(completion_script(args.completion_of, args.shell), end="")
        return EXIT_OK
    return None
