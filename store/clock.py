"""Time is injected everywhere it matters, so tests and snapshots can fix it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

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
