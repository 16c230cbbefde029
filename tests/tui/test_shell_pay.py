"""Pay as numbers from the shell: --pay-min, --pay-max, --currency and --period on add
and edit, refused with exit 2 and nothing changed when they make no pay."""

from __future__ import annotations

import pytest

from store import Store
from store.models import Pay, PayPeriod
from tests.tui.test_commands import bounceback, sha256


def test_add_keeps_pay_entered_as_numbers_beside_the_salary_as_typed(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, _ = bounceback(
        store, "add", "Acme", "Dev", "--salary", "DOE", "--pay-min", "450",
        "--pay-max", "550", "--currency", "gbp", "--period", "day", capsys=capsys,
    )  # fmt: skip
    assert status == 0
    (added,) = Store.open(store.path).applications.on_board()
    assert added.salary == "DOE"
    assert added.pay == Pay(minimum=450, maximum=550, currency="GBP", period=PayPeriod.DAY)


def test_edit_changes_only_the_parts_of_the_pay_given(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.applications.add(company="Acme", role="Dev", salary="£55-65k")
    status, _, _ = bounceback(store, "edit", "acme", "--pay-max", "70k", capsys=capsys)
    assert status == 0
    (edited,) = Store.open(store.path).applications.on_board()
    assert (edited.salary, edited.pay) == (
        "£55-65k",
        Pay(minimum=55_000, maximum=70_000, currency="GBP", period=PayPeriod.YEAR),
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pay-min", "65000", "--pay-max", "55000"], "--pay-max is below the minimum"),
        (["--pay-min", "-5"], "--pay-min must be 0 or more"),
        (["--pay-min", "5", "--currency", "XYZ"], "--currency 'XYZ' is not a currency code"),
        (["--pay-min", "5e12"], "--pay-min is more than any pay"),
        (["--currency", "EUR"], "--pay-min is needed"),  # the card has no pay to change
    ],
)
def test_pay_options_that_make_no_pay_exit_2_and_change_nothing(
    store: Store, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    store.applications.add(company="Acme", role="Dev", salary="competitive")
    before = sha256(store.path)
    status, _, err = bounceback(store, "edit", "acme", *args, capsys=capsys)
    assert status == 2
    assert message in err
    assert sha256(store.path) == before


def test_an_amount_that_is_not_a_number_is_refused_by_the_parser(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.applications.add(company="Acme", role="Dev")
    before = sha256(store.path)
    with pytest.raises(SystemExit) as exited:
        bounceback(store, "edit", "acme", "--pay-min", "lots", capsys=capsys)
    assert exited.value.code == 2
    assert "'lots' is not an amount" in capsys.readouterr().err
    assert sha256(store.path) == before
