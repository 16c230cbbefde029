"""One search for everything, from the command palette: applications (company, role,
notes, the posting), people and journal entries; choosing one opens it where it lives."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING
from uuid import UUID

from rich.text import Text
from textual.command import Hit, Hits, Provider

from store.board import matches
from store.journal import entry_matches
from store.people import contact_matches
from tui.widgets.safe_text import printable

if TYPE_CHECKING:
    from tui.app import BouncebackApp

MOST_HITS = 40
"""A palette shows a screenful; more would only be work for every key typed."""
FOUND_INSIDE = 0.3
"""The score of a record whose words match but whose name does not: listed after names."""

Open = Callable[[], Awaitable[None]]


class SearchProvider(Provider):
    """Applications, people and journal entries, by name first and then by what is in them."""

    @property
    def _app(self) -> BouncebackApp:
        return self.app  # type: ignore[return-value]  # only the bounceback App registers it

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        hits = sorted(self._hits(query, matcher.match), key=lambda hit: -hit.score)
        for hit in hits[:MOST_HITS]:
            yield hit

    def _hits(self, query: str, score: Callable[[str], float]) -> Iterator[Hit]:
        store = self._app.store
        for application in [*store.applications.on_board(), *store.applications.archived()]:
            name = f"{application.company} — {application.role}"
            found = score(name) or (FOUND_INSIDE if matches(application, query) else 0)
            if found:
                where = "archived" if application.archived else application.stage.label
                yield self._hit(found, name, f"application · {where}",
                                partial(open_application, self._app, application.id))  # fmt: skip
        for contact in store.people.contacts():
            name = contact.name + (f" — {contact.company}" if contact.company else "")
            found = score(name) or (FOUND_INSIDE if contact_matches(contact, query) else 0)
            if found:
                yield self._hit(found, name, "person",
                                partial(open_contact, self._app, contact.id))  # fmt: skip
        for entry in store.journal.entries():
            first_line = next(iter(entry.text.splitlines()), "") or entry.negative_thought
            found = score(first_line) or (FOUND_INSIDE if entry_matches(entry, query) else 0)
            if found:
                yield self._hit(found, first_line[:80], f"journal · {entry.at:%Y-%m-%d}",
                                partial(open_entry, self._app, entry.id))  # fmt: skip

    @staticmethod
    def _hit(score: float, name: str, kind: str, command: Open) -> Hit:
        # A Text, never a string: the palette reads strings as markup. ``kind`` holds no
        # user text, for the same reason.
        shown = Text(printable(name), no_wrap=True, overflow="ellipsis")
        return Hit(score, shown, command, text=name, help=kind)


async def open_application(app: BouncebackApp, application_id: UUID) -> None:
    """The card on the board, under the cursor, with its details open."""
    from tui.panes.board import BoardPane

    await app.action_show_pane("board")
    board = app.panes["board"]
    assert isinstance(board, BoardPane)
    archived = app.store.applications.get(application_id).archived is not None
    if board.query_text:
        board.action_clear_filter()  # the filter might hide it
    if board.show_archived != archived:
        board.action_toggle_archived()
    board.reload(select=application_id)
    board.action_details()


async def open_contact(app: BouncebackApp, contact_id: UUID) -> None:
    from tui.dialogs.contact_details import ContactDetails

    await app.action_show_pane("people")
    app.push_screen(ContactDetails(app.store, contact_id), lambda _: app.reload_panes())


async def open_entry(app: BouncebackApp, entry_id: UUID) -> None:
    from tui.dialogs.journal_entry import JournalEntryForm

    await app.action_show_pane("journal")
    entry = next(e for e in app.store.journal.entries() if e.id == entry_id)
    app.push_screen(JournalEntryForm(app.store, editing=entry), lambda _: app.reload_panes())
