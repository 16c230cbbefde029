"""The app shell: panes, help, palette, theme, first run, and keeping up with the file."""

from __future__ import annotations

import gc
import json

import orjson
import pytest
from textual.command import CommandPalette
from textual.widgets import ContentSwitcher, Static

from store import Stage, Store
from store.file import storage
from tui.app import BouncebackApp
from tui.panes.board import BoardPane

from .waiting import every_pane_mounted, until


def visible_text(app: BouncebackApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static) if s.region.area)


def screen_lines(app: BouncebackApp) -> list[str]:
    """The screen as drawn, line by line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


TAB_NAMES = ["1 Board", "2 Journal", "3 Timer", "4 Progress", "5 People", "6 Agenda"]


@pytest.mark.parametrize("width", [56, 60, 80])
async def test_every_pane_name_is_on_screen_under_the_header(
    app: BouncebackApp, width: int
) -> None:
    async with app.run_test(size=(width, 24)):
        tab_row = screen_lines(app)[1]
        assert all(name in tab_row for name in TAB_NAMES), tab_row


async def test_a_click_on_a_pane_name_goes_there_as_its_key_does(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        x = screen_lines(app)[1].index("2 Journal")
        await pilot.click(offset=(x + 2, 1))
        await pilot.pause()
        assert "Mood, 30 days" in visible_text(app)
        journal = app.query_one("#journal")
        assert app.focused is not None
        assert journal in app.focused.ancestors_with_self, "keys go to the Journal"
        await pilot.press("m")  # the Journal's quick mood
        await until(pilot, lambda: type(app.screen).__name__ == "QuickMood", "the mood dialog")


@pytest.mark.parametrize(
    ("key", "pane", "shown"),
    [
        ("2", "journal", "Mood, 30 days"),
        ("3", "timer", "Ready. Space starts the focus block."),
        ("4", "progress", "The funnel"),
        ("5", "people", "4 people"),
        ("1", "board", "Applied"),
    ],
)
async def test_number_keys_switch_panes(
    app: BouncebackApp, key: str, pane: str, shown: str
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3" if key == "1" else "1", key)
        assert app.query_one(ContentSwitcher).current == pane
        assert shown in visible_text(app)
        pane_widget = app.query_one(f"#{pane}")
        assert app.focused is not None
        assert app.focused is pane_widget or pane_widget in app.focused.ancestors


async def test_question_mark_toggles_the_key_help(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        assert app.screen.query("HelpPanel")
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")


async def test_the_palette_reaches_every_pane(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Go to Timer")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ContentSwitcher).current == "timer"


async def test_an_empty_store_greets_a_first_time_user(empty_app: BouncebackApp) -> None:
    async with empty_app.run_test(size=(80, 24)):
        text = visible_text(empty_app)
        assert "Welcome to bounceback" in text
        assert "bounceback --demo" in text


async def test_demo_mode_says_so(sample_store: Store) -> None:
    app = BouncebackApp(sample_store, demo=True)
    async with app.run_test(size=(80, 24)):
        assert "demo" in app.sub_title


async def test_the_chosen_theme_persists(sample_store: Store) -> None:
    app = BouncebackApp(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert Store.open(sample_store.path).settings.get().theme == "nord"

    reopened = BouncebackApp(Store.open(sample_store.path))
    async with reopened.run_test(size=(80, 24)):
        assert reopened.theme == "nord"


async def test_a_change_from_another_session_shows_without_a_key_pressed(
    empty_app: BouncebackApp,
) -> None:
    # The app looks at the file about once a second; a loaded machine may take longer,
    # so the test waits for the board rather than for a fixed time.
    async with empty_app.run_test(size=(80, 24)) as pilot:
        assert "Welcome" in visible_text(empty_app)
        Store.open(empty_app.store.path).applications.add(company="Acme", role="Dev")
        await until(pilot, lambda: "Wishlist" in visible_text(empty_app), "the board shown")
        assert "Welcome" not in visible_text(empty_app)


async def test_ctrl_q_quits(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_palette_runs_board_actions_by_name(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        first = app.query_one(BoardPane).current
        assert first is not None
        await pilot.press("ctrl+p", *"next stage")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.applications.get(first.id).stage is Stage.APPLIED  # from Wishlist


async def test_records_that_cannot_be_read_are_reported_once_the_board_is_up(
    sample_store: Store,
) -> None:
    data = json.loads(sample_store.path.read_bytes())
    first = next(iter(data["applications"]))
    data["applications"][first]["company"] = ""  # fails validation
    sample_store.path.write_text(json.dumps(data))
    store = Store.open(sample_store.path, check_records=False)  # as the app is opened
    assert store.warnings == [], "not looked for before the first frame"
    app = BouncebackApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app._notifications, "a note")
        notes = [n.message for n in app._notifications]
        assert sum("1 record(s)" in n and "could not be read" in n for n in notes) == 1
        assert len(app.query_one(BoardPane).store.applications.on_board()) == 37


async def test_a_journal_record_that_cannot_be_read_is_reported_before_any_write_and_kept(
    sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The board draws first and the journal is read after it: a damaged entry is
    reported then, before the start writes anything (the wins it finds), is not
    counted, and stays in the file exactly as it was."""
    data = json.loads(sample_store.path.read_bytes())
    doc_id = next(iter(data["journal"]))
    data["journal"][doc_id]["mood"] = 9  # no such mood
    damaged = data["journal"][doc_id]
    sample_store.path.write_bytes(orjson.dumps(data))  # laid out as bounceback writes it
    store = Store.open(sample_store.path, clock=sample_store.clock, check_records=False)
    assert store.warnings == [], "not looked for before the first frame"
    app = BouncebackApp(store)

    def reported() -> bool:
        return any("could not be read" in n.message for n in app._notifications)

    writes_before_the_report = []
    write = storage.atomic_write

    def noted_write(*args: object, **kwargs: object) -> None:
        if not reported():
            writes_before_the_report.append(args[0])
        write(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(storage, "atomic_write", noted_write)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: every_pane_mounted(app), "the start")
        notes = [n.message for n in app._notifications if "could not be read" in n.message]
        assert len(notes) == 1
        assert "1 record(s)" in notes[0]
        assert "(journal)" in notes[0]
        assert len(app.store.journal.entries()) == len(data["journal"]) - 1
    assert writes_before_the_report == []
    on_disk = json.loads(sample_store.path.read_bytes())
    assert on_disk["journal"][doc_id] == damaged
    assert len(on_disk.get("wins", {})) > len(data.get("wins", {})), "the start wrote"


@pytest.mark.parametrize("pane", ["journal", "timer", "progress", "people", "agenda"])
async def test_quitting_while_a_pane_mounts_in_the_background_ends_cleanly(
    app: BouncebackApp, pane: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other panes are mounted one by one after the first frame: Ctrl+Q pressed as
    one of them mounts (at once, say, on a big file) must end the app without an error."""
    mount = app._mount_in_background

    def mount_then_quit(name: str) -> None:
        mount(name)
        if name == pane:
            app.exit()

    monkeypatch.setattr(app, "_mount_in_background", mount_then_quit)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app._exit, "the app quit")
    assert app.return_code == 0


async def test_what_the_start_made_is_left_out_of_collections_until_the_app_ends(
    app: BouncebackApp,
) -> None:
    """A full collection walking every record and widget stalled keys for 40-60 ms at
    10,000 records, so the app freezes what its start made; a process that outlives the
    app (a test run, a script) must get all of it back to collect."""
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: gc.get_freeze_count() > 0, "the start's objects frozen")
    assert gc.get_freeze_count() == 0


async def test_collection_held_off_for_the_start_is_on_again_once_the_start_is_done(
    app: BouncebackApp,
) -> None:
    """The bounceback command holds off cyclic collection while the app starts (see
    tui/__main__.py); a session left that way would never free a cycle of garbage."""
    gc.disable()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: gc.get_freeze_count() > 0, "the start's objects frozen")
            assert gc.isenabled()
    finally:
        gc.enable()


async def test_a_toast_shows_markup_and_controls_in_its_text_literally(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify("[b]Acme[/b] [@click=app.quit]x[/] \x1b]0;t\x07", title="[red]T\x1b[2J")
        await until(pilot, lambda: app.screen.query("Toast"), "the toast")
        (toast,) = app.screen.query("Toast")
        shown = str(toast.render())
        assert "[b]Acme[/b] [@click=app.quit]x[/] ␛]0;t␇" in shown
        assert "[red]T␛[2J" in shown


@pytest.mark.parametrize(
    ("search", "pane", "dialog"),
    [
        ("Journal: mood", "journal", "QuickMood"),
        ("Journal: affirmation", "journal", "TextPrompt"),
        ("Timer: settings", "timer", "TimerSettingsForm"),
        ("People: new", "people", "ContactForm"),
    ],
)
async def test_the_palette_finds_an_action_of_another_pane_and_runs_it_there(
    app: BouncebackApp, search: str, pane: str, dialog: str
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *search)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == dialog, f"the {dialog}")
        assert app.query_one(ContentSwitcher).current == pane


@pytest.mark.parametrize("field", ["#field-company", "#field-next_action_due", "#field-notes"])
async def test_a_toast_never_covers_the_field_being_typed_in(
    app: BouncebackApp, field: str
) -> None:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: app.screen.query(field), "the form")
        app.screen.query_one(field).focus()
        await pilot.pause()
        for news in ("Saved elsewhere.", "A small win: an interview!", "Break over."):
            app.notify(f"{news} Long enough a message to take a few lines of the toast.")
        await until(pilot, lambda: len(app.screen.query("Toast")) == 3, "the toasts")
        await pilot.pause()
        assert app.focused is not None
        for toast in app.screen.query("Toast"):
            assert not toast.region.overlaps(app.focused.region)


@pytest.mark.parametrize("pane", ["1", "2", "3", "4", "5"])
async def test_at_80_columns_the_footer_keeps_help_and_quit_in_view(
    app: BouncebackApp, pane: str
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(pane)
        await pilot.pause()
        width = app.size.width
        shown = {
            key.description  # type: ignore[attr-defined]
            for key in app.screen.query("FooterKey")
            if key.region.width and key.region.right <= width
        }
        assert {"Quit", "Keys"} <= shown, shown


async def test_the_footer_shows_the_keys_of_the_pane_and_the_field_in_use(
    app: BouncebackApp,
) -> None:
    def footer() -> set[str]:
        return {key.description for key in app.screen.query("FooterKey")}  # type: ignore[attr-defined]

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: "Mood" in footer(), "the journal's keys")
        await pilot.press("slash")  # into the search field: the list's keys go
        await until(pilot, lambda: "Mood" not in footer() and "Search" in footer(), "the field's")
        await pilot.press("escape")
        await until(pilot, lambda: "Mood" in footer(), "the journal's keys again")
        await pilot.press("1")
        await until(pilot, lambda: "Details" in footer() and "Mood" not in footer(), "the board's")


async def test_at_80_columns_the_key_help_has_room_for_its_words(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await until(pilot, lambda: app.screen.query("HelpPanel"), "the key help")
        await pilot.pause()
        (panel,) = app.screen.query("HelpPanel")
        assert panel.region.width >= 40  # a key, its name and a few words on one line
