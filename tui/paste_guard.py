"""A paste stays a paste, whatever it holds.

Textual's input parser reads an escape character inside a bracketed paste as the start
of a key sequence, and what follows it is sent on as keys: pasted on the board, text
holding ``ESC [31m … d`` switched panes and deleted a card. Before the parser sees it,
each escape between the paste's start and end markers is swapped for a stand-in, which
becomes the escape's picture (``␛``) once the parser has made the paste a ``Paste``
event: what our fields would show and save for it, and harmless in one of Textual's.
A paste's line breaks, which terminals send as carriage returns, arrive as line breaks.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser
from textual.driver import Driver
from textual.message import Message

ESC = "\x1b"
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
ESC_PICTURE = "␛"
STAND_IN = "\ufdd0"
"""A noncharacter: no keyboard types it and no text holds it for itself."""


class PasteSafeParser(XTermParser):
    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasting = False
        self._tail = ""
        """The last characters passed on outside a paste: a start marker can be split
        between two reads, and nothing typed is held back to wait for the rest of one."""
        self._held = ""
        """The end of a read inside a paste that may be the start of its end marker."""

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of the input: what was held back is pasted text after all
            if self._held:
                yield from self._pastes(super().feed(self._held.replace(ESC, STAND_IN)))
                self._held = ""
            yield from super().feed("")
            return
        # Only the start of a paste's end marker in this read: nothing to pass on yet (an
        # empty feed would tell the parser the input has ended).
        if passed := self._hide_escapes(self._held + data):
            yield from self._pastes(super().feed(passed))

    def tick(self) -> Iterable[Message]:
        # The parser gave up waiting on an escape: what comes next starts afresh, and is
        # not the rest of a paste's start marker.
        for message in super().tick():
            self._tail = ""
            yield message

    @staticmethod
    def _pastes(messages: Iterable[Message]) -> Iterable[Message]:
        # The escapes come back as their picture: a field Textual draws as it is (the
        # palette's) must never hold one, and ours would show and save the picture.
        # And a terminal sends each line break of a paste as a carriage return (xterm,
        # tmux): as such, a pasted posting landed in a text box as one line of ␍.
        for message in messages:
            if isinstance(message, events.Paste):
                text = message.text.replace("\r\n", "\n").replace("\r", "\n")
                message = events.Paste(text.replace(STAND_IN, ESC_PICTURE))
            yield message

    def _hide_escapes(self, data: str) -> str:
        self._held = ""
        out: list[str] = []
        at = 0
        while at < len(data):
            if not self._pasting:
                seen = self._tail + data[at:]
                start = seen.find(PASTE_START)
                if start < 0:
                    out.append(data[at:])
                    break
                begins = at + start + len(PASTE_START) - len(self._tail)
                out.append(data[at:begins])
                at, self._pasting, self._tail = begins, True, ""
                continue
            escape = data.find(ESC, at)
            if escape < 0:
                out.append(data[at:].replace(STAND_IN, ""))
                break
            out.append(data[at:escape].replace(STAND_IN, ""))
            rest = data[escape:]
            if rest.startswith(PASTE_END):
                out.append(PASTE_END)
                at, self._pasting = escape + len(PASTE_END), False
            elif PASTE_END.startswith(rest):  # the marker's end comes with the next read
                self._held = rest
                break
            else:
                out.append(STAND_IN)
                at = escape + 1
        passed = "".join(out)
        if not self._pasting:
            self._tail = (self._tail + passed)[-(len(PASTE_START) - 1) :]
        return passed


PARSER_MODULES = ("textual.drivers.linux_driver", "textual.drivers.web_driver",
                  "textual.drivers.win32")  # fmt: skip
"""Where Textual's drivers build their parser from the ``XTermParser`` they imported (the
Windows driver's is built in ``win32``)."""


def guard_pastes(driver: type[Driver]) -> type[Driver]:
    """``driver`` (Textual's terminal, web or Windows driver), with the parser it builds
    made paste-safe; a driver that builds none (the headless one of tests) is as it is."""
    for name in (driver.__module__, *PARSER_MODULES):
        module = sys.modules.get(name)  # only those the driver has imported
        if module is not None and getattr(module, "XTermParser", None) is XTermParser:
            module.XTermParser = PasteSafeParser  # type: ignore[attr-defined]
    return driver
