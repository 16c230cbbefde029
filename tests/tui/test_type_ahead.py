"""Keys typed ahead go where the user meant: over SSH keys arrive in bursts, and a key
typed after a dialog's save or close acts after it, on the screen below."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Select

from store import PIPELINE, Mood, Stage, Store
from tui.app import BouncebackApp
from tui.dialogs.application_form import ApplicationForm
from tui.dialogs.journal_entry import JournalEntryForm
from tui.dialogs.quick_mood import QuickMood
from tui.panes.board import BoardPane

from .pty_terminal import PtyApp
from .test_search import palette_text
from .waiting import until

KEYS = {"enter": "\r", "escape": "\x1b", "ctrl+s": None}


def burst(app: BouncebackApp, *keys: str) -> None:
    """Every key at once, none awaited: what a terminal reading an SSH packet delivers."""
    for key in keys:
        app.post_message(events.Key(key, KEYS.get(key, key)))


async def open_edit_form(app: BouncebackApp, pilot: Pilot[None]) -> BoardPane:
    board = app.query_one(BoardPane)
    await pilot.press("e")
    await until(pilot, lambda: isinstance(app.screen, ApplicationForm), "the edit form")
    await until(pilot, lambda: app.focused is not None, "a focused field")
    return board


@pytest.mark.parametrize("closing", ["ctrl+s", "enter", "escape"])
async def test_a_key_typed_after_the_edit_form_closes_acts_on_the_board(
    app: BouncebackApp, sample_store: Store, closing: str
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        board = await open_edit_form(app, pilot)
        card = board.current
        assert card is not None
        burst(app, closing, "L")
        moved = lambda: Store.open(sample_store.path).applications.get(card.id).stage  # noqa: E731
        await until(pilot, lambda: moved() is not card.stage, "the move")
        stored = Store.open(sample_store.path).applications.get(card.id)
        assert stored.company == card.company  # not "…L"
        assert stored.stage is PIPELINE[PIPELINE.index(card.stage) + 1]  # one column right
        assert not isinstance(app.screen, ApplicationForm)


async def test_a_key_typed_after_a_journal_entry_is_saved_opens_the_next_dialog(
    app: BouncebackApp, sample_store: Store
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "n")
        await until(pilot, lambda: isinstance(app.screen, JournalEntryForm), "the entry form")
        await until(pilot, lambda: app.focused is not None, "a focused field")
        app.screen.query_one("#entry-mood", Select).value = Mood.OKAY  # a new entry asks for one
        before = len(sample_store.journal.entries())
        burst(app, *"Calm", "ctrl+s", "m")
        await until(pilot, lambda: isinstance(app.screen, QuickMood), "the mood dialog")
        texts = [e.text for e in Store.open(sample_store.path).journal.entries()]
        assert len(texts) == before + 1
        assert "Calm" in texts  # not "Calmm"


def test_ctrl_s_and_a_move_in_one_write_to_a_real_terminal(db_path: Path) -> None:
    """The burst as SSH delivers it: "ctrl+s L" in one read of the terminal."""
    store = Store.open(db_path)
    card = store.applications.add(company="Zeta", role="Dev")
    terminal = PtyApp(db_path)
    try:
        terminal.wait_for("Zeta")
        terminal.type("h")  # to the card, in Wishlist
        terminal.type("e")
        terminal.wait_for("Edit Zeta")
        terminal.type("\x13L")  # ctrl+s, then L
        terminal.wait_for("Applied 1")
    finally:
        terminal.close()
    stored = Store.open(db_path).applications.get(card.id)
    assert (stored.company, stored.stage) == ("Zeta", Stage.APPLIED)


async def test_escape_typed_right_after_a_palette_choice_closes_the_form_it_opened(
    app: BouncebackApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Screen[object]] = []
    push_screen = app.push_screen

    def recorded(screen: Screen[object], *args: Any, **kwargs: Any) -> Any:
        opened.append(screen)
        return push_screen(screen, *args, **kwargs)

    monkeypatch.setattr(app, "push_screen", recorded)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"new application")
        await until(pilot, lambda: "Board: New application" in palette_text(app), "listed")
        burst(app, "enter", "escape")  # the escape meant for the form the choice opens
        await until(
            pilot,
            lambda: (
                any(isinstance(s, ApplicationForm) for s in opened)
                and app.screen is app.screen_stack[0]
            ),
            "the form opened, then closed by the escape",
        )


async def new_card_company(app: BouncebackApp, pilot) -> Input:  # type: ignore[no-untyped-def]
    """A new card's form open, the focus in its company field."""
    await pilot.press("n")
    await until(pilot, lambda: isinstance(app.screen, ApplicationForm), "the new form")
    await until(pilot, lambda: isinstance(app.focused, Input), "the company field")
    company = app.focused
    assert isinstance(company, Input)
    return company


async def test_a_paste_right_after_typing_lands_after_what_was_typed(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        company = await new_card_company(app, pilot)
        burst(app, *"Acme")
        app.post_message(events.Paste(" Robotics Ltd"))  # in the same read as the keys
        burst(app, *" UK")
        await until(pilot, lambda: company.value.endswith("UK"), "all of it typed")
        assert company.value == "Acme Robotics Ltd UK"


async def test_lines_pasted_into_a_one_line_field_are_joined_not_cut(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        company = await new_card_company(app, pilot)
        app.post_message(events.Paste("Acme Robotics\n  Holdings\tLtd\n\n"))
        await until(pilot, lambda: bool(company.value), "the paste")
        assert company.value == "Acme Robotics Holdings Ltd"
        app.post_message(events.Paste(" UK\n"))  # one line, as copied with its line break
        await until(pilot, lambda: company.value.endswith("UK"), "the second paste")
        assert company.value == "Acme Robotics Holdings Ltd UK"
