"""Everything about one application: fields, the stage timeline, the reflection, the journal."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar
from uuid import UUID

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store import Application, Contact, Stage, Store, StoreError
from store.board import days_in_stage
from store.models import ContactLink, Interview
from store.pay import parse_pay
from store.people import linked_to
from tui.agenda_text import in_order, interview_text
from tui.dialogs.application_form import ApplicationForm
from tui.dialogs.interview_outcome import OutcomeFlow
from tui.dialogs.record_details import RecordDetails
from tui.panes.undo import UndoHistory
from tui.widgets.safe_text import one_line, paragraph, printable
from tui.wording import counted

if TYPE_CHECKING:  # the form is imported when it opens
    from store.repository.interviews import Booked


class ApplicationDetails(RecordDetails[Application]):
    """Everything about one application; ``e`` edits it."""

    DIALOG_ID = "details"
    KEYS = "e edit · p people · esc close"
    KEYS_WITH_INTERVIEWS = "e edit · i interviews · p people · esc close"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "people", "People", id="details.people",
                tooltip="To the people linked, or link someone"),
        Binding("i", "interviews", "Interviews", id="details.interviews",
                tooltip="To the interviews: enter edits one, o notes what came of it, x removes"),
        Binding("o", "outcome", "Outcome", id="details.outcome",
                tooltip="What came of the interview chosen, and how it went"),
        Binding("x", "remove_interview", "Remove", id="details.remove_interview",
                tooltip="Remove the interview chosen (asked first, u to undo)"),
        Binding("u", "undo", "Undo", id="details.undo", tooltip="Undo the last change"),
    ]  # fmt: skip

    def __init__(
        self, store: Store, application_id: UUID, undo_history: UndoHistory | None = None
    ) -> None:
        """``undo_history``: the opener's, so what is done here can be undone after too."""
        super().__init__(store, store.applications.get(application_id))
        self.people: list[tuple[Contact, ContactLink]] = []
        self.interviews: list[Interview] = []
        self.undo_history = undo_history if undo_history is not None else UndoHistory(store)

    def below_content(self) -> ComposeResult:
        # The interviews and the people are lists of their own, so enter on one opens it;
        # the posting comes last, as the longest.
        yield OptionList(id="details-interviews")
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
        self.interviews = in_order(application)
        interviews = self.query_one("#details-interviews", OptionList)
        highlighted = interviews.highlighted
        interviews.clear_options()
        now = self.store.clock()
        interviews.add_options(Option(interview_text(i, now)) for i in self.interviews)
        interviews.display = bool(self.interviews)
        keys = self.KEYS_WITH_INTERVIEWS if self.interviews else self.KEYS
        self.query_one(f"#{self.DIALOG_ID}").border_subtitle = keys
        if highlighted is not None and self.interviews:
            interviews.highlighted = min(highlighted, len(self.interviews) - 1)
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
            table.add_row("People", Text("nobody linked yet: p links someone", "dim"))
        if a.interviews:  # listed under the table
            hint = "i goes to them: enter edits, o outcome, x removes"
            table.add_row("Interviews", Text(hint, "dim"))
        return table

    def action_people(self) -> None:
        """To the people linked; with nobody linked yet, link someone, as p on the board."""
        if self.people:
            people = self.query_one("#details-people", OptionList)
            people.highlighted = people.highlighted or 0
            people.focus()
            return
        from tui.dialogs.link_contact import LinkContactDialog

        def linked(contact: Contact | None) -> None:
            if contact is not None:
                self.show(self.store.applications.get(self.record.id))

        self.app.push_screen(LinkContactDialog(self.store, self.record), linked)

    @on(OptionList.OptionSelected, "#details-people")
    def _open_person(self, event: OptionList.OptionSelected) -> None:
        from tui.dialogs.contact_details import ContactDetails

        contact, _ = self.people[event.option_index]
        self.app.push_screen(
            ContactDetails(self.store, contact.id), lambda _: self.show(self.record)
        )

    def action_edit(self) -> None:
        before = self.record

        def saved(after: Application | None) -> None:
            # A step of the opener's undo, as an edit from the board is: only over this
            # session's own save (after a conflict, undo would lose the other session's).
            if after is not None and after.rev == before.rev + 1:
                self.undo_history.remember_change(f"edit of {before.company}", before, after)
            self.changed_here(after)

        self.app.push_screen(ApplicationForm(self.store, editing=before), saved)

    # --- the interviews ---------------------------------------------------------------

    def action_interviews(self) -> None:
        if self.interviews:
            interviews = self.query_one("#details-interviews", OptionList)
            interviews.highlighted = interviews.highlighted or 0
            interviews.focus()

    def _chosen_interview(self) -> Interview | None:
        interviews = self.query_one("#details-interviews", OptionList)
        n = interviews.highlighted
        if not interviews.has_focus or n is None or n >= len(self.interviews):
            return None
        return self.interviews[n]

    def _saved_here(self, application: Application) -> None:
        self.changed_here(application)

    @on(OptionList.OptionSelected, "#details-interviews")
    def _edit_interview(self, event: OptionList.OptionSelected) -> None:
        from tui.dialogs.interview_form import InterviewForm

        before, interview = self.record, self.interviews[event.option_index]

        def saved(result: Booked | None) -> None:
            if result is not None:
                what = f"edit of the interview at {before.company}"
                self.undo_history.remember_change(what, before, result.application)
                self._saved_here(result.application)

        self.app.push_screen(InterviewForm(self.store, before, editing=interview), saved)

    def action_outcome(self) -> None:
        if (interview := self._chosen_interview()) is not None:
            flow = OutcomeFlow(self.app, self.store, self.undo_history, self._saved_here)
            flow.ask(self.record, interview)

    def action_remove_interview(self) -> None:
        from tui.dialogs.interview_remove import RemoveInterview

        before, interview = self.record, self._chosen_interview()
        if interview is None:
            return

        def answered(remove: bool | None) -> None:
            if not remove:
                return
            try:
                after = self.store.interviews.remove(before.id, interview.id)
            except StoreError as error:
                self.app.notify(str(error), title="Not saved", severity="error", markup=False)
                return
            what = f"removal of the interview at {before.company}"
            self.undo_history.remember_change(what, before, after)
            self._saved_here(after)
            self.app.notify("Removed the interview. Press u to undo.", markup=False)

        now = self.store.clock()
        self.app.push_screen(RemoveInterview(before, interview, now), answered)

    def action_undo(self) -> None:
        step = self.undo_history.pop()
        if step is None:
            self.app.notify("Nothing to undo.", timeout=3, markup=False)
            return
        try:
            step.run()
        except StoreError as error:
            self.app.notify(str(error), title="Not undone", severity="error", markup=False)
            return
        self._saved_here(self.store.applications.get(self.record.id))
        self.app.notify(f"Undid the {step.description}.", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("outcome", "remove_interview"):
            return (self.is_mounted and self._chosen_interview() is not None) or None
        if action == "interviews":
            return bool(self.interviews) or None
        if action == "undo":
            return bool(self.undo_history) or None
        return True
