"""The shell commands that do what the board does, and import, export and completion.

``tui/cli.py`` registers them with :func:`add_commands` and runs them from
:data:`COMMANDS`. Every command prints what it did in one line (``--json`` for
scripts) and exits 2 with a message on bad input. An application is named by an id
prefix or by its company (and role): see :func:`find_application`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store import (
    PIPELINE,
    Application,
    ArchiveReason,
    InvalidInput,
    Rejection,
    RejectionReason,
    Stage,
    Store,
    StoreError,
)
from store.board import parse_date, stage_before_rejection
from store.models import Pay, Record
from store.pay import parse_pay, pay_of
from tui.shell_pay import add_pay_options, pay_value
from tui.widgets.safe_text import printable

if TYPE_CHECKING:  # the rules of import and export load when a command needs them
    from store.exporting import Everything
    from store.importing import Existing, Format, ImportPlan

EXIT_OK = 0
EXIT_BAD_INPUT = 2
MAX_SKIPPED_SHOWN = 20
ID_PREFIX_MIN = 4


class NoSuchApplication(StoreError):
    """The name given matches no application, or more than one."""


# --- naming an application -------------------------------------------------------------


def describe(application: Application) -> str:
    archived = ", archived" if application.archived else ""
    return (
        f"{str(application.id)[:8]}  {printable(application.company)} — "
        f"{printable(application.role)} ({application.stage.label}{archived})"
    )


def find_application(applications: list[Application], name: str) -> Application:
    """The one application ``name`` means: an id prefix (four characters or more), the
    company, or the company and role. Raises :class:`NoSuchApplication`, listing the
    candidates, when it means none or several."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        raise NoSuchApplication("name the application: an id prefix or its company")

    def names(a: Application) -> tuple[str, ...]:
        company, role = a.company.casefold(), a.role.casefold()
        return (company, f"{company} {role}", f"{company} — {role}", f"{company} - {role}")

    exact = [a for a in applications if wanted in names(a)]
    # The company and the role together say more than the company alone.
    whole = [a for a in exact if wanted != a.company.casefold()]
    named = (
        whole if len(whole) == 1 else exact or [a for a in applications if wanted in names(a)[1]]
    )
    by_id = [a for a in applications if str(a.id).startswith(wanted)]
    if len(wanted) < ID_PREFIX_MIN:
        by_id = []
    candidates = list({a.id: a for a in (*by_id, *named)}.values())
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NoSuchApplication(f"no application matches {printable(name)!r}")
    listed = "\n".join(f"  {describe(a)}" for a in candidates[:20])
    raise NoSuchApplication(
        f"{printable(name)!r} matches {len(candidates)} applications; "
        f"name one by its id or company and role:\n{listed}"
    )


# --- the store, in few places: the house may rename its API ----------------------------


def _all_applications(store: Store) -> list[Application]:
    return store.applications.on_board() + store.applications.archived()


def _everything(store: Store) -> Everything:
    from store.exporting import Everything
    from store.importing import SECTIONS

    records: dict[str, Sequence[Record]] = {
        "applications": _all_applications(store),
        "journal": store.journal.entries(),
        "affirmations": store.affirmations.all(),
        "timer_sessions": store.timer.sessions(),
        "goals": store.goals.all(),
        "wins": store.wins.all(),
        "contacts": store.people.contacts(),
    }
    assert set(records) == set(SECTIONS)
    return Everything(records=records, settings=store.settings.get())


def _the_application(store: Store, args: argparse.Namespace) -> Application:
    return find_application(_all_applications(store), args.app)


def _done(args: argparse.Namespace, what: str, application: Application) -> int:
    if args.json:
        print(json.dumps(application.model_dump(mode="json"), indent=2))
    else:
        print(f"{what} {printable(application.company)} — {printable(application.role)}.")
    return EXIT_OK


def _bad(args: argparse.Namespace, message: str) -> int:
    print(f"bounceback {args.command}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


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
    application = _the_application(store, args)
    moved = store.applications.move(application.id, Stage(args.stage))
    return _done(args, f"Moved to {moved.stage.label}:", moved)


def _reject(store: Store, args: argparse.Namespace) -> int:
    application = _the_application(store, args)
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
    return _done(args, f"Rejected after {reflection.reached.label}:", rejected)


def _edit(store: Store, args: argparse.Namespace) -> int:
    application = _the_application(store, args)
    fields = field_values(args, store.clock().date(), naming=True, pay=pay_of(application))
    if not fields:
        return _bad(args, "nothing to change: give --company, --role, --url, --tag, …")
    edited = application.model_copy(update=fields)
    return _done(args, "Saved", store.applications.update(edited))


def _archive(store: Store, args: argparse.Namespace) -> int:
    application = _the_application(store, args)
    reason = None if args.undo else ArchiveReason(args.reason)
    archived = store.applications.archive(application.id, reason)
    return _done(args, "Back on the board:" if args.undo else "Archived", archived)


def _delete(store: Store, args: argparse.Namespace) -> int:
    application = _the_application(store, args)
    store.applications.delete(application.id)
    return _done(args, "Deleted", application)


# --- import ----------------------------------------------------------------------------


def read_import_file(path: Path) -> bytes:
    """The file's bytes; ``OSError`` or ``ValueError`` (too big) with a message."""
    from store.importing import MAX_FILE_BYTES

    with path.open("rb") as handle:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValueError(
                f"{path} is {size / 1_048_576:.0f} MB; bounceback imports files up to "
                f"{MAX_FILE_BYTES // 1_048_576} MB"
            )
        return handle.read(MAX_FILE_BYTES + 1)


def known_records(store: Store) -> Existing:
    """What the store holds, for an import to leave out."""
    from store.importing import SECTIONS, Existing

    everything = _everything(store)
    return Existing.of(r for section in SECTIONS for r in everything.of(section))


def plan_file(
    path: Path,
    existing: Existing,
    now: datetime,
    *,
    source: Format | None = None,
    dayfirst: bool = False,
    mapping: dict[str, str] | None = None,
) -> ImportPlan:
    """What importing ``path`` would do (no store here: it may run in a worker thread).
    Raises ``OSError``, ``ValueError`` or ``CannotImport`` with a message."""
    from store.importing import Options, plan_import

    raw = read_import_file(path.expanduser())
    options = Options(source=source, dayfirst=dayfirst, mapping=mapping or {})
    return plan_import(raw, existing, now, options)


def apply_plan(store: Store, plan: ImportPlan) -> None:
    """Every record the plan found, in one transaction; a bounceback export's settings
    come along into a store that holds no records yet."""
    empty = plan.settings is not None and not any(_everything(store).records.values())
    store.insert_all(plan.new)
    if plan.settings is not None and empty:
        store.settings.update(**plan.settings.model_dump())


def plan_report(plan: ImportPlan, *, dry_run: bool) -> list[str]:
    from store.importing import Format

    lines = [f"{plan.format.label}: {plan.summary()}."]
    lines += [f"  note: {note}" for note in plan.notes]
    for skipped in plan.skipped[:MAX_SKIPPED_SHOWN]:
        # A bounceback export's records are named by their section and number instead.
        where = f"line {skipped.line}: " if plan.format is not Format.BOUNCEBACK else ""
        lines.append(f"  {where}{printable(skipped.why)}")
    if len(plan.skipped) > MAX_SKIPPED_SHOWN:
        lines.append(f"  … and {len(plan.skipped) - MAX_SKIPPED_SHOWN} more not understood.")
    if dry_run:
        lines.append("Dry run: nothing was changed.")
    elif plan.new:
        lines.append(f"Imported {len(plan.new)}.")
    else:
        lines.append("Nothing to import: nothing was changed.")
    return lines


def _mapping(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        column, sep, field = pair.rpartition("=")
        if not sep or not column.strip() or not field.strip():
            raise ValueError(f"--map {pair}: use COLUMN=FIELD (or, for Daylio, LABEL=1..5)")
        mapping[column.strip()] = field.strip()
    return mapping


def _import(store: Store, args: argparse.Namespace) -> int:
    from store.importing import CannotImport, Format

    try:
        mapping = _mapping(args.map)
        source = Format(args.source) if args.source else None
        existing, now = known_records(store), store.clock()
        plan = plan_file(
            args.file, existing, now, source=source, dayfirst=args.dayfirst, mapping=mapping
        )
    except OSError as error:
        return _bad(args, f"cannot read {printable(str(args.file))}: {error.strerror}")
    except (ValueError, CannotImport) as error:
        return _bad(args, f"{printable(str(args.file))}: {error}; nothing was imported")
    if not args.dry_run:
        apply_plan(store, plan)
    if args.json:
        print(json.dumps({
            "format": plan.format.value,
            "new": len(plan.new),
            "already_there": plan.already_there,
            "not_understood": [{"line": s.line, "why": s.why} for s in plan.skipped],
            "imported": 0 if args.dry_run else len(plan.new),
        }, indent=2))  # fmt: skip
    else:
        print("\n".join(plan_report(plan, dry_run=args.dry_run)))
    return EXIT_BAD_INPUT if plan.skipped and not plan.new and not plan.already_there else EXIT_OK


# --- export ----------------------------------------------------------------------------

EXPORT_FORMATS = ("csv", "json", "markdown")
IMPORT_FORMATS = ("jobsync", "linkedin", "linkedin-saved", "spreadsheet", "daylio", "bounceback")
"""The values of ``store.importing.Format``, named here so that building the parser at
every start does not load the import rules."""
EXPORT_WHAT = ("applications", "journal", "all")


def export_text(store: Store, fmt: str, what: str | None) -> str:
    """The export as text; ``ValueError`` for a combination that makes no file."""
    from store import exporting

    if fmt != "csv" and what not in (None, "all"):
        raise ValueError(f"{fmt} holds everything: --what applications or journal is for CSV")
    everything = _everything(store)
    if fmt == "json":
        return exporting.to_json(everything)
    if fmt == "markdown":
        return exporting.markdown_report(everything, store.clock())
    if what in (None, "applications"):
        return exporting.applications_csv(everything.applications)
    if what == "journal":
        return exporting.journal_csv(everything.journal)
    raise ValueError("a CSV file holds one table: --what applications, or --what journal")


def write_export(store: Store, path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all; never over the data file."""
    from store import atomic_write

    path = path.expanduser()
    if path.resolve() == store.path.resolve():
        raise ValueError(f"{path} is your data file: choose another name")
    if path.is_dir():
        raise ValueError(f"{path} is a folder: name a file in it")
    atomic_write(path, [text.encode()])


def _export(store: Store, args: argparse.Namespace) -> int:
    try:
        text = export_text(store, args.format, args.what)
        if args.output is None:
            sys.stdout.write(text)
            return EXIT_OK
        write_export(store, args.output, text)
    except ValueError as error:
        return _bad(args, str(error))
    except OSError as error:
        return _bad(args, f"cannot write {args.output}: {error.strerror}")
    print(f"Exported to {printable(str(args.output))} ({args.format}).")
    return EXIT_OK


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
    "import": _import,
    "export": _export,
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
    into.add_argument("--from", dest="source", choices=IMPORT_FORMATS,
                      help="the format, if the header row does not tell")  # fmt: skip
    into.add_argument(
        "--dry-run", action="store_true", help="show what would happen, change nothing"
    )
    into.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                      help="read COLUMN as FIELD (company, role, stage, date, url…); "
                           "for Daylio, a renamed mood LABEL=1..5")  # fmt: skip
    into.add_argument("--dayfirst", action="store_true", help="dates are 20/03/2026, not 3/20")

    out = command("export", "write your search to CSV, JSON or a Markdown report", app=False)
    out.add_argument("--format", choices=EXPORT_FORMATS, default="json")
    out.add_argument("--what", choices=EXPORT_WHAT, help="for CSV: applications or journal")
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
