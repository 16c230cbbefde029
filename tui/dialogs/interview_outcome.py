"""After an interview: how it went and what came of it, then what that means for the
card. An offer offers to move it to Offer, a no moves it to Rejected through the
reflection, the next step offers to book it, "I withdrew" offers to archive the card.
Every change is a step of the opener's undo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Select, Static

from store import Application, ArchiveReason, Stage, Store, StoreError
from store.models import Interview, InterviewOutcome, RejectionReason
from store.people import feedback_addressee
from tui.agenda_text import clash_note
from tui.dialogs import ask_until_saved, field_row
from tui.dialogs.form import Form
from tui.panes.undo import UndoHistory
from tui.widgets.check_box import CheckBox
from tui.widgets.safe_fields import SafeInput
from tui.widgets.safe_text import paragraph, printable

if TYPE_CHECKING:  # the next dialogs are imported when they open
    from store.repository.interviews import Booked
    from tui.dialogs.reflection import ReflectionResult

OUTCOMES = [(outcome.label.capitalize(), outcome) for outcome in InterviewOutcome]
FOLLOW_ON = {
    InterviewOutcome.OFFER: "Move the card to Offer",
    InterviewOutcome.NEXT_STEP: "Book the next interview now",
    InterviewOutcome.WITHDREW: "Archive the card as withdrawn",
}
"""What an outcome offers to do next (ticked unless the user says no)."""
REFLECTION_NEXT = "The reflection on the no opens next, and the card moves to Rejected."


@dataclass(frozen=True)
class OutcomeResult:
    outcome: InterviewOutcome
    how_it_went: str
    follow_on: bool
    """Do what the outcome offers (``FOLLOW_ON``)."""


class InterviewOutcomeDialog(Form[OutcomeResult | None]):
    def __init__(self, application: Application, interview: Interview, *, held: bool) -> None:
        super().__init__()
        self.application = application
        self.interview = interview
        self.held = held
        """Has it started? Before then there is no "how did it go", but a withdrawal or a
        cancelled interview's news can still be noted."""

    def compose(self) -> ComposeResult:
        a, i = self.application, self.interview
        with Vertical(classes="dialog", id="interview-outcome"):
            yield Static(
                paragraph(
                    f"How did the {i.kind.label} at {a.company} go?"
                    if self.held
                    else f"The {i.kind.label} at {a.company} is still to come: what came of it?"
                ),
                classes="dialog-title",
            )
            yield field_row(
                "Outcome",
                Select(OUTCOMES, value=i.outcome or InterviewOutcome.WAITING,
                       allow_blank=False, compact=True, id="field-outcome"),
            )  # fmt: skip
            notes = SafeInput(
                i.how_it_went, placeholder="what went well, what to prepare next time",
                compact=True, id="field-how_it_went",
            )  # fmt: skip
            yield field_row("How it went", Vertical(notes, classes="form-field"))
            yield CheckBox("", value=True, compact=True, id="field-follow-on")
            yield Static(classes="dialog-note", id="outcome-note")
            yield from self.form_end()

    def on_mount(self) -> None:
        self._show_follow_on()
        self.query_one("#field-how_it_went").focus()

    def _outcome(self) -> InterviewOutcome:
        outcome = self.query_one("#field-outcome", Select).value
        assert isinstance(outcome, InterviewOutcome)
        return outcome

    @on(Select.Changed, "#field-outcome")
    def _show_follow_on(self) -> None:
        outcome, box = self._outcome(), self.query_one("#field-follow-on", CheckBox)
        box.display = outcome in FOLLOW_ON
        box.label = FOLLOW_ON.get(outcome, "")
        note = REFLECTION_NEXT if outcome is InterviewOutcome.REJECTED else ""
        self.query_one("#outcome-note", Static).update(note)

    def action_save(self) -> None:
        notes = self.query_one("#field-how_it_went", Input).value.strip()
        follow_on = self.query_one("#field-follow-on", Checkbox).value
        self.dismiss(OutcomeResult(self._outcome(), notes, follow_on))


class OutcomeFlow:
    """Ask, save, and follow what came of an interview, from whoever opened it (the
    Agenda, the card's details): ``shown`` redraws the opener with the card as saved."""

    def __init__(
        self,
        app: App[None],
        store: Store,
        undo: UndoHistory,
        shown: Callable[[Application], None],
    ) -> None:
        self.app, self.store, self.undo, self.shown = app, store, undo, shown

    def _save(
        self, what: str, before: Application, work: Callable[[], Application]
    ) -> Application | None:
        try:
            after = work()
        except StoreError as error:
            self.app.notify(str(error), title="Not saved", severity="error", markup=False)
            return None
        self.undo.remember_change(what, before, after)
        self.shown(after)
        return after

    def ask(self, application: Application, interview: Interview) -> None:
        def answered(result: OutcomeResult | None) -> None:
            if result is not None:
                self._answered(application, interview, result)

        held = interview.at <= self.store.clock()
        self.app.push_screen(InterviewOutcomeDialog(application, interview, held=held), answered)

    def _answered(self, before: Application, interview: Interview, result: OutcomeResult) -> None:
        interviews, company = self.store.interviews, printable(before.company)
        saved = self._save(
            f"notes on the interview at {company}", before,
            lambda: interviews.record_outcome(before.id, interview.id, result.outcome,
                                              result.how_it_went),
        )  # fmt: skip
        if saved is None:
            return
        self.app.notify("Noted. Well done for going.", timeout=4, markup=False)
        outcome = result.outcome
        if outcome is InterviewOutcome.REJECTED:
            self.reflect(saved)
        elif not result.follow_on:
            return
        elif outcome is InterviewOutcome.OFFER and saved.stage is not Stage.OFFER:
            moves = self.store.applications
            if self._save(f"move of {company}", saved, lambda: moves.move(saved.id, Stage.OFFER)):
                self.app.notify(f"{company} is at Offer. Press u to undo.", markup=False)
        elif outcome is InterviewOutcome.WITHDREW and saved.archived is None:
            cards = self.store.applications
            archive = lambda: cards.archive(saved.id, ArchiveReason.WITHDRAWN)  # noqa: E731
            if self._save(f"archive of {company}", saved, archive):
                self.app.notify(f"Archived {company}: withdrawn. Press u to undo.", markup=False)
        elif outcome is InterviewOutcome.NEXT_STEP:
            self._book_next(saved)

    def reflect(
        self, before: Application, reason: RejectionReason = RejectionReason.UNKNOWN
    ) -> None:
        """The reflection on a no, then the card to Rejected: an undoable step."""
        from tui.dialogs.reflection import ReflectionDialog

        if before.stage is Stage.REJECTED:
            return

        def reject(result: ReflectionResult) -> bool:
            reflection, write_about_it = result
            cards = self.store.applications
            saved = self._save(f"rejection of {before.company}", before,
                               lambda: cards.reject(before.id, reflection))  # fmt: skip
            if saved is None:
                return False
            # The line it came from is gone: say where the card went.
            self.app.notify(f"{printable(before.company)} is at Rejected. Press u to undo.",
                            markup=False)  # fmt: skip
            if write_about_it:
                from tui.panes.board import BoardPane

                self.app.post_message(BoardPane.WriteAbout(saved.id))
            return True

        def stays() -> None:
            self.app.notify("The card stays where it is: r on the board records the no.",
                            markup=False)  # fmt: skip

        addressee = feedback_addressee(self.store.people.contacts(), before.id)
        now = self.store.clock()
        ask_until_saved(self.app, lambda typed: ReflectionDialog(
            before, now, addressee, reason, typed=typed[0] if typed else None
        ), reject, stays)  # fmt: skip

    def _book_next(self, before: Application) -> None:
        from tui.dialogs.interview_form import InterviewForm

        def booked(result: Booked | None) -> None:
            if result is not None:
                self.undo.remember_change(f"booking at {before.company}", before,
                                          result.application)  # fmt: skip
                self.shown(result.application)
                clashes = clash_note(result.clashes, self.store.clock())
                self.app.notify(f"Booked. The Agenda (6) lists it. {clashes}".strip(),
                                timeout=8 if clashes else 5, markup=False)  # fmt: skip

        self.app.push_screen(InterviewForm(self.store, before), booked)
