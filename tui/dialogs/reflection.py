"""After a "no": a short reflection, so the rejection teaches something. Skippable."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static, TextArea

from store import PIPELINE, Application, Contact, Rejection, RejectionReason
from store.board import feedback_request, stage_before_rejection
from tui.dialogs import FIELD_NAVIGATION, field_row
from tui.widgets.safe_fields import SafeInput, SafeTextArea
from tui.widgets.safe_text import paragraph

ReflectionResult = tuple[Rejection, bool]
"""The reflection, and whether the user wants to write about it in the journal."""


class ReflectionDialog(ModalScreen[ReflectionResult | None]):
    """Dismisses with the reflection, or None when skipped with escape."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *FIELD_NAVIGATION,
        Binding("escape", "skip", "Skip", id="reflection.skip"),
        # Not priority: a save must come after the keys typed before it.
        Binding("ctrl+s", "save", "Save", id="reflection.save"),
        Binding(
            "ctrl+j",
            "save_and_journal",
            "Save and write about it",
            priority=True,
            id="reflection.journal",
        ),
        Binding(
            "ctrl+f",
            "ask_feedback",
            "Ask for feedback",
            priority=True,
            id="reflection.ask_feedback",
        ),
    ]

    def __init__(
        self, application: Application, now: datetime, addressee: Contact | None = None
    ) -> None:
        super().__init__()
        self.application = application
        self.now = now
        self.addressee = addressee
        """The linked hiring manager or recruiter a request for feedback goes to."""
        self.existing = application.rejection or Rejection(
            reached=stage_before_rejection(application)
        )
        self.feedback_requested_at = self.existing.feedback_requested_at

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="reflection"):
            yield Static(
                paragraph(f"A “no” from {self.application.company}"), classes="dialog-title"
            )
            yield Static(
                "One decision about one role, not a verdict on you. "
                "A minute here turns it into something you can use.",
                classes="dialog-subtitle",
            )
            yield field_row(
                "Got as far as",
                Select(
                    [(stage.label, stage) for stage in PIPELINE],
                    value=self.existing.reached,
                    allow_blank=False,
                    compact=True,
                    id="reached",
                ),
            )
            yield field_row(
                "Reason",
                Select(
                    [(reason.label, reason) for reason in RejectionReason],
                    value=self.existing.reason,
                    allow_blank=False,
                    compact=True,
                    id="reason",
                ),
            )
            yield field_row(
                "Feedback",
                Vertical(
                    SafeTextArea(
                        self.existing.feedback, compact=True, soft_wrap=True, id="feedback"
                    ),
                    classes="text-box",
                ),
            )
            yield field_row("Next time", SafeInput(
                self.existing.lesson, placeholder="what you will do differently",
                compact=True, id="lesson",
            ))  # fmt: skip
            yield Static(self._feedback_status(), id="feedback-status", classes="dialog-note")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save", compact=True)
                yield Button("Journal  ctrl+j", id="journal", compact=True)
                yield Button("Ask for feedback  ctrl+f", id="ask-feedback", compact=True)
                yield Button("Skip  esc", id="skip", compact=True)

    def on_mount(self) -> None:
        self.query_one("#reason").focus()

    def _feedback_status(self) -> str:
        if self.feedback_requested_at is None:
            return ""
        return f"Feedback asked for on {self.feedback_requested_at:%Y-%m-%d}."

    def _reflection(self) -> Rejection:
        return Rejection(
            reached=self.query_one("#reached", Select).value,
            reason=self.query_one("#reason", Select).value,
            feedback=self.query_one("#feedback", TextArea).text,
            lesson=self.query_one("#lesson", Input).value,
            feedback_requested_at=self.feedback_requested_at,
        )

    def action_save(self) -> None:
        self.dismiss((self._reflection(), False))

    def action_save_and_journal(self) -> None:
        self.dismiss((self._reflection(), True))

    def action_skip(self) -> None:
        self.dismiss(None)

    def action_ask_feedback(self) -> None:
        """Draft the request, put it on the clipboard (OSC 52 works over SSH), note the date."""
        to = self.addressee
        text = feedback_request(self.application, to.name if to else "")
        self.app.copy_to_clipboard(text)
        self.feedback_requested_at = self.now
        status = self.query_one("#feedback-status", Static)
        where = "an email"
        if to is not None:
            where = f"an email to {to.name}" + (f" ({to.email})" if to.email else "")
        status.update(paragraph(f"Copied to your clipboard — paste it into {where}:\n\n{text}"))

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#journal")
    def _journal_pressed(self) -> None:
        self.action_save_and_journal()

    @on(Button.Pressed, "#skip")
    def _skip_pressed(self) -> None:
        self.action_skip()

    @on(Button.Pressed, "#ask-feedback")
    def _ask_pressed(self) -> None:
        self.action_ask_feedback()
