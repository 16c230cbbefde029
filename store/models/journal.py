"""The mood and self-talk journal."""

from __future__ import annotations

from enum import IntEnum
from uuid import UUID

from pydantic import AwareDatetime

from store.models.base import LongText, Record, RequiredText, ShortText, Tags


class Mood(IntEnum):
    AWFUL = 1
    BAD = 2
    OKAY = 3
    GOOD = 4
    GREAT = 5

    @property
    def label(self) -> str:
        return self.name.lower()


class JournalEntry(Record):
    at: AwareDatetime
    mood: Mood
    text: LongText = ""
    negative_thought: LongText = ""
    traps: tuple[ShortText, ...] = ()
    """Thinking traps the negative thought shows (built-in keys or the user's own)."""
    reframe: LongText = ""
    tags: Tags = ()
    application_id: UUID | None = None


class Affirmation(Record):
    """A line the user keeps for hard days; the breaks show it again."""

    text: RequiredText
    created_at: AwareDatetime
