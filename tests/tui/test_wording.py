"""Counts read right: "1 person", "1 day", "1 week", never "1 people" or "1 days"."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Static

from store import Store
from store.clock import MovableClock
from tui.app import BouncebackApp
from tui.wording import counted

from .waiting import until


def shown(app: BouncebackApp) -> str:
    """The text the open screen's Static widgets draw, line by line."""
    return "\n".join(
        static.render_line(y).text
        for static in app.screen.query(Static)
        for y in range(static.region.height)
    )


def says(app: BouncebackApp, words: str) -> bool:
    return re.search(rf"\b{words}\b", shown(app)) is not None


def test_a_count_takes_the_singular_only_for_one() -> None:
    assert [counted(n, "day") for n in (0, 1, 2)] == ["0 days", "1 day", "2 days"]
    assert counted(1, "person", "people") == "1 person"
    assert counted(4, "person", "people") == "4 people"


async def test_one_person_one_day_one_week(db_path: Path, clock: MovableClock) -> None:
    store = Store.open(db_path, clock=clock)
    store.people.add(name="Ada", cadence_weeks=1)
    store.applications.add(company="Acme", role="Dev")
    clock.advance(days=1, hours=1)
    app = BouncebackApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h", "enter")
        await until(pilot, lambda: says(app, "for 1 day"), "the card's day in its stage")
        await pilot.press("escape", "5")
        await until(pilot, lambda: says(app, "1 person"), "the count of people")
        await pilot.press("enter")
        await until(pilot, lambda: says(app, "every 1 week"), "the cadence")


async def test_ctrl_c_says_in_plain_words_which_key_quits(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+c")
        await until(pilot, lambda: bool(app._notifications), "the notice")
        assert [n.message for n in app._notifications] == ["Press ctrl+q to quit the app."]
        assert app.is_running
