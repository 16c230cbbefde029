"""The Progress pane, driven by keys; asserts on what the user sees and what is stored."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from textual import events
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Input, Static

import tui.app
from store import Metric, Period, Stage, Store
from store.clock import MovableClock
from store.progress import DEFAULT_GOALS, period_start
from store.sample import SAMPLE_NOW
from tui.app import BouncebackApp
from tui.dialogs.goals import GoalsForm
from tui.dialogs.text_prompt import TextPrompt
from tui.widgets.record_list import RecordList

from .test_cli import run
from .waiting import every_pane_mounted, until


def text_of(app: BouncebackApp, part: str) -> str:
    return str(app.query_one(f"#progress-{part}", Static).render())


async def test_the_pane_shows_goals_funnel_noes_and_wins(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        goals = text_of(app, "goals")
        assert "Applications" in goals
        assert "Learning (min)" in goals
        funnel = text_of(app, "funnel")
        assert "Applied 33" in funnel
        assert "Interviewed 13" in funnel
        assert "14 “no”s collected" in text_of(app, "noes")
        assert "Asked three people for feedback" in text_of(app, "wins")


async def test_an_empty_store_explains_instead_of_showing_zeros(empty_app: BouncebackApp) -> None:
    async with empty_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        assert "None sent in this time yet" in text_of(empty_app, "funnel")
        assert "None yet" in text_of(empty_app, "noes")
        assert "They will collect here" in text_of(empty_app, "wins")
        assert not empty_app.query_one("#progress-mood").display
        assert "0/5" in text_of(empty_app, "goals"), "the default goals, set up on first run"


async def test_wins_from_before_the_session_are_recorded_without_a_toast(
    sample_store: Store,
) -> None:
    app = BouncebackApp(sample_store)  # a first open of years of data: no win recorded yet
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: every_pane_mounted(app), "the panes all mounted")
        await pilot.press("4")
        assert "Sent:" in text_of(app, "wins")
        assert [n.title for n in app._notifications if "win" in n.title.lower()] == []


async def test_a_card_sent_before_the_apps_first_look_for_wins_is_still_news(
    db_path: Path, clock: MovableClock
) -> None:
    store = Store.open(db_path, clock=clock)
    added = store.applications.add(company="Acme", role="Dev")
    app = BouncebackApp(store)
    clock.advance(seconds=1)
    store.applications.move(added.id, Stage.APPLIED)  # a key typed ahead of the board
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app._notifications, "a toast")
        assert [n.message for n in app._notifications] == ["Sent: Dev at Acme"]


async def test_t_steps_the_funnel_through_its_time_spans(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        assert "all time" in text_of(app, "funnel")
        await pilot.press("t")
        assert "the last 90 days" in text_of(app, "funnel")
        await pilot.press("t")
        assert "the last 30 days" in text_of(app, "funnel")
        await pilot.press("t")
        assert "all time" in text_of(app, "funnel")


async def test_a_card_sent_on_the_board_is_a_win_and_counts_toward_the_goal(
    empty_app: BouncebackApp,
) -> None:
    app = empty_app
    added = app.store.applications.add(company="Acme", role="Dev")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "L")  # to the Wishlist column, then the card on to Applied
        await pilot.pause()
        app.celebrate_new_wins()
        await pilot.pause()
        assert app.store.applications.get(added.id).stage is Stage.APPLIED
        assert [n.message for n in app._notifications] == ["Sent: Dev at Acme"]
        await pilot.press("4")
        assert "1/5" in text_of(app, "goals")
        assert "Sent: Dev at Acme" in text_of(app, "wins")
        app.celebrate_new_wins()
        await pilot.pause()
        assert len(list(app._notifications)) == 1, "celebrated once"


async def test_a_cards_win_is_told_as_soon_as_its_move_is_saved(
    empty_app: BouncebackApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.app, "EVERY_SECOND", 3600.0)  # no look of the second's own
    app = empty_app
    app.store.applications.add(company="Acme", role="Dev")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)  # the start's own look done
        await pilot.press("h", "L")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Sent: Dev at Acme"]


async def test_a_win_of_a_move_undone_just_before_quitting_is_taken_back(
    empty_app: BouncebackApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.app, "EVERY_SECOND", 3600.0)  # the test says when wins are looked for
    app = empty_app
    app.store.applications.add(company="Acme", role="Dev")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "L")
        await pilot.pause()
        app.celebrate_new_wins()
        assert [w.text for w in app.store.wins.all()] == ["Sent: Dev at Acme"]
        await pilot.press("u")
        await pilot.pause()
    assert Store.open(app.store.path).wins.all() == []


async def test_a_card_moved_on_the_board_shows_when_progress_is_shown_again(
    empty_app: BouncebackApp,
) -> None:
    app = empty_app
    added = app.store.applications.add(company="Acme", role="Dev")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        assert "0/5" in text_of(app, "goals")
        await pilot.press("1", "h", "L")  # the card on to Applied
        await pilot.pause()
        assert app.store.applications.get(added.id).stage is Stage.APPLIED
        await pilot.press("4")
        assert "1/5" in text_of(app, "goals")
        assert "Applied 1" in text_of(app, "funnel")


async def test_a_new_day_shows_when_progress_is_shown_again_with_nothing_written(
    db_path: Path, clock: MovableClock
) -> None:
    app = BouncebackApp(Store.open(db_path, clock=clock))  # on a Monday morning
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        assert "week   7 days left" in text_of(app, "goals")
        await pilot.press("1")
        clock.advance(days=1)  # past midnight
        await pilot.press("4")
        assert "week   6 days left" in text_of(app, "goals")
        assert "week   7 days left" not in text_of(app, "goals")


async def test_w_keeps_a_win_of_the_users_own(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "w")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Got out for a run", "enter")
        assert app.store.wins.all()[0].text == "Got out for a run"
        assert "Got out for a run" in text_of(app, "wins")


async def test_c_logs_a_conversation_toward_the_networking_goal(empty_app: BouncebackApp) -> None:
    app = empty_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "c", *"Priya", "enter")
        [contact] = app.store.people.contacts()
        assert (contact.name, len(contact.conversations)) == ("Priya", 1)
        assert "Conversations   █" in text_of(app, "goals")
        assert "1/4" in text_of(app, "goals")


async def test_g_changes_a_target_switches_a_goal_off_and_marks_a_rest_week(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "g")
        assert isinstance(app.screen, GoalsForm)
        goals = {g.metric: g for g in app.store.goals.all()}
        sent, journal = goals[Metric.APPLICATIONS_SENT], goals[Metric.JOURNAL_ENTRIES]
        app.screen.query_one(f"#field-{sent.id}-target", Input).value = "8"
        app.screen.query_one(f"#field-{sent.id}-rest", Checkbox).value = True
        app.screen.query_one(f"#field-{journal.id}-active", Checkbox).value = False
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, GoalsForm)
        saved = {g.metric: g for g in app.store.goals.all()}
        assert saved[Metric.APPLICATIONS_SENT].target == 8
        this_week = period_start(sent.period, SAMPLE_NOW.date())
        assert saved[Metric.APPLICATIONS_SENT].rest_periods == (this_week,)
        assert not saved[Metric.JOURNAL_ENTRIES].active
        goals_text = text_of(app, "goals")
        assert "resting" in goals_text
        assert "Journal entries" not in goals_text


async def test_a_bad_target_is_explained_and_nothing_is_saved(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        before = app.store.path.read_bytes()
        await pilot.press("4", "g")
        learning = next(g for g in app.store.goals.all() if g.metric is Metric.LEARNING_MINUTES)
        sent = next(g for g in app.store.goals.all() if g.metric is Metric.APPLICATIONS_SENT)
        app.screen.query_one(f"#field-{sent.id}-target", Input).value = "9"
        app.screen.query_one(f"#field-{learning.id}-target", Input).value = "0"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, GoalsForm)
        error = app.screen.query_one(f"#error-{learning.id}-target", Static)
        assert "whole number from 1" in str(error.render())
        await pilot.press("escape")
        assert app.store.path.read_bytes() == before, "not even the valid change"


async def test_a_goal_changed_in_another_session_is_not_overwritten(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "g")
        sent = next(g for g in app.store.goals.all() if g.metric is Metric.APPLICATIONS_SENT)
        other = Store.open(app.store.path, clock=app.store.clock)
        other.goals.update(sent.model_copy(update={"target": 3}))
        app.screen.query_one(f"#field-{sent.id}-target", Input).value = "9"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, GoalsForm)
        assert "Another session changed your goals" in str(
            app.screen.query_one("#error-form", Static).render()
        )
        stored = next(g for g in app.store.goals.all() if g.id == sent.id)
        assert stored.target == 3


def test_stats_from_a_shell_prints_goals_funnel_and_advice(sample_store: Store) -> None:
    printed = run("stats", "--db", str(sample_store.path))
    assert printed.returncode == 0
    assert "Applications sent" in printed.stdout
    assert "applied 33, answered 20, interviewed 13, offers 1" in printed.stdout
    assert "14 “no”s collected" in printed.stdout
    assert "What gets you answers. CV short gets answers 3 times as often" in printed.stdout
    as_json = json.loads(run("stats", "--json", "--db", str(sample_store.path)).stdout)
    everything = as_json["funnel"]["all_time"]
    assert (everything["applied"], everything["interviews"]) == (33, 13)
    assert everything["enough_for_diagnosis"] is True
    assert as_json["noes"] == 14
    assert [g["metric"] for g in as_json["goals"]] == [m.value for m, _, _ in DEFAULT_GOALS]


def test_stats_on_a_new_file_says_it_is_too_early(store: Store) -> None:
    printed = run("stats", "--db", str(store.path))
    assert "Too early to say where the search is stuck: 10 more applications." in printed.stdout


async def test_c_finds_a_known_person_and_adds_nobody_unless_told_it_is_someone_new(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        people = {c.name: c for c in app.store.people.contacts()}
        jonas = people["Jonas Weber"]
        await pilot.press("5")  # People open once, then Progress
        await pilot.press("4", "c", *"jonas", "enter")  # only part of a known name
        assert len(app.store.people.contacts()) == len(people), "nobody added"
        assert "Did you mean Jonas Weber?" in str(app.screen.query_one("#error-name").render())
        await pilot.press("right", "enter")  # → takes the suggestion: Jonas Weber
        await pilot.pause()
        assert len(app.store.people.get(jonas.id).conversations) == len(jonas.conversations) + 1
        assert len(app.store.people.contacts()) == len(people)

        await pilot.press("c", *"Jonas", "ctrl+n")  # another Jonas, said to be someone new
        await pilot.pause()
        [new] = [c for c in app.store.people.contacts() if c.name == "Jonas"]
        assert len(new.conversations) == 1
        await pilot.press("5")  # shown at once
        listed = [c.name for c in app.query_one("#people-list", RecordList).records]
        assert "Jonas" in listed


async def test_j_held_down_scrolls_a_line_for_each_key(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        scroll = app.query_one("#progress-scroll", VerticalScroll)
        await until(pilot, lambda: scroll.max_scroll_y >= 5, "more than a screen to scroll")
        for _ in range(5):  # a key held down: each repeat arrives before the next frame
            app.post_message(events.Key("j", "j"))
        await until(pilot, lambda: scroll.scroll_y == 5, "five lines scrolled")
        await pilot.pause()
        assert scroll.scroll_y == 5


async def test_page_keys_home_and_end_move_through_the_page(app: BouncebackApp) -> None:
    """The page is longer than a 24-line screen: the keys a reader of a long page reaches
    for move through it, as they do in the journal's list."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        scroll = app.query_one("#progress-scroll", VerticalScroll)
        await until(pilot, lambda: scroll.max_scroll_y > scroll.size.height, "over a page")
        await pilot.press("pagedown")
        await until(pilot, lambda: scroll.scroll_y == scroll.size.height - 1, "a page down")
        await pilot.press("end")
        await until(pilot, lambda: scroll.scroll_y == scroll.max_scroll_y, "at the end")
        await pilot.press("pageup")
        await until(
            pilot, lambda: scroll.scroll_y == scroll.max_scroll_y - scroll.size.height + 1,
            "a page up",
        )  # fmt: skip
        await pilot.press("home")
        await until(pilot, lambda: scroll.scroll_y == 0, "back at the top")


async def test_a_long_streak_keeps_its_goal_on_one_line_at_80_columns(store: Store) -> None:
    """Four journal entries a week for ten weeks: the goal's row, with its days left and
    its streak, is one line of a 24-line screen, not two."""
    from store.models import JournalEntry, Mood

    into_week = (SAMPLE_NOW.date() - period_start(Period.WEEK, SAMPLE_NOW.date())).days
    store.insert_all(
        JournalEntry(at=SAMPLE_NOW - timedelta(days=into_week + 7 * week - day), mood=Mood.OKAY)
        for week in range(1, 11)
        for day in range(4)
    )
    app = BouncebackApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: "10 " in text_of(app, "goals"), "the streak drawn")
        goals = app.query_one("#progress-goals", Static)
        rows = text_of(app, "goals").splitlines()
        assert goals.size.height == len(rows), f"a goal's row wraps: {rows}"
