"""Text fields whose value never holds a character that would drive the terminal.

Textual draws an ``Input``'s value and a ``TextArea``'s document as they are, so a
stored company name holding ``ESC ]52;…`` would set the user's clipboard the moment a
form showed it. These fields neutralise text where it enters them (the initial value,
a value set later, a paste, an edit), so no caller has to remember to.

What the user sees is what a save stores: a control character shown as its picture
(``␛``) is saved as that picture, never as the byte the user could not see.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

from tui.widgets.safe_text import printable


class SafeInput(Input):
    """An ``Input`` whose value is always printable."""

    def validate_value(self, value: str) -> str:
        return printable(value)


def _printable_lines(text: str) -> str:
    """Line breaks of any convention kept as lines; every other control made visible."""
    return printable(text.replace("\r\n", "\n"), keep_newlines=True)


class SafeTextArea(TextArea):
    """A ``TextArea`` whose document is always printable (line breaks kept)."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(_printable_lines(text), **kwargs)

    def load_text(self, text: str) -> None:
        super().load_text(_printable_lines(text))

    def edit(self, edit: Edit) -> EditResult:
        # Every change goes through here: typing, paste, insert, replace, undo.
        edit.text = _printable_lines(edit.text)
        return super().edit(edit)
