"""Reading other trackers' files into bounceback records: pure rules, no storage.

A file becomes an :class:`ImportPlan`: the records that are new, how many are already
there, and each row that was not understood, with its line and why. The caller shows
the plan (a dry run) or inserts ``plan.new`` in one transaction.

Formats are recognised by their header row: JobSync, LinkedIn's ``Job Applications.csv``
and ``Saved Jobs.csv``, Daylio's mood export, bounceback's own JSON export, and any other
spreadsheet whose columns go by the names in :data:`SYNONYMS` (Huntr and Teal among them).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import pydantic

from store.imports.cells import cell_text, error_text, parse_moment, posting_url, stage_of
from store.imports.daylio import plan_daylio
from store.imports.export_file import plan_json
from store.imports.formats import Format, Row, column_name, columns_of, detect
from store.imports.plan import CannotImport, Existing, ImportPlan, Options, Skipped, same_key
from store.imports.words import SILENT_WORDS
from store.models import (
    Application,
    ArchiveReason,
    Record,
    Rejection,
    RejectionReason,
    Stage,
    StageChange,
)

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Years of a search fit in a few megabytes; a bigger file is something else."""
MAX_COLUMNS = 200
MAX_CELL_CHARS = 1_048_576


# --- reading the bytes -----------------------------------------------------------------


def decode(raw: bytes) -> tuple[str, list[str]]:
    """The file's text (UTF-8 with or without BOM, else Windows-1252) and a note if any."""
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise CannotImport(
            "it is a spreadsheet workbook (Excel or similar), not CSV: "
            "save it as CSV and import that"
        )
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        raise CannotImport("it is neither UTF-8 nor Windows-1252 text") from None
    return text, ["read as Windows-1252 (it is not UTF-8): check the accents came out right"]


def _looks_binary(text: str) -> bool:
    head = text[:4096]
    controls = sum(1 for c in head if ord(c) < 0x20 and c not in "\t\r\n")
    return controls > len(head) // 10


def plan_import(raw: bytes, existing: Existing, now: datetime, options: Options) -> ImportPlan:
    """What importing ``raw`` would do. Raises :class:`CannotImport` for a file that
    cannot be read as a whole."""
    if len(raw) > MAX_FILE_BYTES:
        # Callers read a byte past the limit at most (a device such as /dev/zero has no
        # size to ask first): all that is known is "over".
        raise CannotImport(
            f"it is over {MAX_FILE_BYTES // 1_048_576} MB; bounceback imports files up to "
            f"{MAX_FILE_BYTES // 1_048_576} MB"
        )
    text, notes = decode(raw)
    if not text.strip():
        raise CannotImport("it is empty")
    if _looks_binary(text):
        raise CannotImport("it is not a CSV or JSON file (it holds binary data)")
    if options.source is Format.BOUNCEBACK or (
        options.source is None and text.lstrip().startswith(("{", "["))
    ):
        return plan_json(text, existing)
    rows = _rows(text)
    header, body = rows[0], rows[1:]
    fmt = options.source or detect(header)
    if fmt is Format.DAYLIO:
        plan = plan_daylio(header, body, existing, now, options)
    else:
        plan = _plan_applications(fmt, header, body, existing, now, options)
    return ImportPlan(plan.format, plan.new, plan.already_there, plan.skipped, (*notes,))


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """Every row with the line it starts on; the delimiter is sniffed from the header."""
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        line = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as error:
        raise CannotImport(f"line {reader.line_num}: it is not valid CSV ({error})") from None
    if not rows:
        raise CannotImport("it has no header row")
    header = rows[0][1]
    if len(header) > MAX_COLUMNS:
        raise CannotImport(
            f"its header has {len(header):,} columns; a tracker's export has a few dozen"
        )
    return rows


# --- applications ----------------------------------------------------------------------


def application_from_row(
    fmt: Format,
    row: list[str],
    columns: Mapping[str, int],
    now: datetime,
    options: Options,
    position: float,
) -> Application:
    """One row as an application; ``ValueError`` says why a row cannot be one."""
    if any(len(cell) > MAX_CELL_CHARS for cell in row):
        raise ValueError(f"a cell is longer than {MAX_CELL_CHARS:,} characters")
    status = cell_text(row, columns, "stage")
    archived: ArchiveReason | None = None
    if fmt is Format.LINKEDIN:
        stage: Stage | None = Stage.APPLIED
    elif fmt is Format.LINKEDIN_SAVED:
        stage = Stage.WISHLIST
    elif status:
        stage, archived = stage_of(status)
    else:
        stage = None
    applied_text = cell_text(row, columns, "date")
    created_text = cell_text(row, columns, "created")
    applied = parse_moment(applied_text, now, dayfirst=options.dayfirst) if applied_text else None
    created = parse_moment(created_text, now, dayfirst=options.dayfirst) if created_text else None
    if stage is Stage.WISHLIST and applied is not None:
        # Not sent yet: a wishlist row's date is the day it was saved, or it would count
        # as sent (the funnel, the goal of applications, a "sent" win).
        created, applied = min(created or applied, applied), None
    if stage is None:  # no status, or withdrawn: as far as its dates tell
        stage = Stage.APPLIED if applied else Stage.WISHLIST
    start = created or applied or now
    if applied is not None and start > applied:
        start = applied
    history = [StageChange(stage=Stage.WISHLIST, at=start)] if applied is None else []
    if applied is not None:
        history.append(StageChange(stage=Stage.APPLIED, at=applied))
    if stage is not history[-1].stage:
        # When it went further is not in the file: the last date it has stands for it.
        history.append(StageChange(stage=stage, at=history[-1].at))
    rejection = None
    if stage is Stage.REJECTED:
        silent = column_name(status) in SILENT_WORDS
        reason = RejectionReason.NO_RESPONSE if silent else RejectionReason.UNKNOWN
        rejection = Rejection(reached=history[-2].stage, reason=reason)
    tags = [t for t in re.split(r"[,;|]", cell_text(row, columns, "tags")) if t.strip()]
    source = cell_text(row, columns, "source")
    if fmt in (Format.LINKEDIN, Format.LINKEDIN_SAVED):
        source = "LinkedIn"
    data: dict[str, Any] = {
        "company": cell_text(row, columns, "company"),
        "role": cell_text(row, columns, "role"),
        "stage": stage,
        "history": history,
        "url": posting_url(cell_text(row, columns, "url")),
        "location": cell_text(row, columns, "location"),
        "salary": cell_text(row, columns, "salary"),
        "source": source,
        "tags": tags,
        "notes": cell_text(row, columns, "notes"),
        "resume": cell_text(row, columns, "resume"),
        "position": position,
        "rejection": rejection,
        "archived": archived,
        "archived_at": now if archived else None,
        "created_at": start,
        "updated_at": now,
    }
    # A sheet's own scale (stars out of ten, a fit score) is not ours: only 1 to 5 is kept.
    if (excitement := cell_text(row, columns, "excitement")) in ("1", "2", "3", "4", "5"):
        data["excitement"] = int(excitement)
    try:
        return Application.model_validate(data)
    except pydantic.ValidationError as error:
        raise ValueError(error_text(error)) from None


def _plan_applications(
    fmt: Format,
    header: Row,
    body: Sequence[Row],
    existing: Existing,
    now: datetime,
    options: Options,
) -> ImportPlan:
    columns = columns_of(fmt, header[1], options.mapping)
    new: list[Record] = []
    skipped: list[Skipped] = []
    seen = set(existing.keys)
    width = len(header[1])
    for n, (line, row) in enumerate(body):
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            skipped.append(Skipped(line, f"it has {len(row):,} cells, the header {width}"))
            continue
        try:
            application = application_from_row(fmt, row, columns, now, options, float(n))
        except ValueError as error:
            skipped.append(Skipped(line, str(error)))
            continue
        key = same_key(application)
        if key in seen:
            continue
        seen.add(key)  # type: ignore[arg-type]  # an application always has a key
        new.append(application)
    already = len(body) - len(new) - len(skipped)
    return ImportPlan(fmt, tuple(new), already, tuple(skipped))
