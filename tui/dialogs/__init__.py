"""Modal dialogs: forms that return their result through dismiss()."""

from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label

FIELD_NAVIGATION = [
    # Priority, so the focus moves before the next keys are read: typed in one burst
    # (keystrokes batched over SSH), "Acme<tab>Dev" would otherwise put "Dev" in the
    # first field, because Textual hands each key to whatever was focused when it arrived.
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
]


def field_row(label: str, field: Widget) -> Horizontal:
    """A label and its field on one row, as tall as the field (a Grid row would not be)."""
    return Horizontal(Label(label, classes="form-label"), field, classes="form-row")
