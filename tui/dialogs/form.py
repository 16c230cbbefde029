"""The shape every form shares: tab between fields, ctrl+s or enter saves, escape cancels."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static, TextArea

from tui.dialogs import FIELD_NAVIGATION
from tui.dialogs.unsaved import KeepsWhatWasTyped, ready_to_save

ResultT = TypeVar("ResultT")


class Form(KeepsWhatWasTyped, ModalScreen[ResultT]):
    """A modal form. Subclasses compose their fields, end with :meth:`form_end`, and
    implement ``action_save``; cancelling dismisses with None and changes nothing (asked
    first, once something was typed)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *FIELD_NAVIGATION,
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        # Not priority: a save must come after the keys typed before it.
        Binding("ctrl+s", "submit", "Save", id="form.save"),
    ]

    def form_end(self) -> ComposeResult:
        """The form-wide error line and the buttons."""
        yield Static(classes="field-error", id="error-form")
        with Horizontal(classes="dialog-buttons"):
            yield Button("Save  ctrl+s", variant="primary", id="save", compact=True)
            yield Button("Cancel  esc", id="cancel", compact=True)

    def action_submit(self) -> None:
        """ctrl+s, enter or the Save button: the save, unless the data file is gone."""
        if ready_to_save(self.app):
            self.action_save()

    def action_save(self) -> None:
        raise NotImplementedError

    def problems(self) -> dict[str, str] | None:
        """What is wrong with each field now, without saving: a field name (or "form")
        to its message. None from a form that cannot tell before it saves."""
        return None

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _recheck(self) -> None:
        """An error shown goes as soon as its field is valid (the others stay until then)."""
        shown = [m for m in self.query(".field-error").results(Static) if m.display]
        if not shown or (problems := self.problems()) is None:
            return
        for message in shown:
            field = str(message.id).removeprefix("error-")
            if field != "form" and field not in problems:
                message.update("")
                message.display = False

    def action_cancel(self) -> None:
        self.leave()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _enter_saves(self) -> None:
        self.action_submit()
