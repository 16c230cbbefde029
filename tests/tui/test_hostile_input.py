"""Whatever the user types — any Unicode, control characters, escape sequences, Rich markup —
is stored exactly and drawn harmlessly: no control character reaches the terminal, and no
line is wider than its cell."""

from __future__ import annotations

import asyncio
import io
import unicodedata
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.strip import Strip
from textual.widgets import Input

from store import Store, fixed_clock
from store.models import ContactKind
from store.sample import SAMPLE_NOW
from tests.whitespace import trimmed
from tui import cli
from tui.app import BouncebackApp
from tui.widgets.card_column import CardColumn
from tui.widgets.record_list import RecordList

HOSTILE = [
    "[bold]", "[/]", "[red]x[/red]", "[link=http://evil]x[/link]", "\x1b[2J", "\x1b]0;title\x07",
    "\x1b]52;c;aGk=\x07", "\r", "\x00", "\x7f", "\x9b31m", "\t", "\u202e", "\u2067",
    "👩‍💻", "履歴書",
]  # fmt: skip
text = st.lists(
    st.sampled_from(HOSTILE) | st.text(st.characters(codec="utf-8"), max_size=30), max_size=6
).map("".join)
name = text.filter(lambda s: 0 < len(trimmed(s)) <= 300)


BIDI_CONTROLS = {*map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}


def is_control(char: str) -> bool:
    """Would change the terminal's state, or how the rest of the line is drawn."""
    return unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS


def assert_harmless(strip: Strip, width: int) -> None:
    assert strip.cell_length == width
    for segment in strip:
        assert not any(is_control(c) for c in segment.text), repr(segment.text)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(companies=st.lists(name, min_size=1, max_size=4), query=text, note=text)
def test_hostile_text_is_stored_exactly_and_drawn_harmlessly(
    tmp_path_factory: object, companies: list[str], query: str, note: str
) -> None:
    folder = Path(str(tmp_path_factory.mktemp("hostile")))  # type: ignore[attr-defined]
    store = Store.open(folder / "db.json", clock=fixed_clock(SAMPLE_NOW))
    added = [store.applications.add(company=c, role=c, notes=note) for c in companies]
    store.journal.add(mood=2, text=note or "x", negative_thought=companies[0])
    person = store.people.add(name=companies[0], company=note[:300], cadence_weeks=1)
    store.people.link(person.id, added[0].id, ContactKind.RECRUITER)
    store.wins.add(companies[-1])
    reread = Store.open(store.path)
    assert [reread.applications.get(a.id).company for a in added] == [trimmed(c) for c in companies]
    assert {reread.applications.get(a.id).notes for a in added} == {note}

    async def drive() -> None:
        app = BouncebackApp(reread)
        async with app.run_test(size=(80, 24)) as pilot:
            column = app.query_one("#cards-wishlist", CardColumn)
            width = column.scrollable_content_region.width
            for y in range(column.scrollable_content_region.height):
                assert_harmless(column.render_line(y), width)
            await pilot.press("slash")
            app.screen.query_one("#board-filter", Input).value = query
            await pilot.pause()
            await pilot.press("escape", "2")
            await pilot.pause()
            rows = app.query_one("#journal-list", RecordList)
            assert_harmless(rows.render_line(0), rows.scrollable_content_region.width)
            await pilot.press("5")
            people = app.query_one("#people-list", RecordList)
            assert_harmless(people.render_line(0), people.scrollable_content_region.width)
            await pilot.press("enter")  # the details draw the name, company and the link
            await pilot.pause()
            await pilot.press("escape", "4")
            await pilot.pause()

    asyncio.run(drive())


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(company=text, role=text)
def test_the_shell_takes_any_text_and_never_echoes_a_control_character(
    tmp_path_factory: object, company: str, role: str
) -> None:
    folder = Path(str(tmp_path_factory.mktemp("shell")))  # type: ignore[attr-defined]
    db = str(folder / "db.json")
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = cli.main(["--db", db, "add", "--", company, role])  # "--": text may start "-"
        cli.main(["--db", db, "list"])
    valid = 0 < len(trimmed(company)) <= 300 and 0 < len(trimmed(role)) <= 300
    assert status == (0 if valid else 2)
    printed = out.getvalue() + err.getvalue()
    assert not any(is_control(c) for c in printed.replace("\n", ""))
    if valid:
        (stored,) = Store.open(db).applications.on_board()
        assert (stored.company, stored.role) == (trimmed(company), trimmed(role))
