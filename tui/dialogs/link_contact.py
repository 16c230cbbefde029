"""Link a person to an application: someone you know, found by name, or someone new."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from store import Application, Contact, Store, StoreError
from store.models import ContactKind
from store.people import linked_to
from tui.dialogs import FIELD_NAVIGATION, field_row, name_field, show_field_errors
from tui.dialogs.contact_form import KINDS, ContactForm
from tui.widgets.safe_text import paragraph


class LinkContactDialog(ModalScreen[Contact | None]):
    """Dismisses with the linked contact. A name nobody has yet opens the new-contact form."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *FIELD_NAVIGATION,
        Binding("escape", "cancel", "Cancel", id="link-contact.cancel"),
    ]

    def __init__(self, store: Store, application: Application) -> None:
        super().__init__()
        self.store = store
        self.application = application
        self.contacts = store.people.contacts()

    def compose(self) -> ComposeResult:
        names = [c.name for c in self.contacts]
        already = linked_to(self.contacts, self.application.id)
        with Vertical(classes="dialog", id="link-contact"):
            yield Static(
                paragraph(f"Who is part of {self.application.company} — {self.application.role}?"),
                classes="dialog-title",
            )
            yield name_field(names, "a name: yours are suggested (→ accepts), a new one is added")
            yield field_row(
                "Their role",
                Select(KINDS, value=ContactKind.RECRUITER, allow_blank=False, compact=True,
                       id="field-role"),
            )  # fmt: skip
            if already:
                listed = ", ".join(f"{c.name} ({link.role.label})" for c, link in already)
                yield Static(paragraph(f"Already linked: {listed}"), classes="dialog-note")
            yield Static(classes="field-error", id="error-form")
            yield Static("enter links · esc cancels", classes="dialog-note")

    def on_mount(self) -> None:
        self.query_one("#field-name").focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        name = self.query_one("#field-name", Input).value.strip()
        if not name:
            show_field_errors(self, {"name": "is required"})
            return
        role = self.query_one("#field-role", Select).value
        assert isinstance(role, ContactKind)
        known = next((c for c in self.contacts if c.name.casefold() == name.casefold()), None)
        if known is not None:
            self._link(known, role)
            return

        def added(contact: Contact | None) -> None:
            if contact is not None:
                self._link(contact, role)

        company = self.application.company  # linked from a card: they are most likely there
        self.app.push_screen(ContactForm(self.store, name=name, kind=role, company=company), added)

    def _link(self, contact: Contact, role: ContactKind) -> None:
        try:
            linked = self.store.people.link(contact.id, self.application.id, role)
        except StoreError as error:
            show_field_errors(self, {"form": str(error)})
            return
        self.dismiss(linked)

    def action_cancel(self) -> None:
        self.dismiss(None)
