"""What became of an offer: accepted, declined (and why) or expired."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Select, Static

from store import Application, OfferOutcome
from tui.dialogs import field_row, input_row
from tui.dialogs.form import Form
from tui.widgets.check_box import CheckBox
from tui.widgets.safe_text import paragraph

OUTCOMES = [(outcome.label, outcome) for outcome in OfferOutcome]


@dataclass(frozen=True)
class OfferResult:
    outcome: OfferOutcome
    reason: str
    pay: str
    archive_the_rest: bool
    """Accepted: the search is over, the other cards can go to the archive."""


class OfferOutcomeDialog(Form[OfferResult | None]):
    def __init__(self, application: Application) -> None:
        super().__init__()
        self.application = application

    def compose(self) -> ComposeResult:
        a = self.application
        with Vertical(classes="dialog", id="offer-outcome"):
            yield Static(
                paragraph(f"The offer from {a.company} — {a.role}"), classes="dialog-title"
            )
            decided = a.offer_decision
            yield field_row(
                "Outcome",
                Select(OUTCOMES, value=decided.outcome if decided else OfferOutcome.ACCEPTED,
                       allow_blank=False, compact=True, id="field-outcome"),
            )  # fmt: skip
            reason = decided.reason if decided else ""
            why = "why you turned it down: pay, the role, the place…"
            yield input_row("Reason", "reason", reason, why)
            pay = decided.pay if decided else ""
            yield input_row("Pay offered", "pay", pay, "what they offered, e.g. £58k")
            yield CheckBox(
                "Accepted: take the rest of the board to the archive",
                compact=True,
                id="field-archive-rest",
            )
            yield from self.form_end()

    def on_mount(self) -> None:
        self.query_one("#field-outcome").focus()

    def action_save(self) -> None:
        outcome = self.query_one("#field-outcome", Select).value
        assert isinstance(outcome, OfferOutcome)
        reason = self.query_one("#field-reason", Input).value.strip()
        pay = self.query_one("#field-pay", Input).value.strip()
        archive = self.query_one("#field-archive-rest", Checkbox).value
        accepted = outcome is OfferOutcome.ACCEPTED
        self.dismiss(OfferResult(outcome, reason, pay, archive and accepted))
