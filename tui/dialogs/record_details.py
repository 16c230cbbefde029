"""What the details dialogs share: a title, a scrolling table of fields, e to edit."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Generic, TypeVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from store import Store
from store.models import Record
from tui.widgets.safe_text import one_line, paragraph

R = TypeVar("R", bound=Record)

Row = Callable[[str, Text | str], None]
"""Adds a labelled row to the table, when there is something to show."""


class RecordDetails(ModalScreen[R | None], Generic[R]):
    """Read-only view of one record; ``e`` edits it. Dismisses with the record if it
    changed here, else None."""

    CSS_PATH = "dialogs.tcss"
    DIALOG_ID: ClassVar[str]
    KEYS: ClassVar[str] = "e edit · esc close"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", id="details.close"),
        Binding("e", "edit", "Edit", id="details.edit"),
    ]

    def __init__(self, store: Store, record: R) -> None:
        super().__init__()
        self.store = store
        self.record = record
        self.changed: R | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id=self.DIALOG_ID):
            yield Static(id=f"{self.DIALOG_ID}-title", classes="dialog-title")
            with VerticalScroll(classes="dialog-body", id=f"{self.DIALOG_ID}-body"):
                yield Static(id=f"{self.DIALOG_ID}-content")
                yield from self.below_content()

    def on_mount(self) -> None:
        self.query_one(f"#{self.DIALOG_ID}").border_subtitle = self.KEYS
        self.show(self.record)
        self.query_one(f"#{self.DIALOG_ID}-body").focus()

    def show(self, record: R) -> None:
        title = self.query_one(f"#{self.DIALOG_ID}-title", Static)
        title.update(paragraph(self.title_of(record)))
        self.query_one(f"#{self.DIALOG_ID}-content", Static).update(self.content(record))

    def below_content(self) -> ComposeResult:
        """Widgets under the table, in the scrolling body (none unless a view adds them)."""
        yield from ()

    def title_of(self, record: R) -> str:
        raise NotImplementedError

    def content(self, record: R) -> Table:
        raise NotImplementedError

    @staticmethod
    def grid() -> tuple[Table, Row]:
        """A two-column table of labels and values, and its ``row`` function."""
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)

        def row(label: str, value: Text | str) -> None:
            if value:
                table.add_row(label, value if isinstance(value, Text) else one_line(value))

        return table, row

    def changed_here(self, record: R | None) -> None:
        """A form or a dialog opened from here saved ``record``: show it."""
        if record is not None:
            self.record = self.changed = record
            self.show(record)

    def action_close(self) -> None:
        self.dismiss(self.changed)

    def action_edit(self) -> None:
        raise NotImplementedError
