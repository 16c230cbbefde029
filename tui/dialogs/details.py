"""Everything about one application: fields, the stage timeline, the reflection, the journal."""

from __future__ import annotations

from typing import ClassVar
from uuid import UUID

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store import Application, Contact, Stage, Store
from store.board import days_in_stage
from store.models import ContactLink
from store.pay import parse_pay
from store.people import linked_to
from tui.agenda_text import interviews_text
from tui.dialogs.application_form import ApplicationForm
from tui.dialogs.record_details import RecordDetails
from tui.widgets.safe_text import one_line, paragraph, printable
from tui.wording import counted


class ApplicationDetails(RecordDetails[Application]):
    """Everything about one application; ``e`` edits it."""

    DIALOG_ID = "details"
    KEYS = "e edit · p people · esc close"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "people", "People", id="details.people", tooltip="To the people linked"),
    ]

    def __init__(self, store: Store, application_id: UUID) -> None:
        super().__init__(store, store.applications.get(application_id))
        self.people: list[tuple[Contact, ContactLink]] = []

    def below_content(self) -> ComposeResult:
        # The people are a list of their own, so enter on one opens their details; the
        # posting comes last, as the longest.
        yield OptionList(id="details-people")
        yield Static(id="details-posting")

    def title_of(self, application: Application) -> str:
        return f"{application.company} — {application.role}"

    def show(self, application: Application) -> None:
        super().show(application)
        self.people = linked_to(self.store.people.contacts(), application.id)
        people = self.query_one("#details-people", OptionList)
        people.clear_options()
        people.add_options(Option(self._person(c, link)) for c, link in self.people)
        people.display = bool(self.people)
        # The posting as it was when the user applied.
        posting = self.query_one("#details-posting", Static)
        posting.display = bool(application.posting)
        posting.update(Text.assemble(("The posting\n", "bold"), paragraph(application.posting)))

    @staticmethod
    def _person(contact: Contact, link: ContactLink) -> Text:
        line = Text(printable(contact.name), no_wrap=True, overflow="ellipsis")
        reach = contact.email or contact.phone
        line.append(f"  {link.role.label}" + (f", {printable(reach)}" if reach else ""), "dim")
        return line

    def content(self, a: Application) -> Table:
        now = self.store.clock()
        table, row = self.grid()

        stage = f"{a.stage.label}, for {counted(days_in_stage(a, now), 'day')}"
        if a.archived:
            stage += f" (archived: {a.archived.value.replace('_', ' ')})"
        row("Stage", stage)
        row("Excitement", "★" * a.excitement + "☆" * (5 - a.excitement))
        row("Posting", a.url)
        row("Location", a.location)
        if a.salary:
            pay = parse_pay(a.salary)
            salary = one_line(a.salary)
            read = f"  read as {pay}" if pay else "  no amount read"
            salary.append("" if a.pay else read, style="dim")
            row("Salary", salary)
        if a.pay:
            row("Pay", Text(str(a.pay)).append("  entered by hand", style="dim"))
        row("Found via", a.source)
        row("Résumé", a.resume)
        row("Cover letter", a.cover_letter)
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
        if (decision := a.offer_decision) is not None:
            timeline.append(f"\n{decision.at:%Y-%m-%d}  ", style="dim")
            timeline.append(f"Offer {decision.outcome.value}", style="bold")
            if decision.reason:
                timeline.append(f": {printable(decision.reason)}")
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
        table.add_row("", "")
        if linked_to(self.store.people.contacts(), a.id):
            table.add_row("People", Text("p goes to them, enter opens one", "dim"))

        else:
            table.add_row("People", Text("nobody linked yet: p on the board adds someone", "dim"))
        return table

    def action_people(self) -> None:
        if self.people:
            people = self.query_one("#details-people", OptionList)
            people.highlighted = people.highlighted or 0
            people.focus()

    @on(OptionList.OptionSelected, "#details-people")
    def _open_person(self, event: OptionList.OptionSelected) -> None:
        from tui.dialogs.contact_details import ContactDetails

        contact, _ = self.people[event.option_index]
        self.app.push_screen(
            ContactDetails(self.store, contact.id), lambda _: self.show(self.record)
        )

    def action_edit(self) -> None:
        self.app.push_screen(ApplicationForm(self.store, editing=self.record), self.changed_here)
