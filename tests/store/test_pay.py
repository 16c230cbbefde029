"""Pay entered by hand, the board's pay filter, and pay compared within one currency."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from store import InvalidInput, Stage, Store
from store.clock import fixed_clock
from store.models import PAY_MAX, ColumnSort, Pay, PayPeriod
from store.pay import against, main_currency, parse_pay, pay_of, split_pay_filter
from store.sample import SAMPLE_NOW
from store.sorting import sorted_column, sorted_columns

GBP_55_65 = Pay(minimum=55_000, maximum=65_000, currency="GBP", period=PayPeriod.YEAR)

# --- entered by hand --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"minimum": 65_000, "maximum": 55_000}, "maximum"),
        ({"minimum": -1, "maximum": 55_000}, "minimum"),
        ({"minimum": 55_000, "maximum": 65_000, "currency": "XYZ"}, "currency"),
        ({"minimum": 55_000, "maximum": PAY_MAX * 10}, "maximum"),
        ({"minimum": float("nan"), "maximum": 1}, "minimum"),
    ],
)
def test_bad_pay_is_refused_naming_its_field_and_nothing_is_saved(
    store: Store, fields: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        Pay.model_validate(fields)
    assert refused.value.errors()[0]["loc"] == (field,)
    with pytest.raises(InvalidInput) as refused_by_store:
        store.applications.add(company="Acme", role="Dev", pay=fields)
    assert "pay" in refused_by_store.value.errors
    assert store.applications.on_board() == []


@pytest.mark.parametrize(
    "fields",
    [
        {"minimum": 55_000, "maximum": 55_000},  # one figure
        {"minimum": 0, "maximum": 0},
        {"minimum": 1, "maximum": PAY_MAX},
        {"minimum": 1, "maximum": 2, "currency": " eur "},
    ],
)
def test_pay_at_the_edges_of_each_rule_is_kept(fields: dict[str, object]) -> None:
    pay = Pay.model_validate(fields)
    assert pay.currency in ("", "EUR")


def test_pay_entered_by_hand_is_kept_with_the_salary_as_typed(store: Store, db_path: Path) -> None:
    saved = store.applications.add(company="Acme", role="Dev", salary="DOE", pay=GBP_55_65)
    again = type(store).open(db_path, clock=fixed_clock(SAMPLE_NOW))
    kept = again.applications.get(saved.id)
    assert (kept.salary, kept.pay) == ("DOE", GBP_55_65)
    assert pay_of(kept) == GBP_55_65


def test_pay_entered_by_hand_takes_the_place_of_what_the_salary_reads_as(store: Store) -> None:
    read = store.applications.add(company="Acme", role="Dev", salary="£40k")
    corrected = store.applications.add(company="Beta", role="Dev", salary="£40k", pay=GBP_55_65)
    assert pay_of(read) == parse_pay("£40k")
    assert pay_of(corrected) == GBP_55_65


def test_an_amount_no_pay_reaches_is_not_read_as_pay() -> None:
    assert parse_pay("ref 12,345,678,901") is None
    assert parse_pay("£900m") is not None


# --- the main currency and sorting ------------------------------------------------------


def test_the_main_currency_is_the_one_most_cards_use() -> None:
    gbp, usd = parse_pay("£50k"), parse_pay("$70k")
    assert main_currency([usd, gbp, gbp, None, parse_pay("60k")]) == "GBP"
    assert main_currency([usd, gbp]) == "GBP"  # a tie: A to Z, whatever the order
    assert main_currency([gbp, usd]) == "GBP"
    assert main_currency([None, parse_pay("60k")]) == ""


def test_sorting_by_pay_keeps_each_currency_together_the_main_one_first(store: Store) -> None:
    for company, salary in [
        ("Dollar", "$70k"),
        ("Pound low", "£50k"),
        ("Euro", "€90k"),
        ("Unnamed", "65k"),  # names no currency: taken to be in pounds, the main one
        ("Pound high", "£60k"),
        ("Unread", "competitive"),
        ("Pound day", "£300 a day"),  # 66,000 a year at 220 days
    ]:
        store.applications.add(company=company, role="Dev", salary=salary, stage=Stage.APPLIED)
    column = store.applications.on_board()
    shown = sorted_column(column, ColumnSort.PAY, SAMPLE_NOW)
    assert [a.company for a in shown] == [
        "Pound day",
        "Unnamed",
        "Pound high",
        "Pound low",
        "Euro",
        "Dollar",
        "Unread",
    ]


def test_the_boards_main_currency_orders_every_column(store: Store) -> None:
    for salary in ("£50k", "£40k", "£45k"):
        store.applications.add(company="UK", role="Dev", salary=salary, stage=Stage.WISHLIST)
    store.applications.add(company="US", role="Dev", salary="$90k", stage=Stage.APPLIED)
    store.applications.add(company="UK", role="Dev", salary="£30k", stage=Stage.APPLIED)
    columns = {
        stage: [a for a in store.applications.on_board() if a.stage is stage] for stage in Stage
    }
    shown = sorted_columns(columns, {Stage.APPLIED: ColumnSort.PAY}, SAMPLE_NOW)
    assert [a.salary for a in shown[Stage.APPLIED]] == ["£30k", "$90k"]


# --- offers against what was asked ------------------------------------------------------


@pytest.mark.parametrize(
    ("offered", "asked", "main", "where"),
    [
        ("£60k", "£55-65k", "GBP", "within"),
        ("60k", "£55-65k", "GBP", "within"),  # no currency named: the main one
        ("60k", "£55-65k", "USD", None),
        ("$60k", "£55-65k", "GBP", None),
        ("£300/day", "£55-65k", "GBP", "above"),  # 66,000 a year
    ],
)
def test_an_offer_is_compared_only_in_the_currency_asked_for(
    offered: str, asked: str, main: str, where: str | None
) -> None:
    offer, wanted = parse_pay(offered), parse_pay(asked)
    assert offer is not None
    assert wanted is not None
    assert against(offer, wanted, main) == where


# --- the board's pay filter -------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "salary", "shown"),
    [
        ("pay>=60k", "£55-65k", True),  # the top of the range reaches it
        ("pay>=66k", "£55-65k", False),
        ("pay>65k", "£55-65k", False),
        ("pay<=55k", "£55-65k", True),  # the bottom of the range is within it
        ("pay<55k", "£55-65k", False),
        ("pay>=60k", "$70k", False),  # another currency than the main one
        ("pay>=$60k", "$70k", True),
        ("pay:usd", "$70k", True),
        ("pay:$", "£70k", False),
        ("pay>=60k", "£300 a day", True),  # 66,000 a year
        ("pay<£400/day", "£90k", False),  # 88,000 a year against 90,000
        ("pay>=0", "competitive", False),  # no pay: hidden by any pay condition
        ("pay:GBP", "", False),
    ],
)
def test_the_pay_filter_holds_each_card_to_its_condition(
    query: str, salary: str, shown: bool
) -> None:
    words, pay_filter, problem = split_pay_filter(query)
    assert (words, problem) == ("", "")
    assert pay_filter is not None
    assert pay_filter.accepts(parse_pay(salary), "GBP") is shown


def test_the_pay_filter_leaves_the_words_and_names_what_it_cannot_read() -> None:
    assert split_pay_filter("acme remote") == ("acme remote", None, "")
    words, pay_filter, problem = split_pay_filter("acme pay:XYZ")
    assert (words, pay_filter) == ("acme", None)  # holds no card back
    assert "'XYZ' is not a currency" in problem
    assert "write an amount" in split_pay_filter("pay>=lots")[2]


@given(st.text(max_size=60))
def test_any_salary_text_reads_as_valid_pay_or_none_and_never_fails(typed: str) -> None:
    pay = parse_pay(typed)
    assert pay is None or Pay.model_validate(pay.model_dump()) == pay


@given(st.text(max_size=40))
def test_a_filter_keeps_every_word_that_is_not_a_pay_condition(typed: str) -> None:
    words, _, _ = split_pay_filter(typed)
    conditions = ("pay>", "pay<", "pay:")
    assert words.split() == [w for w in typed.split() if not w.lower().startswith(conditions)]
