"""The one safe field the first frame shows (the board's filter), in a module of its own:
the others (``tui/widgets/safe_fields.py``) bring the widgets only dialogs use."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tui.widgets.safe_text import printable


class SafeInput(Input):
    """An ``Input`` whose value is always printable."""

    def validate_value(self, value: str) -> str:
        return printable(value)

    def _on_paste(self, event: events.Paste) -> None:
        # Textual keeps a paste's first line and drops the rest without a word: in a
        # one-line field its lines (and tabs) are joined by spaces, so nothing is lost.
        event.prevent_default()
        event.stop()
        lines = event.text.replace("\t", " ").splitlines()
        text = lines[0] if len(lines) == 1 else " ".join(ln.strip() for ln in lines if ln.strip())
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)
