"""Pay read from the salary as the user typed it ("£55-65k", "$40/hour", "600 a day").

The text stays the record; the numbers are read from it whenever they are needed, so an
edit of the text can never leave them behind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class PayPeriod(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"


PER_YEAR: dict[PayPeriod, int] = {
    PayPeriod.YEAR: 1,
    PayPeriod.MONTH: 12,
    PayPeriod.DAY: 220,
    PayPeriod.HOUR: 1_760,
}
"""Working days and hours in a year, to compare a day rate with a salary."""


@dataclass(frozen=True)
class Pay:
    minimum: float
    maximum: float
    currency: str
    """An ISO code such as ``GBP``, or "" when the text names none."""
    period: PayPeriod

    @property
    def yearly_maximum(self) -> float:
        return self.maximum * PER_YEAR[self.period]

    def __str__(self) -> str:
        amount = _amount(self.minimum)
        if self.maximum != self.minimum:
            amount += f"–{_amount(self.maximum)}"
        currency = f"{self.currency} " if self.currency else ""
        article = "an" if self.period is PayPeriod.HOUR else "a"
        return f"{currency}{amount} {article} {self.period.value}"


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR"}
_CODES = frozenset(
    {
        "GBP",
        "USD",
        "EUR",
        "CAD",
        "AUD",
        "NZD",
        "CHF",
        "SEK",
        "NOK",
        "DKK",
        "PLN",
        "CZK",
        "JPY",
        "INR",
        "SGD",
        "HKD",
        "ZAR",
        "BRL",
        "MXN",
    }
)
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:\s*([km])\b)?", re.IGNORECASE)
_PERIODS: tuple[tuple[re.Pattern[str], PayPeriod], ...] = (
    (re.compile(r"hour|/\s*hr?\b|(?<![a-z])ph\b|p/h\b", re.IGNORECASE), PayPeriod.HOUR),
    (re.compile(r"\bday|daily|/\s*d\b|(?<![a-z])pd\b|p/d\b", re.IGNORECASE), PayPeriod.DAY),
    (re.compile(r"month|/\s*mo?\b|\bpcm\b", re.IGNORECASE), PayPeriod.MONTH),
)
_SCALE = {"k": 1_000, "m": 1_000_000}


def parse_pay(text: str) -> Pay | None:
    """The range, currency and period in ``text``; None when it holds no amount."""
    numbers = [
        (float(digits.replace(",", "")), (suffix or "").lower())
        for digits, suffix in _NUMBER.findall(text)
    ][:2]
    if not numbers:
        return None
    # "55-65k": a scale written once applies to both ends.
    scale = next((suffix for _, suffix in reversed(numbers) if suffix), "")
    values = [value * _SCALE.get(suffix or scale, 1) for value, suffix in numbers]
    period = next((period for pattern, period in _PERIODS if pattern.search(text)), None)
    currency = next((code for symbol, code in _SYMBOLS.items() if symbol in text), "")
    if not currency:
        words = re.findall(r"[A-Za-z]{3}", text)
        currency = next((w.upper() for w in words if w.upper() in _CODES), "")
    return Pay(min(values), max(values), currency, period or PayPeriod.YEAR)


def against(offered: Pay, asked: Pay) -> str | None:
    """Where an offer lands against the range asked for: "above", "within" or "below";
    None when they are in different currencies."""
    if offered.currency and asked.currency and offered.currency != asked.currency:
        return None
    per_year = PER_YEAR[offered.period]
    low, high = asked.minimum * PER_YEAR[asked.period], asked.yearly_maximum
    if offered.maximum * per_year > high:
        return "above"
    if offered.maximum * per_year < low:
        return "below"
    return "within"
