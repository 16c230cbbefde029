"""Everything about one contact: how to reach them, their applications, the conversations."""

from __future__ import annotations

from typing import ClassVar
from uuid import UUID

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType

from store import Contact, Store, StoreError
from store.people import due_since, last_contacted
from tui.dialogs.contact_form import ContactForm
from tui.dialogs.conversation import ConversationDialog, Logged
from tui.dialogs.record_details import RecordDetails
from tui.widgets.safe_text import paragraph, printable
from tui.wording import counted


class ContactDetails(RecordDetails[Contact]):
    """Everything about one contact; ``e`` edits, ``c`` logs a conversation."""

    DIALOG_ID = "contact-details"
    KEYS = "e edit · c conversation · esc close"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "conversation", "Conversation", id="contact-details.conversation"),
    ]

    def __init__(self, store: Store, contact_id: UUID) -> None:
        super().__init__(store, store.people.get(contact_id))

    def title_of(self, contact: Contact) -> str:
        return contact.name + (f" — {contact.company}" if contact.company else "")

    def content(self, c: Contact) -> Table:
        now = self.store.clock()
        tz = now.tzinfo
        table, row = self.grid()

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
        applications = {a.id: a for a in self.store.applications.on_board()}
        applications.update({a.id: a for a in self.store.applications.archived()})
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

    def action_edit(self) -> None:
        self.app.push_screen(ContactForm(self.store, editing=self.record), self.changed_here)

    def action_conversation(self) -> None:
        def logged(result: Logged | None) -> None:
            if result is None:
                return
            channel, notes = result
            try:
                contact = self.store.people.add_conversation(
                    self.record.id, channel=channel, notes=notes
                )
            except StoreError as error:
                self.app.notify(str(error), title="Not saved", severity="error", markup=False)
                return
            self.changed_here(contact)

        self.app.push_screen(ConversationDialog(self.record), logged)
