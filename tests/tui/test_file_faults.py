"""The data file changes under the running app: it stays up, says once what happened and
what to do, and keeps what is on screen."""

from __future__ import annotations

import errno
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from store import Store
from tui.app import BouncebackApp
from tui.dialogs.unsaved import LeaveUnsaved
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


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


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
        assert any("restore a backup" in t.lower() or "Cannot read" in t for t in told), told


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


async def test_a_mood_logged_as_the_file_goes_is_kept_and_saved_with_what_is_on_screen(
    app: BouncebackApp, sample_store: Store, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    entries = len(sample_store.journal.entries())
    # The file goes between two of the app's once-a-second looks: none notices it first.
    monkeypatch.setattr(app, "each_second", lambda: None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "m")
        await until(pilot, lambda: type(app.screen).__name__ == "QuickMood", "the mood dialog")
        delete(sample_store.path)
        await pilot.press("5", "tab", *"an offer", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuickMood", "the dialog stays, with the mood"
        assert any("ctrl+s" in t for t in told), "the user is told the file is gone"
        await pilot.press("enter")  # the save, again: the file is written back with it
        await until(pilot, lambda: type(app.screen).__name__ != "QuickMood", "the dialog closed")
    saved = Store.open(sample_store.path).journal.entries()
    assert len(saved) == entries + 1
    assert any(e.text == "an offer" and e.mood.label == "great" for e in saved)


async def test_a_journal_entry_saved_once_told_the_file_is_gone_writes_it_back_with_the_entry(
    app: BouncebackApp, sample_store: Store, told: list[str]
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "n")
        await until(pilot, lambda: type(app.screen).__name__ == "JournalEntryForm", "the form")
        delete(sample_store.path)
        await until(pilot, lambda: any("ctrl+s" in t for t in told), "the advice")
        app.screen.query_one("#entry-mood").focus()
        await pilot.press("enter", "down", "enter")  # a mood
        app.screen.query_one("#entry-text").focus()
        await pilot.press(*"Another no, and a walk", "ctrl+s")
        await until(pilot, lambda: sample_store.path.is_file(), "the file written back")
        await until(pilot, lambda: type(app.screen).__name__ != "JournalEntryForm", "saved")
    texts = [e.text for e in Store.open(sample_store.path).journal.entries()]
    assert "Another no, and a walk" in texts


def _palette(title: str) -> Callable[[BouncebackApp], None]:
    def choose(app: BouncebackApp) -> None:
        (command,) = [c for c in app.get_system_commands(app.screen) if c.title == title]
        command.callback()

    return choose


@pytest.mark.parametrize(
    "opening",
    [
        ("n",), ("e",), ("slash", *"acme"), ("2", "n"), ("2", "A"), ("2", "slash", *"no"),
        ("2", "enter"), ("3", "c"), ("5", "enter"), ("6", "enter"),
        _palette("Materials…"), _palette("Channels…"),
    ],
    ids=[
        "new card", "edit card", "board filter", "journal entry", "affirmations",
        "journal search", "journal entry opened", "timer settings", "person opened",
        "agenda line opened", "materials", "channels",
    ],
)  # fmt: skip
@pytest.mark.parametrize("fault", [delete, replace_by_a_folder], ids=["deleted", "a folder"])
async def test_what_the_user_opens_or_types_once_the_file_is_gone_is_told_not_a_crash(
    app: BouncebackApp,
    sample_store: Store,
    told: list[str],
    opening: object,
    fault: Callable[[Path], None],
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        fault(sample_store.path)
        if callable(opening):
            opening(app)
        else:
            assert isinstance(opening, tuple)
            await pilot.press(*opening)
        await until(pilot, lambda: any("ctrl+s" in t for t in told), "the advice")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None


WORDS = "walked it off"


@pytest.mark.parametrize(
    ("keys", "dialog", "field"),
    [
        (("2", "m", "4", "tab", *WORDS, "enter"), "QuickMood", "#mood-text"),
        (("2", "a", *WORDS, "enter"), "TextPrompt", "#prompt-text"),
        (("5", "c", *"coffee", "tab", *WORDS, "enter"), "ConversationDialog",
         "#conversation-notes"),
        (("r", "tab", "tab", *WORDS, "ctrl+s"), "ReflectionDialog", "#lesson"),
    ],
    ids=["quick mood", "affirmation", "conversation", "reflection"],
)  # fmt: skip
async def test_a_short_dialog_whose_save_fails_opens_again_with_the_words(
    app: BouncebackApp,
    sample_store: Store,
    told: list[str],
    monkeypatch: pytest.MonkeyPatch,
    keys: tuple[str, ...],
    dialog: str,
    field: str,
) -> None:
    def refuse(*args: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    before = sha256(sample_store.path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        monkeypatch.setattr("store.file.storage.atomic_write", refuse)
        await pilot.press(*keys)
        await until(pilot, lambda: any("Read-only" in t for t in told), "the failure told")
        await until(pilot, lambda: type(app.screen).__name__ == dialog, "the dialog again")
        assert app.screen.query_one(field, Input).value == WORDS
        await pilot.press("escape")
        await pilot.pause()
        if isinstance(app.screen, LeaveUnsaved):  # the dialogs that ask before they close
            await pilot.press("ctrl+d")
        assert type(app.screen).__name__ == "MainScreen"
    assert sha256(sample_store.path) == before


async def test_a_reflection_opened_again_after_a_failed_save_asks_before_escape_loses_it(
    app: BouncebackApp, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        monkeypatch.setattr("store.file.storage.atomic_write", refuse)
        await pilot.press("r", "tab", "tab", *WORDS, "ctrl+s")
        await until(pilot, lambda: any("No space" in t for t in told), "the failure told")
        await until(pilot, lambda: type(app.screen).__name__ == "ReflectionDialog", "again")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LeaveUnsaved), "asked first")


async def test_ctrl_s_on_a_folder_put_at_the_path_says_so_in_the_notice_left_in_view(
    app: BouncebackApp, sample_store: Store, told: list[str]
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        replace_by_a_folder(sample_store.path)
        await until(pilot, lambda: any("ctrl+s" in t for t in told), "the advice")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(told) == 2, "the answer to ctrl+s")
        await pilot.pause()
        shown = [str(n.message) for n in app._notifications]
        assert shown == [told[-1]], "only the answer: the notice it answers is gone"
        assert sample_store.path.is_dir()
