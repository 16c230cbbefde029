"""Pay read from the salary as the user typed it ("£55-65k", "$40/hour", "600 a day"),
and pay compared: within one currency only, day and hour rates made yearly.

The text stays the record; the numbers are read from it whenever they are needed, so an
edit of the text can never leave them behind. Pay entered by hand (``Application.pay``)
takes the place of what is read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError

from store.models import CURRENCIES, PER_YEAR, Application, Pay, PayPeriod

__all__ = [
    "PER_YEAR",
    "Pay",
    "PayFilter",
    "PayPeriod",
    "against",
    "best_paid_first",
    "currency_of",
    "main_currency",
    "parse_pay",
    "pay_of",
    "split_pay_filter",
]


_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR"}
_DOLLARS = {"AU": "AUD", "A": "AUD", "CA": "CAD", "C": "CAD", "NZ": "NZD", "HK": "HKD",
            "S": "SGD", "US": "USD"}  # fmt: skip
_DOLLAR = re.compile(r"(?<![A-Za-z])(AU|A|CA|C|NZ|HK|S|US)\$", re.IGNORECASE)
"""Dollars named by their country: A$ or AU$, C$, NZ$, HK$, S$, US$."""
_CODE = re.compile(r"\b[A-Za-z]{3}\b")
_LOWERCASE_CODES = {"gbp", "usd", "eur", "cad", "aud", "nzd", "chf", "sek", "dkk", "inr", "jpy"}
"""Codes also read in small letters: the others are English words as often ("all", "try")."""
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:\s*([km])\b)?", re.IGNORECASE)
_NOT_PAY = re.compile(r"\d[\d.,]*\s*(?:%|(?:hours?|hrs?|days?|weeks?)\b)", re.IGNORECASE)
"""A bonus's share, the hours or days of a working week: numbers beside the pay."""
_PERIODS: tuple[tuple[re.Pattern[str], PayPeriod], ...] = (
    (re.compile(r"hour|/\s*hr?\b|(?<![a-z])ph\b|p/h\b", re.IGNORECASE), PayPeriod.HOUR),
    (re.compile(r"\bday|daily|/\s*d\b|(?<![a-z])pd\b|p/d\b", re.IGNORECASE), PayPeriod.DAY),
    (re.compile(r"month|/\s*mo?\b|\bpcm\b", re.IGNORECASE), PayPeriod.MONTH),
)
_SCALE = {"k": 1_000, "m": 1_000_000}


def parse_pay(text: str) -> Pay | None:
    """The range, currency and period in ``text``; None when it holds no amount."""
    about_pay = _NOT_PAY.sub(" ", text)
    numbers = [
        (float(digits.replace(",", "")), (suffix or "").lower())
        for digits, suffix in _NUMBER.findall(about_pay)
    ][:2]
    if not numbers:
        return None
    # "55-65k": a scale written once applies to both ends.
    scale = next((suffix for _, suffix in reversed(numbers) if suffix), "")
    values = [value * _SCALE.get(suffix or scale, 1) for value, suffix in numbers]
    period = next((period for pattern, period in _PERIODS if pattern.search(about_pay)), None)
    try:
        return Pay(
            minimum=min(values),
            maximum=max(values),
            currency=_currency_in(text),
            period=period or PayPeriod.YEAR,
        )
    except ValidationError:  # an amount no pay reaches: a phone number, a typo
        return None


def _currency_in(text: str) -> str:
    """A code written out ("AUD") wins over a symbol ("$120k AUD"), then "A$" and its kind,
    then the symbol; "" when the text names none."""
    for word in map(str, _CODE.findall(text)):
        if word.upper() in CURRENCIES and (word.isupper() or word in _LOWERCASE_CODES):
            return word.upper()
    if dollar := _DOLLAR.search(text):
        return _DOLLARS[dollar.group(1).upper()]
    return next((code for symbol, code in _SYMBOLS.items() if symbol in text), "")


def pay_of(application: Application) -> Pay | None:
    """The pay of an application: as entered by hand, else as read from its salary."""
    return application.pay or parse_pay(application.salary)


def main_currency(pays: Iterable[Pay | None]) -> str:
    """The currency most of ``pays`` name (the first in A-Z order on a tie); "" if none
    names one. A pay that names none is taken to be in it."""
    counts = Counter(pay.currency for pay in pays if pay is not None and pay.currency)
    if not counts:
        return ""
    return min(counts, key=lambda code: (-counts[code], code))


def currency_of(pay: Pay, main: str) -> str:
    """The currency ``pay`` is in: the one it names, else the user's main currency."""
    return pay.currency or main


def best_paid_first(pay: Pay, main: str) -> tuple[int, str, float]:
    """Sorts pay in the main currency first, then each other currency together (A-Z),
    each the highest yearly pay first: £60k and $70k are never ranked as one unit."""
    currency = currency_of(pay, main)
    return (0 if currency == main else 1, currency, -pay.yearly_maximum)


def against(offered: Pay, asked: Pay, main: str = "") -> Literal["above", "within", "below"] | None:
    """Where an offer lands against the range asked for: "above", "within" or "below";
    None when they are in different currencies (a pay naming none is in ``main``)."""
    if currency_of(offered, main) != currency_of(asked, main):
        return None
    if offered.yearly_maximum > asked.yearly_maximum:
        return "above"
    if offered.yearly_maximum < asked.yearly_minimum:
        return "below"
    return "within"


# --- the board's pay filter: "pay>=60k", "pay<£500/day", "pay:EUR" -----------------------

_CONDITION = re.compile(r"pay(>=|<=|>|<|:)(.*)", re.IGNORECASE)
_TESTS = {
    # A range meets "at least 60k" when its top does, "at most 80k" when its bottom does:
    # the job could pay that.
    ">=": lambda pay, amount: pay.yearly_maximum >= amount,
    ">": lambda pay, amount: pay.yearly_maximum > amount,
    "<=": lambda pay, amount: pay.yearly_minimum <= amount,
    "<": lambda pay, amount: pay.yearly_minimum < amount,
}
_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


@dataclass(frozen=True)
class PayFilter:
    """The pay conditions of a board filter. A card with no pay never matches one."""

    bounds: tuple[tuple[str, float], ...] = ()
    """(comparison, yearly amount) pairs, all of which must hold."""
    currency: str = ""
    """The currency asked for; "" for the user's main currency."""

    def accepts(self, pay: Pay | None, main: str) -> bool:
        if pay is None or currency_of(pay, main) != (self.currency or main):
            return False
        return all(_TESTS[sign](pay, amount) for sign, amount in self.bounds)

    def describe(self, main: str) -> str:
        """What the filter reads as, to show beside it."""
        currency = self.currency or main
        parts = [f"{_SIGNS[sign]} {amount:,.0f} a year" for sign, amount in self.bounds]
        where = f"in {currency}" if currency else "with no currency named"
        return f"pay {' and '.join(parts) + ' ' if parts else ''}{where}"


def split_pay_filter(query: str) -> tuple[str, PayFilter | None, str]:
    """``query``'s words, its pay conditions (None if it has none it can read), and what
    could not be read in them ("" if all could): "acme pay>=60k" is the word "acme" and
    pay of at least 60,000 a year; a condition that cannot be read holds no card back."""
    words: list[str] = []
    bounds: list[tuple[str, float]] = []
    currency, problem, found = "", "", False
    for word in query.split():
        condition = _CONDITION.fullmatch(word)
        if condition is None:
            words.append(word)
            continue
        sign, value = condition.group(1), condition.group(2)
        if sign == ":":
            code = _SYMBOLS.get(value, value.upper())
            if code in CURRENCIES:
                currency, found = code, True
            else:
                problem = f"{value!r} is not a currency code this app knows"
            continue
        pay = parse_pay(value)
        if pay is None:
            problem = f"{word!r}: write an amount, such as pay>=60k or pay<£500/day"
            continue
        bounds.append((sign, pay.yearly_minimum))
        currency, found = pay.currency or currency, True
    return " ".join(words), PayFilter(tuple(bounds), currency) if found else None, problem
