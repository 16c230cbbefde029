"""One search from the palette (ctrl+p) finds applications, people and journal entries,
and opens the one chosen where it lives."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.pilot import Pilot

from store import Stage, Store
from tests.tui.waiting import until
from tui.app import BouncebackApp
from tui.dialogs.contact_details import ContactDetails
from tui.dialogs.details import ApplicationDetails
from tui.dialogs.journal_entry import JournalEntryForm
from tui.panes.board import BoardPane


async def search(pilot: Pilot[None], app: BouncebackApp, words: str, first: str) -> None:
    await pilot.press("ctrl+p", *words)
    await until(pilot, lambda: first in palette_text(app), f"{first!r} listed")
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(app.screen, CommandPalette), "the palette closed")
    await pilot.pause()


def palette_text(app: BouncebackApp) -> str:
    if not isinstance(app.screen, CommandPalette):
        return ""
    options = app.screen.query_one("CommandList")
    return "\n".join(
        str(options.get_option_at_index(n).prompt) for n in range(options.option_count)
    )


async def test_a_company_found_from_the_palette_opens_on_the_board_with_its_details(
    app: BouncebackApp,
) -> None:
    card = [a for a in app.store.applications.on_board() if a.stage is Stage.INTERVIEWING][-1]
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, card.company, card.company)
        assert isinstance(app.screen, ApplicationDetails)
        assert app.screen.record.id == card.id
        await pilot.press("escape")
        assert app.query_one(BoardPane).current == card


async def test_words_from_a_posting_find_its_application(app: BouncebackApp) -> None:
    card = app.store.applications.on_board()[5]
    app.store.applications.update(card.model_copy(update={"posting": "Must know Zephyrjs."}))
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "zephyrjs", card.company)
        assert isinstance(app.screen, ApplicationDetails)
        assert app.screen.record.id == card.id


async def test_a_person_found_from_the_palette_opens_their_details(app: BouncebackApp) -> None:
    contact = app.store.people.contacts()[0]
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, contact.name, contact.name)
        assert isinstance(app.screen, ContactDetails)
        assert app.screen.record.id == contact.id


async def test_a_journal_entry_found_from_the_palette_opens_in_the_journal(
    app: BouncebackApp,
) -> None:
    entry = next(e for e in app.store.journal.entries() if e.text)
    words = entry.text.split()[:3]
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, " ".join(words), words[0])
        assert isinstance(app.screen, JournalEntryForm)
        assert app.screen.editing is not None
        assert app.screen.editing.id == entry.id


async def test_markup_in_a_name_is_listed_literally(store: Store) -> None:
    store.applications.add(company="[bold]Acme[/bold]", role="Dev")
    app = BouncebackApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, app, "acme", "[bold]Acme[/bold] — Dev")
        assert isinstance(app.screen, ApplicationDetails)
