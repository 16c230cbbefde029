"""The Agenda pane, the reminders before an interview, and the calendar from the palette."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import ContentSwitcher, Input, Select, Static

from store import Stage, Store, WriteFailedError
from store.clock import MovableClock
from store.follow_ups import FollowUpKind
from store.models import InterviewKind, Rejection, RejectionReason
from store.sample import SAMPLE_NOW
from tui.app import BouncebackApp
from tui.dialogs.interview_form import InterviewForm
from tui.dialogs.reflection import ReflectionDialog
from tui.panes.agenda import AgendaPane
from tui.panes.board import BoardPane
from tui.widgets.record_list import RecordList

from .test_board import widget_text
from .waiting import until


def interviewing(store: Store, n: int = 0):  # type: ignore[no-untyped-def]
    return [a for a in store.applications.on_board() if a.stage is Stage.INTERVIEWING][n]


def lines(app: BouncebackApp) -> list[str]:
    records = app.query_one("#agenda-list", RecordList)
    return [str(records._describe(r)) for r in records.records]


def notices(app: BouncebackApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_on_a_day_with_an_interview_to_come_the_app_opens_on_the_agenda(
    sample_store: Store,
) -> None:
    job = interviewing(sample_store)
    sample_store.interviews.book(
        job.id, at=SAMPLE_NOW.replace(hour=14, minute=0), kind=InterviewKind.TECHNICAL,
        prep="Revise SQL window functions",
    )  # fmt: skip
    app = BouncebackApp(sample_store)
    async with app.run_test(size=(80, 24)):
        assert app.query_one(ContentSwitcher).current == "agenda"
        assert isinstance(app.focused, RecordList)
        assert f"  14:00–15:00  technical: {job.role} at {job.company}" in lines(app)
        assert "Revise SQL window functions" in str(app.query_one("#agenda-detail").render())


async def test_on_other_days_it_opens_on_the_board(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)):
        assert app.query_one(ContentSwitcher).current == "board"


async def test_a_follow_up_done_leaves_the_agenda_and_undo_brings_it_back(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        pane = app.query_one(AgendaPane)
        first = app.store.agenda.follow_ups()[0]
        records = app.query_one("#agenda-list", RecordList)
        while getattr(records.current, "follow_up", None) != first:
            await pilot.press("j")
        shown = len(lines(app))
        await pilot.press("x")
        assert first not in app.store.agenda.follow_ups()
        assert len(lines(app)) == shown - 1
        await pilot.press("u")
        assert first in app.store.agenda.follow_ups()
        assert not pane.undo_history


async def test_a_feedback_request_copied_from_the_agenda_is_undone_with_u(
    store: Store,
) -> None:
    card = store.applications.add(company="Lantern", role="Dev", stage=Stage.INTERVIEWING)
    store.applications.reject(card.id, Rejection(reached=Stage.INTERVIEWING))
    app = BouncebackApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        records = app.query_one("#agenda-list", RecordList)
        while getattr(records.current, "follow_up", None) is None:
            await pilot.press("j")
        assert "Ask for feedback: Dev at Lantern" in widget_text(records)
        await pilot.press("x")
        await until(pilot, lambda: store.applications.get(card.id).rejection.feedback_requested_at
                    is not None, "the request noted")  # type: ignore[union-attr]  # fmt: skip
        assert "Ask for feedback" not in widget_text(records)
        await pilot.press("u")
        await until(pilot, lambda: "Ask for feedback" in widget_text(records), "back on the list")
    rejection = Store.open(store.path).applications.get(card.id).rejection
    assert rejection is not None
    assert rejection.feedback_requested_at is None


async def test_a_snooze_to_a_day_that_has_passed_is_refused_and_nothing_is_saved(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        records = app.query_one("#agenda-list", RecordList)
        while getattr(records.current, "follow_up", None) is None:
            await pilot.press("j")
        await pilot.press("s", "ctrl+u", *"31/02/2026", "enter")
        await pilot.pause()
        assert app.store.agenda.states() == {}
        assert any(n.startswith("Not snoozed:") for n in notices(app))
        prompt = app.screen.query_one("#prompt-text", Input)  # asked again, as typed
        assert prompt.value == "31/02/2026"
        await pilot.press("ctrl+u", *"yesterday", "enter")
        await pilot.pause()
        assert app.store.agenda.states() == {}
        assert "Not snoozed: pick a day after today." in notices(app)
        await pilot.press("ctrl+u", *"tomorrow", "enter")
        await until(pilot, lambda: app.store.agenda.states() != {}, "snoozed")


async def test_a_snooze_the_disk_refuses_says_so_and_asks_again(
    app: BouncebackApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise WriteFailedError(app.store.path, OSError(28, "No space left on device"))

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        records = app.query_one("#agenda-list", RecordList)
        while getattr(records.current, "follow_up", None) is None:
            await pilot.press("j")
        monkeypatch.setattr(app.store.agenda, "mark", refuse)
        await pilot.press("s", "ctrl+u", *"+3d", "enter")
        await pilot.pause()
        assert not any(n.startswith("Snoozed") for n in notices(app))
        assert app.screen.query_one("#prompt-text", Input).value == "+3d"


async def test_the_person_due_a_message_has_their_call_logged_from_the_agenda(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        records = app.query_one("#agenda-list", RecordList)
        while getattr(getattr(records.current, "follow_up", None), "kind", None) != (
            FollowUpKind.PERSON
        ):
            await pilot.press("j")
        contact_id = records.current.follow_up.contact_id
        await pilot.press("c")
        await until(pilot, lambda: app.screen.id != "_default", "the conversation dialog")
        await pilot.press(*"phone", "enter")
        await until(
            pilot,
            lambda: (
                len(app.store.people.get(contact_id).conversations) > 0
                and app.store.people.get(contact_id).conversations[-1].at == SAMPLE_NOW
            ),
            "the call logged",
        )


async def test_an_interview_is_announced_with_the_bell_before_it_starts_once(
    sample_store: Store, clock: MovableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample_store.clock = clock
    job = interviewing(sample_store)
    sample_store.interviews.book(job.id, at=SAMPLE_NOW + timedelta(days=1))
    sample_store.wins.recognise()
    rings: list[int] = []
    app = BouncebackApp(sample_store)
    monkeypatch.setattr(app, "bell", lambda: rings.append(1))
    async with app.run_test(size=(80, 24)) as pilot:
        clock.now = SAMPLE_NOW + timedelta(days=1, minutes=-31)
        app.each_second()
        assert rings == []
        clock.advance(minutes=1)
        app.each_second()
        await pilot.pause()
        assert rings == [1]
        assert any(f"with {job.company} in 30 minutes" in text for text in notices(app))
        clock.advance(minutes=5)
        app.each_second()
        assert rings == [1], "once a session"


async def test_an_interview_under_way_when_the_app_opens_is_announced(
    sample_store: Store,
) -> None:
    job = interviewing(sample_store)
    sample_store.interviews.book(job.id, at=SAMPLE_NOW - timedelta(minutes=10))
    sample_store.wins.recognise()
    app = BouncebackApp(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any(f"with {job.company} started at 09:20" in text for text in notices(app))


async def test_the_palette_exports_the_calendar_beside_the_data(app: BouncebackApp) -> None:
    job = interviewing(app.store)
    booked = app.store.interviews.book(job.id, at=SAMPLE_NOW + timedelta(days=2))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"Export the calendar")
        await pilot.pause(0.3)
        await pilot.press("enter")
        calendar = app.store.path.parent / "bounceback.ics"
        await until(pilot, calendar.exists, "the calendar written")
        assert f"UID:interview-{booked.interview.id}@bounceback".encode() in calendar.read_bytes()


async def test_i_on_a_card_books_an_interview_and_bad_input_is_shown_beside_its_field(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # the cursor starts in Wishlist: book from Applied
        card = app.query_one(BoardPane).current
        assert card is not None
        assert card.stage is Stage.APPLIED
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, InterviewForm), "the interview form")
        await pilot.press(*"2026-02-30 10:00", "tab", "ctrl+u", "0", "ctrl+s")
        assert "is not a date and time" in str(app.screen.query_one("#error-at", Static).render())
        assert app.store.applications.get(card.id) == card
        # The field in error has the focus.
        await pilot.press("ctrl+u", *"tomorrow 14:00", "tab", "ctrl+u", "0", "ctrl+s")
        assert "must be 1 to 720 minutes" in str(
            app.screen.query_one("#error-minutes", Static).render()
        )
        await pilot.press("ctrl+u", *"45", "tab", *"https://meet.example.com/x", "tab",
                          *"Sam Lee", "tab", *"Revise SQL", "ctrl+s")  # fmt: skip
        await until(pilot, lambda: not isinstance(app.screen, InterviewForm), "the form closed")
        saved = app.store.applications.get(card.id)
        assert saved.stage is Stage.INTERVIEWING
        (interview,) = saved.interviews
        assert interview.at == SAMPLE_NOW.replace(day=17, hour=14, minute=0)
        assert (interview.minutes, interview.where, interview.prep) == (
            45,
            "https://meet.example.com/x",
            "Revise SQL",
        )


async def test_a_booking_on_the_board_is_undone_with_u_and_so_is_the_move_before_it(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.query_one(BoardPane).current
        assert card is not None
        assert card.stage is Stage.WISHLIST
        await pilot.press("L")  # to Applied
        await until(pilot, lambda: app.store.applications.get(card.id).stage is Stage.APPLIED,
                    "the move saved")  # fmt: skip
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, InterviewForm), "the interview form")
        await pilot.press(*"tomorrow 10:00", "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, InterviewForm), "the form closed")
        assert app.store.applications.get(card.id).stage is Stage.INTERVIEWING
        await pilot.press("u")
        await until(pilot, lambda: not app.store.applications.get(card.id).interviews,
                    "the booking undone")  # fmt: skip
        assert app.store.applications.get(card.id).stage is Stage.APPLIED
        await pilot.press("u")
        await until(pilot, lambda: app.store.applications.get(card.id).stage is Stage.WISHLIST,
                    "the move undone too")  # fmt: skip


async def test_the_notes_toast_is_in_view_while_the_interview_reminder_is_still_up(
    sample_store: Store,
) -> None:
    applied = [a for a in sample_store.applications.on_board() if a.stage is Stage.APPLIED]
    sample_store.interviews.book(
        applied[0].id, at=SAMPLE_NOW + timedelta(minutes=20), where="https://meet.example.com/r"
    )
    sample_store.interviews.book(applied[1].id, at=SAMPLE_NOW - timedelta(minutes=75))
    sample_store.wins.recognise()
    app = BouncebackApp(sample_store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: app.screen.query("Toast"), "the reminder")
        records = app.query_one("#agenda-list", RecordList)
        while getattr(getattr(records.current, "follow_up", None), "kind", None) != (
            FollowUpKind.HOW_IT_WENT
        ):
            await pilot.press("j")
        await pilot.press("o")
        await until(pilot, lambda: app.screen.id != "_default", "the notes prompt")
        await pilot.press(*"Good", "enter")
        toasts = lambda: {str(t.render()): t for t in app.screen.query("Toast")}  # noqa: E731
        await until(pilot, lambda: "Noted. Well done for going." in toasts(), "the toast")
        await pilot.pause()
        assert all(t.region.bottom <= app.size.height for t in toasts().values())


async def test_a_take_home_is_announced_the_day_before_and_on_the_day_once_each(
    sample_store: Store, clock: MovableClock
) -> None:
    sample_store.clock = clock
    job = interviewing(sample_store)
    due = (SAMPLE_NOW + timedelta(days=1)).replace(hour=17, minute=0)
    sample_store.interviews.book(job.id, at=due, kind=InterviewKind.TAKE_HOME)
    sample_store.wins.recognise()
    app = BouncebackApp(sample_store)
    tomorrow = f"Your take-home for {job.company} is due tomorrow at 17:00."
    today = f"Your take-home for {job.company} is due today at 17:00."
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: any(tomorrow in text for text in notices(app)), "the notice")
        clock.advance(minutes=1)
        app.each_second()
        clock.now = due.replace(hour=8)
        app.each_second()
        clock.advance(minutes=1)
        app.each_second()
        clock.now = due + timedelta(minutes=1)  # handed in or not, it is past
        app.each_second()
        await pilot.pause()
        said = [text for text in notices(app) if "take-home" in text]
        assert [tomorrow in text for text in said] == [True, False]
        assert [today in text for text in said] == [False, True]


async def test_an_interview_still_to_come_gets_no_thank_you_and_is_not_asked_how_it_went(
    sample_store: Store,
) -> None:
    job = interviewing(sample_store)
    sample_store.interviews.book(
        job.id, at=SAMPLE_NOW.replace(hour=14, minute=0), kind=InterviewKind.TECHNICAL
    )
    app = BouncebackApp(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.query_one(ContentSwitcher).current == "agenda"
        await pilot.press("t")
        await pilot.pause()
        (interview,) = app.store.applications.get(job.id).interviews[-1:]
        assert interview.thank_you_sent_at is None
        assert any("is still to come: a thank-you is for after it" in n for n in notices(app))
        await pilot.press("o")
        await pilot.pause()
        title = str(app.screen.query_one(".dialog-title", Static).render())
        assert "still to come: what came of it?" in title
        assert "How did" not in title


async def test_a_card_silent_for_long_is_recorded_as_a_no_from_the_agenda_and_undone(
    store: Store, clock: MovableClock
) -> None:
    """Six weeks and more without news: the Agenda asks, after the follow-ups, whether it
    is a silent no; r opens the reflection with "no response" chosen, the card goes to
    Rejected, and u puts it back where it was."""
    store.clock = clock
    silent = store.applications.add(company="Orchard Freight", role="Dev", stage=Stage.APPLIED)
    clock.advance(days=30)
    store.applications.add(company="Lantern", role="Dev", stage=Stage.APPLIED)
    clock.advance(days=30)  # Orchard: 60 days without news, Lantern 30
    app = BouncebackApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        shown = lines(app)
        assert shown.index("No news for a long time (1)") > shown.index("Follow-ups (1)")
        assert "  … No news in 60 days: Dev at Orchard Freight. A silent no?" in shown
        records = app.query_one("#agenda-list", RecordList)
        while getattr(records.current, "follow_up", None) is None or (
            records.current.follow_up.kind is not FollowUpKind.SILENT_NO  # type: ignore[union-attr]
        ):
            await pilot.press("j")
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, ReflectionDialog), "the reflection")
        assert app.screen.query_one("#reason", Select).value is RejectionReason.NO_RESPONSE
        await pilot.press("ctrl+s")
        await until(pilot, lambda: store.applications.get(silent.id).stage is Stage.REJECTED,
                    "the card rejected")  # fmt: skip
        card = store.applications.get(silent.id)
        assert card.rejection is not None
        assert (card.rejection.reason, card.rejection.reached) == (
            RejectionReason.NO_RESPONSE, Stage.APPLIED,
        )  # fmt: skip
        assert not any("Orchard" in line for line in lines(app))
        assert "Orchard Freight is at Rejected. Press u to undo." in notices(app)
        await pilot.press("u")
        await until(pilot, lambda: store.applications.get(silent.id).stage is Stage.APPLIED,
                    "the card back in Applied")  # fmt: skip
        assert "  … No news in 60 days: Dev at Orchard Freight. A silent no?" in lines(app)


async def test_what_another_pane_changed_shows_when_the_agenda_is_shown_again(
    app: BouncebackApp,
) -> None:
    """A card added on the Board with a next action due today is on the Agenda when the
    user comes back to it, and the cursor stays on the line it was on."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        records = app.query_one("#agenda-list", RecordList)
        while getattr(records.current, "follow_up", None) is None:
            await pilot.press("j")
        was_on = records.current
        await pilot.press("1")
        fresh = app.store.applications.add(
            company="FreshCo", role="Dev", next_action="Email them",
            next_action_due=SAMPLE_NOW.date(),
        )  # fmt: skip
        app.store.interviews.book(fresh.id, at=SAMPLE_NOW + timedelta(days=1))  # a line above
        await pilot.press("6")
        assert "  → Email them: FreshCo" in lines(app)
        assert any("FreshCo" in line and "interview" in line for line in lines(app))
        assert records.current == was_on
