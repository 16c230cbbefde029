"""One search for everything, walked in a real terminal: from the palette to a person, to a
card found by a word of its posting, and an edit made there kept on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Stage
from tests.journeys import data
from tests.journeys.steps import LARGE, SMALL, OpenApp, board


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x36"])
def test_the_palette_finds_a_person_and_a_card_by_its_posting(
    open_app: OpenApp, db: Path, size: tuple[int, int]
) -> None:
    applied = data.applications(db, Stage.APPLIED)
    card = applied[29]  # far down its column
    store = data.opened(db)
    store.applications.update(
        card.model_copy(update={"posting": "You will own our Zephyrine data platform."})
    )
    person = data.contacts(db)[-1]
    terminal = board(open_app, size, db)

    terminal.press("ctrl+p")
    terminal.wait_for("Search for commands")
    terminal.type(person.name)
    terminal.wait_for(person.name, "person")
    terminal.press("enter")
    terminal.wait_for("e edit · c conversation · esc close")
    terminal.press("escape")
    terminal.wait_gone("e edit · c conversation · esc close")

    terminal.press("ctrl+p")
    terminal.wait_for("Search for commands")
    terminal.type("zephyrine")
    terminal.wait_for(card.company, "application · Applied")
    terminal.press("enter")
    terminal.wait_for(f"{card.company} — {card.role}", "e edit · p people · esc close")
    terminal.press("e")
    terminal.wait_for(f"Edit {card.company}")
    terminal.type("\tPlatform Engineer", "ctrl+s")
    terminal.wait_for(f"{card.company} — Platform Engineer")
    terminal.press("escape")
    terminal.wait_gone("e edit · p people · esc close")
    terminal.wait_for(f"30/{len(applied)}")  # the cursor on it, in its column
    terminal.quit()

    saved = data.application(db, card.id)
    assert (saved.role, saved.posting) == (
        "Platform Engineer",
        "You will own our Zephyrine data platform.",
    )
