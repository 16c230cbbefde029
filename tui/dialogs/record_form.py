"""What the forms that add or edit one record share: saving, field errors, and a change
made meanwhile in another session shown beside the user's, for them to choose."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from textual.widgets import Input, TextArea

from store import ConflictError, InvalidInput, Store, StoreError
from store.models import Record
from tui.dialogs import show_field_errors
from tui.dialogs.conflict import ask_which_version
from tui.dialogs.form import Form

R = TypeVar("R", bound=Record)


class RecordForm(Form[R | None], Generic[R]):
    """Adds a record, or saves ``editing`` changed. Dismisses with the saved record."""

    TEXT_FIELDS: ClassVar[tuple[tuple[str, str, str], ...]]
    """(field, label, placeholder) of the one-line fields."""
    OTHER_LABELS: ClassVar[dict[str, str]] = {"notes": "Notes"}
    """How the fields that are not one line are named when two versions are compared."""

    def __init__(self, store: Store, editing: R | None) -> None:
        super().__init__()
        self.store = store
        self.editing = editing

    def fields(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The values typed, and an error for each field that cannot be read."""
        raise NotImplementedError

    def typed(self, *boxes: str) -> dict[str, Any]:
        """What the one-line fields and the text ``boxes`` hold, by field name."""
        values: dict[str, Any] = {
            field: self.query_one(f"#field-{field}", Input).value
            for field, _, _ in self.TEXT_FIELDS
        }
        for box in boxes:
            values[box] = self.query_one(f"#field-{box}", TextArea).text
        return values

    def add(self, values: dict[str, Any]) -> R:
        raise NotImplementedError

    def update(self, edited: R) -> R:
        raise NotImplementedError

    def action_save(self) -> None:
        values, errors = self.fields()
        problems = self.problems()  # every field's error at once, where the form can tell
        if problems is None:
            problems = errors
        if problems:
            show_field_errors(self, problems)
            return
        try:
            if self.editing is None:
                saved = self.add(values)
            else:
                saved = self.update(self.editing.model_copy(update=values))
        except InvalidInput as error:
            show_field_errors(self, error.errors)
            return
        except ConflictError as conflict:
            self._resolve(conflict.current, values)
            return
        except StoreError as error:
            show_field_errors(self, {"form": str(error)})
            return
        self.dismiss(saved)

    def _resolve(self, theirs: Any, mine: dict[str, Any]) -> None:
        """Show both versions; the user keeps theirs or their own, or goes back to editing."""
        labels = {field: label.rstrip("*") for field, label, _ in self.TEXT_FIELDS}
        labels.update(self.OTHER_LABELS)
        differences = {
            labels[field]: (getattr(theirs, field), value)
            for field, value in mine.items()
            if field in labels and _normal(getattr(theirs, field)) != _normal(value)
        }
        ask_which_version(self, theirs, differences, self._save_over)

    def _save_over(self, theirs: R) -> None:
        self.editing = theirs  # save on top of the version now on disk
        self.action_save()


def _normal(value: Any) -> Any:
    """Compare what the user typed with what is stored (tags typed as text, blank dates)."""
    if isinstance(value, tuple):
        return tuple(v.strip() for v in value if str(v).strip())
    if isinstance(value, str):
        return value.strip()
    return value
