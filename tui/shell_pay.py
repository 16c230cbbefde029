"""The shell's pay options for ``add`` and ``edit``: ``--pay-min``, ``--pay-max``,
``--currency`` and ``--period``, the same four parts as the form's pay row."""

from __future__ import annotations

import argparse

from pydantic import ValidationError

from store import InvalidInput
from store.models import Pay, PayPeriod
from store.repository.core import friendly_errors

OPTIONS = {
    "minimum": "--pay-min",
    "maximum": "--pay-max",
    "currency": "--currency",
    "period": "--period",
}


def _amount(typed: str) -> float:
    """55000, 55,000 or 55k."""
    text = typed.strip().replace(",", "").replace("_", "").lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    try:
        return float(text[:-1] if scale != 1 else text) * scale
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{typed!r} is not an amount, such as 55000 or 55k"
        ) from None


def add_pay_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pay-min", type=_amount, metavar="AMOUNT",
                        help="pay as numbers (when the salary cannot be read): from")  # fmt: skip
    parser.add_argument("--pay-max", type=_amount, metavar="AMOUNT",
                        help="pay: to (default: --pay-min, for one figure)")  # fmt: skip
    parser.add_argument("--currency", metavar="CODE", help="GBP, USD, EUR…")
    parser.add_argument("--period", choices=[p.value for p in PayPeriod],
                        help="what the pay is for (default: year)")  # fmt: skip


def pay_value(args: argparse.Namespace, base: Pay | None) -> dict[str, Pay]:
    """``{"pay": …}`` when a pay option was given, each part not given taken from
    ``base`` (the pay the application has); ``{}`` when none was. Raises
    :class:`InvalidInput` naming the option."""
    given = {
        "minimum": getattr(args, "pay_min", None),
        "maximum": getattr(args, "pay_max", None),
        "currency": getattr(args, "currency", None),
        "period": getattr(args, "period", None),
    }
    given = {part: value for part, value in given.items() if value is not None}
    if not given:
        return {}
    if base is None and "minimum" not in given and "maximum" not in given:
        raise InvalidInput({"--pay-min": "is needed with --currency or --period"})
    values = base.model_dump() if base else {}
    if "minimum" in given and "maximum" not in given and base is None:
        given["maximum"] = given["minimum"]  # one figure
    if "maximum" in given and "minimum" not in given and base is None:
        given["minimum"] = given["maximum"]
    values.update(given)
    try:
        return {"pay": Pay.model_validate(values)}
    except ValidationError as error:
        errors = friendly_errors(error)
        raise InvalidInput(
            {OPTIONS.get(part, "--pay-min"): m for part, m in errors.items()}
        ) from None
