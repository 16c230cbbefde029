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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

import pydantic

from store.errors import StoreError
from store.models import (
    Affirmation,
    Application,
    ArchiveReason,
    Contact,
    Goal,
    JournalEntry,
    Material,
    Mood,
    Record,
    Rejection,
    RejectionReason,
    Settings,
    Stage,
    StageChange,
    TimerSession,
    Win,
)

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Years of a search fit in a few megabytes; a bigger file is something else."""
MAX_COLUMNS = 200
MAX_CELL_CHARS = 1_048_576
EARLIEST_YEAR = 1970

SECTIONS: dict[str, type[Record]] = {
    "applications": Application,
    "journal": JournalEntry,
    "affirmations": Affirmation,
    "timer_sessions": TimerSession,
    "goals": Goal,
    "wins": Win,
    "contacts": Contact,
    "materials": Material,
}
"""The record lists of bounceback's JSON export, by their key in the file."""
EXPORT_MARKER = "bounceback_export"


class CannotImport(StoreError):
    """The file as a whole cannot be read; nothing was imported."""


class Format(StrEnum):
    JOBSYNC = "jobsync"
    LINKEDIN = "linkedin"
    LINKEDIN_SAVED = "linkedin-saved"
    SPREADSHEET = "spreadsheet"
    DAYLIO = "daylio"
    BOUNCEBACK = "bounceback"

    @property
    def label(self) -> str:
        return FORMAT_LABELS[self]


FORMAT_LABELS = {
    Format.JOBSYNC: "JobSync export",
    Format.LINKEDIN: "LinkedIn job applications",
    Format.LINKEDIN_SAVED: "LinkedIn saved jobs",
    Format.SPREADSHEET: "spreadsheet",
    Format.DAYLIO: "Daylio mood export",
    Format.BOUNCEBACK: "bounceback export",
}

JOBSYNC_COLUMNS = frozenset(
    [
        "index",
        "createdAt",
        "applied",
        "appliedDate",
        "Company",
        "JobTitle",
        "jobType",
        "workplaceType",
        "Location",
        "JobSource",
        "Status",
    ]
)
LINKEDIN_COLUMNS = frozenset(
    [
        "Application Date",
        "Contact Email",
        "Contact Phone Number",
        "Company Name",
        "Job Title",
        "Job Url",
        "Resume Name",
        "Question And Answers",
    ]
)
LINKEDIN_SAVED_COLUMNS = frozenset(("Saved Date", "Job Url", "Job Title", "Company Name"))
DAYLIO_COLUMNS = frozenset(("full_date", "time", "mood", "activities", "note"))

SYNONYMS: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organization", "organisation"),
    "role": ("role", "title", "job title", "jobtitle", "position", "job position"),
    "stage": ("stage", "status", "list", "state", "application status"),
    "date": (
        "date applied",
        "application date",
        "applied date",
        "applied on",
        "applieddate",
        "applied at",
        "date",
    ),
    "created": ("created", "created at", "createdat", "date saved", "saved date", "date added"),
    "url": ("url", "job url", "link", "job link", "posting", "posting url", "job posting url"),
    "location": ("location", "city", "job location"),
    "salary": ("salary", "pay", "compensation", "salary range"),
    "source": ("source", "job source", "jobsource", "found on", "found via"),
    "notes": ("notes", "note", "comments", "description"),
    "tags": ("tags", "tag", "labels"),
    "excitement": ("excitement", "interest"),
}
"""Each field bounceback reads from a spreadsheet, and the column names that mean it
(compared without case, spaces or punctuation at either end)."""
FIELDS = tuple(SYNONYMS)

STAGE_WORDS: dict[str, Stage] = {
    **dict.fromkeys(
        ("wishlist", "saved", "bookmarked", "interested", "draft", "applying", "to apply"),
        Stage.WISHLIST,
    ),
    **dict.fromkeys(("applied", "submitted", "sent"), Stage.APPLIED),
    **dict.fromkeys(
        (
            "interview",
            "interviewing",
            "interviews",
            "phone screen",
            "screening",
            "screen",
            "assessment",
            "on-site",
            "onsite",
        ),
        Stage.INTERVIEWING,
    ),
    **dict.fromkeys(("offer", "offered", "negotiating", "accepted"), Stage.OFFER),
    **dict.fromkeys(
        ("rejected", "rejection", "declined", "not selected", "no response", "ghosted"),
        Stage.REJECTED,
    ),
}
ARCHIVE_WORDS: dict[str, ArchiveReason] = {
    "withdrawn": ArchiveReason.WITHDRAWN,
    "withdrew": ArchiveReason.WITHDRAWN,
    "i withdrew": ArchiveReason.WITHDRAWN,
    "archived": ArchiveReason.OTHER,
    "expired": ArchiveReason.TOO_OLD,
}
SILENT_WORDS = frozenset(("no response", "ghosted"))

DAYLIO_MOODS: dict[str, Mood] = {
    "rad": Mood.GREAT,
    "good": Mood.GOOD,
    "meh": Mood.OKAY,
    "bad": Mood.BAD,
    "awful": Mood.AWFUL,
}
"""Daylio's default mood labels; users who renamed theirs say so with ``--map LABEL=N``."""


@dataclass(frozen=True)
class Options:
    source: Format | None = None
    """The format, when the header alone does not tell (``--from``)."""
    dayfirst: bool = False
    mapping: Mapping[str, str] = field(default_factory=dict)
    """``--map`` pairs: COLUMN=FIELD, or for Daylio a mood LABEL=1..5."""


@dataclass(frozen=True)
class Skipped:
    line: int
    why: str


@dataclass(frozen=True)
class ImportPlan:
    format: Format
    new: tuple[Record, ...]
    already_there: int
    skipped: tuple[Skipped, ...]
    notes: tuple[str, ...] = ()
    settings: Settings | None = None
    """A bounceback export's settings, for a store with no records of its own yet."""

    def summary(self) -> str:
        return (
            f"{len(self.new)} new, {self.already_there} already there, "
            f"{len(self.skipped)} not understood"
        )


@dataclass(frozen=True)
class Existing:
    """What the store holds already, to leave out of an import."""

    ids: frozenset[str] = frozenset()
    keys: frozenset[tuple[str, ...]] = frozenset()

    @classmethod
    def of(cls, records: Iterable[Record]) -> Existing:
        records = list(records)
        return cls(
            ids=frozenset(str(r.id) for r in records),
            keys=frozenset(k for r in records if (k := same_key(r)) is not None),
        )


def same_key(record: Record) -> tuple[str, ...] | None:
    """What makes two records the same thing told twice: an application's company, role
    and posting; a journal entry's moment and mood; a goal's metric (every new data file
    starts with a goal for each, which an imported one would only repeat)."""
    if isinstance(record, Goal):
        return ("g", record.metric.value)
    if isinstance(record, Application):
        return ("a", record.company.casefold(), record.role.casefold(), record.url)
    if isinstance(record, JournalEntry):
        return ("j", record.at.isoformat(), str(int(record.mood)), record.text)
    if isinstance(record, Material):
        return ("m", record.kind.value, record.name.strip().casefold())
    return None


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
        raise CannotImport(
            f"it is {len(raw) / 1_048_576:.0f} MB; bounceback imports files up to "
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
        return _plan_json(text, existing, now)
    rows = _rows(text)
    header, body = rows[0], rows[1:]
    fmt = options.source or detect(header)
    if fmt is Format.DAYLIO:
        plan = _plan_daylio(header, body, existing, now, options)
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


Row = tuple[int, list[str]]


def _name(column: str) -> str:
    return re.sub(r"[\s_]+", " ", column.strip().strip("\"'#*:.").casefold()).strip()


def detect(header: Row) -> Format:
    columns = frozenset(cell.strip() for cell in header[1])
    if columns >= JOBSYNC_COLUMNS:
        return Format.JOBSYNC
    if columns >= LINKEDIN_COLUMNS:
        return Format.LINKEDIN
    if columns == LINKEDIN_SAVED_COLUMNS:
        return Format.LINKEDIN_SAVED
    if columns >= DAYLIO_COLUMNS:
        return Format.DAYLIO
    return Format.SPREADSHEET


LAYOUTS: dict[Format, dict[str, str]] = {
    Format.JOBSYNC: {
        "Company": "company",
        "JobTitle": "role",
        "Status": "stage",
        "appliedDate": "date",
        "createdAt": "created",
        "Location": "location",
        "JobSource": "source",
    },
    Format.LINKEDIN: {
        "Company Name": "company",
        "Job Title": "role",
        "Application Date": "date",
        "Job Url": "url",
    },
    Format.LINKEDIN_SAVED: {
        "Company Name": "company",
        "Job Title": "role",
        "Saved Date": "created",
        "Job Url": "url",
    },
}


def columns_of(fmt: Format, header: list[str], mapping: Mapping[str, str]) -> dict[str, int]:
    """Which column holds each field: the format's own layout, else by synonyms, and
    ``--map`` over both."""
    found: dict[str, int] = {}
    layout = LAYOUTS.get(fmt)
    by_name = {_name(column): n for n, column in reversed(list(enumerate(header)))}
    if layout is not None:
        for n, column in enumerate(header):
            if (wanted := layout.get(column.strip())) is not None:
                found.setdefault(wanted, n)
    else:
        for wanted, names in SYNONYMS.items():
            for name in names:
                if name in by_name and by_name[name] not in found.values():
                    found[wanted] = by_name[name]
                    break
    for column, wanted in mapping.items():
        if wanted not in SYNONYMS:
            raise CannotImport(f"--map {column}={wanted}: the fields are {', '.join(FIELDS)}")
        if _name(column) not in by_name:
            raise CannotImport(f"--map {column}={wanted}: the file has no column {column!r}")
        found[wanted] = by_name[_name(column)]
    missing = [f for f in ("company", "role") if f not in found]
    if missing:
        shown = ", ".join(repr(c) for c in header[:12])
        raise CannotImport(
            f"no column for the {' or the '.join(missing)} (columns: {shown}); "
            f"name one with --map COLUMN={missing[0]}"
        )
    return found


# --- dates -----------------------------------------------------------------------------

_US_FORMATS = (
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
    "%m/%d/%y",
)
_DAYFIRST_FORMATS = ("%d/%m/%Y %H:%M", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y")
_OTHER_FORMATS = ("%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y")


def parse_moment(text: str, now: datetime, *, dayfirst: bool = False) -> datetime:
    """A date or date and time as trackers write them, in ``now``'s zone when the text
    names none. Raises ``ValueError`` with a message for the user."""
    value = " ".join(text.split())
    zone: tzinfo | None = now.tzinfo
    moment: datetime | None = None
    try:
        moment = datetime.fromisoformat(value.replace(" UTC", "+00:00"))
    except ValueError:
        for pattern in (*(_DAYFIRST_FORMATS if dayfirst else _US_FORMATS), *_OTHER_FORMATS):
            try:
                moment = datetime.strptime(value.upper() if "%p" in pattern else value, pattern)
                break
            except ValueError:
                continue
    if moment is None:
        hint = "" if dayfirst else " (day first? add --dayfirst)"
        raise ValueError(f"{text!r} is not a date I can read{hint}")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    latest = now + timedelta(days=366)
    if moment.year < EARLIEST_YEAR or moment > latest:
        raise ValueError(
            f"the date {moment:%Y-%m-%d} is out of range ({EARLIEST_YEAR} to {latest:%Y})"
        )
    return moment


def parse_clock_time(text: str) -> time:
    """``8:30 pm`` or ``21:35``."""
    value = text.strip().upper()
    for pattern in ("%I:%M %p", "%I:%M%p", "%H:%M", "%H:%M:%S"):
        try:
            return datetime.strptime(value, pattern).time()
        except ValueError:
            continue
    raise ValueError(f"the time {text!r} is not one I can read (8:30 pm or 21:35)")


# --- applications ----------------------------------------------------------------------


def stage_of(status: str) -> tuple[Stage | None, ArchiveReason | None]:
    """A tracker's status word as a stage and, for withdrawn or archived ones, why."""
    word = _name(status)
    if word in ARCHIVE_WORDS:
        return None, ARCHIVE_WORDS[word]
    if word in STAGE_WORDS:
        return STAGE_WORDS[word], None
    raise ValueError(
        f"the status {status.strip()!r} is not one I know (applied, interview, offer, "
        "rejected, wishlist, withdrawn…)"
    )


def posting_url(text: str) -> str:
    """A posting's address as sheets hold it: ``jobs.example.com/1`` gets its https://."""
    if text and "://" not in text and " " not in text and "." in text.split("/")[0]:
        return f"https://{text}"
    return text


def _error_text(error: pydantic.ValidationError) -> str:
    detail = error.errors()[0]
    where = ".".join(str(part) for part in detail["loc"]) or "the record"
    if detail["type"] == "string_too_short" and detail.get("ctx", {}).get("min_length") == 1:
        return f"the {where} is empty"
    if detail["type"] == "missing":
        return f"the {where} is missing"
    return f"{where}: {detail['msg'].removeprefix('Value error, ')}"


def _cell(row: list[str], columns: Mapping[str, int], name: str) -> str:
    n = columns.get(name)
    return row[n].strip() if n is not None and n < len(row) else ""


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
    status = _cell(row, columns, "stage")
    archived: ArchiveReason | None = None
    if fmt is Format.LINKEDIN:
        stage: Stage | None = Stage.APPLIED
    elif fmt is Format.LINKEDIN_SAVED:
        stage = Stage.WISHLIST
    elif status:
        stage, archived = stage_of(status)
    else:
        stage = None
    applied_text = _cell(row, columns, "date")
    created_text = _cell(row, columns, "created")
    applied = parse_moment(applied_text, now, dayfirst=options.dayfirst) if applied_text else None
    created = parse_moment(created_text, now, dayfirst=options.dayfirst) if created_text else None
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
        silent = _name(status) in SILENT_WORDS
        reason = RejectionReason.NO_RESPONSE if silent else RejectionReason.UNKNOWN
        rejection = Rejection(reached=history[-2].stage, reason=reason)
    tags = [t for t in re.split(r"[,;|]", _cell(row, columns, "tags")) if t.strip()]
    source = _cell(row, columns, "source")
    if fmt in (Format.LINKEDIN, Format.LINKEDIN_SAVED):
        source = "LinkedIn"
    data: dict[str, Any] = {
        "company": _cell(row, columns, "company"),
        "role": _cell(row, columns, "role"),
        "stage": stage,
        "history": history,
        "url": posting_url(_cell(row, columns, "url")),
        "location": _cell(row, columns, "location"),
        "salary": _cell(row, columns, "salary"),
        "source": source,
        "tags": tags,
        "notes": _cell(row, columns, "notes"),
        "position": position,
        "rejection": rejection,
        "archived": archived,
        "archived_at": now if archived else None,
        "created_at": start,
        "updated_at": now,
    }
    # A sheet's own scale (stars out of ten, a fit score) is not ours: only 1 to 5 is kept.
    if (excitement := _cell(row, columns, "excitement")) in ("1", "2", "3", "4", "5"):
        data["excitement"] = int(excitement)
    try:
        return Application.model_validate(data)
    except pydantic.ValidationError as error:
        raise ValueError(_error_text(error)) from None


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


# --- Daylio ----------------------------------------------------------------------------


def _mood_labels(mapping: Mapping[str, str]) -> dict[str, Mood]:
    labels = dict(DAYLIO_MOODS)
    for label, value in mapping.items():
        if not value.strip().isdigit() or not 1 <= int(value) <= 5:
            raise CannotImport(f"--map {label}={value}: a Daylio mood maps onto 1 to 5")
        labels[label.strip().casefold()] = Mood(int(value))
    return labels


def _plan_daylio(
    header: Row, body: Sequence[Row], existing: Existing, now: datetime, options: Options
) -> ImportPlan:
    names = {cell.strip(): n for n, cell in enumerate(header[1])}
    labels = _mood_labels(options.mapping)
    new: list[Record] = []
    skipped: list[Skipped] = []
    seen = set(existing.keys)

    def cell(row: list[str], name: str) -> str:
        n = names.get(name)
        return row[n].strip() if n is not None and n < len(row) else ""

    for line, row in body:
        try:
            day = date.fromisoformat(cell(row, "full_date"))
        except ValueError:
            skipped.append(Skipped(line, f"full_date {cell(row, 'full_date')!r} is not YYYY-MM-DD"))
            continue
        label = cell(row, "mood")
        if label.casefold() not in labels:
            known = ", ".join(labels)
            skipped.append(
                Skipped(line, f"the mood {label!r} is not one of {known}: add --map {label}=N")
            )
            continue
        try:
            moment = datetime.combine(day, parse_clock_time(cell(row, "time") or "12:00"))
            at = parse_moment(moment.isoformat(), now)
            title, note = cell(row, "note_title"), cell(row, "note")
            entry = JournalEntry.model_validate(
                {
                    "at": at,
                    "mood": labels[label.casefold()],
                    "text": f"{title}\n\n{note}" if title and note else title or note,
                    "tags": [a for a in cell(row, "activities").split(" | ") if a.strip()],
                }
            )
        except ValueError as error:  # pydantic's ValidationError is one
            why = _error_text(error) if isinstance(error, pydantic.ValidationError) else error
            skipped.append(Skipped(line, str(why)))
            continue
        key = same_key(entry)
        if key in seen:
            continue
        seen.add(key)  # type: ignore[arg-type]
        new.append(entry)
    already = len(body) - len(new) - len(skipped)
    return ImportPlan(Format.DAYLIO, tuple(new), already, tuple(skipped))


# --- bounceback's own export -----------------------------------------------------------


def _plan_json(text: str, existing: Existing, now: datetime) -> ImportPlan:
    import json

    from store.models import SCHEMA_VERSION

    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise CannotImport(f"it is not valid JSON ({error})") from None
    if not isinstance(data, dict) or EXPORT_MARKER not in data:
        raise CannotImport("it is JSON, but not a bounceback export")
    version = data.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise CannotImport(
            f"it was written by a newer bounceback (schema {version}); "
            f"this one reads up to {SCHEMA_VERSION}"
        )
    new: list[Record] = []
    skipped: list[Skipped] = []
    already = 0
    seen_ids, seen_keys = set(existing.ids), set(existing.keys)
    for section, model in SECTIONS.items():
        records = data.get(section, [])
        if not isinstance(records, list):
            raise CannotImport(f"its {section!r} is not a list")
        for n, raw in enumerate(records, start=1):
            try:
                record = model.model_validate(raw)
            except pydantic.ValidationError as error:
                skipped.append(Skipped(n, f"{section} record {n}: {_error_text(error)}"))
                continue
            key = same_key(record)
            if str(record.id) in seen_ids or (key is not None and key in seen_keys):
                already += 1
                continue
            seen_ids.add(str(record.id))
            if key is not None:
                seen_keys.add(key)
            new.append(record)
    settings = None
    if isinstance(data.get("settings"), dict):
        try:
            settings = Settings.model_validate(data["settings"])
        except pydantic.ValidationError as error:
            skipped.append(Skipped(0, f"settings: {_error_text(error)}"))
    return ImportPlan(Format.BOUNCEBACK, tuple(new), already, tuple(skipped), (), settings)
