"""Text fields whose value never holds a character that would drive the terminal.

Textual draws an ``Input``'s value and a ``TextArea``'s document as they are, so a
stored company name holding ``ESC ]52;…`` would set the user's clipboard the moment a
form showed it. These fields neutralise text where it enters them (the initial value,
a value set later, a paste, an edit), so no caller has to remember to.

What the user sees is what a save stores: a control character shown as its picture
(``␛``) is saved as that picture, never as the byte the user could not see.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from rich.console import RenderableType
from rich.text import Text
from textual.widgets import Select, TextArea
from textual.widgets.text_area import Edit, EditResult

from tui.widgets.safe_input import SafeInput as SafeInput
from tui.widgets.safe_text import printable


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


T = TypeVar("T")


def _inert(options: Iterable[tuple[RenderableType, T]]) -> list[tuple[RenderableType, T]]:
    """Each text prompt as a ``Text``: printable, and never parsed as markup."""
    return [(Text(printable(p)) if isinstance(p, str) else p, v) for p, v in options]


class SafeSelect(Select[T]):
    """A ``Select`` whose options (a company's name, say) are shown as they are."""

    def __init__(self, options: Iterable[tuple[RenderableType, T]], **kwargs: Any) -> None:
        super().__init__(_inert(options), **kwargs)

    def set_options(self, options: Iterable[tuple[RenderableType, T]]) -> None:
        super().set_options(_inert(options))
