"""Materials: the résumé and cover letter versions the user sends, by name, with where
each file lives. Add, rename, point at a file, delete (keeping or taking the name off
the applications sent with it) and undo."""

from __future__ import annotations

from typing import ClassVar
from uuid import UUID

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from store import InvalidInput, Store, StoreError
from store.materials import file_missing
from store.models import Material, MaterialKind
from store.repository.materials import DeletedMaterial
from tui.dialogs import field_row, show_field_errors
from tui.dialogs.form import Form
from tui.widgets.record_list import RecordList
from tui.widgets.safe_fields import SafeInput
from tui.widgets.safe_text import paragraph, printable
from tui.wording import counted

NAME_WIDTH = 22


def describe(material: Material, sent: int) -> Text:
    """One line: the kind, the name, how often it was sent, and its file (or its absence)."""
    name = printable(material.name)
    name = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    line.append(f" {material.kind.label:<12} ", style="dim")
    line.append(f"{name:<{NAME_WIDTH}} ")
    line.append(f"{'sent ' + str(sent) if sent else 'not sent yet':<13} ", style="dim")
    if file_missing(material):
        line.append("missing: ", style="bold")
        line.append(printable(material.path), style="dim")
    elif material.path:
        line.append(printable(material.path), style="dim")
    return line


class MaterialForm(Form[Material | None]):
    """Add a material, or change one's name or file. Dismisses with the saved material."""

    def __init__(
        self, store: Store, *, editing: Material | None = None, kind: MaterialKind | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.editing = editing
        self.kind = editing.kind if editing else kind or MaterialKind.RESUME

    def compose(self) -> ComposeResult:
        editing = self.editing
        title = f"Edit {editing.name}" if editing else "A new résumé or cover letter"
        with Vertical(classes="dialog", id="material-form"):
            yield Static(paragraph(title), classes="dialog-title")
            if editing is None:
                kinds = [(kind.label.capitalize(), kind) for kind in MaterialKind]
                kind = Select(kinds, value=self.kind, allow_blank=False, compact=True,
                              id="field-kind")  # fmt: skip
                yield field_row("Kind", kind)
            for field, label, placeholder in (
                ("name", "Name*", "as you call it: CV short, CV 2026 data…"),
                ("path", "File", "where it is on disk, if you like: ~/cv/short.pdf"),
            ):
                value = getattr(editing, field) if editing else ""
                row = SafeInput(value, placeholder=placeholder, compact=True, id=f"field-{field}")
                error = Static(classes="field-error", id=f"error-{field}")
                yield field_row(label, Vertical(row, error, classes="form-field"))
            yield Static(
                "The file stays where it is: only its path is kept, to find it again.",
                classes="dialog-note",
            )
            yield from self.form_end()

    def on_mount(self) -> None:
        self.query_one("#field-name").focus()

    def action_save(self) -> None:
        name = self.query_one("#field-name", Input).value
        path = self.query_one("#field-path", Input).value.strip()
        try:
            if self.editing is None:
                kind = self.query_one("#field-kind", Select).value
                assert isinstance(kind, MaterialKind)
                saved = self.store.materials.add(kind, name, path)
            else:
                edited = self.editing.model_copy(update={"name": name, "path": path})
                saved = self.store.materials.update(edited)
        except InvalidInput as error:
            show_field_errors(self, error.errors)
            return
        except StoreError as error:
            show_field_errors(self, {"form": str(error)})
            return
        self.dismiss(saved)


class KeepNamesDialog(ModalScreen[bool | None]):
    """Asked before deleting a material that applications were sent with: True keeps its
    name on them (the default, enter), False takes it off, None (escape) deletes nothing."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="keep_names.cancel"),
        Binding("k", "answer(True)", "Keep the name", id="keep_names.keep"),
        Binding("t", "answer(False)", "Take it off", id="keep_names.take_off"),
    ]

    def __init__(self, material: Material, sent: int) -> None:
        super().__init__()
        self.material = material
        self.sent = sent

    def compose(self) -> ComposeResult:
        m = self.material
        with Vertical(classes="dialog", id="keep-names"):
            yield Static(paragraph(f"Delete {m.name}?"), classes="dialog-title")
            yield Static(
                paragraph(
                    f"{counted(self.sent, 'application')} {'was' if self.sent == 1 else 'were'} "
                    "sent with it. Keep its name on them, so What works still counts them, or "
                    "take it off them?"
                )
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep the name  k", variant="primary", id="keep", compact=True)
                yield Button("Take it off  t", id="take-off", compact=True)
                yield Button("Cancel  esc", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#keep").focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        answers = {"keep": True, "take-off": False}
        self.dismiss(answers.get(str(event.button.id)))

    def action_answer(self, keep: bool) -> None:
        self.dismiss(keep)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MaterialsDialog(ModalScreen[None]):
    """Every material, the last sent first: ``n`` adds one, ``e`` (or enter) edits, ``d``
    deletes, ``u`` undoes the last delete."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="materials.close"),
        Binding("n,a", "add", "New", id="materials.add"),
        Binding("e", "edit", "Edit", id="materials.edit"),
        Binding("d", "delete", "Delete", id="materials.delete"),
        Binding("u", "undo", "Undo", id="materials.undo"),
    ]

    def __init__(self, store: Store, kind: MaterialKind | None = None) -> None:
        super().__init__()
        self.store = store
        self.kind = kind
        """The kind a new one is, at first: the form's field this was opened from."""
        self.deleted: list[DeletedMaterial] = []
        # Read as the dialog is opened, not as it is drawn: a file fault met then is told
        # by the app like any key's, where one met while drawing would end the app.
        self.listed = self._read()

    def _read(self) -> tuple[list[Material], dict[UUID, int]]:
        materials = [m for kind in MaterialKind for m in self.store.materials.all(kind)]
        return materials, {m.id: len(self.store.materials.uses(m)) for m in materials}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="materials"):
            yield Static("Your résumés and cover letters", classes="dialog-title")
            yield RecordList(id="materials-list")
            yield Static(classes="dialog-note", id="materials-note")

    def on_mount(self) -> None:
        self.query_one(
            "#materials"
        ).border_subtitle = "n new · e edit · d delete · u undo · esc close"
        self._show(read=False)
        self.query_one(RecordList).focus()

    def _show(self, select: Material | None = None, read: bool = True) -> None:
        materials, sent = self.listed = self._read() if read else self.listed
        records = self.query_one(RecordList)
        records.set_records(materials, lambda m: describe(m, sent[m.id]))
        for row, material in enumerate(materials):
            if select is not None and material.id == select.id:
                records.cursor = row
        note = (
            "The form offers these, the last sent first."
            if materials
            else "None yet. Press n to name the résumé or cover letter you send."
        )
        self.query_one("#materials-note", Static).update(Text(note))

    def _failed(self, error: StoreError) -> None:
        self.app.notify(str(error), title="Not saved", severity="error", markup=False)
        self._show()

    @on(RecordList.Chosen)
    def _chosen(self) -> None:
        self.action_edit()

    def action_add(self) -> None:
        def added(material: Material | None) -> None:
            if material is not None:
                self._show(material)

        self.app.push_screen(MaterialForm(self.store, kind=self.kind), added)

    def action_edit(self) -> None:
        current: Material | None = self.query_one(RecordList).current
        if current is None:
            return

        def saved(material: Material | None) -> None:
            if material is not None:
                self._show(material)

        self.app.push_screen(MaterialForm(self.store, editing=current), saved)

    def action_delete(self) -> None:
        current: Material | None = self.query_one(RecordList).current
        if current is None:
            return
        sent = len(self.store.materials.uses(current))
        if not sent:
            self._delete(current, keep_names=True)
            return

        def answered(keep: bool | None) -> None:
            if keep is not None:
                self._delete(current, keep_names=keep)

        self.app.push_screen(KeepNamesDialog(current, sent), answered)

    def _delete(self, material: Material, *, keep_names: bool) -> None:
        try:
            deleted = self.store.materials.remove(material.id, keep_names=keep_names)
        except StoreError as error:
            self._failed(error)
            return
        self.deleted.append(deleted)
        self.app.notify(f"Deleted {printable(material.name)}. u undoes.", timeout=4, markup=False)
        self._show()

    def action_undo(self) -> None:
        if not self.deleted:
            return
        deleted = self.deleted.pop()
        try:
            restored = self.store.materials.restore(deleted)
        except StoreError as error:
            self._failed(error)
            return
        self._show(restored)

    def action_close(self) -> None:
        self.dismiss(None)
