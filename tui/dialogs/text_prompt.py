"""Ask for one line of text."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.widgets.safe_fields import SafeInput
from tui.widgets.safe_text import paragraph


class TextPrompt(ModalScreen[str | None]):
    """Dismisses with the text (enter), or None (escape)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel")
    ]

    def __init__(
        self,
        title: str,
        placeholder: str = "",
        note: str = "",
        value: str = "",
        *,
        replace_value: bool = True,
    ) -> None:
        """``replace_value``: the first key typed replaces ``value``; else it edits it."""
        super().__init__()
        self.replace_value = replace_value
        self.title_text = title
        self.placeholder = placeholder
        self.note = note
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="text-prompt"):
            yield Static(paragraph(self.title_text), classes="dialog-title")
            yield SafeInput(self.value, placeholder=self.placeholder, compact=True,
                            select_on_focus=self.replace_value, id="prompt-text")  # fmt: skip
            yield Static(paragraph(self.note), classes="dialog-note")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
