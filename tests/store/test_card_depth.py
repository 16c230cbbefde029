"""The whole application on its card: the posting, the pay read from the salary, a
column's order, and what became of an offer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from store import ArchiveReason, InvalidInput, OfferOutcome, Stage, Store
from store.board import matches
from store.funnel import funnel
from store.models import ColumnSort
from store.pay import PayPeriod, against, parse_pay
from store.sample import SAMPLE_NOW
from store.sorting import sorted_column

# --- the posting ------------------------------------------------------------------------


def test_the_posting_is_kept_and_the_filter_finds_words_in_it(store: Store) -> None:
    posting = "We need someone fluent in Kubernetes and dbt. " * 300  # a few thousand words
    saved = store.applications.add(company="Acme", role="Data engineer", posting=posting)
    assert store.applications.get(saved.id).posting == posting
    assert matches(saved, "kubernetes dbt")
    assert not matches(saved, "haskell")


def test_a_1_mb_posting_is_refused_with_its_size_named_and_nothing_is_saved(
    store: Store,
) -> None:
    with pytest.raises(InvalidInput) as refused:
        store.applications.add(company="Acme", role="Dev", posting="x" * 1_000_000)
    assert "1.0 MB" in refused.value.errors["posting"]
    assert store.applications.on_board() == []


# --- pay --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "minimum", "maximum", "currency", "period"),
    [
        ("£55-65k", 55_000, 65_000, "GBP", PayPeriod.YEAR),
        ("55,000 - 65,000 GBP", 55_000, 65_000, "GBP", PayPeriod.YEAR),
        ("$40/hour", 40, 40, "USD", PayPeriod.HOUR),
        ("€4.5k per month", 4_500, 4_500, "EUR", PayPeriod.MONTH),
        ("£500pd", 500, 500, "GBP", PayPeriod.DAY),
        ("600 a day", 600, 600, "", PayPeriod.DAY),
        ("up to 80k", 80_000, 80_000, "", PayPeriod.YEAR),
        # What is not pay: hours and days of the week, a bonus's share.
        ("£40k pa, 37.5 hours/week", 40_000, 40_000, "GBP", PayPeriod.YEAR),
        ("£500/day, 5 days a week", 500, 500, "GBP", PayPeriod.DAY),
        ("60k + 10% bonus", 60_000, 60_000, "", PayPeriod.YEAR),
        # A currency named in so many letters wins over a bare $; a word is not a code.
        ("$120k AUD", 120_000, 120_000, "AUD", PayPeriod.YEAR),
        ("A$90k", 90_000, 90_000, "AUD", PayPeriod.YEAR),
        ("CA$85k", 85_000, 85_000, "CAD", PayPeriod.YEAR),
        ("US$100k", 100_000, 100_000, "USD", PayPeriod.YEAR),
        ("60k (audited)", 60_000, 60_000, "", PayPeriod.YEAR),
        ("60k Nokia", 60_000, 60_000, "", PayPeriod.YEAR),
        ("70k eur", 70_000, 70_000, "EUR", PayPeriod.YEAR),
    ],
)
def test_pay_is_read_from_the_salary_as_typed(
    typed: str, minimum: float, maximum: float, currency: str, period: PayPeriod
) -> None:
    pay = parse_pay(typed)
    assert pay is not None
    assert (pay.minimum, pay.maximum, pay.currency, pay.period) == (
        minimum,
        maximum,
        currency,
        period,
    )


@pytest.mark.parametrize("typed", ["", "competitive", "DOE", "negotiable"])
def test_a_salary_without_an_amount_is_kept_as_text(store: Store, typed: str) -> None:
    assert parse_pay(typed) is None
    saved = store.applications.add(company="Acme", role="Dev", salary=typed)
    assert saved.salary == typed


# --- sorting a column -------------------------------------------------------------------


def _column(store: Store) -> list[str]:
    for company, excitement, due, salary in [
        ("Delta", 2, None, "competitive"),
        ("alpha", 5, date(2026, 4, 3), "£40k"),
        ("Charlie", 3, None, "£500 a day"),
        ("Bravo", 4, date(2026, 4, 1), ""),
    ]:
        store.applications.add(
            company=company,
            role="Dev",
            excitement=excitement,
            next_action_due=due,
            salary=salary,
            stage=Stage.APPLIED,
        )
    return [a.company for a in store.applications.on_board()]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (ColumnSort.EXCITEMENT, ["alpha", "Bravo", "Charlie", "Delta"]),
        (ColumnSort.COMPANY, ["alpha", "Bravo", "Charlie", "Delta"]),
        # no due date, or no readable pay: last, in the user's order
        (ColumnSort.DUE, ["Bravo", "alpha", "Charlie", "Delta"]),
        (ColumnSort.PAY, ["Charlie", "alpha", "Bravo", "Delta"]),  # £500 a day beats £40k
    ],
)
def test_a_column_sorts_with_cards_lacking_a_value_last_in_the_users_order(
    store: Store, order: ColumnSort, expected: list[str]
) -> None:
    own = _column(store)
    assert own == ["Bravo", "Charlie", "alpha", "Delta"]  # the newest on top
    shown = sorted_column(store.applications.on_board(), order, SAMPLE_NOW)
    assert [a.company for a in shown] == expected


def test_the_users_order_is_kept_whatever_the_column_is_sorted_by(store: Store) -> None:
    own = _column(store)
    shown = sorted_column(store.applications.on_board(), ColumnSort.OWN, SAMPLE_NOW)
    assert [a.company for a in shown] == own


def test_days_in_stage_puts_the_longest_waiting_first(store: Store) -> None:
    new = store.applications.add(company="New", role="Dev", stage=Stage.APPLIED)
    old = store.applications.add(company="Old", role="Dev", stage=Stage.APPLIED)
    moved_earlier = old.history[0].model_copy(update={"at": SAMPLE_NOW - timedelta(days=9)})
    old = old.model_copy(update={"history": (moved_earlier,)})
    shown = sorted_column([new, old], ColumnSort.DAYS, SAMPLE_NOW)
    assert [a.company for a in shown] == ["Old", "New"]


def test_a_columns_sort_is_kept_in_the_settings(store: Store) -> None:
    store.settings.update(column_sort={Stage.APPLIED: ColumnSort.PAY})
    assert store.settings.get().column_sort == {Stage.APPLIED: ColumnSort.PAY}


# --- an offer's outcome -----------------------------------------------------------------


def test_an_offer_declined_keeps_the_reason_and_when(store: Store) -> None:
    offer = store.applications.add(company="Acme", role="Dev", stage=Stage.OFFER)
    decided = store.applications.decide_offer(offer.id, OfferOutcome.DECLINED, "pay too low")
    kept = store.applications.get(offer.id)
    assert kept == decided
    assert kept.offer_decision is not None
    assert (kept.offer_decision.outcome, kept.offer_decision.reason) == (
        OfferOutcome.DECLINED,
        "pay too low",
    )
    assert kept.offer_decision.at == SAMPLE_NOW


def test_only_an_offer_has_an_outcome(store: Store) -> None:
    applied = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    with pytest.raises(InvalidInput):
        store.applications.decide_offer(applied.id, OfferOutcome.ACCEPTED)
    assert store.applications.get(applied.id) == applied


def test_an_accepted_offer_can_take_the_rest_of_the_board_to_the_archive(store: Store) -> None:
    offer = store.applications.add(company="Acme", role="Dev", stage=Stage.OFFER)
    others = [store.applications.add(company=c, role="Dev") for c in ("B", "C")]
    store.applications.decide_offer(offer.id, OfferOutcome.ACCEPTED)
    store.applications.archive_all_but(offer.id, ArchiveReason.ACCEPTED_ELSEWHERE)
    assert [a.id for a in store.applications.on_board()] == [offer.id]
    assert {a.id for a in store.applications.archived()} == {a.id for a in others}


def test_a_declined_offer_counts_among_the_offers_turned_down(store: Store) -> None:
    store.applications.add(company="Applied", role="Dev", stage=Stage.APPLIED)
    offer = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    store.applications.move(offer.id, Stage.INTERVIEWING)
    store.applications.move(offer.id, Stage.OFFER)
    assert funnel(store.applications.on_board(), SAMPLE_NOW).declined_offers == 0
    store.applications.decide_offer(offer.id, OfferOutcome.DECLINED, "the commute")
    assert funnel(store.applications.on_board(), SAMPLE_NOW).declined_offers == 1


@pytest.mark.parametrize(
    ("offered", "asked", "where"),
    [
        ("£60k", "£45k–£55k", "above"),
        ("£50k", "£45k–£55k", "within"),
        ("£40k", "£45k–£55k", "below"),
        ("£250 a day", "£50k", "above"),  # 55,000 a year at 220 days
        ("$60k", "£45k–£55k", None),
    ],
)
def test_an_offer_is_placed_against_the_range_asked_for(
    offered: str, asked: str, where: str | None
) -> None:
    offer, wanted = parse_pay(offered), parse_pay(asked)
    assert offer is not None
    assert wanted is not None
    assert against(offer, wanted) == where
