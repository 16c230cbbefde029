"""Import a file and export the search from the command palette, as the shell does."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Checkbox, Input, Select, Static

from store import Store, StoreError
from store.imports.plan import CannotImport, Existing, ImportPlan
from tui import shell_transfer
from tui.widgets.check_box import CheckBox
from tui.widgets.safe_fields import SafeInput
from tui.widgets.safe_text import paragraph


class PathSuggester(Suggester):
    """Completes a path from the folder it names, as a shell's tab does."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        folder, _, start = value.rpartition("/")
        where = Path(os.path.expanduser(folder or ".") if folder or not value else ".")
        if value.startswith("/") and not folder:
            where = Path("/")
        try:
            names = sorted(
                entry.name for entry in os.scandir(where) if entry.name.startswith(start)
            )
        except OSError:
            return None
        visible = [name for name in names if not name.startswith(".") or start.startswith(".")]
        if not visible or visible[0] == start:
            return None
        prefix = f"{folder}/" if folder or value.startswith("/") else ""
        suffix = "/" if (where / visible[0]).is_dir() else ""
        return f"{prefix}{visible[0]}{suffix}"


class ImportDialog(ModalScreen[str | None]):
    """Ask for a file, show what importing it would do, and import it on ctrl+s.
    Dismisses with a line saying what was imported, or None."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="import.cancel"),
        Binding("ctrl+s", "confirm", "Import", id="import.confirm", priority=True),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.plan: ImportPlan | None = None
        self.planned: str = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="import-dialog"):
            yield Static("Import a file", classes="dialog-title")
            yield SafeInput(
                placeholder="path of a CSV or JSON file",
                suggester=PathSuggester(),
                compact=True,
                id="import-path",
            )
            yield CheckBox(
                "Dates are day first: 20/03/2026 (--dayfirst)", compact=True, id="import-dayfirst"
            )
            yield Static(id="import-preview", classes="dialog-note", markup=False)
            yield Static(
                "enter: preview · ctrl+s: import · escape: cancel",
                classes="dialog-note",
                markup=False,
            )

    def _show(self, text: str | Text) -> None:
        self.query_one("#import-preview", Static).update(
            paragraph(text) if isinstance(text, str) else text
        )

    def _wanted(self) -> str:
        """What the preview is of: the path and how its dates are read."""
        dayfirst = self.query_one("#import-dayfirst", Checkbox).value
        return f"{dayfirst}:{self.query_one('#import-path', Input).value.strip()}"

    @on(Input.Submitted)
    @on(Checkbox.Changed)
    def preview(self) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        if not path:
            self._show("Name a file first.")
            return
        self.plan, self.planned = None, self._wanted()
        self._show("Reading…")
        dayfirst = self.query_one("#import-dayfirst", Checkbox).value
        self._plan(self.planned, path, dayfirst, shell_transfer.known_records(self.store))

    @work(thread=True, exclusive=True)
    def _plan(self, wanted: str, path: str, dayfirst: bool, existing: Existing) -> None:
        """Read and understand the file away from the screen: a big one takes a while."""
        try:
            plan = shell_transfer.plan_file(
                Path(path), existing, self.store.clock(), dayfirst=dayfirst
            )
        except OSError as error:
            self.app.call_from_thread(self._show, f"Cannot read {path}: {error.strerror}")
        except (ValueError, CannotImport) as error:
            self.app.call_from_thread(self._show, f"{path}: {error}")
        else:
            self.app.call_from_thread(self._planned, wanted, plan)

    def _planned(self, wanted: str, plan: ImportPlan) -> None:
        if wanted != self.planned:
            return  # the user asked for another file meanwhile
        self.plan = plan
        lines = shell_transfer.plan_report(plan, imported=None)[:-1]
        lines.append("ctrl+s imports them." if plan.new else "Nothing to import.")
        self._show("\n".join(lines))

    def action_confirm(self) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        if self.plan is None or self._wanted() != self.planned:
            self.preview()
            return
        if not self.plan.new:
            self.dismiss(None)
            return
        try:
            imported = shell_transfer.apply_plan(self.store, self.plan)
        except StoreError as error:
            self._show(f"Not imported: {error}")
            return
        self.dismiss(f"Imported {imported} from {path}.")

    def action_cancel(self) -> None:
        self.dismiss(None)


EXTENSIONS = {"json": "json", "csv": "csv", "markdown": "md"}


class ExportDialog(ModalScreen[str | None]):
    """Choose a format and a file; dismisses with where the file went, or None."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "export", "Export", id="export.confirm", priority=True),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def _default_path(self, fmt: str) -> str:
        return f"~/bounceback-{self.store.clock():%Y-%m-%d}.{EXTENSIONS[fmt]}"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Static("Export", classes="dialog-title")
            yield Select(
                [
                    ("JSON: everything, imports again", "json"),
                    ("CSV: applications, for a spreadsheet", "csv"),
                    ("CSV: journal entries", "csv-journal"),
                    ("Markdown: a report for a mentor", "markdown"),
                ],
                value="json",
                allow_blank=False,
                compact=True,
                id="export-format",
            )
            yield SafeInput(self._default_path("json"), compact=True, id="export-path")
            yield Static(id="export-error", classes="dialog-note", markup=False)
            yield Static("ctrl+s: export · escape: cancel", classes="dialog-note", markup=False)

    def _format(self) -> tuple[str, str | None]:
        chosen = str(self.query_one("#export-format", Select).value)
        return ("csv", "journal") if chosen == "csv-journal" else (chosen, None)

    @on(Select.Changed)
    def _format_changed(self) -> None:
        path = self.query_one("#export-path", Input)
        stem, dot, extension = path.value.rpartition(".")
        if dot and extension in EXTENSIONS.values():
            path.value = f"{stem}.{EXTENSIONS[self._format()[0]]}"

    @on(Input.Submitted)
    def action_export(self) -> None:
        fmt, what = self._format()
        path = Path(self.query_one("#export-path", Input).value.strip()).expanduser()
        try:
            shell_transfer.write_export(
                self.store, path, shell_transfer.export_text(self.store, fmt, what)
            )
        except (ValueError, StoreError) as error:
            self.query_one("#export-error", Static).update(paragraph(str(error)))
            return
        except OSError as error:
            message = f"Cannot write {path}: {error.strerror}"
            self.query_one("#export-error", Static).update(paragraph(message))
            return
        self.dismiss(f"Exported to {path}")

    def action_cancel(self) -> None:
        self.dismiss(None)


def transfer_commands(
    app: App[Any], store: Store, after_import: Callable[[], None]
) -> Iterator[SystemCommand]:
    """The palette's "Import a file…" and "Export…"; the app says what was done."""

    def done(message: str | None) -> None:
        if message is not None:
            app.notify(message, title="Done", markup=False)

    def imported(message: str | None) -> None:
        done(message)
        if message is not None:
            after_import()

    yield SystemCommand(
        "Import a file…",
        "A tracker's export, a spreadsheet saved as CSV, Daylio, or a bounceback export",
        lambda: app.push_screen(ImportDialog(store), imported),
    )
    yield SystemCommand(
        "Export…",
        "Your search as JSON, CSV for a spreadsheet, or a Markdown report",
        lambda: app.push_screen(ExportDialog(store), done),
    )
