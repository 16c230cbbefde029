"""The one safe field the first frame shows (the board's filter), in a module of its own:
the others (``tui/widgets/safe_fields.py``) bring the widgets only dialogs use."""

from __future__ import annotations

from textual.widgets import Input

from tui.widgets.safe_text import printable


class SafeInput(Input):
    """An ``Input`` whose value is always printable."""

    def validate_value(self, value: str) -> str:
        return printable(value)
