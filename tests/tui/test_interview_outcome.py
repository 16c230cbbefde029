"""What came of an interview, from the Agenda and from the card's details, and the
interviews edited and removed there: each change undoable with u."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

import pytest
from textual.widgets import Input, OptionList, Select

from store import Application, Stage, Store
from store.follow_ups import FollowUpKind
from store.funnel import funnel
from store.models import InterviewKind, InterviewOutcome
from store.sample import SAMPLE_NOW
from tui.app import BouncebackApp
from tui.dialogs.details import ApplicationDetails
from tui.dialogs.interview_form import InterviewForm
from tui.dialogs.interview_outcome import InterviewOutcomeDialog
from tui.dialogs.reflection import ReflectionDialog
from tui.widgets.record_list import RecordList

from .waiting import until


@pytest.fixture
def job(sample_store: Store) -> Application:
    """A card in Interviewing with only a technical, held yesterday, nothing noted yet."""
    store = sample_store
    job = next(
        a for a in store.applications.on_board()
        if a.stage is Stage.INTERVIEWING and not a.interviews
    )  # fmt: skip
    store.interviews.book(job.id, at=SAMPLE_NOW - timedelta(days=1), kind=InterviewKind.TECHNICAL)
    store.wins.recognise()
    return store.applications.get(job.id)


def offers(store: Store) -> int:
    return funnel(store.goals.activity().applications, SAMPLE_NOW).offers


async def tell_the_outcome(app: BouncebackApp, pilot, job: UUID, outcome: InterviewOutcome) -> None:  # type: ignore[no-untyped-def]
    """On the Agenda, o on the interview's "How did it go?", then the outcome and save."""
    await pilot.press("6")
    records = app.query_one("#agenda-list", RecordList)
    while not (
        (f := getattr(records.current, "follow_up", None)) is not None
        and f.kind is FollowUpKind.HOW_IT_WENT and f.application_id == job
    ):  # fmt: skip
        await pilot.press("j")
    await pilot.press("o")
    await until(pilot, lambda: isinstance(app.screen, InterviewOutcomeDialog), "the dialog")
    app.screen.query_one("#field-outcome", Select).value = outcome
    await pilot.press(*"Went well", "ctrl+s")


async def test_an_offer_moves_the_card_to_offer_and_undo_takes_back_each_step(
    sample_store: Store, job: Application
) -> None:
    offers_before = offers(sample_store)
    app = BouncebackApp(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await tell_the_outcome(app, pilot, job.id, InterviewOutcome.OFFER)
        await until(pilot, lambda: app.store.applications.get(job.id).stage is Stage.OFFER,
                    "the card at Offer")  # fmt: skip
        (interview,) = app.store.applications.get(job.id).interviews
        assert (interview.outcome, interview.how_it_went) == (InterviewOutcome.OFFER, "Went well")
        assert offers(app.store) == offers_before + 1
        await pilot.press("u")
        assert app.store.applications.get(job.id).stage is Stage.INTERVIEWING
        assert app.store.applications.get(job.id).interviews[0].outcome is InterviewOutcome.OFFER
        assert offers(app.store) == offers_before
        await pilot.press("u")
        assert app.store.applications.get(job.id).interviews[0].outcome is None


async def test_a_no_opens_the_reflection_and_moves_the_card_to_rejected(
    sample_store: Store, job: Application
) -> None:
    app = BouncebackApp(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await tell_the_outcome(app, pilot, job.id, InterviewOutcome.REJECTED)
        await until(pilot, lambda: isinstance(app.screen, ReflectionDialog), "the reflection")
        await pilot.press("ctrl+n")  # no notes
        await until(pilot, lambda: app.store.applications.get(job.id).stage is Stage.REJECTED,
                    "the card rejected")  # fmt: skip
        saved = app.store.applications.get(job.id)
        assert saved.rejection is not None
        assert saved.rejection.reached is Stage.INTERVIEWING
        assert saved.interviews[0].outcome is InterviewOutcome.REJECTED


async def test_the_next_step_books_the_next_interview(
    sample_store: Store, job: Application
) -> None:
    app = BouncebackApp(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await tell_the_outcome(app, pilot, job.id, InterviewOutcome.NEXT_STEP)
        await until(pilot, lambda: isinstance(app.screen, InterviewForm), "the interview form")
        await pilot.press(*"tomorrow 10:00", "ctrl+s")
        await until(pilot, lambda: len(app.store.applications.get(job.id).interviews) == 2,
                    "the next interview booked")  # fmt: skip
        await until(pilot, lambda: not isinstance(app.screen, InterviewForm), "the form closed")
        await pilot.press("u")
        assert len(app.store.applications.get(job.id).interviews) == 1


async def test_the_details_edit_an_interview_filled_in_and_remove_one_asked_first(
    sample_store: Store, job: Application
) -> None:
    app = BouncebackApp(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ApplicationDetails(app.store, job.id))
        await until(pilot, lambda: isinstance(app.screen, ApplicationDetails), "the details")
        await pilot.press("i", "enter")
        await until(pilot, lambda: isinstance(app.screen, InterviewForm), "the form")
        when = app.screen.query_one("#field-at", Input).value
        assert when == f"{SAMPLE_NOW - timedelta(days=1):%Y-%m-%d %H:%M}"
        await pilot.press("tab", "tab", *"Room 4", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ApplicationDetails), "back")
        (interview,) = app.store.applications.get(job.id).interviews
        assert (interview.where, interview.kind) == ("Room 4", InterviewKind.TECHNICAL)
        assert interview.at == SAMPLE_NOW - timedelta(days=1)

        app.screen.query_one("#details-interviews", OptionList).focus()
        await pilot.press("x")
        await until(pilot, lambda: not isinstance(app.screen, ApplicationDetails), "asked")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, ApplicationDetails), "kept")
        assert app.store.applications.get(job.id).interviews == (interview,)
        await pilot.press("x")
        await until(pilot, lambda: not isinstance(app.screen, ApplicationDetails), "asked")
        await pilot.press("y")
        await until(pilot, lambda: not app.store.applications.get(job.id).interviews, "removed")
        await pilot.press("u")
        assert app.store.applications.get(job.id).interviews == (interview,)
