"""A paste holding escape characters reaches the app as one paste, never as keys, however
the terminal's bytes are split between reads."""

from __future__ import annotations

import time

import pytest
from textual import constants, events
from textual._xterm_parser import XTermParser
from textual.message import Message

from tui.paste_guard import PASTE_END, PASTE_START, PasteSafeParser, guard_pastes

PASTED = "abc \x1b[31m def r\x1bd \x1b]52;c;aGk=\x07 ok"
TYPED = f"x{PASTE_START}{PASTED}{PASTE_END}y"
AS_PASTED = PASTED.replace("\x1b", "␛")
"""What the app is given: each escape as its picture, so that no field (not even one of
Textual's own, the palette's) can hold one."""


def read(parser: XTermParser, *chunks: str) -> list[Message]:
    messages = [m for chunk in chunks if chunk for m in parser.feed(chunk)]
    return messages + list(parser.feed(""))


def what(messages: list[Message]) -> list[tuple[str, str]]:
    return [
        ("paste", m.text) if isinstance(m, events.Paste) else ("key", m.key)
        for m in messages
        if isinstance(m, events.Paste | events.Key)
    ]


def test_textual_s_own_parser_turns_such_a_paste_into_keys() -> None:
    """Why the guard is there (and a sign, should Textual mend it, that it can go)."""
    assert ("key", "d") in what(read(XTermParser(), TYPED))


@pytest.mark.parametrize("split", range(len(TYPED) + 1))
def test_the_paste_arrives_whole_with_its_escapes_wherever_the_reads_split_it(
    split: int,
) -> None:
    shown = what(read(PasteSafeParser(), TYPED[:split], TYPED[split:]))
    assert shown == [("key", "x"), ("paste", AS_PASTED), ("key", "y")]


def test_the_paste_arrives_whole_however_many_reads_split_its_end() -> None:
    """A read holding only the start of the end marker (over SSH, a packet can end
    there) is held back, and never taken for the end of the input."""
    end = TYPED.index(PASTE_END)
    for first in range(end - 2, end + len(PASTE_END)):
        for second in range(first + 1, end + len(PASTE_END) + 1):
            chunks = TYPED[:first], TYPED[first:second], TYPED[second:]
            assert what(read(PasteSafeParser(), *chunks)) == [
                ("key", "x"), ("paste", AS_PASTED), ("key", "y"),
            ], chunks  # fmt: skip


def test_the_drivers_build_the_paste_safe_parser() -> None:
    from textual.drivers import linux_driver

    guard_pastes(linux_driver.LinuxDriver)
    assert linux_driver.XTermParser is PasteSafeParser


def test_a_lone_escape_key_is_not_held_back() -> None:
    parser = PasteSafeParser()
    assert list(parser.feed("\x1b")) == []  # the parser waits for what may follow, as ever
    time.sleep(constants.ESCAPE_DELAY * 2)
    assert what(list(parser.tick())) == [("key", "escape")]


def test_keys_and_sequences_outside_a_paste_are_read_as_before() -> None:
    typed = "a\x1b[A\x1b[1;2C\x13b"
    assert what(read(PasteSafeParser(), typed)) == what(read(XTermParser(), typed))


def test_a_paste_s_line_breaks_sent_as_carriage_returns_arrive_as_line_breaks() -> None:
    pasted = f"{PASTE_START}line one\rline two\r\nline three{PASTE_END}"
    assert what(read(PasteSafeParser(), pasted)) == [("paste", "line one\nline two\nline three")]


def test_an_escape_key_then_the_rest_of_a_start_marker_typed_later_is_only_keys() -> None:
    """The parser has given up on the escape: the guard must not take what follows for a
    paste, or the next paste would come as keys."""
    parser = PasteSafeParser()
    assert list(parser.feed("\x1b")) == []
    time.sleep(constants.ESCAPE_DELAY * 2)
    assert what(list(parser.tick())) == [("key", "escape")]
    typed = list(parser.feed("[200~dd"))
    pasted = list(parser.feed(f"{PASTE_START}dd{PASTE_END}"))
    assert ("key", "d") in what(typed)
    assert what(pasted) == [("paste", "dd")]
