"""The Board pane: the kanban of applications, driven from the keyboard. Its commands are
here; how the board is drawn is in ``board_drawing.py``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar
from uuid import UUID

from textual import on
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import Input

from store import Application, ArchiveReason, Contact, Stage, StoreError
from store.models import ColumnSort
from store.people import feedback_addressee
from tui.agenda_text import clash_note
from tui.panes.board_drawing import DrawnBoard
from tui.panes.board_keys import BOARD_BINDINGS
from tui.panes.board_view import COLUMNS, first_card
from tui.panes.pending_moves import settled_first

if TYPE_CHECKING:  # dialogs are imported when first opened
    from store.repository.interviews import Booked
    from tui.dialogs.offer_outcome import OfferResult
    from tui.dialogs.reflection import ReflectionResult

T = TypeVar("T")


class BoardPane(DrawnBoard):
    PANE_ID = "board"

    class WriteAbout(Message):
        """The user wants to write in the journal about this application."""

        def __init__(self, application_id: UUID) -> None:
            super().__init__()
            self.application_id = application_id

    BINDINGS: ClassVar[list[BindingType]] = BOARD_BINDINGS

    # --- changing the board -----------------------------------------------------------

    def _run(self, operation: Callable[[], T]) -> T | None:
        try:
            return operation()
        except StoreError as error:
            self.failed(error)
            self.reload()
            return None

    def action_move(self, step: int) -> None:
        application = self.current
        if application is None or self.show_archived:
            return
        column = COLUMNS.index(application.stage) + step
        if not 0 <= column < len(COLUMNS):
            return
        target = COLUMNS[column]
        if target is Stage.REJECTED:
            self.action_reject()
            return
        # Shown moved at once; saved after the frame is drawn, so the repaint never waits
        # for the disk. If the save fails, the reload puts the card back where it was.
        shown = self.store.applications.move_preview(application, target)
        cards = dict(self.cards)
        cards[application.stage] = [a for a in cards[application.stage] if a is not application]
        cards[target] = [shown, *cards[target]]
        self._show(cards, focus_on=shown.id)
        self.pending.add(application, target, shown)
        self.call_after_refresh(self.settle)

    @settled_first
    def action_sort(self) -> None:
        sorts = {**self.sorts, self.stage: self.sorts.get(self.stage, ColumnSort.OWN).following}
        if self._run(lambda: self.store.settings.update(column_sort=sorts)) is not None:
            self.reload()
            order = sorts[self.stage].label
            self.app.notify(f"{self.stage.label}: {order} (s for the next order).", markup=False)

    @settled_first
    def action_reorder(self, offset: int) -> None:
        application = self.current
        if application is None or self.show_archived or self.query_text:
            return
        if self.sorts.get(self.stage, ColumnSort.OWN) is not ColumnSort.OWN:
            hint = "Sorted: press s until “your own order” to move cards by hand."
            self.app.notify(hint, markup=False)
            return
        moved = self._run(lambda: self.store.applications.reorder(application.id, offset))
        if moved is not None:
            self.reload(select=moved.id)

    @settled_first
    def action_delete(self) -> None:
        application = self.current
        if application is None:
            return
        deleted = self._run(lambda: self.store.applications.delete(application.id))
        if deleted is not None:
            self.undo_history.remember(
                f"delete of {application.company}",
                lambda: self.store.applications.restore(deleted),
            )
            self.reload()
            self.say(f"Deleted {application.company} — {application.role}. Press u to undo.", 6)

    @settled_first
    def action_archive(self) -> None:
        application = self.current
        if application is None:
            return
        reason = None if application.archived else ArchiveReason.OTHER
        updated = self._run(lambda: self.store.applications.archive(application.id, reason))
        if updated is not None:
            verb = "Archived" if reason else "Put back on the board:"
            self._changed(f"archive of {application.company}", application, updated)
            self.say(f"{verb} {application.company}. Press u to undo.", 6)

    @settled_first
    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload()

    @settled_first
    def action_ghosted(self) -> None:
        application = self.current
        if application is None or application.stage is not Stage.APPLIED:
            return
        ghosted = self._run(lambda: self.store.applications.mark_ghosted(application.id))
        if ghosted is not None:
            self._changed(f"ghosting of {application.company}", application, ghosted)
            self.say(
                f"{application.company} marked as ghosted: moved to Rejected, no response. "
                "Press u to undo.",
                6,
            )

    # --- dialogs ----------------------------------------------------------------------

    @settled_first
    def action_new(self) -> None:
        from tui.dialogs.application_form import ApplicationForm

        stage = self.stage if self.stage is not Stage.REJECTED else Stage.WISHLIST
        self.app.push_screen(ApplicationForm(self.store, stage=stage), self._saved)

    @settled_first
    def action_edit(self) -> None:
        from tui.dialogs.application_form import ApplicationForm

        if (application := self.current) is not None:
            self.app.push_screen(
                ApplicationForm(self.store, editing=application),
                functools.partial(self._edited, application),
            )

    def _edited(self, before: Application, saved: Application | None) -> None:
        # Undoable only over this session's own save: after a conflict the user chose
        # between versions, and undo would lose the other session's.
        if saved is not None and saved.rev == before.rev + 1:
            self._changed(f"edit of {before.company}", before, saved)
        self._saved(saved)

    def _changed(self, description: str, before: Application, after: Application) -> None:
        """A change saved: it can be undone, and the cursor follows the card."""
        self.undo_history.remember_change(description, before, after)
        self.reload(select=after.id)

    def _saved(self, application: Application | None) -> None:
        if application is not None:
            self.reload(select=application.id)

    @settled_first
    def action_details(self) -> None:
        from tui.dialogs.details import ApplicationDetails

        if (application := self.current) is not None:
            details = ApplicationDetails(self.store, application.id, self.undo_history)
            self.app.push_screen(details, self._saved)

    @settled_first
    def action_people(self) -> None:
        from tui.dialogs.link_contact import LinkContactDialog

        application = self.current
        if application is None:
            return

        def linked(contact: Contact | None) -> None:
            if contact is not None:
                self.say(f"{contact.name} is linked to {application.company}.")

        self.app.push_screen(LinkContactDialog(self.store, application), linked)

    @settled_first
    def action_offer_outcome(self) -> None:
        from tui.dialogs.offer_outcome import OfferOutcomeDialog

        application = self.current
        if application is None or application.stage is not Stage.OFFER:
            return

        def decided(result: OfferResult | None) -> None:
            if result is not None:
                self._decided(application, result)

        self.app.push_screen(OfferOutcomeDialog(application), decided)

    def _decided(self, application: Application, result: OfferResult) -> None:
        from tui.panes.board_offers import decide

        decided = decide(self.store, self.undo_history, self._run, application, result)
        if decided is None:
            return
        saved, cheer = decided
        if cheer:
            self.app.notify(cheer, title="🎉", timeout=10, markup=False)
        self.reload(select=saved.id)

    def action_interview(self) -> None:
        from tui.dialogs.interview_form import InterviewForm

        if (application := self.current) is None:
            return

        def booked(result: Booked | None) -> None:
            if result is not None:
                # Undoable like any change of the card (it may have moved to Interviewing):
                # else the steps before it, made on the card as it was, could not be.
                self._changed(f"booking at {application.company}", application,
                              result.application)  # fmt: skip
                when = "It has passed: kept as held. " if result.in_the_past else ""
                clashes = clash_note(result.clashes, self.store.clock())
                said = f"{when}The Agenda (6) lists it. {clashes}".strip()
                self.app.notify(said, title="Booked", timeout=8 if clashes else 5, markup=False)

        self.app.push_screen(InterviewForm(self.store, application), booked)

    @settled_first
    def action_reject(self) -> None:
        from tui.dialogs import ask_until_saved
        from tui.dialogs.reflection import ReflectionDialog

        application = self.current
        if application is None or self.show_archived:
            return

        def reject(result: ReflectionResult) -> bool:
            reflection, write_about_it = result
            saved = self._run(lambda: self.store.applications.reject(application.id, reflection))
            if saved is None:
                return False
            if application.stage is not Stage.REJECTED:
                self._changed(f"rejection of {application.company}", application, saved)
            self.reload(select=saved.id)
            if write_about_it:
                self.post_message(self.WriteAbout(saved.id))
            return True

        addressee = feedback_addressee(self.store.people.contacts(), application.id)
        now = self.store.clock()
        ask_until_saved(self.app, lambda typed: ReflectionDialog(
            application, now, addressee, typed=typed[0] if typed else None
        ), reject)  # fmt: skip

    # --- filter -----------------------------------------------------------------------

    @settled_first
    def action_filter(self) -> None:
        filter_input = self.query_one("#board-filter", Input)
        filter_input.display = True
        filter_input.focus()

    @settled_first
    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#board-filter", Input)
        if not filter_input.display and not self.query_text:
            return
        filter_input.value = ""
        filter_input.display = False
        self.query_text = ""
        self.reload()
        self.focus()

    @on(Input.Changed, "#board-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.reload()
        if self.current is None and (first := first_card(self.cards)) is not None:
            self._put_cursor_on(first)  # the cursor's column has no card that matches
            self._draw_cursor()

    @on(Input.Submitted, "#board-filter")
    def _filter_done(self) -> None:
        if not self.query_text:
            self.action_clear_filter()
        else:
            self.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that make no sense here are hidden from the footer, not dead."""
        if action == "clear_filter":
            return bool(self.query_text) or self.query_one("#board-filter").display
        if (
            action in ("move", "reorder", "reject", "ghosted", "offer_outcome")
            and self.show_archived
        ):
            return None
        if action == "undo":
            return bool(self.undo_history or self.pending) or None  # a move saves first
        return True
