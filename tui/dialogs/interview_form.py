"""Book an interview on an application, or edit one: when, how long, what kind, where,
with whom, prep."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Select, Static

from store import Application, InvalidInput, Store, StoreError
from store.interviews import parse_when
from store.models import MAX_INTERVIEW_MINUTES, Interview, InterviewKind
from store.repository.interviews import Booked
from tui.dialogs import field_row, show_field_errors
from tui.dialogs.form import Form
from tui.widgets.safe_fields import SafeInput, SafeSelect
from tui.widgets.safe_text import paragraph

# (field, label, placeholder)
TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("at", "When*", "2026-12-03 14:00, tomorrow 9:30"),
    ("minutes", "Length", "minutes"),
    ("where", "Where", "a link, an address, a phone number"),
    ("with", "With", "names, comma separated"),
    ("prep", "Prep", "what to prepare"),
)


class InterviewForm(Form[Booked | None]):
    """Dismisses with what was booked or saved; bad input is shown beside its field,
    nothing saved. ``editing``: that interview, its fields filled in."""

    def __init__(
        self, store: Store, application: Application, editing: Interview | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.application = application
        self.editing = editing
        # Read as the dialog is opened, not as it is drawn: a file fault met then is told
        # by the app like any key's, where one met while drawing would end the app.
        self.contacts = {c.id: c.name for c in store.people.contacts()} if editing else {}

    def _filled(self) -> dict[str, str]:
        i = self.editing
        if i is None:
            return {"minutes": "60"}
        contacts = self.contacts
        at = i.at.astimezone(self.store.clock().tzinfo)
        return {
            "at": f"{at:%Y-%m-%d %H:%M}", "minutes": str(i.minutes), "where": i.where,
            "with": ", ".join(contacts[c] for c in i.contact_ids if c in contacts),
            "prep": i.prep,
        }  # fmt: skip

    def compose(self) -> ComposeResult:
        a, filled = self.application, self._filled()
        verb = "An interview" if self.editing is None else "The interview"
        with Vertical(classes="dialog", id="interview-form"):
            yield Static(paragraph(f"{verb}: {a.role} at {a.company}"), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                for field, label, placeholder in TEXT_FIELDS:
                    box = SafeInput(
                        filled.get(field, ""), placeholder=placeholder, compact=True,
                        id=f"field-{field}",
                    )  # fmt: skip
                    error = Static(classes="field-error", id=f"error-{field}")
                    yield field_row(label, Vertical(box, error, classes="form-field"))
                kinds = [(kind.label, kind) for kind in InterviewKind]
                kind = self.editing.kind if self.editing else InterviewKind.OTHER
                yield field_row(
                    "Kind",
                    SafeSelect(kinds, value=kind, allow_blank=False, compact=True,
                               id="field-kind"),
                )  # fmt: skip
            yield from self.form_end()

    def on_mount(self) -> None:
        self.query_one("#field-at").focus()

    def _text(self, field: str) -> str:
        return self.query_one(f"#field-{field}", Input).value.strip()

    def action_save(self) -> None:
        errors: dict[str, str] = {}
        try:
            at = parse_when(self._text("at"), self.store.clock())
        except ValueError as error:
            errors["at"] = str(error)
        try:
            minutes = int(self._text("minutes") or "60")
        except ValueError:
            minutes = 0
        if not 1 <= minutes <= MAX_INTERVIEW_MINUTES:
            errors["minutes"] = f"must be 1 to {MAX_INTERVIEW_MINUTES} minutes"
        if errors:
            show_field_errors(self, errors)
            return
        names = [name.strip() for name in self._text("with").split(",") if name.strip()]
        fields = {
            "at": at, "minutes": minutes, "where": self._text("where"), "prep": self._text("prep"),
            "kind": self.query_one("#field-kind", Select).value,
        }  # fmt: skip
        interviews = self.store.interviews
        try:
            if self.editing is None:
                booked = interviews.book(self.application.id, with_names=names, **fields)
            else:
                edited = self.editing.model_copy(update=fields)
                saved = interviews.update(self.application.id, edited, with_names=names)
                booked = Booked(saved, edited, in_the_past=False)
        except InvalidInput as error:
            show_field_errors(self, error.errors)
            return
        except StoreError as error:
            show_field_errors(self, {"form": str(error)})
            return
        self.dismiss(booked)
