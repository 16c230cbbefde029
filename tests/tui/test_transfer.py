"""Import and export from the command palette: the same preview and files as the shell."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static

from store import Store
from tui.app import BouncebackApp
from tui.dialogs.transfer import ExportDialog, ImportDialog, PathSuggester
from tui.widgets.card_column import CardColumn

from .waiting import until

FIXTURES = Path(__file__).parent.parent / "store" / "fixtures" / "imports"


async def open_from_palette(pilot: Pilot[None], title: str) -> None:
    await pilot.press("ctrl+p", *title)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


def preview_text(app: BouncebackApp) -> str:
    return str(app.screen.query_one("#import-preview", Static).render())


async def test_import_from_the_palette_previews_then_imports(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_from_palette(pilot, "Import a file")
        assert isinstance(app.screen, ImportDialog)
        app.screen.query_one("#import-path", Input).value = str(FIXTURES / "Saved Jobs.csv")
        await pilot.press("enter")
        await until(pilot, lambda: "LinkedIn saved jobs" in preview_text(app), "the preview")
        assert "2 new, 0 already there, 0 not understood" in preview_text(app)
        assert not any(
            a.company == "Litware" for a in Store.open(app.store.path).applications.on_board()
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ImportDialog)
        companies = {card.company for card in app.query_one("#cards-wishlist", CardColumn).cards}
        assert {"Litware", "Woodgrove Bank"} <= companies


async def test_a_file_it_cannot_import_is_explained_in_the_dialog(
    app: BouncebackApp, tmp_path: Path
) -> None:
    bad = tmp_path / "colours.csv"
    bad.write_text("colour,size\nred,9\n")
    before = hashlib.sha256(app.store.path.read_bytes()).hexdigest()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_from_palette(pilot, "Import a file")
        app.screen.query_one("#import-path", Input).value = str(bad)
        await pilot.press("enter")
        await until(pilot, lambda: "no column for" in preview_text(app), "the reason")
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, ImportDialog)
    assert hashlib.sha256(app.store.path.read_bytes()).hexdigest() == before


async def test_export_from_the_palette_says_where_the_file_went(
    app: BouncebackApp, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "search.json"
    target.parent.mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_from_palette(pilot, "Export")
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        assert any(str(target) in str(n.message) for n in app._notifications)
    exported = json.loads(target.read_text())
    assert len(exported["applications"]) == len(app.store.applications.on_board()) + len(
        app.store.applications.archived()
    )


async def test_the_path_completes_from_the_folder(tmp_path: Path) -> None:
    (tmp_path / "linkedin-export").mkdir()
    (tmp_path / "linkedin-export" / "Job Applications.csv").write_text("x")
    suggester = PathSuggester()
    assert await suggester.get_suggestion(f"{tmp_path}/link") == f"{tmp_path}/linkedin-export/"
    assert await suggester.get_suggestion(f"{tmp_path}/linkedin-export/J") == (
        f"{tmp_path}/linkedin-export/Job Applications.csv"
    )
    assert await suggester.get_suggestion(f"{tmp_path}/nothing") is None


async def test_day_first_dates_are_a_tick_away(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await open_from_palette(pilot, "Import a file")
        path = str(FIXTURES / "spreadsheet-cp1252-semicolon.csv")
        app.screen.query_one("#import-path", Input).value = path
        await pilot.press("enter")
        await until(pilot, lambda: "1 new," in preview_text(app), "the month-first preview")
        app.screen.query_one("#import-dayfirst", Checkbox).value = True
        await until(pilot, lambda: "2 new," in preview_text(app), "the day-first preview")


async def test_an_imported_no_waits_on_progress_for_its_reflection(store: Store) -> None:
    from tui import cli

    assert cli.main(["--db", str(store.path), "import", str(FIXTURES / "jobsync.csv")]) == 0
    app = BouncebackApp(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        lessons = str(app.query_one("#progress-lessons", Static).render())
        assert "Waiting for your reflection (r on its card): Fabrikam" in lessons
