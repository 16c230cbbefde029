"""Time is injected everywhere it matters, so tests and snapshots can fix it."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Clock = Callable[[], datetime]
"""Returns the current time as an aware datetime."""


def system_clock() -> datetime:
    """Now, in the user's own time zone: their "today" and their day boundaries."""
    return datetime.now(UTC).astimezone()


def fixed_clock(at: datetime) -> Clock:
    """A clock that always says ``at`` (for tests, snapshots and the demo)."""
    if at.tzinfo is None:
        raise ValueError("a fixed clock needs an aware datetime")
    return lambda: at


class MovableClock:
    """A clock that moves only when told to (timer tests, screenshots of a running timer)."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("a clock needs an aware datetime")
        self.now = at

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def local_zone() -> tzinfo:
    """The user's named time zone (``$TZ``, else what ``/etc/localtime`` links to), so a
    calendar file can name it; UTC when neither names one."""
    name = os.environ.get("TZ", "").removeprefix(":")
    if not name:
        target = os.path.realpath("/etc/localtime")
        name = target.partition("/zoneinfo/")[2]
    try:
        return ZoneInfo(name) if name else UTC
    except (ValueError, ZoneInfoNotFoundError):
        return UTC
