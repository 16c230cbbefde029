"""After a "no": a short reflection, so the rejection teaches something.

The questions can be skipped ("Reject without notes"); escape cancels the rejection.
"""

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
from tui.dialogs import FIELD_NAVIGATION, field_row, heading
from tui.dialogs.unsaved import KeepsWhatWasTyped, ready_to_save
from tui.widgets.safe_fields import SafeInput, SafeTextArea
from tui.widgets.safe_text import paragraph

ReflectionResult = tuple[Rejection, bool]
"""The reflection, and whether the user wants to write about it in the journal."""


class ReflectionDialog(KeepsWhatWasTyped, ModalScreen[ReflectionResult | None]):
    """Dismisses with the reflection (the bare rejection without notes), or None when
    cancelled: then nothing is rejected."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *FIELD_NAVIGATION,
        Binding("escape", "cancel", "Cancel", id="reflection.cancel"),
        Binding(
            "ctrl+n",
            "without_notes",
            "Reject without notes",
            priority=True,
            id="reflection.without_notes",
        ),
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
        self,
        application: Application,
        now: datetime,
        addressee: Contact | None = None,
        reason: RejectionReason = RejectionReason.UNKNOWN,
        typed: Rejection | None = None,
    ) -> None:
        """``reason``: the one chosen to start with (no response, for a card long silent).
        ``typed``: a reflection written before, whose save failed: shown, and asked about
        before it is thrown away."""
        super().__init__()
        self.application = application
        self.now = now
        self.addressee = addressee
        """The linked hiring manager or recruiter a request for feedback goes to."""
        self.existing = application.rejection or Rejection(
            reached=stage_before_rejection(application), reason=reason
        )
        self.shown = typed or self.existing
        self.holds_words_already = typed is not None
        self.feedback_requested_at = self.shown.feedback_requested_at

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="reflection"):
            yield from heading(
                f"A “no” from {self.application.company}",
                "One decision about one role, not a verdict on you. "
                "A minute here turns it into something you can use.",
            )
            yield field_row(
                "Got as far as",
                Select(
                    [(stage.label, stage) for stage in PIPELINE],
                    value=self.shown.reached,
                    allow_blank=False,
                    compact=True,
                    id="reached",
                ),
            )
            yield field_row(
                "Reason",
                Select(
                    [(reason.label, reason) for reason in RejectionReason],
                    value=self.shown.reason,
                    allow_blank=False,
                    compact=True,
                    id="reason",
                ),
            )
            yield field_row(
                "Feedback",
                Vertical(
                    SafeTextArea(self.shown.feedback, compact=True, soft_wrap=True, id="feedback"),
                    classes="text-box",
                ),
            )
            yield field_row("Next time", SafeInput(
                self.shown.lesson, placeholder="what you will do differently",
                compact=True, id="lesson",
            ))  # fmt: skip
            status = Static(self._feedback_status(), id="feedback-status", classes="dialog-note")
            status.display = bool(self._feedback_status())  # empty, its line goes to the row below
            yield status
            # A row of its own: beside Save and Journal it is cut at 60 columns.
            with Horizontal(classes="dialog-buttons"):
                yield Button("Ask for feedback  ctrl+f", id="ask-feedback", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save", compact=True)
                yield Button("Journal  ctrl+j", id="journal", compact=True)
            # A row of their own: every label fits from 60 columns.
            with Horizontal(classes="dialog-buttons"):
                yield Button("Reject without notes  ctrl+n", id="without-notes", compact=True)
                yield Button("Cancel  esc", id="cancel", compact=True)

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

    # The reflection is saved by whoever opened the dialog, once it has closed: it stays
    # open while the data file is gone, so the words are not lost with it.
    def action_save(self) -> None:
        if ready_to_save(self.app):
            self.dismiss((self._reflection(), False))

    def action_save_and_journal(self) -> None:
        if ready_to_save(self.app):
            self.dismiss((self._reflection(), True))

    def action_without_notes(self) -> None:
        if ready_to_save(self.app):
            self.dismiss((self.existing, False))

    def action_cancel(self) -> None:
        self.leave()

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
        status.display = True

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#journal")
    def _journal_pressed(self) -> None:
        self.action_save_and_journal()

    @on(Button.Pressed, "#without-notes")
    def _without_notes_pressed(self) -> None:
        self.action_without_notes()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#ask-feedback")
    def _ask_pressed(self) -> None:
        self.action_ask_feedback()
