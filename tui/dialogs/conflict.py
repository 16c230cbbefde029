"""Another session saved the same record meanwhile: show both versions, let the user choose."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal

from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.dialogs import heading
from tui.widgets.safe_text import paragraph

Choice = Literal["mine", "theirs", "edit"]


class ConflictDialog(ModalScreen[Choice]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "choose('mine')", "Keep mine", id="conflict.mine"),
        Binding("t", "choose('theirs')", "Take theirs", id="conflict.theirs"),
        Binding("escape", "choose('edit')", "Back to editing", id="conflict.edit"),
    ]

    def __init__(self, differences: dict[str, tuple[Any, Any]]) -> None:
        """``differences`` maps a field's label to (theirs, mine)."""
        super().__init__()
        self.differences = differences

    def compose(self) -> ComposeResult:
        table = Table(expand=True, show_edge=False)
        table.add_column("", style="bold", no_wrap=True)
        table.add_column("saved in the other session")
        table.add_column("yours")
        for label, (theirs, mine) in self.differences.items():
            table.add_row(label, paragraph(_shown(theirs)), paragraph(_shown(mine)))
        with Vertical(classes="dialog", id="conflict"):
            yield from heading(
                "Changed in another session",
                "This was saved somewhere else while you were editing. Nothing has been "
                "overwritten. Which version should stay?",
            )
            with VerticalScroll(classes="dialog-body"):
                yield Static(table)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep mine  m", id="mine", compact=True)
                yield Button("Take theirs  t", id="theirs", compact=True)
                yield Button("Back  esc", id="edit", compact=True)

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)  # type: ignore[arg-type]


def _shown(value: Any) -> str:
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def ask_which_version(
    form: ModalScreen[Any],
    theirs: Any,
    differences: dict[str, tuple[Any, Any]],
    save_mine_over: Callable[[Any], None],
) -> None:
    """Show both versions over ``form``: taking theirs closes the form with their record;
    keeping mine saves the form again on top of their version; back leaves the form open."""

    def chosen(choice: Choice | None) -> None:
        if choice == "theirs":
            form.dismiss(theirs)
        elif choice == "mine":
            save_mine_over(theirs)

    form.app.push_screen(ConflictDialog(differences), chosen)
