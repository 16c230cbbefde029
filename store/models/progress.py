"""Goals and small wins."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import AwareDatetime, Field

from store.models.base import Record, RequiredText, ShortText


class Metric(StrEnum):
    APPLICATIONS_SENT = "applications_sent"
    NETWORKING_CONVERSATIONS = "networking_conversations"
    LEARNING_MINUTES = "learning_minutes"
    FOCUS_BLOCKS = "focus_blocks"
    JOURNAL_ENTRIES = "journal_entries"


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"


class Goal(Record):
    metric: Metric
    target: int = Field(gt=0, le=100_000)
    period: Period = Period.WEEK
    active: bool = True
    rest_periods: tuple[date, ...] = ()
    """First days of periods the user marked as rest: they do not break a streak."""


class Win(Record):
    at: AwareDatetime
    text: RequiredText
    event_key: ShortText | None = None
    """Set for wins recognised automatically, so one event is never celebrated twice."""
