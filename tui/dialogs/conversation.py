"""Log a conversation with a contact: how, and a line of what about."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store import Contact
from tui.dialogs import FIELD_NAVIGATION, field_row
from tui.widgets.safe_fields import SafeInput
from tui.widgets.safe_text import paragraph

Logged = tuple[str, str]
"""(channel, notes)"""


class ConversationDialog(ModalScreen[Logged | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *FIELD_NAVIGATION,
        Binding("escape", "cancel", "Cancel", id="conversation.cancel"),
    ]

    def __init__(self, contact: Contact, answer: Logged | None = None) -> None:
        """``answer``: what was given before, whose save failed."""
        super().__init__()
        self.contact = contact
        self.channel, self.notes = answer or ("", "")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="conversation"):
            yield Static(paragraph(f"A conversation with {self.contact.name}, today"),
                         classes="dialog-title")  # fmt: skip
            yield field_row(
                "How",
                SafeInput(
                    self.channel,
                    placeholder="call, coffee, email, LinkedIn…",
                    compact=True,
                    id="conversation-channel",
                ),
            )
            yield field_row("About", SafeInput(self.notes, placeholder="a line, if you like",
                                               compact=True, id="conversation-notes"))  # fmt: skip
            yield Static("enter logs it · esc cancels", classes="dialog-note")

    def on_mount(self) -> None:
        self.query_one("#conversation-channel").focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        channel = self.query_one("#conversation-channel", Input).value
        notes = self.query_one("#conversation-notes", Input).value
        self.dismiss((channel, notes))

    def action_cancel(self) -> None:
        self.dismiss(None)
