"""The Timer pane, driven by keys over a clock the tests move; asserts on the store and screen."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Digits, Input, Static, TextArea

from store import Store, TimerKind
from store.clock import MovableClock
from store.models import DEFAULT_RECHARGE_IDEAS, TimerStatus
from store.timer import remaining
from tui.app import BouncebackApp
from tui.dialogs.text_prompt import TextPrompt
from tui.dialogs.timer_settings import TimerSettingsForm


@pytest.fixture
def timer_app(sample_store: Store, clock: MovableClock) -> BouncebackApp:
    sample_store.clock = clock
    sample_store.wins.recognise()  # as for someone who has opened the app before
    return BouncebackApp(sample_store)


def digits(app: BouncebackApp) -> str:
    return app.query_one("#timer-digits", Digits).value


def text_of(app: BouncebackApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def later(pilot: Pilot[None], clock: MovableClock, **delta: float) -> None:
    """Let time pass, then one tick of the app, as its interval would."""
    clock.advance(**delta)
    pilot.app.tick_timer()
    pilot.app.query_one("#timer").reload()
    await pilot.pause()


async def test_space_starts_pauses_and_resumes(
    timer_app: BouncebackApp, clock: MovableClock
) -> None:
    app = timer_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert digits(app) == "25:00"
        await pilot.press("space")
        await later(pilot, clock, minutes=10)
        assert digits(app) == "15:00"
        await pilot.press("space")
        await later(pilot, clock, minutes=30)
        assert digits(app) == "15:00", "paused"
        assert "Paused" in text_of(app, "#timer-status")
        await pilot.press("space")
        await later(pilot, clock, seconds=1)
        assert digits(app) == "14:59"
        assert app.store.timer.state().status is TimerStatus.RUNNING


async def test_the_header_shows_the_timer_on_every_pane(
    timer_app: BouncebackApp, clock: MovableClock
) -> None:
    app = timer_app
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.sub_title == "", "quiet until the timer is used"
        await pilot.press("3", "space", "1")
        await later(pilot, clock, minutes=1)
        assert app.sub_title == "▶ Focus 24:00"
        await pilot.press("2")
        await later(pilot, clock, minutes=24)
        assert app.sub_title == "▶ Short break 05:00"


async def test_a_phase_end_is_announced_on_any_pane_with_the_bell(
    timer_app: BouncebackApp, clock: MovableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = timer_app
    bells = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "space", "1")
        await later(pilot, clock, minutes=25)
        [note] = app._notifications
        assert note.title == "Focus block done: time for a break"
        assert bells == [1]
        [session] = app.store.timer.sessions()[-1:]
        assert (session.kind, session.completed, session.actual_seconds) == (
            TimerKind.FOCUS,
            True,
            1500,
        )


async def test_a_break_suggests_a_way_to_recharge_and_the_users_own_words(
    timer_app: BouncebackApp, clock: MovableClock
) -> None:
    app = timer_app
    app.store.affirmations.add("Every no is practice for the yes.")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "s")  # skip to the break; it starts by itself
        await pilot.pause()
        recharge = text_of(app, "#timer-recharge")
        assert any(idea in recharge for idea in DEFAULT_RECHARGE_IDEAS)
        assert app.query_one("#timer-encouragement").display
        await later(pilot, clock, minutes=5)
        assert not app.query_one("#timer-recharge").display, "only during a break"


async def test_overtime_counts_how_long_the_break_has_run_over(
    timer_app: BouncebackApp, clock: MovableClock
) -> None:
    app = timer_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "s")
        await later(pilot, clock, minutes=5)
        await later(pilot, clock, minutes=3, seconds=12)
        assert digits(app) == "+03:12"
        assert "Break over" in text_of(app, "#timer-phase")
        assert app.sub_title == "Break over +03:12"
        await pilot.press("space")
        assert digits(app) == "25:00"
        assert app.store.timer.state().phase is TimerKind.FOCUS


async def test_s_skips_and_r_resets(timer_app: BouncebackApp, clock: MovableClock) -> None:
    app = timer_app
    async with app.run_test(size=(80, 24)) as pilot:
        before = len(app.store.timer.sessions())
        await pilot.press("3", "space")
        await later(pilot, clock, minutes=4)
        await pilot.press("r")
        assert digits(app) == "25:00"
        assert app.store.timer.state().status is TimerStatus.READY
        await pilot.press("space")
        await later(pilot, clock, minutes=2)
        await pilot.press("s")
        assert app.store.timer.state().phase is TimerKind.SHORT_BREAK
        cut_short = app.store.timer.sessions()[before:]
        assert [(s.actual_seconds, s.completed) for s in cut_short] == [(240, False), (120, False)]


async def test_plus_and_minus_change_the_length_by_a_minute(
    timer_app: BouncebackApp, clock: MovableClock
) -> None:
    app = timer_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "space", "plus", "plus", "minus")
        assert digits(app) == "26:00"
        await pilot.press("equals_sign")  # + without shift
        assert remaining(app.store.timer.state(), clock()) == 27 * 60


async def test_l_labels_the_block_and_the_record_keeps_it(
    timer_app: BouncebackApp, clock: MovableClock
) -> None:
    app = timer_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "l")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"learning", "enter", "space")
        assert "Focus · learning" in text_of(app, "#timer-phase")
        await later(pilot, clock, minutes=25)
        assert app.store.timer.sessions()[-1].label == "learning"


async def test_d_records_what_the_user_did_in_the_break(
    timer_app: BouncebackApp, clock: MovableClock
) -> None:
    app = timer_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "s")
        await later(pilot, clock, minutes=5)
        assert "What did you do?" in text_of(app, "#timer-last-break")
        await pilot.press("d")
        prompt = app.screen.query_one(Input)
        assert prompt.value in DEFAULT_RECHARGE_IDEAS, "the suggestion is offered"
        prompt.value = ""
        await pilot.press(*"called my sister", "enter")
        assert app.store.timer.sessions()[-1].recharge == "called my sister"
        assert "called my sister" in text_of(app, "#timer-last-break")


async def test_c_changes_the_lengths_and_the_ideas(
    timer_app: BouncebackApp, clock: MovableClock
) -> None:
    app = timer_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "c")
        assert isinstance(app.screen, TimerSettingsForm)
        app.screen.query_one("#field-focus_minutes", Input).value = "50"
        app.screen.query_one("#field-auto_start_focus", Checkbox).value = True
        app.screen.query_one(TextArea).text = "Walk the dog\n\nPlay guitar\n"
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, TimerSettingsForm)
        settings = app.store.settings.get().timer
        assert (settings.focus_minutes, settings.auto_start_focus) == (50, True)
        assert settings.recharge_ideas == ("Walk the dog", "Play guitar")
        assert digits(app) == "50:00"


async def test_bad_settings_are_explained_and_change_nothing(timer_app: BouncebackApp) -> None:
    app = timer_app
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.store.path.read_bytes()
        await pilot.press("3", "c")
        app.screen.query_one("#field-short_break_minutes", Input).value = "0"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, TimerSettingsForm), "the form stays open"
        error = app.screen.query_one("#error-short_break_minutes", Static)
        assert "greater than or equal to 1" in str(error.render())
        assert app.focused is app.screen.query_one("#field-short_break_minutes")
        await pilot.press("escape")
        assert app.store.path.read_bytes() == before


async def test_a_timer_started_elsewhere_shows_within_a_second(
    timer_app: BouncebackApp, clock: MovableClock
) -> None:
    app = timer_app
    other = Store.open(app.store.path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        other.timer.toggle()
        await later(pilot, clock, minutes=5)
        assert digits(app) == "20:00"
        assert app.sub_title == "▶ Focus 20:00"


async def test_a_blank_length_is_asked_for_as_a_whole_number(timer_app: BouncebackApp) -> None:
    app = timer_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "c")
        app.screen.query_one("#field-focus_minutes", Input).value = ""
        await pilot.press("ctrl+s")
        error = app.screen.query_one("#error-focus_minutes", Static)
        assert str(error.render()) == "must be a whole number"
