"""Checkboxes that say whether they are ticked by their mark, not only by a colour."""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

T = TypeVar("T")


class CheckBox(Checkbox):
    """Ticked shows ``X`` in the box, unticked an empty box: readable in every theme, and
    by anyone who cannot tell the theme's two colours apart."""

    BUTTON_INNER = " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = "X" if self.value else " "
        super().watch_value()


class TickList(SelectionList[T]):
    """A ``SelectionList`` whose chosen rows show ``X`` in their box, the others an empty
    box (Textual draws the same ``X`` in every box and tells them apart by colour)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 2 or segments[1].text != Checkbox.BUTTON_INNER:
            return strip
        mark = "X" if option.value in self.selected else " "
        segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, strip.cell_length)
