"""Asked before an interview is removed: y removes it, n or escape keeps it."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from store import Application
from store.models import Interview
from tui.agenda_text import interview_time
from tui.widgets.safe_text import paragraph


class RemoveInterview(ModalScreen[bool]):
    """Dismisses with True to remove the interview, False to keep it."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Remove", id="remove_interview.yes"),
        Binding("n,escape", "answer(False)", "Keep", id="remove_interview.no"),
    ]

    def __init__(self, application: Application, interview: Interview, now: datetime) -> None:
        super().__init__()
        self.application = application
        self.interview = interview
        self.now = now

    def compose(self) -> ComposeResult:
        a, i = self.application, self.interview
        with Vertical(classes="dialog", id="text-prompt"):
            yield Static(
                paragraph(f"Remove the {i.kind.label} at {a.company}?"), classes="dialog-title"
            )
            yield Static(
                paragraph(f"{interview_time(i, self.now)} · y removes it (u brings it back) "
                          "· n keeps it"),
                classes="dialog-note",
            )  # fmt: skip

    def action_answer(self, remove: bool) -> None:
        self.dismiss(remove)
