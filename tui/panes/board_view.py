"""What the board shows, worked out from the store's records: no widgets here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from uuid import UUID

from store import PIPELINE, Application, Stage
from store.board import days_in_stage, is_stale, matches, next_action_due
from store.pay import main_currency, pay_of, split_pay_filter
from tui.agenda_text import interview_label
from tui.widgets.card_column import Card

COLUMNS: tuple[Stage, ...] = (*PIPELINE, Stage.REJECTED)

Columns = dict[Stage, list[Application]]

COLUMN_MIN_WIDTH = 16
"""All five columns fit in 80 cells; a narrower terminal scrolls sideways instead."""

FIRST_RUN_HINT = (
    "Welcome to bounceback.\n\n"
    "Every application goes on this board, and every “no” becomes a short lesson "
    "for the next one. Your data stays in one file on this machine.\n\n"
    "Press n to add your first application.\n"
    "To look around with sample data first, quit (ctrl+q) and run:  {demo}"
)


def column_width(board_width: int) -> int:
    # In cells, not fr: inside a horizontal scroller fr stretches each column to the
    # whole viewport.
    return max(COLUMN_MIN_WIDTH, board_width // len(COLUMNS))


def columns(applications: Iterable[Application], query: str = "") -> Columns:
    """The applications that match ``query``, by stage, in their order: its words, and
    its pay conditions ("pay>=60k", "pay:EUR"), which a card with no pay never meets."""
    grouped: Columns = {stage: [] for stage in COLUMNS}
    words, pay_filter, _ = split_pay_filter(query)
    if pay_filter is not None:
        applications = list(applications)
        main = main_currency(pay_of(a) for a in applications)
    for application in applications:
        if words and not matches(application, words):
            continue
        if pay_filter is None or pay_filter.accepts(pay_of(application), main):
            grouped[application.stage].append(application)
    return grouped


def hidden_for_no_pay(applications: Iterable[Application], query: str) -> dict[Stage, int]:
    """How many cards of each column match ``query``'s words but have no pay for its pay
    conditions to be held to (none, without a pay condition)."""
    hidden = dict.fromkeys(COLUMNS, 0)
    words, pay_filter, _ = split_pay_filter(query)
    if pay_filter is not None:
        for a in applications:
            if (not words or matches(a, words)) and pay_of(a) is None:
                hidden[a.stage] += 1
    return hidden


def pay_filter_note(applications: Iterable[Application], query: str) -> str:
    """What the filter's pay conditions read as (or what in them cannot be read); "" for
    a filter of words only."""
    _, pay_filter, problem = split_pay_filter(query)
    if problem or pay_filter is None:
        return problem
    main = main_currency(pay_of(a) for a in applications)
    return f"{pay_filter.describe(main)}; +N beside a count: cards with no pay, hidden"


def first_card(cards: Columns) -> UUID | None:
    """The first card of the first column that has one."""
    return next((cards[stage][0].id for stage in COLUMNS if cards[stage]), None)


def start_card(cards: Columns, last: UUID | None) -> UUID | None:
    """Where the cursor starts: on ``last``, the card it was on when the app last
    closed, if it is still shown; else on the first card."""
    if any(application.id == last for stage in COLUMNS for application in cards[stage]):
        return last
    return first_card(cards)


def position(cards: Columns, application_id: UUID) -> tuple[int, int] | None:
    """The column and row of a card, if it is shown."""
    for column, stage in enumerate(COLUMNS):
        for row, application in enumerate(cards[stage]):
            if application.id == application_id:
                return column, row
    return None


def card_maker(now: datetime, stale_after: int) -> tuple[Callable[[Application], Card], object]:
    """What a card shows as of ``now`` (called only for the cards on screen), and what
    else it depends on: a column whose records are unchanged within the same minute is
    not redrawn."""
    today = now.date()

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
