"""Materials and channels in the app: managed from the palette and from the application
form, refused beside the field, a delete that asks about the names, undone."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from store import Store
from store.models import MaterialKind
from tui.app import BouncebackApp
from tui.dialogs.channels import ChannelsForm
from tui.dialogs.materials import KeepNamesDialog, MaterialForm, MaterialsDialog
from tui.widgets.record_list import RecordList

from .test_cli import run
from .waiting import until


def error_of(app: BouncebackApp, field: str) -> str:
    return str(app.screen.query_one(f"#error-{field}", Static).render())


def listed(app: BouncebackApp) -> list[str]:
    return [m.name for m in app.screen.query_one(RecordList).records]


async def open_materials(app: BouncebackApp, pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+p", *"Materials")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, MaterialsDialog), "the materials")


async def test_the_palette_lists_the_materials_last_sent_first_with_a_missing_file_shown(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_materials(app, pilot)
        assert listed(app)[:2] == ["CV short", "CV 2026 data"]
        assert listed(app)[2:] == ["CV one page", "cover letter generic"]  # résumés first
        shown = app.screen.query_one(RecordList).render_line(0).text
        assert "sent 17" in shown
        assert "missing: ~/cv/" in shown  # its path names no file here


async def test_bad_input_is_refused_beside_the_field_and_nothing_is_saved(
    app: BouncebackApp, tmp_path: Path
) -> None:
    before = app.store.path.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_materials(app, pilot)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, MaterialForm), "the form")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_of(app, "name") == "is required"
        await pilot.press(*"cv SHORT", "ctrl+s")
        await pilot.pause()
        assert error_of(app, "name") == "is taken: you have a résumé called CV short"
        name = app.screen.query_one("#field-name", Input)
        name.value = "CV new"
        app.screen.query_one("#field-path", Input).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_of(app, "path") == "is a folder: give the file itself"
        await pilot.press("escape")
        await pilot.pause()
    assert app.store.path.read_bytes() == before


async def test_deleting_a_material_sent_asks_keeps_the_names_by_default_and_u_undoes(
    app: BouncebackApp,
) -> None:
    store = app.store
    async with app.run_test(size=(80, 24)) as pilot:
        await open_materials(app, pilot)
        await pilot.press("d")  # CV short, on the cursor, sent 17 times
        await until(pilot, lambda: isinstance(app.screen, KeepNamesDialog), "the question")
        await pilot.press("enter")  # the default: keep the name on them
        await until(pilot, lambda: "CV short" not in listed(app), "the delete")
        assert sum(a.resume == "CV short" for a in store.applications.on_board()) > 0
        await pilot.press("u")
        await until(pilot, lambda: "CV short" in listed(app), "the undo")
        await pilot.press("d", "t")  # now take it off the applications
        await until(pilot, lambda: "CV short" not in listed(app), "the second delete")
        everything = [*store.applications.on_board(), *store.applications.archived()]
        assert not any(a.resume == "CV short" for a in everything)
        await pilot.press("u")
        await until(pilot, lambda: "CV short" in listed(app), "the second undo")
        everything = [*store.applications.on_board(), *store.applications.archived()]
        assert sum(a.resume == "CV short" for a in everything) == 17


async def test_a_material_added_from_the_form_is_offered_there_at_once(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        resume = app.screen.query_one("#field-resume", Input)
        resume.focus()
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(app.screen, MaterialsDialog), "the materials")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, MaterialForm), "the material form")
        await pilot.press(*"CV for startups", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MaterialsDialog), "back to the list")
        await pilot.press("escape")
        await pilot.pause()
        assert resume.has_focus
        await pilot.press(*"CV f")
        await pilot.pause()
        await pilot.press("right")  # accepts the suggestion
        assert resume.value == "CV for startups"
    kinds = {m.name: m.kind for m in app.store.materials.all()}
    assert kinds["CV for startups"] is MaterialKind.RESUME


async def test_the_channels_are_a_list_of_ones_own_refused_twice_and_offered_in_the_form(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"Channels")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ChannelsForm), "the channels")
        channels = app.screen.query_one("#field-channels", TextArea)
        assert "meetup" in channels.text.splitlines()  # the sample's own, already stored
        channels.text = "LinkedIn\nhackathon\nlinkedin"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_of(app, "channels") == "'LinkedIn' is listed twice"
        assert "hackathon" not in app.store.settings.get().channels
        channels.text = "LinkedIn\nhackathon"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, ChannelsForm), "saved")
        await pilot.press("n")
        source = app.screen.query_one("#field-source", Input)
        source.focus()
        await pilot.press(*"hack")
        await pilot.pause()
        await pilot.press("right")
        assert source.value == "hackathon"
    assert app.store.settings.get().channels == ("LinkedIn", "hackathon")


def test_the_shell_lists_adds_and_removes_materials_keeping_the_names(
    sample_store: Store, tmp_path: Path
) -> None:
    db = str(sample_store.path)
    listed = run("materials", "--db", db)
    assert listed.returncode == 0
    first = listed.stdout.splitlines()[0]
    assert "CV short" in first
    assert "sent 17" in first
    assert "(file missing)" in first
    refused = run("materials", "add", "cv short", "--db", db)
    assert refused.returncode == 2
    assert "the name is taken: you have a résumé called CV short" in refused.stderr
    folder = run("materials", "add", "Letter", "--kind", "cover-letter", "--path", str(tmp_path),
                 "--db", db)  # fmt: skip
    assert "--path is a folder" in folder.stderr
    assert run("materials", "add", "Letter", "--kind", "cover-letter", "--db", db).returncode == 0
    removed = run("materials", "remove", "CV short", "--db", db)
    assert "its name stays on 17 applications" in removed.stdout
    fresh = Store.open(sample_store.path)
    assert [m.name for m in fresh.materials.all(MaterialKind.COVER_LETTER)] == [
        "cover letter generic",
        "Letter",
    ]
    assert "CV short" not in [m.name for m in fresh.materials.all()]
