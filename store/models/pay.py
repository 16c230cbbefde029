"""Pay as numbers: a range, its currency and the period it is paid for."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, ValidationInfo, field_validator

from store.models.base import Model


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
"""Working days (220) and hours (8 a day) in a year, to compare a day rate with a salary."""

PAY_MAX = 1_000_000_000
"""Larger than any pay in any currency a search would meet; a slip of the keyboard is not."""

CURRENCIES = frozenset(
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
"""The ISO codes the app knows; another code is refused rather than compared wrongly."""


class Pay(Model):
    """A pay range: from ``minimum`` to ``maximum`` (equal for one figure) per ``period``."""

    minimum: float = Field(allow_inf_nan=False)
    maximum: float = Field(allow_inf_nan=False)
    currency: str = ""
    """An ISO code such as ``GBP``, or "" when none was named."""
    period: PayPeriod = PayPeriod.YEAR

    @field_validator("minimum", "maximum")
    @classmethod
    def _an_amount_of_pay(cls, value: float, info: ValidationInfo) -> float:
        if value < 0:
            raise ValueError("must be 0 or more")
        if value > PAY_MAX:
            raise ValueError(f"is more than any pay (at most {PAY_MAX:,})")
        minimum = info.data.get("minimum")
        if info.field_name == "maximum" and minimum is not None and value < minimum:
            raise ValueError("is below the minimum")
        return value

    @field_validator("currency", mode="before")
    @classmethod
    def _known_currency(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        code = value.strip().upper()
        if code and code not in CURRENCIES:
            known = ", ".join(sorted(CURRENCIES))
            raise ValueError(f"{value.strip()!r} is not a currency code this app knows ({known})")
        return code

    @property
    def yearly_minimum(self) -> float:
        return self.minimum * PER_YEAR[self.period]

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
