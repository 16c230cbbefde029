"""Keys typed quickly arrive together over SSH, in one read: each must still do what it
does when typed slowly. Each test types one short burst a user types every day."""

from __future__ import annotations

from pathlib import Path

from store import Stage
from tests.journeys import data
from tests.journeys.steps import SMALL, OpenApp, board


def test_a_filter_typed_in_one_burst_only_filters(open_app: OpenApp, db: Path) -> None:
    wanted = data.applications(db, Stage.APPLIED)[1]
    word = wanted.company.split()[0].lower()
    terminal = board(open_app, SMALL, db)
    terminal.type(f"/{word}")
    terminal.wait_until(
        lambda: word in terminal.text() or "Edit " in terminal.text(), "the filter, or a form"
    )
    assert "Edit " not in terminal.text(), "no form opened"
    found = [a for a in data.applications(db, Stage.APPLIED) if word in a.company.lower()]
    terminal.wait_for(f"Applied 1/{len(found)}" if len(found) > 1 else "Applied 1 ")
    terminal.quit()
    assert data.archived(db) == [], "nothing was archived"


def test_a_quick_mood_picked_and_described_in_one_burst_keeps_the_mood(
    open_app: OpenApp, db: Path
) -> None:
    terminal = board(open_app, SMALL, db)
    terminal.press("2")
    terminal.wait_for("Mood, 30 days")
    terminal.press("m")
    terminal.wait_for("How are you, right now?")
    terminal.type("4\tGood call with Sam", "enter")
    terminal.wait_gone("How are you, right now?")
    terminal.quit()
    newest = data.journal(db)[0]
    assert (newest.mood, newest.text) == (4, "Good call with Sam")


def test_a_field_cleared_and_typed_again_in_one_burst_keeps_what_was_typed(
    open_app: OpenApp, db: Path
) -> None:
    terminal = board(open_app, SMALL, db)
    terminal.press("4")
    terminal.wait_for("g changes them")
    terminal.press("g")
    terminal.wait_for("Your goals", "Applications sent")
    terminal.press("ctrl+u", "7", "ctrl+s")
    terminal.wait_until(
        lambda: "Your goals" not in terminal.text() or "whole number" in terminal.text(),
        "the goals saved, or an error",
    )
    assert "whole number" not in terminal.text()
    terminal.quit()
    assert data.applications_goal(db)[1] == 7


def test_a_suggested_name_taken_and_tabbed_past_in_one_burst_is_kept(
    open_app: OpenApp, db: Path
) -> None:
    (someone, *_) = data.contacts(db)
    terminal = board(open_app, SMALL, db)
    terminal.press("p")
    terminal.wait_for("Who is part of")
    terminal.type(someone.name[:3], "right", "tab")
    terminal.wait_until(
        lambda: someone.name in terminal.line_with("Name "), f"{someone.name} in the name"
    )
    terminal.press("escape")
    terminal.wait_gone("Who is part of")
    terminal.quit()


JUNK = "abc \x1b[31m def 3 r\x1bd \x1b]52;c;aGk=\x07 x 1 g"
"""A paste from a terminal log: colour codes, a clipboard sequence, and letters that are
the board's keys (3: Timer, r: reject, d: delete, x: archive, g: ghosted)."""


def test_junk_pasted_on_the_board_and_in_a_form_is_only_ever_text(
    open_app: OpenApp, db: Path
) -> None:
    on_board = len(data.applications(db))
    terminal = board(open_app, SMALL, db)
    terminal.paste(JUNK)
    terminal.press("n")  # still on the board, whose n opens the new-card form
    terminal.wait_for("New application")
    terminal.paste(f"Acme{JUNK}")
    terminal.type("\tDev", "ctrl+s")
    terminal.wait_gone("New application")
    terminal.quit()
    cards = data.applications(db)
    assert len(cards) == on_board + 1, "nothing deleted, archived or added but the card"
    (new,) = [c for c in cards if c.company.startswith("Acme")]
    assert new.company == "Acme" + JUNK.replace("\x1b", "␛").replace("\x07", "␇")
    assert new.role == "Dev"


def test_a_clipboard_sequence_pasted_in_the_palette_never_reaches_the_terminal(
    open_app: OpenApp, db: Path
) -> None:
    """The palette's field is Textual's own, which draws what it holds as it is."""
    terminal = board(open_app, SMALL, db)
    terminal.press("ctrl+p")
    terminal.wait_for("Search for commands")
    terminal.paste("ab\x1b]52;c;ZWNobyBoaQ==\x07cd")
    terminal.wait_for("ab␛]52;c;ZWNobyBoaQ==")
    terminal.press("escape")
    terminal.wait_gone("Search for commands")
    terminal.quit()
    assert b"\x1b]52;c;ZWNobyBoaQ" not in terminal.output


def test_lines_pasted_in_a_text_box_stay_lines(open_app: OpenApp, db: Path) -> None:
    """A terminal sends a pasted line break as a carriage return."""
    terminal = board(open_app, SMALL, db)
    terminal.press("2")
    terminal.wait_for("Mood, 30 days")
    terminal.press("n")
    terminal.wait_for("New journal entry")
    terminal.paste("Rejected again.\rThey chose someone internal.")
    terminal.wait_for("They chose someone internal.")
    terminal.press("shift+tab", "enter")  # back to the mood, and open its list
    terminal.wait_for("5 ☺☺ great")
    terminal.type("2", "enter")
    terminal.wait_gone("5 ☺☺ great")
    terminal.press("ctrl+s")
    terminal.wait_gone("New journal entry")
    terminal.quit()
    assert data.journal(db)[0].text == "Rejected again.\nThey chose someone internal."
