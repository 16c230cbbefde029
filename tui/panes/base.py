from __future__ import annotations

import contextlib
from typing import ClassVar
from uuid import UUID

from textual.containers import Vertical
from textual.widget import Widget

from store import Store, StoreError
from tui.panes.undo import UndoHistory

FILE_FAULTS = (StoreError, OSError, RecursionError, OverflowError, ValueError)
"""What reading or writing the data file can raise (UnicodeError is a ValueError). The
app tells the user of each, once; none of them ends it."""


class Pane(Vertical):
    """A pane of the app. It asks the store and hands what it got down to its widgets.

    A pane imports its dialogs where it opens them, not at the top of its module: the
    first frame needs none of them.
    """

    PANE_ID: ClassVar[str]
    can_focus = True

    def __init__(self, store: Store) -> None:
        super().__init__(id=self.PANE_ID)
        self.store = store
        self.undo_history = UndoHistory(store)
        self.drawn_for: tuple[object, ...] | None = None
        """What the pane was last drawn from, for a pane drawn again when shown only if
        that changed (see ``drawing_for``)."""

    def on_mount(self) -> None:
        # A pane mounted in the background can get here as the app closes: once the
        # user has quit, its children are not mounted; once the shutdown has begun, they
        # are being taken apart. There is nothing to show either way.
        if self.is_attached and self.app.is_running:
            # A file fault: the app tells the user; the pane fills in once the file reads.
            with contextlib.suppress(*FILE_FAULTS):
                self.reload()

    def watch_has_focus(self, _has_focus: bool) -> None:
        # Textual restyles everything inside a widget whose focus changes. Nothing in a
        # pane is styled by the pane's focus, so the pane alone is: on the Board, taking
        # or leaving the focus restyled its columns and every part of them at each switch.
        self.app.stylesheet.update_nodes([self], animate=True)

    def default_focus(self) -> Widget:
        """Where the user starts working in this pane."""
        return self

    def shown(self) -> None:
        """The user switched to this pane."""

    def drawing_for(self) -> tuple[object, ...] | None:
        """What a pane drawn from the whole file depends on, besides its own filters: the
        data file as it is now, the clock to the minute and the theme; None when the file
        cannot be looked at (drawing says what is wrong). Its ``reload`` keeps it, taken
        before reading: a write meanwhile is drawn next time."""
        version = self.store.file_version()
        if version is None:
            return None
        return version, self.store.clock().replace(second=0, microsecond=0), self.app.theme

    def reload_if_changed(self) -> None:
        """Draw again what another pane, session or an undo changed since, or what the
        clock did; drawing it all again when none did would change nothing and make the
        switch a user feels slower."""
        now_for = self.drawing_for()
        if now_for is None or now_for != self.drawn_for:
            self.reload()

    def settle(self) -> None:
        """Save what is shown but not saved yet (the Board saves a move after its frame)."""

    def reload(self, select: UUID | None = None) -> None:
        """Show the store's current state (called when the data file changed on disk),
        the cursor on ``select`` if it is shown."""
        raise NotImplementedError

    def say(self, message: str, timeout: float = 4) -> None:
        """A note to the user; its text is shown as it is, never as markup."""
        self.app.notify(message, timeout=timeout, markup=False)

    def failed(self, error: StoreError, title: str = "Not saved") -> None:
        self.app.notify(str(error), title=title, severity="error", timeout=10, markup=False)

    def action_undo(self) -> None:
        self.settle()
        step = self.undo_history.pop()
        if step is None:
            self.say("Nothing to undo.", timeout=3)
            return
        try:
            restored = step.run()
        except StoreError as error:
            self.failed(error, "Not undone")
            self.reload()
            return
        self.reload(select=restored.id)
        self.say(f"Undid the {step.description}.")
