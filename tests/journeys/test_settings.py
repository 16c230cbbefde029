"""The settings file, as a user meets it in a real terminal: a remapped key works, the
old one no longer does, and the footer shows the new one."""

from __future__ import annotations

from pathlib import Path

from store import Stage, Store
from tests.journeys.terminal import Terminal


def test_a_remapped_key_moves_the_card_and_the_old_key_does_not(tmp_path: Path) -> None:
    db, settings = tmp_path / "bounceback.json", tmp_path / "config.toml"
    card = Store.open(db).applications.add(company="Zeta Analytics", role="Data Engineer")
    settings.write_text('[keymap]\n"board.move_right" = "ctrl+l"\n')
    terminal = Terminal(["--db", str(db), "--config", str(settings)], (120, 36))
    try:
        terminal.wait_for("Zeta Analytics")
        terminal.press("h")  # to the Wishlist column, where the card is
        terminal.wait_for("^l Stage ▶")  # the footer names the new key
        terminal.press("L")  # the old key: nothing happens
        terminal.press("ctrl+l")
        terminal.wait_for("Applied 1")
        terminal.quit()
    finally:
        terminal.close()
    history = [change.stage for change in Store.open(db).applications.get(card.id).history]
    assert history == [Stage.WISHLIST, Stage.APPLIED]  # one move: the L did nothing


def test_the_terminal_s_own_size_wins_over_columns_and_lines_left_in_the_environment(
    tmp_path: Path,
) -> None:
    """A shell can export COLUMNS and LINES (and test runners do): they go stale as soon
    as the window is resized, so the app must ask the terminal, or it draws at the old
    size and never follows a resize."""
    db = tmp_path / "bounceback.json"
    Store.open(db).applications.add(company="Zeta Analytics", role="Data Engineer")
    terminal = Terminal(["--db", str(db)], (120, 36), environ={"COLUMNS": "80", "LINES": "24"})
    try:
        terminal.wait_for("Zeta Analytics")
        terminal.wait_until(
            lambda: terminal.line_with("bounceback").index("bounceback") > 50,
            "the title centred on 120 columns, not on 80",
        )
        terminal.wait_until(
            lambda: "Quit" in terminal.text().split("\n")[35],
            "the footer on the 36th line, not the 24th",
        )
        terminal.quit()
    finally:
        terminal.close()
