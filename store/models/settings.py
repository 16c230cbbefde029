"""The user's settings stored in the data file."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import AfterValidator, Field

from store.models.applications import Stage
from store.models.base import Model, ShortText
from store.models.timer import TimerSettings

GHOSTED_AFTER_DAYS = 21
"""An application in Applied this long with no change is probably a silent "no"."""


class ColumnSort(StrEnum):
    OWN = "own"
    EXCITEMENT = "excitement"
    DUE = "due"
    DAYS = "days"
    PAY = "pay"
    COMPANY = "company"

    @property
    def label(self) -> str:
        return SORT_LABELS[self]

    @property
    def following(self) -> ColumnSort:
        """The next order in the cycle the sort key steps through."""
        orders = list(ColumnSort)
        return orders[(orders.index(self) + 1) % len(orders)]


SORT_LABELS: dict[ColumnSort, str] = {
    ColumnSort.OWN: "your own order",
    ColumnSort.EXCITEMENT: "most exciting first",
    ColumnSort.DUE: "next action due first",
    ColumnSort.DAYS: "longest in the stage first",
    ColumnSort.PAY: "best paid first",
    ColumnSort.COMPANY: "company, A to Z",
}
DEFAULT_CHANNELS = ("job board", "LinkedIn", "company site", "referral", "recruiter came to me")
"""The usual ways to find a job, where the user's own list starts."""


def _channels(values: tuple[str, ...]) -> tuple[str, ...]:
    cleaned = [value.strip() for value in values if value.strip()]
    seen: dict[str, str] = {}
    for channel in cleaned:
        if (earlier := seen.setdefault(channel.casefold(), channel)) is not channel:
            raise ValueError(f"{earlier!r} is listed twice")
    return tuple(cleaned)


Channels = Annotated[tuple[ShortText, ...], AfterValidator(_channels)]

NEWS_AFTER_DAYS = 5
"""Days after an interview with no outcome before the agenda says "ask for news"."""


class Settings(Model):
    theme: ShortText = "textual-dark"
    stale_after_days: int = Field(default=GHOSTED_AFTER_DAYS, ge=1, le=365)
    news_after_days: int = Field(default=NEWS_AFTER_DAYS, ge=1, le=90)
    timer: TimerSettings = TimerSettings()
    board_cursor: UUID | None = None
    """The card the board's cursor was on when the app last closed."""
    column_sort: dict[Stage, ColumnSort] = Field(default_factory=dict)
    """How each board column is shown; a column not listed is in the user's order."""
    channels: Channels = DEFAULT_CHANNELS
    """Where applications are found ("Found via"), offered as choices so they can be counted."""
