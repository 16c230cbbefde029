"""What became of an offer, recorded from the board: the outcome saved (undoable), and on
an accepted offer a celebration and, if asked, the rest of the board archived."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from store import Application, ArchiveReason, OfferOutcome, Store
from tui.panes.undo import UndoHistory

if TYPE_CHECKING:  # the dialog is imported when first opened
    from tui.dialogs.offer_outcome import OfferResult

T = TypeVar("T")


class Run(Protocol):
    """The pane's way of calling the store: None (and the error shown) when it fails."""

    def __call__(self, operation: Callable[[], T]) -> T | None: ...


def decide(
    store: Store, undo: UndoHistory, run: Run, application: Application, result: OfferResult
) -> tuple[Application, str] | None:
    """Save the offer's outcome; the saved card, and what to say about it (or "")."""
    offers = store.applications
    saved = run(
        lambda: offers.decide_offer(application.id, result.outcome, result.reason, result.pay)
    )
    if saved is None:
        return None
    undo.remember_change(f"outcome of {application.company}'s offer", application, saved)
    if result.outcome is not OfferOutcome.ACCEPTED:
        return saved, ""
    if result.archive_the_rest:
        _archive_the_rest(store, undo, run, saved)
    return saved, f"You accepted {application.company}'s offer. Congratulations: you did it!"


def _archive_the_rest(store: Store, undo: UndoHistory, run: Run, kept: Application) -> None:
    offers = store.applications
    before = {a.id: a for a in offers.on_board()}
    archived = run(lambda: offers.archive_all_but(kept.id, ArchiveReason.ACCEPTED_ELSEWHERE))
    if archived:

        def put_back() -> Application:
            for card in archived:
                store.revert(before[card.id], card.rev)
            return kept

        undo.remember(f"archive of the {len(archived)} other cards", put_back)
