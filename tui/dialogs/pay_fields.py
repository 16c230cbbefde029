"""The application form's pay, as numbers: from, to, currency and period.

Filled in from what the salary reads as, and following the salary while the user has not
changed them; what they type here is kept on the application only where it differs from
that reading, so a salary edited later is read afresh.
"""

from __future__ import annotations

import re

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, Static

from store.models import CURRENCIES, Pay, PayPeriod
from store.pay import parse_pay
from store.repository.core import friendly_errors
from tui.widgets.safe_fields import SafeInput

PARTS = {"minimum": "from", "maximum": "to", "currency": "currency"}
"""The typed parts, each with its error line ``#error-pay_<part>``, and its name there
(the errors share the row's width, so each says which part it is about)."""

_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*([km]?)", re.IGNORECASE)
_SCALE = {"": 1, "k": 1_000, "m": 1_000_000}


def _typed(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.0f}" if value == int(value) else f"{value}"


def _amount(typed: str) -> float | None:
    """A typed amount ("55000", "55,000", "55k"); None when blank. ValueError if unreadable."""
    text = typed.strip().replace(",", "").replace("_", "")
    if not text:
        return None
    if text.startswith("-"):
        raise ValueError("must be 0 or more")
    number = _AMOUNT.fullmatch(text)
    if number is None:
        raise ValueError("must be a number, such as 55000 or 55k")
    return float(number.group(1)) * _SCALE[number.group(2).lower()]


class PayFields(Vertical):
    """From, to, currency and period on one row, with each one's error beneath."""

    DEFAULT_CSS = """
    PayFields { height: auto; }
    PayFields > Horizontal { height: 1; }
    PayFields Input { width: 1fr; }
    PayFields #field-pay_currency { width: 10; margin-left: 1; }
    PayFields .pay-to { width: 3; content-align: center middle; color: $text-muted; }
    PayFields Select { width: 12; margin-left: 1; }
    """

    def __init__(self, pay: Pay | None, salary: str) -> None:
        super().__init__(classes="form-field")
        self._initial = pay or parse_pay(salary)
        self._following = parse_pay(salary)
        """What the salary reads as: the fields follow it until the user changes them."""

    def compose(self) -> ComposeResult:
        pay = self._initial
        with Horizontal():
            yield SafeInput(
                _typed(pay.minimum if pay else None),
                placeholder="from",
                compact=True,
                id="field-pay_minimum",
            )
            yield Static("–", classes="pay-to")
            yield SafeInput(
                _typed(pay.maximum if pay else None),
                placeholder="to",
                compact=True,
                id="field-pay_maximum",
            )
            yield SafeInput(
                pay.currency if pay else "",
                placeholder="currency",
                compact=True,
                suggester=SuggestFromList(sorted(CURRENCIES), case_sensitive=False),
                id="field-pay_currency",
            )
            yield Select(
                [(f"a {p.value}" if p is not PayPeriod.HOUR else "an hour", p) for p in PayPeriod],
                value=pay.period if pay else PayPeriod.YEAR,
                allow_blank=False,
                compact=True,
                id="field-pay_period",
            )
        for part in PARTS:
            yield Static(classes="field-error", id=f"error-pay_{part}")

    def typed(self) -> tuple[Pay | None, dict[str, str]]:
        """The pay typed (None when from and to are blank), and each part's error."""
        values: dict[str, object] = {}
        errors: dict[str, str] = {}
        for part in ("minimum", "maximum"):
            try:
                values[part] = _amount(self.query_one(f"#field-pay_{part}", Input).value)
            except ValueError as error:
                errors[f"pay_{part}"] = f"{PARTS[part]}: {error}"
        if errors:
            return None, errors
        low, high = values["minimum"], values["maximum"]
        if low is None and high is None:
            return None, {}
        values["minimum"] = low if low is not None else high  # one figure: from and to
        values["maximum"] = high if high is not None else low
        values["currency"] = self.query_one("#field-pay_currency", Input).value
        values["period"] = self.query_one("#field-pay_period", Select).value
        try:
            return Pay.model_validate(values), {}
        except ValidationError as error:
            errors = friendly_errors(error)
            return None, {f"pay_{f}": f"{PARTS.get(f, f)}: {m}" for f, m in errors.items()}

    def to_keep(self, salary: str) -> tuple[Pay | None, dict[str, str]]:
        """What the application keeps: the pay typed, or None where the salary reads as
        the same (it is read from the salary then, as the salary changes)."""
        pay, errors = self.typed()
        return (None if pay == parse_pay(salary) else pay), errors

    def follow_salary(self, salary: str) -> None:
        """The salary changed: fill in its reading, unless the user has typed their own."""
        reading = parse_pay(salary)
        if self.typed()[0] != self._following:
            return
        self._following = reading
        self.query_one("#field-pay_minimum", Input).value = _typed(
            reading.minimum if reading else None
        )
        self.query_one("#field-pay_maximum", Input).value = _typed(
            reading.maximum if reading else None
        )
        self.query_one("#field-pay_currency", Input).value = reading.currency if reading else ""
        if reading is not None:
            self.query_one("#field-pay_period", Select).value = reading.period
