"""The shape every form shares: tab between fields, ctrl+s or enter saves, escape cancels."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui.dialogs import FIELD_NAVIGATION

ResultT = TypeVar("ResultT")


class Form(ModalScreen[ResultT]):
    """A modal form. Subclasses compose their fields, end with :meth:`form_end`, and
    implement ``action_save``; cancelling dismisses with None and changes nothing."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *FIELD_NAVIGATION,
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        # Not priority: a save must come after the keys typed before it.
        Binding("ctrl+s", "save", "Save", id="form.save"),
    ]

    def form_end(self) -> ComposeResult:
        """The form-wide error line and the buttons."""
        yield Static(classes="field-error", id="error-form")
        with Horizontal(classes="dialog-buttons"):
            yield Button("Save  ctrl+s", variant="primary", id="save", compact=True)
            yield Button("Cancel  esc", id="cancel", compact=True)

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _enter_saves(self) -> None:
        self.action_save()
