"""Modal dialogs: forms that return their result through dismiss()."""

from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import App
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Label, Static

from store import InvalidInput, StoreError
from tui.widgets.safe_fields import SafeInput, SafeTextArea
from tui.widgets.safe_text import paragraph

T = TypeVar("T")

FIELD_NAVIGATION = [
    # Priority, so the focus moves before the next keys are read: typed in one burst
    # (keystrokes batched over SSH), "Acme<tab>Dev" would otherwise put "Dev" in the
    # first field, because Textual hands each key to whatever was focused when it arrived.
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
]


def heading(title: str, subtitle: str) -> tuple[Static, Static]:
    """A dialog's title (text from the data is shown as it is) and the line under it."""
    return (
        Static(paragraph(title), classes="dialog-title"),
        Static(subtitle, classes="dialog-subtitle"),
    )


def field_row(label: str, field: Widget) -> Horizontal:
    """A label and its field on one row, as tall as the field (a Grid row would not be)."""
    return Horizontal(Label(label, classes="form-label"), field, classes="form-row")


def input_row(
    label: str,
    field: str,
    value: str,
    placeholder: str,
    *,
    suggester: SuggestFromList | None = None,
    hint: Widget | None = None,
) -> Horizontal:
    """A one-line field (``#field-<field>``) with the line for its error beneath, and a
    hint under that if given."""
    field_input = SafeInput(
        value, placeholder=placeholder, compact=True, suggester=suggester, id=f"field-{field}"
    )
    below = [Static(classes="field-error", id=f"error-{field}"), *([hint] if hint else [])]
    return field_row(label, Vertical(field_input, *below, classes="form-field"))


def text_box_row(label: str, field: str, text: str) -> Horizontal:
    """A field of several lines (``#field-<field>``) with the line for its error beneath."""
    area = SafeTextArea(text, compact=True, soft_wrap=True, id=f"field-{field}")
    error = Static(classes="field-error", id=f"error-{field}")
    return field_row(
        label, Vertical(Vertical(area, classes="text-box"), error, classes="form-field")
    )


def name_field(names: list[str], placeholder: str) -> Horizontal:
    """A "Name" row that suggests the names the user already has (→ accepts one), with
    the line for its error beneath."""
    suggester = SuggestFromList(names, case_sensitive=False)
    return input_row("Name", "name", "", placeholder, suggester=suggester)


def show_field_errors(form: Screen[Any], errors: dict[str, str]) -> None:
    """Each error under its field (``#error-<field>``, else ``#error-form``); the first
    field in error takes the focus."""
    for message in form.query(".field-error").results(Static):
        message.update("")
        message.display = False
    first = None
    for field, text in errors.items():
        target = f"#error-{field}" if form.query(f"#error-{field}") else "#error-form"
        message = form.query_one(target, Static)
        message.update(paragraph(text))
        message.display = True
        if first is None and form.query(f"#field-{field}"):
            first = form.query_one(f"#field-{field}")
    if first is not None:
        first.focus()


def saved_or_shown(form: Screen[Any], save: Callable[[], T]) -> T | None:
    """What ``save`` saved; or None, with what the store refused shown beside its field
    (or under the form)."""
    try:
        return save()
    except InvalidInput as error:
        show_field_errors(form, error.errors)
    except StoreError as error:
        show_field_errors(form, {"form": str(error)})
    return None


def ask_until_saved(
    app: App[Any],
    dialog: Callable[[T | None], ModalScreen[T | None]],
    save: Callable[[T], bool],
    cancelled: Callable[[], object] | None = None,
) -> None:
    """Open ``dialog(None)``; once answered, ``save`` the answer. A save that fails (an
    answer it cannot take, a full or read-only disk) has said why; the dialog opens
    again with the answer in it, so the words of a short dialog, often written in a
    hard moment, are not lost with it. Cancelling it changes nothing, as before."""

    from tui.dialogs.unsaved import ready_to_save  # with the dialogs: it brings their fields

    def answered(answer: T | None) -> None:
        if answer is None:
            if cancelled is not None:
                cancelled()
        elif not ready_to_save(app) or not save(answer):
            app.push_screen(dialog(answer), answered)

    app.push_screen(dialog(None), answered)
