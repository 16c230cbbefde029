"""The row of pane names under the header: "1 Board  2 Journal …", the one shown marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

GAPS = (3, 2, 1)
"""Spaces between two names, the widest that fits: at 60 columns every name shows."""


class TabStrip(Widget, can_focus=False):
    """One line, drawn as one piece of text: a switch repaints this line only, where a
    widget per tab would be restyled and laid out again. A click on a name asks for
    its pane; the keys are the app's."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"tab-strip--current"}

    DEFAULT_CSS = """
    TabStrip {
        height: 1;
        padding-left: 1;
        color: $text-muted;
        & > .tab-strip--current { color: $text; text-style: bold underline; }
    }
    """

    current: reactive[str] = reactive("")
    """The id of the pane shown."""

    class Chosen(Message):
        """The user clicked the name of a pane."""

        def __init__(self, pane: str) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, tabs: Sequence[tuple[str, str]], current: str, *, id: str) -> None:
        """``tabs``: each pane's id and the name shown for it."""
        super().__init__(id=id)
        self.tabs = tuple(tabs)
        self.set_reactive(TabStrip.current, current)

    def _places(self) -> list[tuple[int, str, str]]:
        """Where each name is drawn: its first cell, its pane and the name."""
        names = sum(len(name) for _, name in self.tabs)
        room = self.content_region.width
        gap = next((g for g in GAPS if names + g * (len(self.tabs) - 1) <= room), GAPS[-1])
        places, x = [], 0
        for pane, name in self.tabs:
            places.append((x, pane, name))
            x += len(name) + gap
        return places

    def render(self) -> Text:
        current = self.get_component_rich_style("tab-strip--current")
        text = Text(no_wrap=True, overflow="crop", end="")
        for start, pane, name in self._places():
            text.append(" " * (start - len(text)))
            text.append(name, style=current if pane == self.current else "")
        return text

    def on_click(self, event: events.Click) -> None:
        at = event.get_content_offset(self)
        for start, pane, name in self._places():
            if at is not None and start <= at.x < start + len(name):
                self.post_message(self.Chosen(pane))
