"""The Agenda pane: today and the days ahead. Interviews with their time and prep,
the follow-ups due, the people due a message, and what is left of the goals; every
line acts from here (open, log the call, note how it went, thank, done, snooze)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, ClassVar
from uuid import UUID

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from store import Application, StoreError, interviews
from store.board import feedback_request, parse_date
from store.follow_ups import FollowUpKind
from store.models import FollowUpState, FollowUpStatus, Interview, RejectionReason
from tui.agenda_text import interview_time
from tui.panes.agenda_rows import Row, describe, rows_of
from tui.panes.base import Pane
from tui.widgets.record_list import RecordList
from tui.widgets.safe_text import paragraph, printable

if TYPE_CHECKING:  # dialogs are imported when first opened
    from tui.dialogs.conversation import Logged


PUT_AWAY = {
    FollowUpStatus.DONE: "done",
    FollowUpStatus.SNOOZED: "snooze",
    FollowUpStatus.DISMISSED: "dismissal",
}
"""What undo names a follow-up put away by."""


class AgendaPane(Pane):
    PANE_ID = "agenda"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="agenda.open",
                tooltip="Open the card (or the person) this line is about"),
        Binding("x", "done", "Done", id="agenda.done", tooltip="Mark the follow-up done"),
        Binding("s", "snooze", "Snooze", id="agenda.snooze",
                tooltip="Put the follow-up away until a day you choose"),
        Binding("d", "dismiss", "Dismiss", id="agenda.dismiss",
                tooltip="Not needed: the follow-up goes for good (u to undo)"),
        Binding("c", "call", "Call", id="agenda.call",
                tooltip="Log a conversation with the person due a message"),
        Binding("o", "how_it_went", "Outcome", id="agenda.how_it_went",
                tooltip="After an interview: how it went and what came of it"),
        Binding("t", "thank_you", "Thanks", id="agenda.thank_you",
                tooltip="Copy a thank-you note for the interview to the clipboard"),
        Binding("r", "silent_no", "No", id="agenda.silent_no",
                tooltip="No news for long: record the card as a no, with its reflection"),
        Binding("u", "undo", "Undo", id="agenda.undo",
                tooltip="Undo the last change: a follow-up put away, an interview's outcome"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        yield Static(id="agenda-summary")
        yield RecordList(id="agenda-list")
        yield Static(id="agenda-detail")

    def default_focus(self) -> RecordList:
        return self.query_one(RecordList)

    def on_focus(self) -> None:
        self.query_one(RecordList).focus()

    def shown(self) -> None:
        # What the other panes changed since: a card, a goal, an interview.
        self.reload_if_changed()

    # --- state -> widgets -------------------------------------------------------------

    def reload(self, select: UUID | None = None) -> None:
        drawing_for = self.drawing_for()
        day = self.store.agenda.today()
        rows, summary = rows_of(day)
        records = self.query_one(RecordList)
        before = records.current
        records.set_records(rows, lambda row: describe(row, day.now))
        if before in rows:  # lines added above it (an interview booked) do not move it
            records.cursor = rows.index(before)
        elif before is not None:  # put away: the cursor is on the line that followed it
            records.cursor = min(records.cursor, len(rows) - 1)
        if isinstance(records.current, Row) and records.current.heading and len(rows) > 1:
            records.cursor = next(
                (n for n, row in enumerate(rows) if not row.heading), records.cursor
            )
        self.query_one("#agenda-summary", Static).update(summary)
        self._show_detail()
        self.drawn_for = drawing_for

    def _current(self) -> Row | None:
        row = self.query_one(RecordList).current
        return row if isinstance(row, Row) else None

    def _show_detail(self) -> None:
        row, now = self._current(), self.store.clock()
        text = Text()
        if row is not None and row.booking is not None:
            i, b = row.booking.interview, row.booking
            text.append(f"{interview_time(i, now)} · {i.minutes} min", style="bold")
            if i.where:
                text.append(f" · {printable(i.where)}")
            if b.people:
                met = ", ".join(
                    f"{printable(c.name)} ({role.label})" if role else printable(c.name)
                    for c, role in b.people
                )
                text.append(f"\nWith {met}")
            text.append("\nPrep: ", style="bold")
            text.append(paragraph(i.prep.strip() or "nothing noted yet (e on the card edits)"))
        elif row is not None and row.follow_up is not None:
            hints = {
                FollowUpKind.PERSON: "c logs the call · x done · s snooze · d dismiss",
                FollowUpKind.HOW_IT_WENT: "o how it went and what came of it · d dismiss",
                FollowUpKind.THANK_YOU: "t copies a thank-you note · d dismiss",
                FollowUpKind.ASK_FEEDBACK: "x copies the feedback request · s snooze · d dismiss",
                FollowUpKind.SILENT_NO: "r records it as a no · enter opens the card · "
                "d stops asking",
            }
            text.append(
                hints.get(
                    row.follow_up.kind, "enter opens the card · x done · s snooze · d dismiss"
                ),
                style="dim",
            )
        self.query_one("#agenda-detail", Static).update(text)

    @on(RecordList.Chosen)
    def _chosen(self) -> None:
        self.action_open()

    def on_mount(self) -> None:
        super().on_mount()
        if self.is_attached and self.app.is_running:  # else quitting: see Pane.on_mount
            self.watch(self.query_one(RecordList), "cursor", self._cursor_moved)

    def _cursor_moved(self) -> None:
        self._show_detail()
        self.refresh_bindings()  # the footer offers what works on this line

    # --- actions ----------------------------------------------------------------------

    def _guard(self, work: Callable[[], object]) -> bool:
        try:
            work()
        except StoreError as error:
            self.app.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        return True

    def action_open(self) -> None:
        row = self._current()
        if row is None:
            return
        follow_up = row.follow_up
        if follow_up is not None and follow_up.contact_id is not None:
            from tui.dialogs.contact_details import ContactDetails

            self.app.push_screen(
                ContactDetails(self.store, follow_up.contact_id), lambda _: self.reload()
            )
            return
        application_id = (
            row.booking.application.id
            if row.booking is not None
            else follow_up.application_id
            if follow_up is not None
            else None
        )
        if application_id is not None:
            from tui.dialogs.details import ApplicationDetails

            details = ApplicationDetails(self.store, application_id, self.undo_history)
            self.app.push_screen(details, lambda _: self.reload())

    def _put_away(self, status: FollowUpStatus, until: date | None = None) -> bool:
        """Whether it was saved (a failure is told)."""
        row = self._current()
        if row is None or row.follow_up is None:
            return False
        follow_up = row.follow_up
        try:
            state = self.store.agenda.mark(follow_up.key, status, until)
        except StoreError as error:
            self.failed(error)
            return False

        def reopen() -> FollowUpState:
            self.store.agenda.reopen(follow_up.key)
            return state

        self.undo_history.remember(f"{PUT_AWAY[status]} of “{follow_up.text}”", reopen)
        self.reload()
        return True

    def action_done(self) -> None:
        row = self._current()
        if row is None or row.follow_up is None:
            return
        f = row.follow_up
        if f.kind is FollowUpKind.ASK_FEEDBACK and f.application_id is not None:
            application = self.store.applications.get(f.application_id)
            self.app.copy_to_clipboard(feedback_request(application))
            try:
                asked = self.store.applications.record_feedback_request(application.id)
            except StoreError as error:
                self.app.notify(str(error), title="Not saved", severity="error", markup=False)
            else:
                self.undo_history.remember_change(
                    f"request for feedback to {application.company}", application, asked
                )
                self.app.notify(
                    f"Copied a request for feedback to {printable(application.company)} "
                    "to your clipboard. u puts it back on the list.",
                    timeout=6,
                    markup=False,
                )
                self.reload()
            return
        if f.kind is FollowUpKind.THANK_YOU:
            self.action_thank_you()
            return
        self._put_away(FollowUpStatus.DONE)

    def action_dismiss(self) -> None:
        self._put_away(FollowUpStatus.DISMISSED)

    def action_snooze(self) -> None:
        from tui.dialogs import ask_until_saved
        from tui.dialogs.text_prompt import TextPrompt

        row = self._current()
        if row is None or row.follow_up is None:
            return
        today = self.store.clock().date()

        def snooze(text: str) -> bool:
            """False, said why, for a day it cannot take: asked again with what was typed."""
            try:
                until = parse_date(text, today)
            except ValueError as error:
                self.app.notify(f"Not snoozed: {error}.", severity="error", markup=False)
                return False
            if until is None or until <= today:
                self.app.notify("Not snoozed: pick a day after today.", severity="error")
                return False
            if not self._put_away(FollowUpStatus.SNOOZED, until):
                return False
            self.app.notify(f"Snoozed until {until:%a %d %b}.", timeout=4)
            return True

        def prompt(typed: str | None) -> TextPrompt:
            return TextPrompt(
                "Snooze until", "tomorrow, +3d, 2026-04-01", value=typed or "tomorrow",
                note="It comes back on the agenda that day.", replace_value=typed is None,
            )  # fmt: skip

        ask_until_saved(self.app, prompt, snooze)

    def action_call(self) -> None:
        from tui.dialogs.conversation import ConversationDialog

        row = self._current()
        if row is None or row.follow_up is None or row.follow_up.contact_id is None:
            return
        contact = self.store.people.get(row.follow_up.contact_id)

        def logged(result: Logged | None) -> None:
            if result is None:
                return
            channel, notes = result
            if self._guard(
                lambda: self.store.people.add_conversation(contact.id, channel=channel, notes=notes)
            ):
                self.app.notify(
                    f"Logged a conversation with {printable(contact.name)}.", markup=False
                )
                self.reload()

        self.app.push_screen(ConversationDialog(contact), logged)

    def _interview_here(self) -> tuple[Application, Interview] | None:
        """The interview the line under the cursor is about, and its application."""
        row = self._current()
        if row is not None and row.booking is not None:
            application_id, interview_id = row.booking.application.id, row.booking.interview.id
        elif row is not None and row.follow_up is not None and row.follow_up.interview_id:
            assert row.follow_up.application_id is not None
            application_id, interview_id = row.follow_up.application_id, row.follow_up.interview_id
        else:
            return None
        application = self.store.applications.get(application_id)
        interview = interviews.find_interview(application, interview_id)
        return None if interview is None else (application, interview)

    def action_how_it_went(self) -> None:
        from tui.dialogs.interview_outcome import OutcomeFlow

        if (found := self._interview_here()) is not None:
            OutcomeFlow(self.app, self.store, self.undo_history, lambda _: self.reload()).ask(
                *found
            )

    def _silent_card(self) -> UUID | None:
        """The card under the cursor when its line asks whether it is a silent no."""
        row = self._current()
        follow_up = row.follow_up if row is not None else None
        if follow_up is None or follow_up.kind is not FollowUpKind.SILENT_NO:
            return None
        return follow_up.application_id

    def action_silent_no(self) -> None:
        from tui.dialogs.interview_outcome import OutcomeFlow

        if (card_id := self._silent_card()) is None:
            return
        card = self.store.applications.get(card_id)
        flow = OutcomeFlow(self.app, self.store, self.undo_history, lambda _: self.reload())
        flow.reflect(card, RejectionReason.NO_RESPONSE)

    def action_thank_you(self) -> None:
        if (found := self._interview_here()) is None:
            return
        application, interview = found
        if interview.at > self.store.clock():
            self.app.notify(
                f"The {interview.kind.label} at {printable(application.company)} is still to "
                "come: a thank-you is for after it.",
                timeout=6,
                markup=False,
            )
            return
        names = [c.name for c in self.store.people.contacts() if c.id in interview.contact_ids]
        self.app.copy_to_clipboard(
            interviews.thank_you(application, interview, names[0] if names else "")
        )
        if self._guard(
            lambda: self.store.interviews.record_thank_you(application.id, interview.id)
        ):
            self.app.notify(
                f"Copied a thank-you note for {printable(application.company)} to your clipboard.",
                timeout=6,
                markup=False,
            )
            self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        row = self._current()
        if action == "undo":
            return bool(self.undo_history) or None
        if action in ("done", "snooze", "dismiss"):
            return (row is not None and row.follow_up is not None) or None
        if action == "silent_no":  # shown only where it applies: the footer is full
            return self._silent_card() is not None
        if action == "call":
            return (row is not None and row.follow_up is not None
                    and row.follow_up.contact_id is not None) or None  # fmt: skip
        if action in ("how_it_went", "thank_you"):
            found = row is not None and (
                row.booking is not None
                or (row.follow_up is not None and row.follow_up.interview_id is not None)
            )
            return found or None
        return True
