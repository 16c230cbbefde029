"""Everything about one contact: how to reach them, their applications, the conversations."""

from __future__ import annotations

from typing import ClassVar
from uuid import UUID

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from store import Contact, Store, StoreError
from store.people import due_since, last_contacted
from tui.dialogs.contact_form import ContactForm
from tui.dialogs.conversation import ConversationDialog, Logged
from tui.widgets.safe_text import one_line, paragraph, printable
from tui.wording import counted


class ContactDetails(ModalScreen[Contact | None]):
    """Read-only; ``e`` edits, ``c`` logs a conversation. Dismisses with the contact if changed."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", id="contact-details.close"),
        Binding("e", "edit", "Edit", id="contact-details.edit"),
        Binding("c", "conversation", "Conversation", id="contact-details.conversation"),
    ]

    def __init__(self, store: Store, contact_id: UUID) -> None:
        super().__init__()
        self.store = store
        self.contact = store.contact(contact_id)
        self.changed: Contact | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="contact-details"):
            yield Static(id="contact-title", classes="dialog-title")
            with VerticalScroll(classes="dialog-body", id="contact-body"):
                yield Static(id="contact-content")

    def on_mount(self) -> None:
        self.query_one("#contact-details").border_subtitle = "e edit · c conversation · esc close"
        self._show(self.contact)
        self.query_one("#contact-body").focus()

    def _show(self, contact: Contact) -> None:
        title = contact.name + (f" — {contact.company}" if contact.company else "")
        self.query_one("#contact-title", Static).update(paragraph(title))
        self.query_one("#contact-content", Static).update(self._content(contact))

    def _content(self, c: Contact) -> Table:
        now = self.store.clock()
        tz = now.tzinfo
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)

        def row(label: str, value: Text | str) -> None:
            if value:
                table.add_row(label, value if isinstance(value, Text) else one_line(value))

        row("Kind", c.kind.label.capitalize())
        row("Role", c.role)
        row("Email", c.email)
        row("Phone", c.phone)
        row("Profile", c.profile_url)
        row("How you know", c.how_we_met)
        last = last_contacted(c)
        row("Last talked", f"{last.astimezone(tz):%Y-%m-%d}" if last else "not yet")
        if c.cadence_weeks:
            due = due_since(c, now)
            every = f"every {counted(c.cadence_weeks, 'week')}" + (" · due now" if due else "")
            row("Keep in touch", every)
        row("Notes", paragraph(c.notes))
        applications = {a.id: a for a in self.store.applications()}
        applications.update({a.id: a for a in self.store.applications(archived=True)})
        if c.links:
            linked = Text()
            for n, link in enumerate(c.links):
                if (a := applications.get(link.application_id)) is not None:
                    linked.append(printable(f"{a.company} — {a.role}"))
                    linked.append(f"  as {link.role.label}, {a.stage.label.lower()}", style="dim")
                    if n < len(c.links) - 1:
                        linked.append("\n")
            table.add_row("", "")
            table.add_row("Applications", linked)
        if c.conversations:
            log = Text()
            for n, talk in enumerate(reversed(c.conversations)):
                log.append(f"{talk.at.astimezone(tz):%Y-%m-%d}  ", style="dim")
                log.append(printable(talk.channel) or "–")
                if talk.notes:
                    log.append(f"  {printable(talk.notes)}", style="dim")
                if n < len(c.conversations) - 1:
                    log.append("\n")
            table.add_row("", "")
            table.add_row("Conversations", log)
        return table

    def action_close(self) -> None:
        self.dismiss(self.changed)

    def action_edit(self) -> None:
        def saved(contact: Contact | None) -> None:
            if contact is not None:
                self.contact = self.changed = contact
                self._show(contact)

        self.app.push_screen(ContactForm(self.store, editing=self.contact), saved)

    def action_conversation(self) -> None:
        def logged(result: Logged | None) -> None:
            if result is None:
                return
            channel, notes = result
            try:
                contact = self.store.add_conversation(self.contact.id, channel=channel, notes=notes)
            except StoreError as error:
                self.app.notify(str(error), title="Not saved", severity="error", markup=False)
                return
            self.contact = self.changed = contact
            self._show(contact)

        self.app.push_screen(ConversationDialog(self.contact), logged)
