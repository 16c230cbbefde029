"""What every journey does on the way: open the app on the Board, read dates as it shows
them, scroll a page as far as it goes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from store import Stage
from tests.journeys import data
from tests.journeys.terminal import Terminal

SMALL = (80, 24)
"""Where most things break first: SSH from a laptop."""
LARGE = (120, 36)

OpenApp = Callable[[tuple[int, int]], Terminal]


def day(moment: datetime) -> str:
    """A date as the app's lists show it."""
    return f"{moment.astimezone():%a %d %b}"


def scroll_until(terminal: Terminal, *texts: str) -> None:
    """Scroll down with j, a line at a time as the user reads, until ``texts`` show."""
    for _ in range(100):
        screen = terminal.text()
        if all(text in screen for text in texts):
            return
        terminal.press("j")
        terminal.wait_until(lambda before=screen: terminal.text() != before, "it scrolled")
    terminal.wait_for(*texts)


def board(open_app: OpenApp, size: tuple[int, int], db: Path) -> Terminal:
    """The app, open on the Board, the cursor on the first card of Applied (it opens on
    the first card of the board, Wishlist's, unless it was left elsewhere)."""
    terminal = open_app(size)
    applied = len(data.applications(db, Stage.APPLIED))
    wishlist = len(data.applications(db, Stage.WISHLIST))
    on_applied, on_wishlist = f"Applied 1/{applied}", f"Wishlist 1/{wishlist}"
    terminal.wait_until(
        lambda: on_applied in terminal.text() or on_wishlist in terminal.text(), "the board"
    )
    if on_applied not in terminal.text():
        terminal.press("l")
        terminal.wait_for(on_applied)
    return terminal
