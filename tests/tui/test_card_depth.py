"""The whole application on its card, driven by the keys a user presses: the posting, the
pay, the people one key away, a column's order, what became of an offer."""

from __future__ import annotations

import hashlib

from textual.geometry import Region
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from store import OfferOutcome, Stage, Store
from store.funnel import funnel
from store.models import ColumnSort, ContactKind
from store.people import linked_to
from tests.tui.test_board import widget_text
from tests.tui.test_hostile_input import is_control
from tui.app import BouncebackApp
from tui.dialogs.application_form import ApplicationForm
from tui.dialogs.contact_details import ContactDetails
from tui.dialogs.contact_form import ContactForm
from tui.dialogs.details import ApplicationDetails
from tui.dialogs.offer_outcome import OfferOutcomeDialog
from tui.panes.board import BoardPane


def sha256(store: Store) -> str:
    return hashlib.sha256(store.path.read_bytes()).hexdigest()


def current(app: BouncebackApp):  # type: ignore[no-untyped-def]
    card = app.query_one(BoardPane).current
    assert card is not None
    return card


async def test_a_posting_pasted_in_the_form_is_kept_shown_in_the_details_and_filtered(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = current(app)
        await pilot.press("e")
        app.screen.query_one("#field-posting", TextArea).text = "Must know Kubernetes.\nNice: dbt"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.applications.get(card.id).posting == "Must know Kubernetes.\nNice: dbt"

        await pilot.press("enter")
        assert isinstance(app.screen, ApplicationDetails)
        assert "Must know Kubernetes." in widget_text(app.screen.query_one("#details-posting"))
        await pilot.press("escape", "slash", *"kubernetes", "enter")
        await pilot.pause()
        shown = [a.id for cards in app.query_one(BoardPane).cards.values() for a in cards]
        assert shown == [card.id]


async def test_a_1_mb_posting_is_refused_beside_the_field_with_its_size(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        before = sha256(app.store)
        await pilot.press("e")
        app.screen.query_one("#field-posting", TextArea).text = "word " * 200_000
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)
        error = str(app.screen.query_one("#error-posting", Static).render())
        assert "1.0 MB" in error
        assert sha256(app.store) == before


async def test_the_form_says_what_the_salary_reads_as_and_keeps_one_it_cannot_read(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = current(app)
        await pilot.press("e")
        salary = app.screen.query_one("#field-salary", Input)
        hint = app.screen.query_one("#salary-read", Static)
        salary.value = "£55-65k"
        await pilot.pause()
        assert "GBP 55,000–65,000 a year" in str(hint.render())
        salary.value = "competitive, DOE"
        await pilot.pause()
        assert "no amount read" in str(hint.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.applications.get(card.id).salary == "competitive, DOE"


async def test_p_in_the_details_goes_to_the_people_and_enter_opens_one(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = current(app)
        contact = app.store.people.add(name="Rosa Diaz")
        app.store.people.link(contact.id, card.id, ContactKind.RECRUITER)
        await pilot.press("enter", "p", "end", "enter")  # the last one listed: Rosa
        await pilot.pause()
        assert isinstance(app.screen, ContactDetails)
        assert app.screen.record.id == contact.id
        await pilot.press("escape")
        assert isinstance(app.screen, ApplicationDetails)


async def test_p_in_the_details_of_a_card_with_nobody_linked_links_someone(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = current(app)
        for contact, _ in linked_to(app.store.people.contacts(), card.id):
            app.store.people.unlink(contact.id, card.id)
        app.store.people.add(name="Rosa Diaz")
        await pilot.press("enter")
        await pilot.pause()
        content = app.screen.query_one("#details-content")
        assert "nobody linked yet: p links someone" in widget_text(content)
        await pilot.press("p", *"rosa diaz", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationDetails), "back in the details"
        assert "Rosa Diaz" in widget_text(app.screen.query_one("#details-people"))
    linked = [c.name for c, _ in linked_to(Store.open(app.store.path).people.contacts(), card.id)]
    assert linked == ["Rosa Diaz"]


async def test_linking_a_new_person_fills_in_the_cards_company(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = current(app)
        await pilot.press("p", *"Somebody New", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#field-company", Input).value == card.company
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = next(c for c in app.store.people.contacts() if c.name == "Somebody New")
        assert added.company == card.company
        assert [link.application_id for link in added.links] == [card.id]


async def test_s_sorts_the_column_and_the_choice_is_kept_for_next_time(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(BoardPane)
        own = [a.id for a in pane.cards[Stage.APPLIED]]
        await pilot.press("l", "s")  # to Applied; your order -> excitement
        await pilot.pause()
        shown = pane.cards[Stage.APPLIED]
        assert [a.excitement for a in shown] == sorted((a.excitement for a in shown), reverse=True)
        title = app.query_one("#column-applied .board-column-title")
        assert str(title.render()).endswith("↓★")
        assert [a.id for a in pane.cards[Stage.INTERVIEWING]] == [
            a.id for a in app.store.applications.on_board() if a.stage is Stage.INTERVIEWING
        ], "only this column"
        card = pane.current
        await pilot.press("J")  # by hand, while sorted: refused, nothing moves
        assert app.store.applications.get(card.id).position == card.position
    assert app.store.settings.get().column_sort == {Stage.APPLIED: ColumnSort.EXCITEMENT}

    again = BouncebackApp(app.store)
    async with again.run_test(size=(80, 24)) as pilot:
        pane = again.query_one(BoardPane)
        assert [a.excitement for a in pane.cards[Stage.APPLIED]] == [a.excitement for a in shown]
        assert pane.stage is Stage.APPLIED  # the cursor starts where it was left
        for _ in range(5):  # round the cycle, back to the user's own order
            await pilot.press("s")
        await pilot.pause()
        assert [a.id for a in pane.cards[Stage.APPLIED]] == own


async def test_o_records_a_declined_offer_with_its_reason_and_the_funnel_counts_it(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "l", "l")  # Offer (the cursor starts on Wishlist)
        card = current(app)
        assert card.stage is Stage.OFFER
        await pilot.press("o")
        assert isinstance(app.screen, OfferOutcomeDialog)
        app.screen.query_one("#field-outcome", Select).value = OfferOutcome.DECLINED
        await pilot.press("tab", *"pay too low", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, OfferOutcomeDialog)
        decision = app.store.applications.get(card.id).offer_decision
        assert decision is not None
        assert (decision.outcome, decision.reason) == (OfferOutcome.DECLINED, "pay too low")
        offers = funnel(app.store.applications.on_board(), app.store.clock())
        assert offers.declined_offers == 1
        await pilot.press("enter")
        history = widget_text(app.screen.query_one("#details-content"))
        assert "Offer declined: pay too low" in history


async def test_an_accepted_offer_celebrates_and_can_archive_the_rest_undone_with_u(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        on_board = len(app.store.applications.on_board())
        await pilot.press("l", "l", "l", "o")
        card = current(app)
        app.screen.query_one("#field-archive-rest", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [a.id for a in app.store.applications.on_board()] == [card.id]
        assert any("Congratulations" in n.message for n in app._notifications)
        await pilot.press("u")
        await pilot.pause()
        assert len(app.store.applications.on_board()) == on_board


async def test_progress_places_an_offer_against_the_salary_asked_for(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "l", "l")  # Offer
        card = current(app)
        app.store.applications.update(card.model_copy(update={"salary": "£45k–£55k"}))
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#field-pay", Input).value = "£60k"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        shown = str(app.query_one("#progress-offers", Static).render())
        assert "GBP 60,000 a year offered, above the GBP 45,000–55,000 a year" in shown


async def test_a_posting_holding_escape_sequences_and_markup_is_drawn_harmlessly(
    app: BouncebackApp,
) -> None:
    hostile = "Role [bold]x[/bold]\x1b]52;c;aGk=\x07\x1b[2J\u202e\nline two"
    card = next(a for a in app.store.applications.on_board() if a.stage is Stage.APPLIED)
    app.store.applications.update(card.model_copy(update={"posting": hostile}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "enter")  # the first card of Applied
        await pilot.pause()
        posting = app.screen.query_one("#details-posting")
        lines = posting.render_lines(Region(0, 0, posting.size.width, posting.size.height))
        drawn = "".join(segment.text for strip in lines for segment in strip)
        assert "Role [bold]x[/bold]" in drawn
        assert not any(is_control(c) for c in drawn)
