"""The formats an import reads, told by their header row, and which column holds each
field."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum

from store.imports.plan import CannotImport
from store.imports.words import FIELDS, SYNONYMS

Row = tuple[int, list[str]]
"""A row of the file, with the line it starts on."""


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


def column_name(column: str) -> str:
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
        "Resume Name": "resume",
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
    by_name = {column_name(column): n for n, column in reversed(list(enumerate(header)))}
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
        if column_name(column) not in by_name:
            raise CannotImport(f"--map {column}={wanted}: the file has no column {column!r}")
        found[wanted] = by_name[column_name(column)]
    missing = [f for f in ("company", "role") if f not in found]
    if missing:
        shown = ", ".join(repr(c) for c in header[:12])
        raise CannotImport(
            f"no column for the {' or the '.join(missing)} (columns: {shown}); "
            f"name one with --map COLUMN={missing[0]}"
        )
    return found
