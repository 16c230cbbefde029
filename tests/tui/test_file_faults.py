"""The data file changes under the running app: it stays up, says once what happened and
what to do, and keeps what is on screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from store import Store
from tui.app import BouncebackApp
from tui.widgets.card_column import CardColumn

from .waiting import until


@pytest.fixture
def told(app: BouncebackApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message the app shows in a toast, in order."""
    messages: list[str] = []
    show = app.notify

    def record(message: str, **kwargs: Any) -> None:
        messages.append(message)
        show(message, **kwargs)

    monkeypatch.setattr(app, "notify", record)
    return messages


def delete(path: Path) -> None:
    path.unlink()


def replace_by_a_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


@pytest.mark.parametrize("fault", [delete, replace_by_a_folder], ids=["deleted", "a folder"])
async def test_the_app_stays_up_and_says_once_what_to_do_when_the_file_goes(
    app: BouncebackApp, sample_store: Store, told: list[str], fault: Callable[[Path], None]
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        board_before = app.query_one("#cards-applied", CardColumn).render_line(0).text
        fault(sample_store.path)
        await until(pilot, lambda: any("ctrl+s" in t for t in told), "the advice")
        await pilot.pause(2.5)  # a few more of the app's checks, once a second
        assert app.is_running
        advice = [t for t in told if "ctrl+s" in t]
        assert len(advice) == 1, told
        assert "restore a backup" in advice[0].lower()
        assert advice[0].lower().count("backup") == 1, "what to do is said once"
        assert app.query_one("#cards-applied", CardColumn).render_line(0).text == board_before
        await pilot.press("3", "1")  # still answers keys
        assert app.is_running


async def test_a_read_only_file_system_is_told_once(
    app: BouncebackApp, sample_store: Store, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # Each second the app looks for new wins and records them: a write, refused.
        monkeypatch.setattr(sample_store.wins, "recognise", refuse)
        await until(pilot, lambda: any("Read-only" in t for t in told), "the warning")
        await pilot.pause(2.5)
        assert app.is_running
        assert len([t for t in told if "Read-only" in t]) == 1, told


async def test_ctrl_s_writes_what_is_on_screen_back_once_the_file_is_gone(
    app: BouncebackApp, sample_store: Store, told: list[str]
) -> None:
    cards = {a.id for a in sample_store.applications.on_board()}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        delete(sample_store.path)
        await until(pilot, lambda: any("ctrl+s" in t for t in told), "the advice")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: sample_store.path.is_file(), "the file written back")
        assert any("Saved what is on screen" in t for t in told)
        await pilot.pause()
        shown = [str(n.message) for n in app._notifications]
        assert not any("ctrl+s" in t for t in shown), "the file is back: its notice goes"
    assert {a.id for a in Store.open(sample_store.path).applications.on_board()} == cards


@pytest.mark.parametrize("fault", [delete, replace_by_a_folder], ids=["deleted", "a folder"])
async def test_a_key_pressed_the_moment_the_file_goes_is_told_not_a_crash(
    app: BouncebackApp, sample_store: Store, told: list[str], fault: Callable[[Path], None]
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        fault(sample_store.path)
        # Before the app's once-a-second look notices: the keys' own actions meet the fault.
        await pilot.press("L", "enter", "r")
        await pilot.pause()
        assert app.is_running
        assert any("Restore a backup" in t or "Cannot read" in t for t in told), told


async def test_a_file_damaged_under_the_app_is_told_with_the_way_back(
    app: BouncebackApp, sample_store: Store, told: list[str]
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        sample_store.path.write_text('{"_meta": {')  # another program, or a bad sync
        await until(pilot, lambda: any("not valid JSON" in t for t in told), "the warning")
        assert app.is_running
        (said,) = [t for t in told if "not valid JSON" in t]
        assert "nothing is written over the file" in said
        assert "bounceback backup --list" in said
        assert "bounceback restore" in said
    assert sample_store.path.read_text() == '{"_meta": {', "the damaged file left as it is"
