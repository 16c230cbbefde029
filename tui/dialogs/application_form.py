"""New and edit application: a modal form; errors appear next to the field they concern."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, Static

from store import PIPELINE, Application, InvalidInput, Stage, Store
from store.board import parse_date
from store.pay import parse_pay
from store.repository.core import validated
from tui.dialogs import field_row, input_row, material_pick, text_box_row
from tui.dialogs.record_form import RecordForm
from tui.widgets.safe_text import paragraph

# (field, label, placeholder)
TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("company", "Company*", "who is hiring"),
    ("role", "Role*", "the job title"),
    ("url", "Posting URL", "https://…"),
    ("location", "Location", "Remote, a city…"),
    ("salary", "Salary", "as advertised"),
    ("source", "Found via", "LinkedIn, referral…"),
    ("resume", "Résumé", "the version sent: → accepts one of yours, ctrl+o lists them"),
    ("cover_letter", "Cover letter", "the version sent, if any (ctrl+o lists them)"),
    ("tags", "Tags", "comma separated"),
    ("excitement", "Excitement", "1 (meh) to 5 (dream job)"),
    ("next_action", "Next action", "e.g. follow up by email"),
    ("next_action_due", "Due", "YYYY-MM-DD, today, +3d, -1w"),
)


class ApplicationForm(RecordForm[Application]):
    """Add an application, or edit one. Dismisses with the saved application."""

    TEXT_FIELDS = TEXT_FIELDS
    OTHER_LABELS: ClassVar[dict[str, str]] = {"notes": "Notes", "posting": "Posting"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "materials", "Materials", id="application.materials",
                tooltip="Your résumé and cover letter versions: name them, add a file"),
    ]  # fmt: skip

    def __init__(
        self,
        store: Store,
        *,
        stage: Stage = Stage.WISHLIST,
        editing: Application | None = None,
    ) -> None:
        super().__init__(store, editing)
        self.stage = stage

    def compose(self) -> ComposeResult:
        title = f"Edit {self.editing.company}" if self.editing else "New application"
        with Vertical(classes="dialog", id="application-form"):
            yield Static(paragraph(title), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                for field, label, placeholder in TEXT_FIELDS:
                    # What the salary reads as, under it (see _read_salary).
                    read = (
                        Static(classes="field-hint", id="salary-read")
                        if field == "salary"
                        else None
                    )
                    yield input_row(
                        label,
                        field,
                        self._initial(field),
                        placeholder,
                        suggester=self._used(field),
                        hint=read,
                    )
                if self.editing is None:
                    yield field_row(
                        "Stage",
                        Select(
                            [(stage.label, stage) for stage in PIPELINE],
                            value=self.stage,
                            allow_blank=False,
                            compact=True,
                            id="field-stage",
                        ),
                    )
                yield text_box_row("Notes", "notes", self.editing.notes if self.editing else "")
                # The posting, pasted while it is still online: postings are taken down.
                posting = self.editing.posting if self.editing else ""
                yield text_box_row("Posting", "posting", posting)
            yield from self.form_end()

    def on_mount(self) -> None:
        self.query_one("#field-company").focus()
        self._read_salary(self.query_one("#field-salary", Input).value)

    @on(Input.Changed, "#field-salary")
    def _salary_changed(self, event: Input.Changed) -> None:
        self._read_salary(event.value)

    def _read_salary(self, typed: str) -> None:
        """Say what the salary reads as: the board sorts by it, so a surprise shows here."""
        hint = self.query_one("#salary-read", Static)
        hint.display = bool(typed.strip())
        pay = parse_pay(typed)
        hint.update(f"read as {pay}" if pay else "no amount read: kept as you typed it")

    def _used(self, field: str) -> SuggestFromList | None:
        return material_pick.suggester(self.store, field)

    def action_materials(self) -> None:
        """The materials, to add or fix one while filling the form; offered here after."""
        from tui.dialogs.materials import MaterialsDialog

        focused = self.focused.id if self.focused else ""
        kind = material_pick.KINDS.get(str(focused).removeprefix("field-"))

        def closed(_: None) -> None:
            for field in material_pick.KINDS:
                self.query_one(f"#field-{field}", Input).suggester = self._used(field)

        self.app.push_screen(MaterialsDialog(self.store, kind), closed)

    def _initial(self, field: str) -> str:
        if self.editing is None:
            return "3" if field == "excitement" else ""
        value = getattr(self.editing, field)
        if field == "tags":
            return ", ".join(value)
        return "" if value is None else str(value)

    # --- saving -----------------------------------------------------------------------

    def fields(self) -> tuple[dict[str, Any], dict[str, str]]:
        """What the user typed, as store fields, plus errors found before the store sees it."""
        values = self.typed("notes", "posting")
        values["tags"] = tuple(values["tags"].split(","))
        errors: dict[str, str] = {}
        try:
            values["excitement"] = int(values["excitement"] or 3)
        except ValueError:
            errors["excitement"] = "must be a whole number from 1 to 5"
        try:
            today = self.store.clock().date()
            values["next_action_due"] = parse_date(values["next_action_due"], today)
        except ValueError as error:
            errors["next_action_due"] = str(error)
        if self.editing is None:
            values["stage"] = self.query_one("#field-stage", Select).value
        return values, errors

    def problems(self) -> dict[str, str]:
        """Every field's error at once: those found reading the form, and what the store
        would refuse, asked of the model without saving."""
        values, errors = self.fields()
        now = self.store.clock()
        known = (
            self.editing.model_dump()
            if self.editing
            else {"created_at": now, "history": [{"stage": values.get("stage"), "at": now}]}
        )
        draft = {**known, "updated_at": now, **{f: v for f, v in values.items() if f not in errors}}
        try:
            validated(Application, draft)
        except InvalidInput as invalid:
            errors = {**invalid.errors, **errors}
        return errors

    def add(self, values: dict[str, Any]) -> Application:
        return self.store.applications.add(**values)

    def update(self, edited: Application) -> Application:
        return self.store.applications.update(edited)
