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
