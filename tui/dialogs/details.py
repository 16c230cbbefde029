"""Everything about one application: fields, the stage timeline, the reflection, the journal."""

from __future__ import annotations

from typing import ClassVar
from uuid import UUID

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from store import Application, Stage, Store
from store.board import days_in_stage
from store.people import linked_to
from tui.agenda_text import interviews_text
from tui.dialogs.application_form import ApplicationForm
from tui.widgets.safe_text import one_line, paragraph, printable


class ApplicationDetails(ModalScreen[Application | None]):
    """Read-only view; ``e`` edits. Dismisses with the application if it was edited."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", id="details.close"),
        Binding("e", "edit", "Edit", id="details.edit"),
    ]

    def __init__(self, store: Store, application_id: UUID) -> None:
        super().__init__()
        self.store = store
        self.application = store.applications.get(application_id)
        self.edited: Application | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="details"):
            yield Static(id="details-title", classes="dialog-title")
            with VerticalScroll(classes="dialog-body", id="details-body"):
                yield Static(id="details-content")

    def on_mount(self) -> None:
        self.query_one("#details").border_subtitle = "e edit · esc close"
        self._show(self.application)
        self.query_one("#details-body").focus()

    def _show(self, application: Application) -> None:
        title = paragraph(f"{application.company} — {application.role}")
        self.query_one("#details-title", Static).update(title)
        self.query_one("#details-content", Static).update(self._content(application))

    def _content(self, a: Application) -> Table:
        now = self.store.clock()
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)

        def row(label: str, value: Text | str) -> None:
            if value:
                table.add_row(label, value if isinstance(value, Text) else one_line(value))

        stage = f"{a.stage.label}, for {days_in_stage(a, now)} days"
        if a.archived:
            stage += f" (archived: {a.archived.value.replace('_', ' ')})"
        row("Stage", stage)
        row("Excitement", "★" * a.excitement + "☆" * (5 - a.excitement))
        row("Posting", a.url)
        row("Location", a.location)
        row("Salary", a.salary)
        row("Found via", a.source)
        row("Tags", ", ".join(a.tags))
        if a.next_action:
            due = f" (due {a.next_action_due:%Y-%m-%d})" if a.next_action_due else ""
            row("Next action", a.next_action + due)
        row("Notes", paragraph(a.notes))
        table.add_row("", "")
        timeline = Text()
        for n, change in enumerate(a.history):
            timeline.append(f"{change.at:%Y-%m-%d}  ", style="dim")
            timeline.append(change.stage.label, style="bold" if n == len(a.history) - 1 else "")
            if n < len(a.history) - 1:
                timeline.append("\n")
        table.add_row("History", timeline)
        if a.interviews:
            table.add_row("Interviews", interviews_text(a, now))
        if a.rejection is not None and a.stage is Stage.REJECTED:
            r = a.rejection
            table.add_row("", "")
            row("Got as far as", r.reached.label)
            row("Reason", r.reason.label)
            row("Feedback", paragraph(r.feedback))
            row("Next time", paragraph(r.lesson))
            if r.feedback_requested_at:
                row("Feedback asked", f"{r.feedback_requested_at:%Y-%m-%d}")
        people = linked_to(self.store.people.contacts(), a.id)
        table.add_row("", "")
        if people:
            names = Text()
            for n, (contact, link) in enumerate(people):
                names.append(printable(contact.name))
                reach = contact.email or contact.phone
                names.append(f"  {link.role.label}" + (f", {printable(reach)}" if reach else ""),
                             style="dim")  # fmt: skip
                if n < len(people) - 1:
                    names.append("\n")
            table.add_row("People", names)
        else:
            table.add_row("People", Text("nobody linked yet: p on the board adds someone", "dim"))
        entries = [e for e in self.store.journal.entries() if e.application_id == a.id]
        if entries:
            table.add_row("", "")
            journal = Text()
            for n, entry in enumerate(entries):
                journal.append(f"{entry.at:%Y-%m-%d}  {entry.mood.label:<6} ", style="dim")
                journal.append(paragraph(entry.text.splitlines()[0] if entry.text else ""))
                if n < len(entries) - 1:
                    journal.append("\n")
            table.add_row("Journal", journal)
        return table

    def action_close(self) -> None:
        self.dismiss(self.edited)

    def action_edit(self) -> None:
        def saved(application: Application | None) -> None:
            if application is not None:
                self.application = self.edited = application
                self._show(application)

        self.app.push_screen(ApplicationForm(self.store, editing=self.application), saved)
