"""Moves the board shows at once and saves after the frame, so a repaint never waits for
the disk."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from typing import TypeVar, cast

from store import Application, Stage, Store, StoreError
from tui.panes.base import Pane
from tui.panes.undo import UndoHistory


class PendingMoves:
    """Moves drawn but not saved yet, in the order the user made them."""

    def __init__(self, store: Store, undo_history: UndoHistory) -> None:
        self.store = store
        self.undo_history = undo_history
        self._moves: list[tuple[Application, Stage, Application]] = []
        """Each card as it was, where to, and as the board shows it moved."""

    def __bool__(self) -> bool:
        return bool(self._moves)

    def add(self, application: Application, target: Stage, shown: Application) -> None:
        self._moves.append((application, target, shown))

    def save(self) -> list[tuple[Application, Application]]:
        """Save them in order, each undoable; each card as shown and as saved.

        Raises the first failure; the moves after it are dropped with it, so the board,
        read again, shows what is stored.
        """
        saved = []
        while self._moves:
            application, target, shown = self._moves.pop(0)
            try:
                # As stored now, not as shown: an earlier move of this card may have
                # just been saved.
                before = self.store.applications.get(application.id)
                moved = self.store.applications.move(application.id, target, with_wins=True)
            except StoreError:
                self._moves.clear()
                raise
            self.undo_history.remember_change(
                f"move of {application.company} to {target.label}", before, moved
            )
            saved.append((shown, moved))
        return saved

    def save_leaving(self) -> None:
        """Save them as the app closes: nothing is left to show a failure on, and a
        failed save leaves the file as it was, as it always does."""
        for application, target, _ in self._moves:
            with contextlib.suppress(StoreError):  # its wins are told by the next session
                self.store.applications.move(application.id, target)
        self._moves.clear()


BoardAction = TypeVar("BoardAction", bound=Callable[..., None])


def settled_first(action: BoardAction) -> BoardAction:
    """For a board action that reads the store: moves still waiting for their frame are
    saved first."""

    @functools.wraps(action)
    def run(pane: Pane, *args: object) -> None:
        pane.settle()
        action(pane, *args)

    return cast(BoardAction, run)
