"""A board column's heading."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class ColumnTitle(Static):
    """A column's one-line heading: the stage, then the cursor position and the count.

    In a narrow column the stage name gives way, never the numbers.
    """

    def __init__(self, *, classes: str) -> None:
        super().__init__(classes=classes)
        self._label, self._count = "", ""

    def show(self, label: str, count: str) -> None:
        if (label, count) != (self._label, self._count):
            self._label, self._count = label, count
            self.refresh()  # always one line: no layout

    def render(self) -> Text:
        room = self.content_region.width - len(self._count) - 1
        label = self._label if len(self._label) <= room else self._label[: room - 1] + "…"
        return Text(f"{label} {self._count}", no_wrap=True, overflow="ellipsis", end="")
