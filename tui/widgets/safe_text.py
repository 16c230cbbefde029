"""Show what the user typed exactly, without letting it drive the terminal.

Stored text may hold anything: Rich markup such as ``[bold]`` (harmless as long as
it is never parsed as markup: build ``Text`` objects, never markup strings) and
control characters such as ``\\x1b`` (which a terminal would obey). Control
characters are drawn as visible symbols instead.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

_C0 = {code: chr(0x2400 + code) for code in range(0x20)}  # ␀ … ␟: Unicode's control pictures
_OTHER = {0x7F: "␡", **dict.fromkeys(range(0x80, 0xA0), "�")}
# Bidi embeddings, overrides and isolates would reorder the rest of the terminal line.
_OTHER.update(dict.fromkeys((*range(0x202A, 0x202F), *range(0x2066, 0x206A)), "�"))
_VISIBLE = str.maketrans({**_C0, **_OTHER})
_VISIBLE_KEEP_LINES = str.maketrans({**{k: v for k, v in _C0.items() if k != 0x0A}, **_OTHER})


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control character (and bidi override) made a visible symbol."""
    return text.translate(_VISIBLE_KEEP_LINES if keep_newlines else _VISIBLE)


def one_line(text: str, style: str | Style = "") -> Text:
    """A single line of user text as a Rich ``Text`` (never parsed as markup)."""
    return Text(printable(text), style=style, no_wrap=True, overflow="ellipsis", end="")


def paragraph(text: str, style: str | Style = "") -> Text:
    """User text that may span lines, as a Rich ``Text`` (never parsed as markup)."""
    return Text(printable(text, keep_newlines=True), style=style)
