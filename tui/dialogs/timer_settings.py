"""The timer's settings: phase lengths, auto-start, the daily target and the recharge ideas."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Static, TextArea

from store import Store
from store.models import TimerSettings
from tui.dialogs import field_row, saved_or_shown, text_box_row
from tui.dialogs.form import Form
from tui.widgets.check_box import CheckBox
from tui.widgets.safe_fields import SafeInput

# (field, label, unit)
NUMBERS: tuple[tuple[str, str, str], ...] = (
    ("focus_minutes", "Focus", "minutes"),
    ("short_break_minutes", "Short break", "minutes"),
    ("long_break_minutes", "Long break", "minutes"),
    ("long_break_every", "Long break", "after this many focus blocks"),
    ("daily_focus_target", "Daily target", "focus blocks"),
)
SWITCHES: tuple[tuple[str, str], ...] = (
    ("auto_start_break", "Start the break when a focus block ends"),
    ("auto_start_focus", "Start the next focus block when a break ends"),
)


class TimerSettingsForm(Form[TimerSettings | None]):
    """Dismisses with the saved settings, or None."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        # Read as the dialog is opened, not as it is drawn: a file fault met then is told
        # by the app like any key's, where one met while drawing would end the app.
        self.current = store.settings.get().timer

    def compose(self) -> ComposeResult:
        current = self.current
        with Vertical(classes="dialog", id="timer-settings"):
            yield Static("Timer settings", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                for field, label, unit in NUMBERS:
                    number = SafeInput(
                        str(getattr(current, field)),
                        placeholder=unit,
                        type="integer",
                        compact=True,
                        id=f"field-{field}",
                    )
                    row = Horizontal(number, Static(unit, classes="form-unit"), classes="form-pair")
                    error = Static(classes="field-error", id=f"error-{field}")
                    yield field_row(label, Vertical(row, error, classes="form-field"))
                for field, label in SWITCHES:
                    yield field_row(
                        "",
                        CheckBox(label, getattr(current, field), compact=True, id=f"field-{field}"),
                    )
                ideas = "\n".join(current.recharge_ideas)
                yield text_box_row("Break ideas", "recharge_ideas", ideas)
                yield Static(
                    "One idea per line; each break suggests one of them.", classes="dialog-note"
                )
            yield from self.form_end()

    def on_mount(self) -> None:
        self.query_one("#field-focus_minutes").focus()

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            field: self.query_one(f"#field-{field}", Input).value.strip() for field, _, _ in NUMBERS
        }
        for field, _ in SWITCHES:
            values[field] = self.query_one(f"#field-{field}", Checkbox).value
        lines = self.query_one("#field-recharge_ideas", TextArea).text.splitlines()
        values["recharge_ideas"] = tuple(line for line in lines if line.strip())
        return values

    def action_save(self) -> None:
        values = self._values()
        saved = saved_or_shown(self, lambda: self.store.settings.update_timer(**values))
        if saved is not None:
            self.dismiss(saved)
