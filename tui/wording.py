"""Words for the user that depend on a number."""

from __future__ import annotations


def counted(count: int, one: str, many: str | None = None) -> str:
    """``count`` and the noun that goes with it: "1 day", "2 days", "1 person", "3 people"."""
    return f"{count} {one if count == 1 else many or one + 's'}"
