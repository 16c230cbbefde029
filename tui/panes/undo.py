"""One undo design for every pane: the session's changes, newest last, each with what it
says to the user and how to take it back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar
from uuid import UUID

from store import Store
from store.models import Record

DEPTH = 100

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Undo:
    description: str
    """What is undone, as in "Undid the move of Acme to Interviewing"."""
    run: Callable[[], Record]
    """Takes the change back; returns the record that came back, for the cursor."""


class UndoHistory:
    """What this session can undo, many steps deep."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._steps: list[Undo] = []
        # An undone step saves its record again, under a new revision; an older step of
        # the same record then expects that one: {(id, revision it left): revision now}.
        self._renumbered: dict[tuple[UUID, int], int] = {}

    def __bool__(self) -> bool:
        return bool(self._steps)

    def remember(self, description: str, run: Callable[[], Record]) -> None:
        self._steps = [*self._steps[-DEPTH + 1 :], Undo(description, run)]

    def remember_change(self, description: str, before: R, after: R) -> None:
        """``after`` was saved over ``before``: undo puts ``before`` back, unless another
        session has changed the record since (the store then says so)."""

        def run() -> R:
            expected = after.rev
            while (before.id, expected) in self._renumbered:
                expected = self._renumbered[(before.id, expected)]
            restored = self.store.revert(before, expected)
            self._renumbered[(before.id, before.rev)] = restored.rev
            return restored

        self.remember(description, run)

    def pop(self) -> Undo | None:
        """The newest step, taken off the history (a step that fails is not tried again)."""
        return self._steps.pop() if self._steps else None
