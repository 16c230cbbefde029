"""Pictures at 80×24 (SSH) and 120×36, on the sample data and a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from store import Stage, Store
from store.clock import MovableClock
from store.models import ColumnSort
from store.sample import SAMPLE_NOW
from tui.app import BouncebackApp
from tui.panes.timer import TimerPane

SIZES = {"80x24": (80, 24), "120x36": (120, 36)}


@pytest.mark.parametrize("size", SIZES)
def test_board(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_board_filtered(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, press=["slash", *"data", "enter"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_new_application_with_errors(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    press = ["n", "tab", *"Data Engineer", "tab", *"jobs.example", "ctrl+s"]
    assert snap_compare(app, press=press, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_details(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    press = [*"llll", "enter"]  # a rejected card, with its reflection
    assert snap_compare(app, press=press, terminal_size=SIZES[size])


POSTING = (
    "About the role\n"
    "We are looking for a data engineer to build and run our pipelines.\n\n"
    "You will\n- own the nightly loads\n- work with analysts on the models\n\n"
    "You have\n- Python and SQL\n- dbt or Airflow\n"
)


def test_details_with_a_posting(snap_compare: Any, app: BouncebackApp) -> None:
    card = next(a for a in app.store.applications.on_board() if a.stage is Stage.APPLIED)
    app.store.applications.update(card.model_copy(update={"posting": POSTING, "salary": "£55-65k"}))
    press = ["l", "enter", "pagedown"]  # Applied's first card; the posting is last: the longest
    assert snap_compare(app, press=press, terminal_size=(80, 24))


def test_board_sorted_by_pay(snap_compare: Any, app: BouncebackApp) -> None:
    app.store.settings.update(column_sort={Stage.APPLIED: ColumnSort.PAY})  # chosen last time
    assert snap_compare(app, press=["l"], terminal_size=(80, 24))  # the cursor in Applied


@pytest.mark.parametrize("size", SIZES)
def test_reflection(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, press=["l", "l", "r"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_markup_like_names(snap_compare: Any, store: Store, size: str) -> None:
    store.applications.add(company="[bold]Acme[/] \x1b[31m", role="[red]Dev[/red]")
    store.applications.add(company="履歴書 ✨ Ünïcode", role="Back\\end", stage=Stage.APPLIED)
    store.wins.recognise()  # sent before this session: not news when it starts
    assert snap_compare(BouncebackApp(store), terminal_size=SIZES[size])


def test_narrow_board_scrolls_to_the_cursor(snap_compare: Any, app: BouncebackApp) -> None:
    assert snap_compare(app, press=[*"llll"], terminal_size=(60, 24))


@pytest.mark.parametrize("size", SIZES)
def test_journal_with_trend(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, press=["2"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_journal_quick_mood(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, press=["2", "m", "2"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_journal_thought_record(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    press = ["2", "n", *"Ghosted after two rounds", "tab", *"I'm not good enough", "ctrl+e"]
    assert snap_compare(app, press=press, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_journal_empty(snap_compare: Any, empty_app: BouncebackApp, size: str) -> None:
    assert snap_compare(empty_app, press=["2"], terminal_size=SIZES[size])


def timer_at(store: Store, *keys: str, minutes: float = 0) -> Callable[[Pilot[None]], Any]:
    """Press ``keys`` on the Timer pane, then let ``minutes`` pass on the store's clock."""

    async def run_before(pilot: Pilot[None]) -> None:
        clock = MovableClock(SAMPLE_NOW)
        store.clock = clock
        await pilot.press("3", *keys)
        clock.advance(minutes=minutes)
        app = pilot.app
        assert isinstance(app, BouncebackApp)
        app.tick_timer()
        app.query_one(TimerPane).reload()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_timer_focus_running(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    before = timer_at(app.store, "l", *"applications", "enter", "space", minutes=7.5)
    assert snap_compare(app, run_before=before, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_timer_break_with_a_suggestion(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    before = timer_at(app.store, "space", minutes=26.5)
    assert snap_compare(app, run_before=before, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_timer_overtime(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    before = timer_at(app.store, "s", minutes=8.2)
    assert snap_compare(app, run_before=before, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_timer_settings(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, run_before=timer_at(app.store, "c"), terminal_size=SIZES[size])


def test_first_run(snap_compare: Any, empty_app: BouncebackApp) -> None:
    assert snap_compare(empty_app, terminal_size=(80, 24))


def test_key_help(snap_compare: Any, app: BouncebackApp) -> None:
    assert snap_compare(app, press=["question_mark"], terminal_size=(120, 36))


@pytest.mark.parametrize("size", SIZES)
def test_progress(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, press=["4"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_progress_what_works(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    below_the_funnel = {"80x24": 17, "120x36": 14}[size]
    press = ["4", *"j" * below_the_funnel]
    assert snap_compare(app, press=press, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_materials(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    """From the application form (ctrl+o): the résumés, the last sent first, then the
    cover letters; each file's path, said missing where nothing is there."""
    assert snap_compare(app, press=["n", "ctrl+o", "wait:200"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_progress_empty(snap_compare: Any, empty_app: BouncebackApp, size: str) -> None:
    assert snap_compare(empty_app, press=["4"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_progress_goals_dialog(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, press=["4", "g"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_people(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, press=["5"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_people_empty(snap_compare: Any, empty_app: BouncebackApp, size: str) -> None:
    assert snap_compare(empty_app, press=["5"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_contact_details(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    press = ["5", "slash", *"jonas", "enter", "enter"]
    assert snap_compare(app, press=press, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_link_a_person_from_the_board(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, press=["l", "p", *"Pri"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_agenda(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, press=["6"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_card_with_its_next_interview(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, press=["l", "l", "j"], terminal_size=SIZES[size])
