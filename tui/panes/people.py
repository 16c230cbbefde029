"""The People pane: networking contacts and the people who support you, and who is due a word."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, ClassVar
from uuid import UUID

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from store import Contact, Store, StoreError
from store.people import contact_matches, is_due, last_contacted
from tui.panes.list_pane import ListPane, list_keys
from tui.widgets.record_list import RecordList
from tui.widgets.safe_text import printable
from tui.wording import counted

if TYPE_CHECKING:  # dialogs are imported when first opened
    from tui.dialogs.conversation import Logged

EMPTY_HINT = (
    "Nobody here yet.\n\n"
    "Most jobs are found through people, and a search is easier with people on your side. "
    "Press n to add someone: a recruiter, a former colleague, a mentor, a friend. "
    "Give them a keep-in-touch cadence and this list tells you when to write. "
    "Press c to log a conversation: it counts toward your networking goal."
)


class PeoplePane(ListPane):
    PANE_ID = "people"
    SEARCH_PLACEHOLDER = "search people"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", id="people.new", tooltip="Add a contact"),
        Binding("enter", "open", "Details", id="people.open",
                tooltip="Their applications and the conversations"),
        Binding("c", "conversation", "Talked", id="people.conversation",
                tooltip="Log a conversation today (counts toward the networking goal)"),
        Binding("e", "edit", "Edit", id="people.edit", tooltip="Edit the contact"),
        *list_keys("people", "contact", search="Search names, companies, roles and notes"),
        Binding("f", "due", "Due", id="people.due",
                tooltip="Only the people due a message by their cadence"),
    ]  # fmt: skip

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.only_due = False

    def compose(self) -> ComposeResult:
        yield Static(id="people-summary")
        yield self.search_input()
        yield RecordList(id="people-list")
        yield Static(EMPTY_HINT, id="people-empty")

    # --- state -> widgets -------------------------------------------------------------

    def reload(self, select: UUID | None = None) -> None:
        contacts = self.store.people.contacts()
        now = self.store.clock()
        due = {c.id for c in contacts if is_due(c, now)}
        shown = [
            c for c in contacts
            if (not self.only_due or c.id in due)
            and (not self.query_text or contact_matches(c, self.query_text))
        ]  # fmt: skip
        # The ones due a word first: that is what this list is for on a busy day.
        shown.sort(key=lambda c: c.id not in due)

        def describe(contact: Contact) -> Text:
            row = Text(" ")
            row.append(f"{printable(contact.name):<22}", style="bold")
            row.append(f" {contact.kind.label:<16}", style="dim")
            last = last_contacted(contact)
            when = "never" if last is None else f"{(now - last).days}d ago"
            row.append(f" {when:>9}  ", style="dim")
            if contact.id in due:
                row.append("due ", style="bold")
            if contact.company:
                row.append(printable(contact.company))
            return row

        self.show_records(shown, describe, select)
        summary = Text.assemble((f" {counted(len(contacts), 'person', 'people')}", "bold"))
        if due:
            summary.append(f" · {len(due)} due a message", style="bold")
        if self.only_due or self.query_text:
            showing = ["due only"] if self.only_due else []
            if self.query_text:
                showing.append(f"matching “{printable(self.query_text)}”")
            summary.append(f" · showing {len(shown)}: {', '.join(showing)} (esc clears)")
        else:
            summary.append("   f: only those due · / search", style="dim")
        self.query_one("#people-summary", Static).update(summary)
        self.query_one("#people-empty").display = not contacts
        self.records.display = bool(contacts)

    # --- actions ----------------------------------------------------------------------

    def action_new(self) -> None:
        from tui.dialogs.contact_form import ContactForm

        self.app.push_screen(ContactForm(self.store), self._saved)

    def action_open(self) -> None:
        from tui.dialogs.contact_details import ContactDetails

        contact = self.records.current
        if contact is not None:
            self.app.push_screen(ContactDetails(self.store, contact.id), self._saved)

    def action_edit(self) -> None:
        from tui.dialogs.contact_form import ContactForm

        contact = self.records.current
        if contact is not None:
            self.app.push_screen(
                ContactForm(self.store, editing=contact),
                functools.partial(self.edited, f"edit of {contact.name}", contact),
            )

    def action_conversation(self) -> None:
        from tui.dialogs import ask_until_saved
        from tui.dialogs.conversation import ConversationDialog

        contact = self.records.current
        if contact is None:
            return

        def log(answer: Logged) -> bool:
            channel, notes = answer
            try:
                updated = self.store.people.add_conversation(
                    contact.id, channel=channel, notes=notes
                )
            except StoreError as error:
                self.app.notify(str(error), title="Not saved", severity="error", markup=False)
                return False
            self.reload(select=updated.id)
            self.app.notify(f"Logged a conversation with {updated.name}.", timeout=4, markup=False)
            return True

        ask_until_saved(self.app, lambda answer: ConversationDialog(contact, answer), log)

    def action_delete(self) -> None:
        self.delete_current(self.store.people.delete, lambda contact: contact.name)

    def action_due(self) -> None:
        self.only_due = not self.only_due
        self.reload()

    def filtered(self) -> bool:
        return self.only_due

    def clear_filters(self) -> None:
        self.only_due = False
