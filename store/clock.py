"""Time is injected everywhere it matters, so tests and snapshots can fix it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
"""Returns the current time as an aware datetime."""


def system_clock() -> datetime:
    return datetime.now(UTC)


def fixed_clock(at: datetime) -> Clock:
    """A clock that always says ``at`` (for tests, snapshots and the demo)."""
    if at.tzinfo is None:
        raise ValueError("a fixed clock needs an aware datetime")
    return lambda: at
