"""A checkbox that says whether it is ticked by its mark, not only by a colour."""

from __future__ import annotations

from textual.widgets import Checkbox


class CheckBox(Checkbox):
    """Ticked shows ``X`` in the box, unticked an empty box: readable in every theme, and
    by anyone who cannot tell the theme's two colours apart."""

    BUTTON_INNER = " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = "X" if self.value else " "
        super().watch_value()
