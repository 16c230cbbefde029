"""The journal's entries and the affirmations beside them."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from store.models import Affirmation, JournalEntry
from store.repository.core import Core, validated


class JournalRepository:
    def __init__(self, core: Core) -> None:
        self._core = core

    def entries(self) -> list[JournalEntry]:
        """Newest first."""
        return self._core.in_order(JournalEntry)

    def add(self, **fields: Any) -> JournalEntry:
        return self._core.add(validated(JournalEntry, {"at": self._core.clock(), **fields}))

    def update(self, edited: JournalEntry) -> JournalEntry:
        """Save an edited entry; raises ``ConflictError`` if it changed meanwhile."""
        return self._core.save(edited)

    def delete(self, entry_id: UUID) -> JournalEntry:
        """Delete and return it, so the caller can offer undo (:meth:`restore`)."""
        return self._core.delete(JournalEntry, entry_id)

    def restore(self, entry: JournalEntry) -> JournalEntry:
        """Put back a deleted entry exactly as it was."""
        return self._core.restore(entry)


class AffirmationRepository:
    def __init__(self, core: Core) -> None:
        self._core = core

    def all(self) -> list[Affirmation]:
        """Newest first."""
        return self._core.in_order(Affirmation)

    def add(self, text: str) -> Affirmation:
        return self._core.add(
            validated(Affirmation, {"text": text, "created_at": self._core.clock()})
        )

    def update(self, edited: Affirmation) -> Affirmation:
        """Save an edited affirmation; raises ``ConflictError`` if it changed meanwhile."""
        return self._core.save(edited)

    def delete(self, affirmation_id: UUID) -> Affirmation:
        return self._core.delete(Affirmation, affirmation_id)

    def restore(self, affirmation: Affirmation) -> Affirmation:
        return self._core.restore(affirmation)
