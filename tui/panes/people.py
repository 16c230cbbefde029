"""The People pane: networking contacts and the people who support you, and who is due a word."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar
from uuid import UUID

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Static

from store import Contact, Store, StoreError
from store.people import contact_matches, is_due, last_contacted
from tui.panes.base import Pane
from tui.widgets.record_list import RecordList
from tui.widgets.safe_fields import SafeInput
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


class PeoplePane(Pane):
    PANE_ID = "people"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", id="people.new", tooltip="Add a contact"),
        Binding("enter", "open", "Details", id="people.open",
                tooltip="Their applications and the conversations"),
        Binding("c", "conversation", "Talked", id="people.conversation",
                tooltip="Log a conversation today (counts toward the networking goal)"),
        Binding("e", "edit", "Edit", id="people.edit", tooltip="Edit the contact"),
        Binding("d", "delete", "Delete", show=False, id="people.delete",
                tooltip="Delete the contact (u to undo)"),
        Binding("u", "undo", "Undo", id="people.undo", tooltip="Bring back the deleted contact"),
        Binding("slash", "search", "Search", id="people.search",
                tooltip="Search names, companies, roles and notes"),
        Binding("f", "due", "Due", id="people.due",
                tooltip="Only the people due a message by their cadence"),
        Binding("escape", "clear", "Clear", show=False, id="people.clear",
                tooltip="Clear the search and filter"),
    ]  # fmt: skip

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.query_text = ""
        self.only_due = False
        self.deleted: list[Contact] = []

    def compose(self) -> ComposeResult:
        yield Static(id="people-summary")
        search = SafeInput(placeholder="search people", compact=True, id="people-search")
        search.display = False
        yield search
        yield RecordList(id="people-list")
        yield Static(EMPTY_HINT, id="people-empty")

    def default_focus(self) -> RecordList:
        return self.query_one(RecordList)

    def on_focus(self) -> None:
        self.query_one(RecordList).focus()

    # --- state -> widgets -------------------------------------------------------------

    def reload(self, select: UUID | None = None) -> None:
        contacts = self.store.contacts()
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

        records = self.query_one(RecordList)
        records.set_records(shown, describe)
        if select is not None:
            for row, contact in enumerate(shown):
                if contact.id == select:
                    records.cursor = row
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
        records.display = bool(contacts)

    # --- actions ----------------------------------------------------------------------

    def _saved(self, contact: Contact | None) -> None:
        if contact is not None:
            self.reload(select=contact.id)

    def action_new(self) -> None:
        from tui.dialogs.contact_form import ContactForm

        self.app.push_screen(ContactForm(self.store), self._saved)

    def action_open(self) -> None:
        from tui.dialogs.contact_details import ContactDetails

        contact = self.query_one(RecordList).current
        if contact is not None:
            self.app.push_screen(ContactDetails(self.store, contact.id), self._saved)

    @on(RecordList.Chosen)
    def _chosen(self) -> None:
        self.action_open()

    def action_edit(self) -> None:
        from tui.dialogs.contact_form import ContactForm

        contact = self.query_one(RecordList).current
        if contact is not None:
            self.app.push_screen(ContactForm(self.store, editing=contact), self._saved)

    def action_conversation(self) -> None:
        from tui.dialogs.conversation import ConversationDialog

        contact = self.query_one(RecordList).current
        if contact is None:
            return

        def logged(result: Logged | None) -> None:
            if result is None:
                return
            channel, notes = result
            try:
                updated = self.store.add_conversation(contact.id, channel=channel, notes=notes)
            except StoreError as error:
                self.app.notify(str(error), title="Not saved", severity="error", markup=False)
                return
            self.reload(select=updated.id)
            self.app.notify(f"Logged a conversation with {updated.name}.", timeout=4, markup=False)

        self.app.push_screen(ConversationDialog(contact), logged)

    def action_delete(self) -> None:
        contact = self.query_one(RecordList).current
        if contact is None:
            return
        try:
            deleted = self.store.delete_contact(contact.id)
        except StoreError as error:
            self.app.notify(str(error), title="Not deleted", severity="error", markup=False)
            return
        self.deleted.append(deleted)
        self.reload()
        self.app.notify(f"Deleted {deleted.name}. Press u to undo.", timeout=6, markup=False)

    def action_undo(self) -> None:
        if not self.deleted:
            return
        contact = self.deleted.pop()
        try:
            self.store.restore(contact)
        except StoreError as error:
            self.app.notify(str(error), title="Not restored", severity="error", markup=False)
            return
        self.reload(select=contact.id)

    def action_search(self) -> None:
        search = self.query_one("#people-search", Input)
        search.display = True
        search.focus()

    @on(Input.Changed, "#people-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.reload()

    @on(Input.Submitted, "#people-search")
    def _search_done(self) -> None:
        self.query_one(RecordList).focus()

    def action_due(self) -> None:
        self.only_due = not self.only_due
        self.reload()

    def action_clear(self) -> None:
        search = self.query_one("#people-search", Input)
        search.value = ""
        search.display = False
        self.query_text = ""
        self.only_due = False
        self.reload()
        self.query_one(RecordList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return bool(self.deleted) or None
        if action == "clear":
            return bool(
                self.query_text or self.only_due or self.query_one("#people-search").display
            )
        return True
