"""One column of the board, drawn with Textual's Line API.

Only the cards on screen are rendered, whatever the column holds: ten years of
applications cost no more to draw than ten, where a widget per card would not scale.
The column scrolls by whole cards to keep the cursor's card in view, and its last line
says how many cards are above and below the ones shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar
from uuid import UUID

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from tui.widgets.safe_text import one_line

WIDE_COLUMN = 22
"""From this many cells wide, a card has room for a line of details."""


@dataclass(frozen=True)
class Card:
    """What a card shows; the pane computes it from an application."""

    id: UUID
    company: str
    role: str
    days_in_stage: int
    excitement: int
    due: bool
    stale: bool
    details: str
    """Location and next action, shown when the column is wide."""
    next_interview: str = ""
    """``Tue 14:00 technical``: shown in place of the stars while one is coming."""


class CardColumn(Widget, can_focus=False):
    """The cards of one stage. The pane owns the cursor; this only draws it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "card-column--company",
        "card-column--role",
        "card-column--meta",
        "card-column--flag",
        "card-column--cursor",
        "card-column--empty",
        "card-column--more",
    }

    DEFAULT_CSS = """
    CardColumn {
        height: 1fr;
        & > .card-column--company { text-style: bold; }
        & > .card-column--role { color: $text-muted; }
        & > .card-column--meta { color: $text-muted; }
        & > .card-column--flag { color: $text-warning; text-style: bold; }
        & > .card-column--cursor { background: $primary 40%; }
        & > .card-column--empty { color: $text-disabled; text-style: italic; }
        & > .card-column--more { color: $text-muted; }
    }
    """

    cursor: reactive[int | None] = reactive(None)
    """The highlighted card, or None when the cursor is in another column."""

    class Clicked(Message):
        def __init__(self, column: CardColumn, index: int) -> None:
            super().__init__()
            self.column = column
            self.index = index

    def __init__(self, *, empty_text: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.records: Sequence[Any] = ()
        self._describe: Callable[[Any], Card] = lambda record: record
        self.empty_text = empty_text
        self.top = 0
        """The first card on screen."""
        self._card_lines: dict[tuple[int, bool, int], list[Strip]] = {}
        self._styles: dict[str, Style] = {}
        self._as_of: object = None
        self._width = 0  # looked up once per render, not per line: a region lookup is slow

    @property
    def card_height(self) -> int:
        """Lines per card, including the blank line that separates cards."""
        return self._card_height(self.scrollable_content_region.width)

    @staticmethod
    def _card_height(width: int) -> int:
        return 5 if width >= WIDE_COLUMN else 4

    @property
    def page(self) -> int:
        """How many cards are on screen at once (at least one, however short the column)."""
        height, card_height = self.scrollable_content_region.height, self.card_height
        if len(self.records) * card_height <= height:
            return max(len(self.records), 1)
        return max((height - 1) // card_height, 1)  # the last line counts the others

    @property
    def hidden_above(self) -> int:
        return self.top

    @property
    def hidden_below(self) -> int:
        return max(len(self.records) - self.top - self.page, 0)

    def set_cards(
        self, records: Sequence[Any], describe: Callable[[Any], Card], *, as_of: object = None
    ) -> None:
        """Show ``records``; ``describe`` turns one into a Card, only when it is on screen.

        Records are immutable, so the same objects described as of the same ``as_of``
        (a date, say) draw the same cards: nothing is redrawn.
        """
        unchanged = (
            as_of is not None
            and as_of == self._as_of
            and len(records) == len(self.records)
            and all(new is old for new, old in zip(records, self.records, strict=True))
        )
        self._as_of = as_of
        if unchanged:
            return
        self.records = records
        self._describe = describe
        self._card_lines.clear()
        self._scroll_to_cursor()
        self.refresh()

    def card(self, index: int) -> Card:
        return self._describe(self.records[index])

    @property
    def cards(self) -> list[Card]:
        """Every card (for tests and small columns; drawing never needs them all)."""
        return [self._describe(record) for record in self.records]

    @property
    def shown(self) -> range:
        """The indexes of the cards on screen."""
        return range(self.top, min(self.top + self.page, len(self.records)))

    def _scroll_to_cursor(self) -> bool:
        """Scroll by whole cards so the cursor's card is on screen; whether it scrolled."""
        page = self.page
        top = self.top
        if self.cursor is not None:
            top = min(max(top, self.cursor - page + 1), self.cursor)
        top = min(max(top, 0), max(len(self.records) - page, 0))
        scrolled, self.top = top != self.top, top
        return scrolled

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()  # the theme or CSS changed
        self._card_lines.clear()

    def _style(self, name: str) -> Style:
        """A component style, looked up once: rich_style is slow to compute."""
        if name not in self._styles:
            if name == "":
                self._styles[name] = self.rich_style
            elif name == "card-column--cursor":
                self._styles[name] = self.get_component_rich_style(name)
            else:  # foreground only, so the cursor's background shows through
                full = self.get_component_rich_style(name)
                self._styles[name] = Style(color=full.color, bold=full.bold, italic=full.italic)
        return self._styles[name]

    def on_resize(self) -> None:
        self._card_lines.clear()
        self._scroll_to_cursor()
        self.refresh()

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        if self._scroll_to_cursor():
            self.refresh()  # every card moved up or down
            return
        for index in (old, new):
            if index is not None and index in self.shown:
                self._card_lines = {k: v for k, v in self._card_lines.items() if k[0] != index}
                self.refresh(self._card_region(index))
        self.refresh(self._more_region())

    def _card_region(self, index: int) -> Region:
        height = self.card_height
        return Region(0, (index - self.top) * height, self.scrollable_content_region.width, height)

    def _more_region(self) -> Region:
        region = self.scrollable_content_region
        return Region(0, region.height - 1, region.width, 1)

    def on_click(self, event: events.Click) -> None:
        index = self.top + event.y // self.card_height
        if index in self.shown:
            self.post_message(self.Clicked(self, index))

    # --- drawing ----------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._width = self.scrollable_content_region.width
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self._width
        if not self.records:
            if y == 1 and self.empty_text:
                empty = Text(" " + self.empty_text, style=self._style("card-column--empty"))
                return self._strip(empty, width)
            return Strip.blank(width, self._style(""))
        if y == self.scrollable_content_region.height - 1 and (self.top or self.hidden_below):
            return self._more_line(width)
        offset, row = divmod(y, self._card_height(width))
        index = self.top + offset
        if offset >= self.page or index >= len(self.records):
            return Strip.blank(width, self._style(""))
        key = (index, index == self.cursor, width)
        if key not in self._card_lines:
            self._card_lines[key] = self._draw_card(self.card(index), index == self.cursor, width)
        return self._card_lines[key][row]

    def _more_line(self, width: int) -> Strip:
        """How many cards are out of view: "↑ 8  ↓ 27"."""
        counts = [
            f"{arrow} {count}"
            for arrow, count in (("↑", self.hidden_above), ("↓", self.hidden_below))
            if count
        ]
        return self._strip(
            Text(" " + "  ".join(counts), style=self._style("card-column--more")), width
        )

    def _draw_card(self, card: Card, highlighted: bool, width: int) -> list[Strip]:
        style = self._style
        base = style("") + (style("card-column--cursor") if highlighted else Style())
        meta = Text(f" {card.days_in_stage}d ", style=style("card-column--meta"))
        if card.next_interview:
            meta.append(card.next_interview, style=style("card-column--flag"))
        else:
            meta.append("★" * card.excitement)
        if card.due:
            meta.append(" due", style=style("card-column--flag"))
        if card.stale:
            meta.append(" stale", style=style("card-column--flag"))
        lines = [
            one_line(" " + card.company, style=style("card-column--company")),
            one_line(" " + card.role, style=style("card-column--role")),
            meta,
        ]
        if self._card_height(width) == 5:
            lines.append(one_line(" " + card.details, style=style("card-column--role")))
        strips = [self._strip(text, width, base) for text in lines]
        return [*strips, Strip.blank(width, style(""))]

    def _strip(self, text: Text, width: int, base: Style | None = None) -> Strip:
        base = base or self._style("")
        text.truncate(width - 1, overflow="ellipsis")
        console = self.app.console
        # Text.render() leaves out the text's own base style; apply it beneath the spans.
        own_style = console.get_style(text.style) if text.style else Style()
        segments = Segment.apply_style(text.render(console), own_style)
        strip = Strip(list(segments)).apply_style(base)
        return strip.extend_cell_length(width, base).crop(0, width)
