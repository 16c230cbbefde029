"""A board column's heading."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class ColumnTitle(Static):
    """A column's one-line heading: the stage, then the cursor position and the count.

    In a narrow column the stage name gives way, never the numbers; a ``note`` after the
    count ("+2 no pay") keeps only its first word when the stage name would not fit.
    """

    LABEL_ROOM = 4
    """Cells of the stage name kept before a note is shortened: "App…"."""

    def __init__(self, *, classes: str) -> None:
        super().__init__(classes=classes)
        self._label, self._count, self._note = "", "", ""

    def show(self, label: str, count: str, note: str = "") -> None:
        if (label, count, note) != (self._label, self._count, self._note):
            self._label, self._count, self._note = label, count, note
            self.refresh()  # always one line: no layout

    def render(self) -> Text:
        count = f"{self._count} {self._note}" if self._note else self._count
        width = self.content_region.width
        if self._note and width - len(count) - 1 < min(len(self._label), self.LABEL_ROOM):
            count = f"{self._count} {self._note.split()[0]}"
        room = width - len(count) - 1
        label = self._label if len(self._label) <= room else self._label[: room - 1] + "…"
        return Text(f"{label} {count}", no_wrap=True, overflow="ellipsis", end="")
