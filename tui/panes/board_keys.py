"""The Board's keys: each with an id users can remap and a line for the help."""

from __future__ import annotations

from textual.binding import Binding, BindingType


def key(
    keys: str, action: str, description: str, tooltip: str, *, name: str = "", shown: bool = False
) -> Binding:
    """A board key, its id ``board.<name>`` (by default the action's name); only the keys
    used most are shown in the footer, the help lists them all."""
    return Binding(
        keys,
        action,
        description,
        show=shown,
        id=f"board.{name or action}",
        tooltip=tooltip,
    )


BOARD_BINDINGS: list[BindingType] = [
    key("left,h", "cursor(-1, 0)", "Left", "Cursor to the column on the left", name="cursor_left"),
    key(
        "right,l", "cursor(1, 0)", "Right", "Cursor to the column on the right", name="cursor_right"
    ),
    key("up,k", "cursor(0, -1)", "Up", "Cursor up", name="cursor_up"),
    key("down,j", "cursor(0, 1)", "Down", "Cursor down", name="cursor_down"),
    key(
        "home", "cursor_to(0)", "First card", "Cursor to the first card of the column", name="first"
    ),
    key("end", "cursor_to(-1)", "Last card", "Cursor to the last card of the column", name="last"),
    key("pageup", "cursor_page(-1)", "Page up", "Cursor up a page", name="page_up"),
    key("pagedown", "cursor_page(1)", "Page down", "Cursor down a page", name="page_down"),
    key(
        "shift+left,H",
        "move(-1)",
        "◀ Stage",
        "Move the card to the previous stage",
        name="move_left",
        shown=True,
    ),
    key(
        "shift+right,L",
        "move(1)",
        "Stage ▶",
        "Move the card to the next stage",
        name="move_right",
        shown=True,
    ),
    key("K", "reorder(-1)", "Card up", "Move the card up its column", name="reorder_up"),
    key("J", "reorder(1)", "Card down", "Move the card down its column", name="reorder_down"),
    key("n", "new", "New", "New application", shown=True),
    key("enter", "details", "Details", "Show the application's details and history", shown=True),
    key("e", "edit", "Edit", "Edit the application"),
    key("r", "reject", "Reject", "Record a rejection and reflect on it", shown=True),
    key(
        "o",
        "offer_outcome",
        "Outcome",
        "Record what became of an offer: accepted, declined, expired",
    ),
    key("g", "ghosted", "Ghosted", "Mark as ghosted (no response)"),
    key("d", "delete", "Delete", "Delete the application (u to undo)"),
    key("a", "archive", "Archive", "Archive the application, or put it back"),
    key(
        "A",
        "toggle_archived",
        "Archived",
        "Show the archive instead of the board, or back",
        name="show_archived",
    ),
    key("p", "people", "People", "Link a contact to the application (or add one)"),
    key("s", "sort", "Sort", "Sort the column: yours, excitement, due, days, pay, company"),
    key("i", "interview", "Interview", "Book an interview on the application"),
    key("u", "undo", "Undo", "Undo the last change", shown=True),
    key("slash", "filter", "Filter", "Filter the cards by words", shown=True),
    key("escape", "clear_filter", "Clear filter", "Clear the filter"),
]
