"""A list of records, one line each, drawn with the Line API: only visible rows are built."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RecordList(ScrollView, can_focus=True):
    """Rows from ``describe(record)``; the cursor moves with the usual keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("home", "move_to(0)", "First", show=False),
        Binding("end", "move_to(-1)", "Last", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"record-list--cursor"}
    DEFAULT_CSS = """
    RecordList {
        height: 1fr;
        & > .record-list--cursor { background: $primary 40%; }
        &:focus > .record-list--cursor { background: $primary 70%; }
    }
    """

    cursor: reactive[int] = reactive(0)

    class Chosen(Message):
        """Enter (or a double click) on a row."""

        def __init__(self, record_list: RecordList, record: Any) -> None:
            super().__init__()
            self.record_list = record_list
            self.record = record

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.records: Sequence[Any] = ()
        self._describe: Callable[[Any], Text] = lambda record: Text(str(record))
        self._lines: dict[tuple[int, bool, bool, int], Strip] = {}

    def set_records(self, records: Sequence[Any], describe: Callable[[Any], Text]) -> None:
        self.records = records
        self._describe = describe
        self._lines.clear()
        self.virtual_size = Size(0, len(records))
        self.cursor = min(self.cursor, max(len(records) - 1, 0))
        self.refresh()

    @property
    def current(self) -> Any | None:
        return self.records[self.cursor] if self.records else None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()

    def on_focus(self) -> None:
        self._lines.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._lines.clear()
        self.refresh()

    def watch_cursor(self, old: int, new: int) -> None:
        self._lines = {k: v for k, v in self._lines.items() if k[0] not in (old, new)}
        self.refresh()
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, immediate=True)

    # --- keys and mouse -----------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self.records:
            self.cursor = min(max(self.cursor + step, 0), len(self.records) - 1)

    def action_move_to(self, row: int) -> None:
        if self.records:
            self.cursor = len(self.records) - 1 if row < 0 else 0

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(self.scrollable_content_region.height - 1, 1))

    def action_choose(self) -> None:
        if (record := self.current) is not None:
            self.post_message(self.Chosen(self, record))

    def on_click(self, event: events.Click) -> None:
        row = event.y + int(self.scroll_y)
        if 0 <= row < len(self.records):
            self.cursor = row
            if event.chain == 2:
                self.action_choose()

    # --- drawing ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = y + int(self.scroll_y)
        if row >= len(self.records):
            return Strip.blank(width, self.rich_style)
        highlighted = row == self.cursor
        key = (row, highlighted, self.has_focus, width)
        if key not in self._lines:
            base = self.rich_style
            if highlighted:
                base += self.get_component_rich_style("record-list--cursor")
            text = self._describe(self.records[row])
            text.truncate(width, overflow="ellipsis")
            own = self.app.console.get_style(text.style) if text.style else Style()
            segments = Segment.apply_style(text.render(self.app.console), own)
            strip = Strip(list(segments)).apply_style(base)
            self._lines[key] = strip.extend_cell_length(width, base).crop(0, width)
        return self._lines[key]
