"""The board as drawn: a column per stage, the cards in it and the cursor, and the moves
shown at once and saved after the frame. ``BoardPane`` adds the commands."""

from __future__ import annotations

import contextlib
from uuid import UUID

from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalScroll, Vertical
from textual.message import Message
from textual.widgets import Static

from store import Application, Stage, Store, StoreError
from store.models import ColumnSort
from store.sorting import sort_mark, sorted_columns
from tui.launch import INSTALLED_DEMO
from tui.panes.base import Pane
from tui.panes.board_view import (
    COLUMNS,
    FIRST_RUN_HINT,
    Columns,
    card_maker,
    column_width,
    columns,
    hidden_for_no_pay,
    pay_filter_note,
    position,
    start_card,
)
from tui.panes.pending_moves import PendingMoves
from tui.widgets.card_column import CardColumn
from tui.widgets.column_title import ColumnTitle
from tui.widgets.safe_input import SafeInput


class DrawnBoard(Pane):
    """The columns and the cursor; every command that changes the board is on
    ``BoardPane``."""

    class Saved(Message):
        """Moves shown at once are saved: the app tells the wins saved with them now,
        not at the next second's look, so a move leaves no work for later."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.column = 1  # Applied: where a search spends most of its time
        self.rows: dict[Stage, int] = dict.fromkeys(COLUMNS, 0)
        self.cards: Columns = columns(())
        self.query_text = ""
        self.show_archived = False
        self._scrolled_to: int | None = None
        self.pending = PendingMoves(store, self.undo_history)
        self._started_on: UUID | None = None
        self._started = False
        self.sorts: dict[Stage, ColumnSort] = {}
        self.no_pay: dict[Stage, int] = {}

    def compose(self) -> ComposeResult:
        filter_input = SafeInput(
            placeholder="filter: words, pay>=60k, pay<£500/day, pay:EUR", id="board-filter"
        )
        filter_input.display = False
        yield filter_input
        yield Static(id="board-filter-pay", markup=False)
        # The command for the way this app was started (the app knows; a bare one: installed).
        demo = getattr(self.app, "demo_command", INSTALLED_DEMO)
        yield Static(FIRST_RUN_HINT.format(demo=demo), id="board-first-run")
        width = column_width(self.app.size.width)  # right from the first frame
        with HorizontalScroll(id="board-columns"):
            for stage in COLUMNS:
                column = Vertical(classes="board-column", id=f"column-{stage.value}")
                column.styles.width = width
                with column:
                    yield ColumnTitle(classes="board-column-title")
                    yield CardColumn(empty_text="nothing here", id=f"cards-{stage.value}")

    def on_resize(self) -> None:
        self._scrolled_to = None  # the active column may be out of view at the new width
        width = column_width(self.size.width)
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

    def reload(self, select: UUID | None = None) -> None:
        """Read the board from the store and draw every column, the cursor on ``select``
        (or on the card it is on)."""
        self.save_unsaved()
        on_board = (
            self.store.applications.archived()
            if self.show_archived
            else self.store.applications.on_board()
        )
        cards = columns(on_board, self.query_text)
        self.no_pay = hidden_for_no_pay(on_board, self.query_text)
        pay_note = self.query_one("#board-filter-pay", Static)
        pay_note.update(note := pay_filter_note(on_board, self.query_text))
        pay_note.display = bool(note)
        focus_on = select or (self.current.id if self.current else None)
        self.sorts = self.store.settings.get().column_sort
        cards = sorted_columns(cards, self.sorts, self.store.clock())
        first_run = not on_board and not self.show_archived
        self.query_one("#board-first-run").display = first_run
        self.query_one("#board-columns").display = not first_run
        if not self._started:
            self._started = True
            last = self.store.settings.get().board_cursor
            focus_on = self._started_on = start_card(cards, last)
        self._show(cards, focus_on)

    def _show(self, cards: Columns, focus_on: UUID | None) -> None:
        """Draw these cards; a column whose cards are the same objects is not redrawn."""
        self.cards = cards
        describe, as_of = card_maker(self.store.clock(), self.store.settings.get().stale_after_days)
        for stage in COLUMNS:
            in_stage = cards[stage]
            self.rows[stage] = min(self.rows[stage], max(len(in_stage) - 1, 0))
            column = self.query_one(f"#cards-{stage.value}", CardColumn)
            column.set_cards(in_stage, describe, as_of=as_of)
        if focus_on is not None:
            self._put_cursor_on(focus_on)
        self._draw_cursor()

    def _put_cursor_on(self, application_id: UUID) -> None:
        if (found := position(self.cards, application_id)) is not None:
            self.column, row = found
            self.rows[self.stage] = row

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
            no_pay = f"+{self.no_pay[stage]} no pay" if self.no_pay.get(stage) else ""
            heading.show(stage.label, where + sort_mark(stage, self.sorts), no_pay)
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
        self.action_cursor(0, direction * cards.page)

    @on(CardColumn.Clicked)
    def _clicked(self, event: CardColumn.Clicked) -> None:
        self.column = COLUMNS.index(Stage(str(event.column.id).removeprefix("cards-")))
        self.rows[self.stage] = event.index
        self._draw_cursor()
        self.focus()

    # --- the moves shown before they are saved ----------------------------------------

    def settle(self) -> None:
        if not self.pending:
            return
        try:
            saved = self.pending.save()
        except StoreError as error:
            self.failed(error)
            self.reload()  # the board shows what is stored
        else:
            if not self._put_in_place(saved):
                self.reload()
        self.post_message(self.Saved())

    def save_unsaved(self) -> None:
        """Save the moves shown but not saved yet.

        Runs after the frame, or sooner when something needs the board as stored: the
        board's other actions (in a burst, "L" then "u" must undo that move), a reload,
        another pane.
        """
        try:
            self.pending.save()
        except StoreError as error:
            self.failed(error)

    def _put_in_place(self, saved: list[tuple[Application, Application]]) -> bool:
        """Each card as saved in place of the one shown for it, if it was saved where it
        was shown; whether all were. Then the board is not read again: reading it and
        drawing it anew was most of a move's work after its save, and another session's
        change reaches the board through the app's look at the file."""
        if self.query_text or self.show_archived:
            return False  # a filter's counts of cards with no pay may change
        cards = dict(self.cards)
        for shown, stored in saved:
            stage = shown.stage
            column = cards[stage]
            at = next((row for row, card in enumerate(column) if card is shown), None)
            if (
                at is None  # moved on again since
                or (stored.stage, stored.position) != (stage, shown.position)
                or self.sorts.get(stage, ColumnSort.OWN) is not ColumnSort.OWN
            ):
                return False
            cards[stage] = [*column[:at], stored, *column[at + 1 :]]
        self._show(cards, focus_on=None)  # the cursor stays on the card it is on
        return True

    def on_unmount(self) -> None:
        self.pending.save_leaving()
        # A look that moved no cursor writes nothing.
        if self.current is not None and self.current.id != self._started_on:
            with contextlib.suppress(StoreError):
                self.store.settings.update(board_cursor=self.current.id)
