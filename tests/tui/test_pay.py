"""Pay entered by hand in the form, and the board filtered by pay, with the keys a user
presses."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select, Static

from store import Stage
from store.models import Pay, PayPeriod
from store.pay import pay_of
from tests.tui.test_board import widget_text
from tests.tui.test_card_depth import current, sha256
from tests.tui.test_forms import shown_errors
from tui.app import BouncebackApp
from tui.dialogs.application_form import ApplicationForm
from tui.panes.board import BoardPane


def pay_typed(app: BouncebackApp) -> tuple[str, str, str, object]:
    screen = app.screen
    return (
        screen.query_one("#field-pay_minimum", Input).value,
        screen.query_one("#field-pay_maximum", Input).value,
        screen.query_one("#field-pay_currency", Input).value,
        screen.query_one("#field-pay_period", Select).value,
    )


async def test_pay_the_salary_cannot_give_is_entered_by_hand_and_kept_beside_it(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = current(app)
        await pilot.press("e")
        app.screen.query_one("#field-salary", Input).value = "competitive, DOE"
        await pilot.pause()
        assert pay_typed(app)[:3] == ("", "", "")
        app.screen.query_one("#field-pay_minimum").focus()
        await pilot.press(*"450", "tab", *"550", "tab", *"gbp", "tab")
        app.screen.query_one("#field-pay_period", Select).value = PayPeriod.DAY
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = app.store.applications.get(card.id)
        assert saved.salary == "competitive, DOE"
        assert saved.pay == Pay(minimum=450, maximum=550, currency="GBP", period=PayPeriod.DAY)


async def test_the_pay_is_filled_in_from_the_salary_and_follows_it_until_changed(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = current(app)
        await pilot.press("e")
        salary = app.screen.query_one("#field-salary", Input)
        salary.value = "£55-65k"
        await pilot.pause()
        assert pay_typed(app) == ("55000", "65000", "GBP", PayPeriod.YEAR)
        salary.value = "$40/hour"
        await pilot.pause()
        assert pay_typed(app) == ("40", "40", "USD", PayPeriod.HOUR)
        await pilot.press("ctrl+s")
        await pilot.pause()
        # As read: nothing kept by hand, so a later edit of the salary is read afresh.
        assert app.store.applications.get(card.id).pay is None

        await pilot.press("e")
        assert pay_typed(app)[:3] == ("40", "40", "USD")
        app.screen.query_one("#field-pay_maximum", Input).value = "45"
        app.screen.query_one("#field-salary", Input).value = "$50/hour"
        await pilot.pause()
        assert pay_typed(app)[:3] == ("40", "45", "USD")  # the user's own: kept
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = app.store.applications.get(card.id)
        assert (saved.salary, saved.pay) == (
            "$50/hour",
            Pay(minimum=40, maximum=45, currency="USD", period=PayPeriod.HOUR),
        )


@pytest.mark.parametrize(
    ("minimum", "maximum", "currency", "field", "message"),
    [
        ("65000", "55000", "GBP", "pay_maximum", "to: is below the minimum"),
        ("-5", "55000", "GBP", "pay_minimum", "from: must be 0 or more"),
        ("55000", "65000", "XYZ", "pay_currency", "currency: 'XYZ' is not a currency code"),
        ("55000", "9" * 12, "GBP", "pay_maximum", "more than any pay"),
        ("lots", "", "GBP", "pay_minimum", "must be a number"),
    ],
)
async def test_bad_pay_is_refused_beside_its_field_and_nothing_is_saved(
    app: BouncebackApp, minimum: str, maximum: str, currency: str, field: str, message: str
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        before = sha256(app.store)
        await pilot.press("e")
        app.screen.query_one("#field-pay_minimum", Input).value = minimum
        app.screen.query_one("#field-pay_maximum", Input).value = maximum
        app.screen.query_one("#field-pay_currency", Input).value = currency
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        assert message in shown_errors(app)[field]
        assert app.focused is app.screen.query_one(f"#field-{field}")
        assert sha256(app.store) == before


def shown_cards(app: BouncebackApp) -> set[str]:
    return {a.salary for cards in app.query_one(BoardPane).cards.values() for a in cards}


def heading(app: BouncebackApp, stage: Stage) -> str:
    return widget_text(app.query_one(f"#column-{stage.value} .board-column-title"))


async def test_the_filter_holds_cards_to_a_pay_condition_and_counts_those_with_no_pay(
    app: BouncebackApp,
) -> None:
    on_board = app.store.applications.on_board()
    no_pay = [a for a in on_board if pay_of(a) is None and a.stage is Stage.APPLIED]
    assert no_pay, "the sample has cards with no pay"
    async with app.run_test(size=(120, 36)) as pilot:
        assert "no pay" not in heading(app, Stage.APPLIED)
        await pilot.press("slash", *"pay>=56k", "enter")
        await pilot.pause()
        assert shown_cards(app) == {"£60k + bonus"}  # £45k–£55k and £50k fall short
        assert f"+{len(no_pay)} no pay" in heading(app, Stage.APPLIED)
        note = widget_text(app.query_one("#board-filter-pay"))
        assert "pay ≥ 56,000 a year in GBP" in note
        await pilot.press("slash", *"pay>=50k pay<=50k", "enter")  # ranges that reach 50k
        await pilot.pause()
        assert shown_cards(app) == {"£45k–£55k", "£50k"}
        await pilot.press("slash", *"pay:usd", "enter")
        await pilot.pause()
        assert shown_cards(app) == set()  # every pay on the sample board is in pounds
        await pilot.press("escape")
        await pilot.pause()
        assert "no pay" not in heading(app, Stage.APPLIED)
        assert len([c for cards in app.query_one(BoardPane).cards.values() for c in cards]) == (
            len(on_board)
        )


async def test_a_pay_condition_it_cannot_read_is_named_beside_the_filter(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"pay:XYZ")
        await pilot.pause()
        assert "'XYZ' is not a currency code" in widget_text(app.query_one("#board-filter-pay"))
        shown = sum(len(cards) for cards in app.query_one(BoardPane).cards.values())
        assert shown == len(app.store.applications.on_board())  # nothing held back by it


async def test_the_details_show_pay_entered_by_hand_beside_the_salary_as_typed(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = current(app)
        day_rate = Pay(minimum=450, maximum=550, currency="GBP", period=PayPeriod.DAY)
        app.store.applications.update(card.model_copy(update={"salary": "DOE", "pay": day_rate}))
        await pilot.press("enter")
        await pilot.pause()
        shown = widget_text(app.screen.query_one("#details-content"))
        assert "DOE" in shown
        assert "GBP 450–550 a day  entered by hand" in shown


@pytest.mark.parametrize(
    ("offered", "said"),
    [
        ("$70k", "USD 70,000 a year offered, against 60,000–65,000 a year (another currency)"),
        ("£70k", "GBP 70,000 a year offered, above the 60,000–65,000 a year you went for"),
    ],
)
async def test_progress_compares_an_offer_only_with_pay_in_its_own_currency(
    app: BouncebackApp, offered: str, said: str
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "l", "l")  # Offer
        card = current(app)
        # No currency named: in pounds, the currency of the rest of the sample board.
        app.store.applications.update(card.model_copy(update={"salary": "60-65k"}))
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#field-pay", Input).value = offered
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert said in str(app.query_one("#progress-offers", Static).render())
