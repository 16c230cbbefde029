"""The lines kept for hard days: read them again, reword one, let one go."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from store import Affirmation, Store, StoreError
from tui.dialogs.text_prompt import TextPrompt
from tui.panes.undo import UndoHistory
from tui.widgets.record_list import RecordList
from tui.widgets.safe_text import one_line


class AffirmationsDialog(ModalScreen[None]):
    """Every affirmation, in the order kept; ``e`` rewords one, ``d`` deletes it, ``u``
    undoes."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="affirmations.close"),
        Binding("e", "edit", "Edit", id="affirmations.edit"),
        Binding("d", "delete", "Delete", id="affirmations.delete"),
        Binding("u", "undo", "Undo", id="affirmations.undo"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.undo_history = UndoHistory(store)
        # Read as the dialog is opened, not as it is drawn: a file fault met then is told
        # by the app like any key's, where one met while drawing would end the app.
        self.kept = store.affirmations.all()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="affirmations"):
            yield Static("Kept for hard days", classes="dialog-title")
            yield RecordList(id="affirmations-list")
            yield Static(classes="dialog-note", id="affirmations-note")

    def on_mount(self) -> None:
        self.query_one("#affirmations").border_subtitle = "e edit · d delete · u undo · esc close"
        self._show(read=False)
        self.query_one(RecordList).focus()

    def _show(self, select: Affirmation | None = None, read: bool = True) -> None:
        kept = self.kept = self.store.affirmations.all() if read else self.kept
        records = self.query_one(RecordList)
        records.set_records(kept, lambda a: one_line(" " + a.text))
        for row, affirmation in enumerate(kept):
            if select is not None and affirmation.id == select.id:
                records.cursor = row
        note = "" if kept else "Nothing kept yet: a on the Journal keeps a line for hard days."
        self.query_one("#affirmations-note", Static).update(Text(note))

    def _failed(self, error: StoreError) -> None:
        self.app.notify(str(error), title="Not saved", severity="error", markup=False)
        self._show()

    @on(RecordList.Chosen)
    def _chosen(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        current: Affirmation | None = self.query_one(RecordList).current
        if current is None:
            return

        def reworded(text: str | None) -> None:
            if text is None or not text.strip() or text == current.text:
                return
            try:
                saved = self.store.affirmations.update(current.model_copy(update={"text": text}))
            except StoreError as error:
                self._failed(error)
                return
            self.undo_history.remember_change("edit", current, saved)
            self._show(saved)

        self.app.push_screen(
            TextPrompt(
                "Reword it",
                note="enter keeps it · esc cancels",
                value=current.text,
                replace_value=False,
            ),
            reworded,
        )

    def action_delete(self) -> None:
        current: Affirmation | None = self.query_one(RecordList).current
        if current is None:
            return
        try:
            deleted = self.store.affirmations.delete(current.id)
        except StoreError as error:
            self._failed(error)
            return
        self.undo_history.remember("delete", lambda: self.store.restore(deleted))
        self._show()

    def action_undo(self) -> None:
        step = self.undo_history.pop()
        if step is None:
            return
        try:
            restored = step.run()
        except StoreError as error:
            self._failed(error)
            return
        self._show(restored if isinstance(restored, Affirmation) else None)

    def action_close(self) -> None:
        self.dismiss(None)
