"""The Board pane: the kanban of applications, driven from the keyboard."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast
from uuid import UUID

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalScroll, Vertical
from textual.message import Message
from textual.widgets import Input, Static

from store import (
    PIPELINE,
    Application,
    ArchiveReason,
    Contact,
    Rejection,
    Stage,
    Store,
    StoreError,
)
from store.board import (
    days_in_stage,
    is_stale,
    matches,
    next_action_due,
    stage_before_rejection,
)
from store.people import feedback_addressee
from tui.agenda_text import interview_label
from tui.panes.base import Pane
from tui.widgets.card_column import Card, CardColumn

if TYPE_CHECKING:  # dialogs are imported when first opened
    from store.repository.interviews import Booked
    from tui.dialogs.reflection import ReflectionResult

COLUMNS: tuple[Stage, ...] = (*PIPELINE, Stage.REJECTED)
COLUMN_MIN_WIDTH = 16
"""All five columns fit in 80 cells; a narrower terminal scrolls sideways instead."""
UNDO_DEPTH = 50

FIRST_RUN_HINT = (
    "Welcome to bounceback.\n\n"
    "Every application goes on this board, and every “no” becomes a short lesson "
    "for the next one. Your data stays in one file on this machine.\n\n"
    "Press n to add your first application.\n"
    "To look around with sample data first, quit (ctrl+q) and run:  bounceback --demo"
)


@dataclass(frozen=True)
class Undo:
    description: str
    run: Callable[[], Application]


T = TypeVar("T")


BoardAction = TypeVar("BoardAction", bound=Callable[..., None])


def settled_first(action: BoardAction) -> BoardAction:
    """For a board action that reads the store: moves still waiting for their frame are
    saved first."""

    @functools.wraps(action)
    def run(pane: BoardPane, *args: object) -> None:
        pane.settle()
        action(pane, *args)

    return cast(BoardAction, run)


class ColumnTitle(Static):
    """A column's one-line heading: the stage, then the cursor position and the count.

    In a narrow column the stage name gives way, never the numbers.
    """

    def __init__(self, *, classes: str) -> None:
        super().__init__(classes=classes)
        self._label, self._count = "", ""

    def show(self, label: str, count: str) -> None:
        if (label, count) != (self._label, self._count):
            self._label, self._count = label, count
            self.refresh()  # always one line: no layout

    def render(self) -> Text:
        room = self.content_region.width - len(self._count) - 1
        label = self._label if len(self._label) <= room else self._label[: room - 1] + "…"
        return Text(f"{label} {self._count}", no_wrap=True, overflow="ellipsis", end="")


class BoardPane(Pane):
    PANE_ID = "board"

    class WriteAbout(Message):
        """The user wants to write in the journal about this application."""

        def __init__(self, application_id: UUID) -> None:
            super().__init__()
            self.application_id = application_id

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left,h",
            "cursor(-1, 0)",
            "Left",
            show=False,
            id="board.cursor_left",
            tooltip="Cursor to the column on the left",
        ),
        Binding(
            "right,l",
            "cursor(1, 0)",
            "Right",
            show=False,
            id="board.cursor_right",
            tooltip="Cursor to the column on the right",
        ),
        Binding(
            "up,k", "cursor(0, -1)", "Up", show=False, id="board.cursor_up", tooltip="Cursor up"
        ),
        Binding(
            "down,j",
            "cursor(0, 1)",
            "Down",
            show=False,
            id="board.cursor_down",
            tooltip="Cursor down",
        ),
        Binding(
            "home",
            "cursor_to(0)",
            "First card",
            show=False,
            id="board.first",
            tooltip="Cursor to the first card of the column",
        ),
        Binding(
            "end",
            "cursor_to(-1)",
            "Last card",
            show=False,
            id="board.last",
            tooltip="Cursor to the last card of the column",
        ),
        Binding(
            "pageup",
            "cursor_page(-1)",
            "Page up",
            show=False,
            id="board.page_up",
            tooltip="Cursor up a page",
        ),
        Binding(
            "pagedown",
            "cursor_page(1)",
            "Page down",
            show=False,
            id="board.page_down",
            tooltip="Cursor down a page",
        ),
        Binding(
            "shift+left,H",
            "move(-1)",
            "◀ Stage",
            id="board.move_left",
            tooltip="Move the card to the previous stage",
        ),
        Binding(
            "shift+right,L",
            "move(1)",
            "Stage ▶",
            id="board.move_right",
            tooltip="Move the card to the next stage",
        ),
        Binding(
            "K",
            "reorder(-1)",
            "Card up",
            show=False,
            id="board.reorder_up",
            tooltip="Move the card up its column",
        ),
        Binding(
            "J",
            "reorder(1)",
            "Card down",
            show=False,
            id="board.reorder_down",
            tooltip="Move the card down its column",
        ),
        Binding("n", "new", "New", id="board.new", tooltip="New application"),
        Binding(
            "enter",
            "details",
            "Details",
            id="board.details",
            tooltip="Show the application's details and history",
        ),
        Binding("e", "edit", "Edit", show=False, id="board.edit", tooltip="Edit the application"),
        Binding(
            "r",
            "reject",
            "Reject",
            id="board.reject",
            tooltip="Record a rejection and reflect on it",
        ),
        Binding(
            "g",
            "ghosted",
            "Ghosted",
            show=False,
            id="board.ghosted",
            tooltip="Mark as ghosted (no response)",
        ),
        Binding(
            "d",
            "delete",
            "Delete",
            show=False,
            id="board.delete",
            tooltip="Delete the application (u to undo)",
        ),
        Binding(
            "a",
            "archive",
            "Archive",
            show=False,
            id="board.archive",
            tooltip="Archive the application, or put it back",
        ),
        Binding(
            "A",
            "toggle_archived",
            "Archived",
            show=False,
            id="board.show_archived",
            tooltip="Show the archive instead of the board, or back",
        ),
        Binding(
            "p",
            "people",
            "People",
            show=False,
            id="board.people",
            tooltip="Link a contact to the application (or add one)",
        ),
        Binding(
            "i",
            "interview",
            "Interview",
            show=False,
            id="board.interview",
            tooltip="Book an interview on the application",
        ),
        Binding("u", "undo", "Undo", id="board.undo", tooltip="Undo the last change"),
        Binding(
            "slash", "filter", "Filter", id="board.filter", tooltip="Filter the cards by words"
        ),
        Binding(
            "escape",
            "clear_filter",
            "Clear filter",
            show=False,
            id="board.clear_filter",
            tooltip="Clear the filter",
        ),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.column = 1  # Applied: where a search spends most of its time
        self.rows: dict[Stage, int] = dict.fromkeys(COLUMNS, 0)
        self.cards: dict[Stage, list[Application]] = {stage: [] for stage in COLUMNS}
        self.query_text = ""
        self.show_archived = False
        self.undo_stack: list[Undo] = []
        self._scrolled_to: int | None = None
        self._unsaved: list[tuple[Application, Stage]] = []

    def compose(self) -> ComposeResult:
        filter_input = Input(placeholder="filter: company, role, tags, notes", id="board-filter")
        filter_input.display = False
        yield filter_input
        yield Static(FIRST_RUN_HINT, id="board-first-run")
        width = self._column_width(self.app.size.width)  # right from the first frame
        with HorizontalScroll(id="board-columns"):
            for stage in COLUMNS:
                column = Vertical(classes="board-column", id=f"column-{stage.value}")
                column.styles.width = width
                with column:
                    yield ColumnTitle(classes="board-column-title")
                    yield CardColumn(empty_text="nothing here", id=f"cards-{stage.value}")

    @staticmethod
    def _column_width(board_width: int) -> int:
        # In cells, not fr: inside a horizontal scroller fr stretches each column to
        # the whole viewport.
        return max(COLUMN_MIN_WIDTH, board_width // len(COLUMNS))

    def on_resize(self) -> None:
        self._scrolled_to = None  # the active column may be out of view at the new width
        width = self._column_width(self.size.width)
        for column in self.query(".board-column"):
            column.styles.width = width

    # --- state -> widgets -------------------------------------------------------------

    @property
    def stage(self) -> Stage:
        return COLUMNS[self.column]

    @property
    def current(self) -> Application | None:
        cards = self.cards[self.stage]
        return cards[self.rows[self.stage]] if cards else None

    def reload(self, focus_on: UUID | None = None) -> None:
        """Read the board from the store and draw every column."""
        self.save_unsaved()
        on_board = (
            self.store.applications.archived()
            if self.show_archived
            else self.store.applications.on_board()
        )
        shown = (
            [a for a in on_board if matches(a, self.query_text)] if self.query_text else on_board
        )
        focus_on = focus_on or (self.current.id if self.current else None)
        cards: dict[Stage, list[Application]] = {stage: [] for stage in COLUMNS}
        for application in shown:
            cards[application.stage].append(application)
        first_run = not on_board and not self.show_archived
        self.query_one("#board-first-run").display = first_run
        self.query_one("#board-columns").display = not first_run
        self._show(cards, focus_on)

    def _show(self, cards: dict[Stage, list[Application]], focus_on: UUID | None) -> None:
        """Draw these cards; a column whose cards are the same objects is not redrawn."""
        self.cards = cards
        describe, as_of = self._card_maker()
        for stage in COLUMNS:
            in_stage = cards[stage]
            self.rows[stage] = min(self.rows[stage], max(len(in_stage) - 1, 0))
            column = self.query_one(f"#cards-{stage.value}", CardColumn)
            column.set_cards(in_stage, describe, as_of=as_of)
        if focus_on is not None:
            self._put_cursor_on(focus_on)
        self._draw_cursor()

    def _card_maker(self) -> tuple[Callable[[Application], Card], object]:
        """What a card shows, as of now (called only for the cards on screen), and what
        else it depends on: a column whose records are unchanged within the same minute
        is not redrawn."""
        now = self.store.clock()
        today, stale_after = now.date(), self.store.settings.get().stale_after_days

        def describe(a: Application) -> Card:
            return Card(
                id=a.id,
                company=a.company,
                role=a.role,
                days_in_stage=days_in_stage(a, now),
                excitement=a.excitement,
                due=next_action_due(a, today),
                stale=is_stale(a, now, stale_after),
                details=" · ".join(part for part in (a.location, a.next_action) if part),
                next_interview=interview_label(a, now),
            )

        return describe, (now.replace(second=0, microsecond=0), stale_after)

    def _put_cursor_on(self, application_id: UUID) -> None:
        for column, stage in enumerate(COLUMNS):
            for row, application in enumerate(self.cards[stage]):
                if application.id == application_id:
                    self.column, self.rows[stage] = column, row
                    return

    def _draw_cursor(self) -> None:
        # Only what changed: restyling a column or laying out the board again costs more
        # than drawing every card on screen.
        for column, stage in enumerate(COLUMNS):
            cards = self.query_one(f"#cards-{stage.value}", CardColumn)
            active = column == self.column and bool(self.cards[stage])
            cards.cursor = self.rows[stage] if active else None
            count = len(self.cards[stage])
            where = f"{self.rows[stage] + 1}/{count}" if active and count > 1 else str(count)
            if self.show_archived:
                where += " (archived)"
            heading = self.query_one(f"#column-{stage.value} .board-column-title", ColumnTitle)
            heading.set_class(column == self.column, "-active")
            heading.show(stage.label, where)
        if self.column != self._scrolled_to:
            self._scrolled_to = self.column
            self.query_one("#board-columns", HorizontalScroll).scroll_to_widget(
                self.query_one(f"#column-{self.stage.value}"), animate=False
            )

    # --- moving the cursor ------------------------------------------------------------

    def action_cursor(self, dx: int, dy: int) -> None:
        self.column = min(max(self.column + dx, 0), len(COLUMNS) - 1)
        count = len(self.cards[self.stage])
        self.rows[self.stage] = min(max(self.rows[self.stage] + dy, 0), max(count - 1, 0))
        self._draw_cursor()

    def action_cursor_to(self, row: int) -> None:
        count = len(self.cards[self.stage])
        self.rows[self.stage] = max(count - 1, 0) if row < 0 else 0
        self._draw_cursor()

    def action_cursor_page(self, direction: int) -> None:
        cards = self.query_one(f"#cards-{self.stage.value}", CardColumn)
        page = max(cards.scrollable_content_region.height // cards.card_height, 1)
        self.action_cursor(0, direction * page)

    @on(CardColumn.Clicked)
    def _clicked(self, event: CardColumn.Clicked) -> None:
        self.column = COLUMNS.index(Stage(str(event.column.id).removeprefix("cards-")))
        self.rows[self.stage] = event.index
        self._draw_cursor()
        self.focus()

    # --- changing the board -----------------------------------------------------------

    def _run(self, operation: Callable[[], T]) -> T | None:
        try:
            return operation()
        except StoreError as error:
            self.app.notify(
                str(error), title="Not saved", severity="error", timeout=10, markup=False
            )
            self.reload()
            return None

    def _remember(self, description: str, undo: Callable[[], Application]) -> None:
        self.undo_stack = [*self.undo_stack[-UNDO_DEPTH + 1 :], Undo(description, undo)]

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
        self._unsaved.append((application, target))
        self.call_after_refresh(self.settle)

    def settle(self) -> None:
        if self.save_unsaved():
            self.reload()

    def save_unsaved(self) -> bool:
        """Save, in order, the moves shown but not saved yet; whether there were any.

        Runs after the frame, or sooner when something needs the board as stored: the
        board's other actions (in a burst, "L" then "u" must undo that move), a reload,
        another pane.
        """
        saved = bool(self._unsaved)
        while self._unsaved:
            self._save_move(*self._unsaved.pop(0))
        return saved

    def on_unmount(self) -> None:
        # Leaving: nothing is left to show a failure on, and a failed save leaves the
        # file as it was, as it always does.
        for application, target in self._unsaved:
            with contextlib.suppress(StoreError):
                self.store.applications.move(application.id, target)

    def _save_move(self, application: Application, target: Stage) -> None:
        # As stored now, not as shown: an earlier move of this card may have just saved.
        before = self._run(lambda: self.store.applications.get(application.id))
        moved = self._run(lambda: self.store.applications.move(application.id, target))
        if before is not None and moved is not None:
            self._remember(
                f"move of {application.company} to {target.label}",
                lambda: self.store.applications.revert(before, moved.rev),
            )

    @settled_first
    def action_reorder(self, offset: int) -> None:
        application = self.current
        if application is None or self.show_archived or self.query_text:
            return
        moved = self._run(lambda: self.store.applications.reorder(application.id, offset))
        if moved is not None:
            self.reload(focus_on=moved.id)

    @settled_first
    def action_delete(self) -> None:
        application = self.current
        if application is None:
            return
        deleted = self._run(lambda: self.store.applications.delete(application.id))
        if deleted is not None:
            self._remember(
                f"delete of {application.company}",
                lambda: self.store.applications.restore(deleted),
            )
            self.reload()
            self.app.notify(
                f"Deleted {application.company} — {application.role}. Press u to undo.",
                timeout=6,
                markup=False,
            )

    @settled_first
    def action_archive(self) -> None:
        application = self.current
        if application is None:
            return
        reason = None if application.archived else ArchiveReason.OTHER
        updated = self._run(lambda: self.store.applications.archive(application.id, reason))
        if updated is not None:
            verb = "Archived" if reason else "Put back on the board:"
            self._remember(
                f"archive of {application.company}",
                lambda: self.store.applications.revert(application, updated.rev),
            )
            self.reload()
            self.app.notify(
                f"{verb} {application.company}. Press u to undo.", timeout=6, markup=False
            )

    @settled_first
    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload()

    @settled_first
    def action_undo(self) -> None:
        if not self.undo_stack:
            self.app.notify("Nothing to undo.", timeout=3, markup=False)
            return
        undo = self.undo_stack.pop()
        restored = self._run(undo.run)
        if restored is not None:
            self.reload(focus_on=restored.id)
            self.app.notify(f"Undid the {undo.description}.", timeout=4, markup=False)

    @settled_first
    def action_ghosted(self) -> None:
        application = self.current
        if application is None or application.stage is not Stage.APPLIED:
            return
        ghosted = self._run(lambda: self.store.applications.mark_ghosted(application.id))
        if ghosted is not None:
            self._remember(
                f"ghosting of {application.company}",
                lambda: self.store.applications.revert(application, ghosted.rev),
            )
            self.reload(focus_on=ghosted.id)

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
            self.app.push_screen(ApplicationForm(self.store, editing=application), self._saved)

    def _saved(self, application: Application | None) -> None:
        if application is not None:
            self.reload(focus_on=application.id)

    @settled_first
    def action_details(self) -> None:
        from tui.dialogs.details import ApplicationDetails

        if (application := self.current) is not None:
            self.app.push_screen(ApplicationDetails(self.store, application.id), self._saved)

    @settled_first
    def action_people(self) -> None:
        from tui.dialogs.link_contact import LinkContactDialog

        application = self.current
        if application is None:
            return

        def linked(contact: Contact | None) -> None:
            if contact is not None:
                self.app.notify(
                    f"{contact.name} is linked to {application.company}.", timeout=4, markup=False
                )

        self.app.push_screen(LinkContactDialog(self.store, application), linked)

    @settled_first
    def action_interview(self) -> None:
        from tui.dialogs.interview_form import InterviewForm

        if (application := self.current) is None:
            return

        def booked(result: Booked | None) -> None:
            if result is not None:
                self._saved(result.application)
                when = "It has passed: kept as held. " if result.in_the_past else ""
                self.app.notify(f"{when}The Agenda (6) lists it.", title="Booked", timeout=5)

        self.app.push_screen(InterviewForm(self.store, application), booked)

    @settled_first
    def action_reject(self) -> None:
        from tui.dialogs.reflection import ReflectionDialog

        application = self.current
        if application is None or self.show_archived:
            return

        def reflected(result: ReflectionResult | None) -> None:
            if application.stage is Stage.REJECTED and result is None:
                return  # editing a reflection, cancelled: nothing changes
            reflection, write_about_it = result or (None, False)
            saved = self._run(
                lambda: self.store.applications.reject(
                    application.id,
                    reflection or Rejection(reached=stage_before_rejection(application)),
                )
            )
            if saved is not None:
                if application.stage is not Stage.REJECTED:
                    self._remember(
                        f"rejection of {application.company}",
                        lambda: self.store.applications.revert(application, saved.rev),
                    )
                self.reload(focus_on=saved.id)
                if write_about_it:
                    self.post_message(self.WriteAbout(saved.id))

        addressee = feedback_addressee(self.store.people.contacts(), application.id)
        self.app.push_screen(
            ReflectionDialog(application, self.store.clock(), addressee), reflected
        )

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
        if action in ("move", "reorder", "reject", "ghosted") and self.show_archived:
            return None
        if action == "undo":
            return bool(self.undo_stack or self._unsaved) or None  # a move saves first
        return True
