"""The shell's import and export: reading a file into a plan, applying it, writing an
export. The palette's import and export dialog uses the same functions."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from store import (
    Store,
)
from tui.widgets.safe_text import printable

if TYPE_CHECKING:  # the rules of import and export load when a command needs them
    from store.imports.formats import Format
    from store.imports.plan import Existing, ImportPlan
from tui.shell_naming import EXIT_BAD_INPUT, EXIT_OK, bad, everything_in

MAX_SKIPPED_SHOWN = 20


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
    from store.imports.export_file import SECTIONS
    from store.imports.plan import Existing

    everything = everything_in(store)
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
    from store.importing import plan_import
    from store.imports.plan import Options

    raw = read_import_file(path.expanduser())
    options = Options(source=source, dayfirst=dayfirst, mapping=mapping or {})
    return plan_import(raw, existing, now, options)


def apply_plan(store: Store, plan: ImportPlan) -> int:
    """The records the plan found that the file does not hold yet, in one transaction;
    a bounceback export's settings come along into a store that held no records. How
    many were added."""
    imported = store.imports.add_new(plan.new)
    if plan.settings is not None and imported.into_empty:
        store.settings.update(**plan.settings.model_dump())
    return imported.added


def plan_report(plan: ImportPlan, *, imported: int | None) -> list[str]:
    """What the plan found, and what was imported (``None`` for a dry run)."""
    from store.imports.formats import Format

    lines = [f"{plan.format.label}: {plan.summary()}."]
    lines += [f"  note: {note}" for note in plan.notes]
    for skipped in plan.skipped[:MAX_SKIPPED_SHOWN]:
        # A bounceback export's records are named by their section and number instead.
        where = f"line {skipped.line}: " if plan.format is not Format.BOUNCEBACK else ""
        lines.append(f"  {where}{printable(skipped.why)}")
    if len(plan.skipped) > MAX_SKIPPED_SHOWN:
        lines.append(f"  … and {len(plan.skipped) - MAX_SKIPPED_SHOWN} more not understood.")
    if imported is None:
        lines.append("Dry run: nothing was changed.")
    elif imported:
        lines.append(f"Imported {imported}.")
    else:
        lines.append("Nothing to import: nothing was changed.")
    return lines


def mapping_of(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        column, sep, field = pair.rpartition("=")
        if not sep or not column.strip() or not field.strip():
            raise ValueError(f"--map {pair}: use COLUMN=FIELD (or, for Daylio, LABEL=1..5)")
        mapping[column.strip()] = field.strip()
    return mapping


def import_file(store: Store, args: argparse.Namespace) -> int:
    from store.imports.formats import Format
    from store.imports.plan import CannotImport

    try:
        mapping = mapping_of(args.map)
        source = Format(args.source) if args.source else None
        existing, now = known_records(store), store.clock()
        plan = plan_file(
            args.file, existing, now, source=source, dayfirst=args.dayfirst, mapping=mapping
        )
    except OSError as error:
        return bad(args, f"cannot read {printable(str(args.file))}: {error.strerror}")
    except (ValueError, CannotImport) as error:
        return bad(args, f"{printable(str(args.file))}: {error}; nothing was imported")
    imported = None if args.dry_run else apply_plan(store, plan)
    if args.json:
        print(json.dumps({
            "format": plan.format.value,
            "new": len(plan.new),
            "already_there": plan.already_there,
            "not_understood": [{"line": s.line, "why": s.why} for s in plan.skipped],
            "imported": imported or 0,
        }, indent=2))  # fmt: skip
    else:
        print("\n".join(plan_report(plan, imported=imported)))
    return EXIT_BAD_INPUT if plan.skipped and not plan.new and not plan.already_there else EXIT_OK


# --- export ----------------------------------------------------------------------------

EXPORT_FORMATS = ("csv", "json", "markdown", "md")
FORMAT_OF_SUFFIX = {".csv": "csv", ".json": "json", ".md": "markdown", ".markdown": "markdown"}
IMPORT_FORMATS = ("jobsync", "linkedin", "linkedin-saved", "spreadsheet", "daylio", "bounceback")
"""The values of ``store.imports.formats.Format``, named here so that building the parser at
every start does not load the import rules."""
EXPORT_WHAT = ("applications", "journal", "all")


def export_text(store: Store, fmt: str, what: str | None) -> str:
    """The export as text; ``ValueError`` for a combination that makes no file."""
    from store import exporting

    if fmt != "csv" and what not in (None, "all"):
        raise ValueError(f"{fmt} holds everything: --what applications or journal is for CSV")
    everything = everything_in(store)
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


def export_format(chosen: str | None, output: Path | None) -> str:
    """``--format`` if given, else what the file's name says (``report.md``), else JSON."""
    if chosen is not None:
        return "markdown" if chosen == "md" else chosen
    return FORMAT_OF_SUFFIX.get(output.suffix.lower(), "json") if output else "json"


def export(store: Store, args: argparse.Namespace) -> int:
    args.format = export_format(args.format, args.output)
    try:
        text = export_text(store, args.format, args.what)
        if args.output is None:
            sys.stdout.write(text)
            return EXIT_OK
        write_export(store, args.output, text)
    except ValueError as error:
        return bad(args, str(error))
    except OSError as error:
        return bad(args, f"cannot write {args.output}: {error.strerror}")
    print(f"Exported to {printable(str(args.output))} ({args.format}).")
    return EXIT_OK
