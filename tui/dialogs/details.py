"""Everything about one application: fields, the stage timeline, the reflection, the journal."""

from __future__ import annotations

from uuid import UUID

from rich.table import Table
from rich.text import Text

from store import Application, Stage, Store
from store.board import days_in_stage
from store.people import linked_to
from tui.agenda_text import interviews_text
from tui.dialogs.application_form import ApplicationForm
from tui.dialogs.record_details import RecordDetails
from tui.widgets.safe_text import paragraph, printable


class ApplicationDetails(RecordDetails[Application]):
    """Everything about one application; ``e`` edits it."""

    DIALOG_ID = "details"

    def __init__(self, store: Store, application_id: UUID) -> None:
        super().__init__(store, store.applications.get(application_id))

    def title_of(self, application: Application) -> str:
        return f"{application.company} — {application.role}"

    def content(self, a: Application) -> Table:
        now = self.store.clock()
        table, row = self.grid()

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

    def action_edit(self) -> None:
        self.app.push_screen(ApplicationForm(self.store, editing=self.record), self.changed_here)
