"""The orders a board column can be sorted in. The user's own order (``K``/``J``) is the
default and is never lost: a sort only changes how a column is shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from store.board import days_in_stage
from store.models import Application, ColumnSort, Stage
from store.pay import best_paid_first, main_currency, pay_of

SortValue = Callable[[Application, datetime], "float | str | tuple[int, str, float] | None"]


def _value(order: ColumnSort, main: str) -> SortValue:
    """What a card is sorted by, smallest first; None when the card has no value.
    ``main``: the user's main currency, whose pay comes first."""
    if order is ColumnSort.EXCITEMENT:
        return lambda a, now: -a.excitement
    if order is ColumnSort.DUE:
        return lambda a, now: a.next_action_due.toordinal() if a.next_action_due else None
    if order is ColumnSort.DAYS:
        return lambda a, now: -days_in_stage(a, now)
    if order is ColumnSort.PAY:

        def pay(a: Application, now: datetime) -> tuple[int, str, float] | None:
            read = pay_of(a)
            return best_paid_first(read, main) if read else None

        return pay
    if order is ColumnSort.COMPANY:
        return lambda a, now: a.company.casefold()
    return lambda a, now: 0.0


def sorted_column(
    column: Sequence[Application], order: ColumnSort, now: datetime, main: str | None = None
) -> list[Application]:
    """``column`` (in the user's order) in ``order``: the most exciting, the soonest due,
    the longest waiting, the best paid first, companies A to Z. Cards with no value for
    the order come last, in the user's order. Pay is compared within a currency: the
    ``main`` one first (by default the one most of the column's cards use)."""
    if order is ColumnSort.OWN:
        return list(column)
    if main is None:
        main = main_currency(pay_of(a) for a in column)
    value = _value(order, main)
    keyed = [(value(a, now), n, a) for n, a in enumerate(column)]
    with_value = sorted((k for k in keyed if k[0] is not None), key=lambda k: (k[0], k[1]))
    return [a for _, _, a in with_value] + [a for v, _, a in keyed if v is None]


def sorted_columns(
    columns: dict[Stage, list[Application]], sorts: dict[Stage, ColumnSort], now: datetime
) -> dict[Stage, list[Application]]:
    """Every column in the order the user chose for it (their own, unless they chose);
    the main currency is the one most of the board's cards use."""
    main = ""
    if ColumnSort.PAY in sorts.values():
        main = main_currency(pay_of(a) for cards in columns.values() for a in cards)
    return {
        stage: sorted_column(cards, sorts.get(stage, ColumnSort.OWN), now, main)
        for stage, cards in columns.items()
    }


SORT_MARKS: dict[ColumnSort, str] = {
    ColumnSort.OWN: "",
    ColumnSort.EXCITEMENT: "↓★",
    ColumnSort.DUE: "↓due",
    ColumnSort.DAYS: "↓days",
    ColumnSort.PAY: "↓pay",
    ColumnSort.COMPANY: "↓a-z",
}
"""Short enough to sit beside a column's count in a 16-cell column."""


def sort_mark(stage: Stage, sorts: dict[Stage, ColumnSort]) -> str:
    """What a column's heading shows of its order: nothing for the user's own."""
    mark = SORT_MARKS[sorts.get(stage, ColumnSort.OWN)]
    return f" {mark}" if mark else ""
