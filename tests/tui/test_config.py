"""The settings file: a key map, a theme, and what a broken file does (never worse than
the defaults)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from store import Stage, Store
from tui import config
from tui.app import BouncebackApp
from tui.panes.board import BoardPane


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True, text=True, timeout=60, env=dict(os.environ), check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def bindings() -> dict[str, dict[str, str]]:
    return config.known_bindings()


def test_no_settings_file_means_the_defaults_and_no_complaint(tmp_path: Path) -> None:
    settings = config.load(tmp_path / "config.toml")
    assert (settings.theme, settings.keymap, settings.problems) == ("", {}, ())


def test_the_file_is_found_through_the_environment_or_the_config_folder(
    tmp_path: Path, private_data_folder: Path
) -> None:
    assert config.default_config_path({"BOUNCEBACK_CONFIG": str(tmp_path / "mine.toml")}) == (
        tmp_path / "mine.toml"
    )
    assert config.default_config_path() == private_data_folder / ".config/bounceback/config.toml"


def test_a_file_that_is_not_toml_is_named_with_its_line_and_the_defaults_are_used(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "config.toml", 'theme = "nord"\n[keymap\n')
    settings = config.load(path)
    assert settings.theme == ""
    [problem] = settings.problems
    assert str(path) in problem
    assert "line 2" in problem
    assert "defaults used" in problem


def test_each_wrong_entry_is_named_with_file_and_line_and_the_rest_still_applies(
    tmp_path: Path, bindings: dict[str, dict[str, str]]
) -> None:
    path = write(
        tmp_path / "config.toml",
        "theme = 5\n"
        'colour = "blue"\n'
        "[keymap]\n"
        '"board.move_right" = "ctrl+l,L"\n'
        '"board.nope" = "x"\n'
        '"board.new" = "ctrl+q"\n'
        '"board.reject" = "n"\n'
        '"app.quit" = "ctrl+x"\n'
        '"journal.quick_mood" = 3\n',
    )
    settings = config.load(path, bindings)
    assert settings.keymap == {"board.move_right": "ctrl+l,L"}
    problems = "\n".join(settings.problems)
    for line, words in [
        (1, "theme must be a name"),
        (2, "'colour' is not a setting"),
        (5, "no binding has the id 'board.nope'"),
        (6, "ctrl+q quits the app"),
        (7, "n already belongs to 'board.new'"),
        (8, "ctrl+q must always quit"),
        (9, "the keys for 'journal.quick_mood' must be a string"),
    ]:
        assert f"{path}:{line}: {words}" in problems
    assert len(settings.problems) == 7


def test_two_bindings_may_swap_their_keys(
    tmp_path: Path, bindings: dict[str, dict[str, str]]
) -> None:
    path = write(tmp_path / "c.toml", '[keymap]\n"board.new" = "r"\n"board.reject" = "n"\n')
    settings = config.load(path, bindings)
    assert settings.problems == ()
    assert settings.keymap == {"board.new": "r", "board.reject": "n"}


def test_init_writes_a_commented_file_that_changes_nothing_and_never_overwrites(
    tmp_path: Path, bindings: dict[str, dict[str, str]]
) -> None:
    path = tmp_path / "new" / "config.toml"
    first = run("config", "--init", "--config", str(path))
    assert first.returncode == 0
    assert str(path) in first.stdout
    written = path.read_text()
    assert '"board.move_right" = "ctrl+l,L"' in written  # an example to copy
    settings = config.load(path, bindings)
    assert (settings.theme, settings.keymap, settings.problems) == ("", {}, ())
    again = run("config", "--init", "--config", str(path))
    assert again.returncode == 2
    assert "already there" in again.stderr
    assert path.read_text() == written


def test_show_prints_each_setting_with_where_it_came_from(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", 'theme = "nord"\n\n[keymap]\n"board.move_right" = "ctrl+l"\n')
    shown = run("config", "--show", "--config", str(path))
    assert shown.returncode == 0
    assert f"theme = 'nord'  # {path}:1" in shown.stdout
    assert f"'board.move_right' = 'ctrl+l'  # {path}:4" in shown.stdout
    assert "'board.move_left' = 'shift+left,H'  # default" in shown.stdout


async def test_a_remapped_key_works_and_the_old_one_does_not(
    store: Store, tmp_path: Path, bindings: dict[str, dict[str, str]]
) -> None:
    path = write(tmp_path / "c.toml", '[keymap]\n"board.move_right" = "ctrl+l"\n')
    card = store.applications.add(company="Zeta", role="Dev")
    app = BouncebackApp(store, config=config.load(path, bindings))
    async with app.run_test() as pilot:
        await pilot.pause()
        board = app.query_one(BoardPane)
        board.column = 0
        await pilot.press("L")
        await pilot.pause()
        assert store.applications.get(card.id).stage is Stage.WISHLIST
        await pilot.press("ctrl+l")
        await pilot.pause()
        board.settle()
        assert store.applications.get(card.id).stage is Stage.APPLIED


async def test_a_broken_settings_file_still_opens_the_data_and_says_what_was_wrong(
    sample_store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path / "c.toml", 'theme = "no-such-theme"\n[keymap\n')
    app = BouncebackApp(sample_store, config=config.load(path))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.query_one(BoardPane).cards[Stage.APPLIED]  # the data is there
        messages = [n.message for n in app._notifications]
        assert any(str(path) in m and "not valid TOML" in m for m in messages)


async def test_a_theme_from_the_file_is_used_and_an_unknown_one_is_named(
    sample_store: Store, tmp_path: Path
) -> None:
    app = BouncebackApp(
        sample_store, config=config.load(write(tmp_path / "a.toml", 'theme = "nord"\n'))
    )
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "nord"
    path = write(tmp_path / "b.toml", 'theme = "plaid"\n')
    app = BouncebackApp(sample_store, config=config.load(path))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == sample_store.settings.get().theme
        assert any(f"{path}:1" in n.message and "'plaid'" in n.message for n in app._notifications)


def test_the_minutes_of_an_interview_reminder_are_a_setting_and_a_bad_one_is_named(
    tmp_path: Path,
) -> None:
    assert config.load(tmp_path / "none.toml").reminder_minutes == 30
    good = config.load(write(tmp_path / "good.toml", "reminder_minutes = 45\n"))
    assert (good.reminder_minutes, good.problems) == (45, ())
    bad = config.load(write(tmp_path / "bad.toml", 'theme = "nord"\nreminder_minutes = "soon"\n'))
    assert bad.reminder_minutes == 30
    [problem] = bad.problems
    assert f"{tmp_path / 'bad.toml'}:2" in problem
    assert "30 used" in problem
