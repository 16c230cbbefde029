"""Pictures at 80×24 (SSH) and 120×36, on the sample data and a fixed clock."""

from __future__ import annotations

from typing import Any

import pytest

from store import Stage, Store
from tui.app import BouncebackApp

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
    press = ["l", "l", "l", "enter"]  # a rejected card, with its reflection
    assert snap_compare(app, press=press, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_reflection(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, press=["l", "r"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_markup_like_names(snap_compare: Any, store: Store, size: str) -> None:
    store.add_application(company="[bold]Acme[/] \x1b[31m", role="[red]Dev[/red]")
    store.add_application(company="履歴書 ✨ Ünïcode", role="Back\\end", stage=Stage.APPLIED)
    assert snap_compare(BouncebackApp(store), terminal_size=SIZES[size])


def test_narrow_board_scrolls_to_the_cursor(snap_compare: Any, app: BouncebackApp) -> None:
    assert snap_compare(app, press=["l", "l", "l"], terminal_size=(60, 24))


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


def test_timer_not_built_yet(snap_compare: Any, app: BouncebackApp) -> None:
    assert snap_compare(app, press=["3"], terminal_size=(80, 24))


def test_first_run(snap_compare: Any, empty_app: BouncebackApp) -> None:
    assert snap_compare(empty_app, terminal_size=(80, 24))


def test_key_help(snap_compare: Any, app: BouncebackApp) -> None:
    assert snap_compare(app, press=["question_mark"], terminal_size=(120, 36))
