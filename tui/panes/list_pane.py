"""What the panes that list one kind of record share: the list, search, delete and undo."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, TypeVar
from uuid import UUID

from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import Input

from store import Store, StoreError
from store.models import Record
from tui.panes.base import Pane
from tui.widgets.record_list import RecordList
from tui.widgets.safe_input import SafeInput

R = TypeVar("R", bound=Record)


def list_keys(pane: str, thing: str, *, search: str) -> list[BindingType]:
    """The keys every list pane has, with ids in the pane's own namespace."""
    return [
        Binding("d", "delete", "Delete", show=False, id=f"{pane}.delete",
                tooltip=f"Delete the {thing} (u to undo)"),
        Binding("u", "undo", "Undo", id=f"{pane}.undo", tooltip="Undo the last change"),
        Binding("slash", "search", "Search", id=f"{pane}.search", tooltip=search),
        Binding("escape", "clear", "Clear", show=False, id=f"{pane}.clear",
                tooltip="Clear the search and filter"),
    ]  # fmt: skip


class ListPane(Pane):
    """A pane around one RecordList. Subclasses say what a record is called, how it is
    deleted and edited, and which filters of their own ``escape`` clears."""

    SEARCH_PLACEHOLDER: ClassVar[str]

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.query_text = ""

    def search_input(self) -> Input:
        search = SafeInput(
            placeholder=self.SEARCH_PLACEHOLDER,
            compact=True,
            id=f"{self.PANE_ID}-search",
            classes="list-search",
        )
        search.display = False
        return search

    @property
    def records(self) -> RecordList:
        return self.query_one(RecordList)

    def default_focus(self) -> RecordList:
        return self.records

    def on_focus(self) -> None:
        self.records.focus()

    def shown(self) -> None:
        self.reload()  # what the other panes changed since (a contact added from Progress)

    def show_records(
        self, shown: Sequence[Any], describe: Callable[[Any], Any], select: UUID | None
    ) -> None:
        """Hand the records down to the list, the cursor on ``select`` if it is shown."""
        self.records.set_records(shown, describe)
        for row, record in enumerate(shown):
            if record.id == select:
                self.records.cursor = row

    # --- changes ------------------------------------------------------------------------

    def _saved(self, record: Record | None) -> None:
        if record is not None:
            self.reload(select=record.id)

    def edited(self, description: str, before: R, saved: R | None) -> None:
        """An edit saved from a form: undoable, unless it went over another session's
        change (then the user chose between versions, and undo would lose one)."""
        if saved is not None and saved.rev == before.rev + 1:
            self.undo_history.remember_change(description, before, saved)
        self._saved(saved)

    def delete_current(self, delete: Callable[[UUID], R], description: Callable[[R], str]) -> None:
        """Delete the record under the cursor; ``u`` brings it back as it was."""
        record = self.records.current
        if record is None:
            return
        try:
            deleted = delete(record.id)
        except StoreError as error:
            self.failed(error, "Not deleted")
            return
        what = description(deleted)
        self.undo_history.remember(f"delete of {what}", lambda: self.store.restore(deleted))
        self.reload()
        self.say(f"Deleted {what}. Press u to undo.", 6)

    @on(RecordList.Chosen)
    def _chosen(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        raise NotImplementedError

    # --- search and filters -------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one(".list-search", Input)
        search.display = True
        search.focus()

    @on(Input.Changed, ".list-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.reload()

    @on(Input.Submitted, ".list-search")
    def _search_done(self) -> None:
        self.records.focus()

    def filtered(self) -> bool:
        """Whether a filter of the pane's own narrows the list."""
        return False

    def clear_filters(self) -> None:
        """Drop the pane's own filters."""

    def action_clear(self) -> None:
        search = self.query_one(".list-search", Input)
        search.value = ""
        search.display = False
        self.query_text = ""
        self.clear_filters()
        self.reload()
        self.records.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return bool(self.undo_history) or None
        if action == "clear":
            search = self.query_one(".list-search", Input)
            return bool(self.query_text or self.filtered() or search.display)
        return True
