"""Stored text never drives the user's terminal: recorded at the terminal itself, every
byte the app writes while it shows hostile records in each of its views."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Store, fixed_clock
from store.sample import SAMPLE_NOW
from tests.tui.pty_terminal import PtyApp

CLIPBOARD = "\x1b]52;c;ZWNobyBoaQ==\x07"  # OSC 52: set the clipboard
WINDOW_TITLE = "\x1b]0;pwned\x07"  # OSC 0: rename the terminal window
CLEAR_SCREEN = "\x1b[2J"
RIGHT_TO_LEFT = "\u202e"  # bidi override: reorders the rest of the line

COMPANY = f"Zeta{CLIPBOARD}"
ROLE = f"Dev{WINDOW_TITLE}ops"
NOTES = f"wipe{CLEAR_SCREEN}out {RIGHT_TO_LEFT}evil [@click=app.quit]x[/]"

# What a terminal would obey, had any of the data reached it as it is.
OBEYED = {
    "the clipboard sequence": b"\x1b]52",
    "the window title sequence": b"\x1b]0;",
    "the data's clear screen": b"wipe\x1b[2J",
    "the bidi override": RIGHT_TO_LEFT.encode(),
    "the C1 control": "\x9b".encode(),
}


@pytest.fixture
def hostile(db_path: Path) -> Iterator[PtyApp]:
    store = Store.open(db_path, clock=fixed_clock(SAMPLE_NOW))
    card = store.applications.add(company=COMPANY, role=ROLE, notes=NOTES)
    store.journal.add(
        mood=2, text=NOTES + "\x9b31m", negative_thought=COMPANY, application_id=card.id
    )
    store.wins.recognise()
    app = PtyApp(db_path)
    yield app
    app.close()


def assert_inert(app: PtyApp, view: str) -> None:
    written = bytes(app.written)
    for what, sequence in OBEYED.items():
        assert sequence not in written, f"{what} reached the terminal in {view}"


def test_hostile_records_never_reach_the_terminal_as_controls(hostile: PtyApp) -> None:
    app = hostile
    app.wait_for("Zeta␛]52")
    assert_inert(app, "the board")
    app.type("h")  # to the card, in Wishlist
    app.type("\r")
    app.wait_for("wipe␛[2J")
    assert_inert(app, "the details")
    app.type("\x1b")
    app.wait_gone("wipe␛[2J")
    app.type("e")
    app.wait_for("Edit Zeta")  # drawn in the same frame as its fields
    assert_inert(app, "the edit form")
    app.wait_for("Dev␛]0;pwned")
    app.type("\x1b")
    app.wait_gone("Edit Zeta")
    app.type("d")
    app.wait_for("Deleted Zeta")
    assert_inert(app, "the delete toast")
    app.type("u")
    app.wait_for("Undid the delete of Zeta")
    assert_inert(app, "the undo toast")
    app.type("2")
    app.wait_for("Zeta␛]52")  # the journal list shows the thought
    app.type("e")
    app.wait_for("Edit entry")
    assert_inert(app, "the journal editor")
    app.wait_for("wipe␛[2J")
    app.wait_for("About         Zeta␛]52")  # the application it is about
    assert_inert(app, "the journal editor's choice of application")
    app.type("\x1b")
    app.wait_gone("Edit entry")
    app.type("\x10")  # ctrl+p
    app.wait_for("Search for commands")
    assert_inert(app, "the command palette")
    app.type("\x1b")
    app.wait_gone("Search for commands")
    app.close()
    assert_inert(app, "the whole session")
