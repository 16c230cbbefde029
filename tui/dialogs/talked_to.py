"""Log a conversation from Progress: someone you know, found by name, or someone new."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store import Contact, Store, StoreError
from tui.dialogs import FIELD_NAVIGATION, name_field, show_field_errors


def alike(contact: Contact, name: str) -> bool:
    """Whether ``name`` could be this contact: the same name, or part of it ("Priya" for
    "Priya Shah")."""
    wanted, theirs = name.casefold().split(), contact.name.casefold().split()
    return bool(wanted) and all(word in theirs for word in wanted)


class TalkedToDialog(ModalScreen[Contact | None]):
    """Dismisses with the contact the conversation was logged for. A name like one of
    the user's contacts adds nobody until the user says it is someone new (ctrl+n)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *FIELD_NAVIGATION,
        Binding("escape", "cancel", "Cancel", id="talked-to.cancel"),
        Binding("ctrl+n", "someone_new", "Someone new", priority=True, id="talked-to.new"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.contacts = store.people.contacts()

    def compose(self) -> ComposeResult:
        names = [contact.name for contact in self.contacts]
        with Vertical(classes="dialog", id="talked-to"):
            yield Static("Who did you talk to?", classes="dialog-title")
            yield name_field(names, "a name: yours are suggested (→ accepts)")
            yield Static(classes="field-error", id="error-form")
            yield Static(
                "It counts toward your networking goal.\n"
                "enter logs it · ctrl+n someone new · esc cancels",
                classes="dialog-note",
            )

    def on_mount(self) -> None:
        self.query_one("#field-name").focus()

    def _typed_name(self) -> str:
        return self.query_one("#field-name", Input).value.strip()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        name = self._typed_name()
        if not name:
            show_field_errors(self, {"name": "is required"})
            return
        same = [c for c in self.contacts if c.name.casefold() == name.casefold()]
        if len(same) == 1:
            self._log(lambda: self.store.people.add_conversation(same[0].id))
            return
        like = same or [c for c in self.contacts if alike(c, name)]
        if like:
            known = ", ".join(c.name for c in like[:3])
            show_field_errors(
                self,
                {"name": f"Did you mean {known}? Type their whole name (→ completes it), "
                         "or press ctrl+n if this is someone new."},
            )  # fmt: skip
            return
        self.action_someone_new()

    def action_someone_new(self) -> None:
        name = self._typed_name()
        if not name:
            show_field_errors(self, {"name": "is required"})
            return
        now = self.store.clock()
        self._log(lambda: self.store.people.add(name=name, conversations=[{"at": now}]))

    def _log(self, save: Callable[[], Contact]) -> None:
        try:
            contact = save()
        except StoreError as error:
            show_field_errors(self, {"form": str(error)})
            return
        self.dismiss(contact)

    def action_cancel(self) -> None:
        self.dismiss(None)
