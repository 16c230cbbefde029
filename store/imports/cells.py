"""Reading one cell as trackers write it: a date, a time, a status, a posting's address."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timedelta, tzinfo

import pydantic

from store.imports.formats import column_name
from store.imports.words import ARCHIVE_WORDS, STAGE_WORDS
from store.models import ArchiveReason, Stage

EARLIEST_YEAR = 1970


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


def _strptime(value: str, patterns: tuple[str, ...]) -> datetime | None:
    for pattern in patterns:
        try:
            return datetime.strptime(value.upper() if "%p" in pattern else value, pattern)
        except ValueError:
            continue
    return None


def parse_moment(text: str, now: datetime, *, dayfirst: bool = False) -> datetime:
    """A date or date and time as trackers write them, in ``now``'s zone when the text
    names none. Raises ``ValueError`` with a message for the user."""
    value = " ".join(text.split())
    zone: tzinfo | None = now.tzinfo
    moment: datetime | None = None
    try:
        moment = datetime.fromisoformat(value.replace(" UTC", "+00:00"))
    except ValueError:
        moment = _strptime(value, (*(_DAYFIRST_FORMATS if dayfirst else _US_FORMATS),
                                   *_OTHER_FORMATS))  # fmt: skip
    if moment is None:
        # Only where it reads day first: 31/02 is no date either way.
        day_first = not dayfirst and _strptime(value, _DAYFIRST_FORMATS) is not None
        hint = " (it reads as day first: import with dates day first)" if day_first else ""
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


def stage_of(status: str) -> tuple[Stage | None, ArchiveReason | None]:
    """A tracker's status word as a stage and, for withdrawn or archived ones, why."""
    word = column_name(status)
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


def error_text(error: pydantic.ValidationError) -> str:
    detail = error.errors()[0]
    where = ".".join(str(part) for part in detail["loc"]) or "the record"
    if detail["type"] == "string_too_short" and detail.get("ctx", {}).get("min_length") == 1:
        return f"the {where} is empty"
    if detail["type"] == "missing":
        return f"the {where} is missing"
    return f"{where}: {detail['msg'].removeprefix('Value error, ')}"


def cell_text(row: list[str], columns: Mapping[str, int], name: str) -> str:
    n = columns.get(name)
    return row[n].strip() if n is not None and n < len(row) else ""
