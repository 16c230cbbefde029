"""New and edit contact: a modal form; errors appear next to the field they concern."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Select, Static

from store import Contact, Store
from store.models import ContactKind
from tui.dialogs import field_row, input_row, text_box_row
from tui.dialogs.record_form import RecordForm
from tui.widgets.safe_text import paragraph

# (field, label, placeholder)
TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name*", "who they are"),
    ("company", "Company", "where they work"),
    ("role", "Role", "their job title"),
    ("email", "Email", "name@example.com"),
    ("phone", "Phone", "+44 20 7946 0000"),
    ("profile_url", "Profile", "https://…"),
    ("how_we_met", "How you know", "a meetup, a former team…"),
    ("cadence_weeks", "Keep in touch", "every N weeks (empty: no reminder)"),
)
KINDS = [(kind.label.capitalize(), kind) for kind in ContactKind]


class ContactForm(RecordForm[Contact]):
    """Add a contact, or edit one. Dismisses with the saved contact."""

    TEXT_FIELDS = TEXT_FIELDS
    OTHER_LABELS: ClassVar[dict[str, str]] = {"kind": "Kind", "notes": "Notes"}

    def __init__(
        self,
        store: Store,
        *,
        editing: Contact | None = None,
        name: str = "",
        kind: ContactKind = ContactKind.OTHER,
        company: str = "",
    ) -> None:
        super().__init__(store, editing)
        self.kind_given = kind
        self.given = {"name": name, "company": company}

    def compose(self) -> ComposeResult:
        title = f"Edit {self.editing.name}" if self.editing else "New contact"
        with Vertical(classes="dialog", id="contact-form"):
            yield Static(paragraph(title), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                for field, label, placeholder in TEXT_FIELDS:
                    yield input_row(label, field, self._initial(field), placeholder)
                    if field == "name":
                        kind = self.editing.kind if self.editing else self.kind_given
                        yield field_row(
                            "Kind",
                            Select(KINDS, value=kind, allow_blank=False, compact=True,
                                   id="field-kind"),
                        )  # fmt: skip
                yield text_box_row("Notes", "notes", self.editing.notes if self.editing else "")
            yield from self.form_end()

    def on_mount(self) -> None:
        self.query_one("#field-name").focus()

    def _initial(self, field: str) -> str:
        if self.editing is None:
            return self.given.get(field, "")
        value = getattr(self.editing, field)
        return "" if value is None else str(value)

    def fields(self) -> tuple[dict[str, Any], dict[str, str]]:
        values = self.typed("notes")
        values["kind"] = self.query_one("#field-kind", Select).value
        errors = {}
        cadence = values["cadence_weeks"].strip()
        if not cadence:
            values["cadence_weeks"] = None
        elif cadence.isdigit():
            values["cadence_weeks"] = int(cadence)
        else:
            errors["cadence_weeks"] = "must be a whole number of weeks, from 1 to 104"
        return values, errors

    def add(self, values: dict[str, Any]) -> Contact:
        return self.store.people.add(**values)

    def update(self, edited: Contact) -> Contact:
        return self.store.people.update(edited)
