"""Write screenshots/<pane>.svg of every pane from the sample data (`make screenshots`)."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.widgets import Input, TextArea  # noqa: E402

from store import Store  # noqa: E402
from store.clock import MovableClock  # noqa: E402
from store.sample import SAMPLE_NOW, sample_records  # noqa: E402
from tui.app import PANES, BouncebackApp  # noqa: E402

SIZE = (120, 36)


class View(NamedTuple):
    name: str
    size: tuple[int, int]
    keys: list[str]
    """Pressed from a fresh start on the sample data."""
    minutes: float = 0
    """That pass on the clock after the keys (for the running timer)."""


VIEWS: list[View] = [
    *(View(f"{pane}.svg", SIZE, [key]) for pane, key, _title in PANES),
    View("board-80x24.svg", (80, 24), []),
    View("board-details.svg", SIZE, [*"llll", "enter"]),
    View("board-reflection.svg", SIZE, ["l", "l", "r"]),
    View("board-new-application.svg", SIZE, ["l", "n", *"Northwind Data", "tab", *"Data Engineer"]),
    View("journal-80x24.svg", (80, 24), ["2"]),
    View("journal-quick-mood.svg", SIZE, ["2", "m", "4"]),
    View(
        "journal-thought-record.svg",
        SIZE,
        ["2", "n", *"Ghosted after two rounds", "tab", *"I'm not good enough", "ctrl+e"],
    ),
    View("timer-focus.svg", SIZE, ["3", "l", *"applications", "enter", "space"], 7.5),
    View("timer-80x24.svg", (80, 24), ["3", "l", *"applications", "enter", "space"], 7.5),
    View("timer-break.svg", SIZE, ["3", "space"], 26.5),
    View("timer-settings.svg", SIZE, ["3", "c"]),
    View("progress-80x24.svg", (80, 24), ["4"]),
    View("progress-goals.svg", SIZE, ["4", "g"]),
    View("progress-what-works.svg", SIZE, ["4", *"j" * 14]),
    View("people-80x24.svg", (80, 24), ["5"]),
    View("people-contact.svg", SIZE, ["5", "slash", *"jonas", "enter", "enter"]),
    View("board-link-person.svg", SIZE, ["l", "p", *"Pri"]),
    View("agenda-80x24.svg", (80, 24), ["6"]),
]


async def shoot(folder: Path, out: Path) -> list[Path]:
    # A blinking cursor would make a picture depend on the moment it is taken: keep it
    # lit, as the snapshot tests do.
    Input._toggle_cursor = lambda self: None  # type: ignore[method-assign]
    TextArea._toggle_cursor_blink_visible = lambda self: None  # type: ignore[method-assign]
    written = []
    for name, size, keys, minutes in VIEWS:
        clock = MovableClock(SAMPLE_NOW)
        store = Store.open(folder / name / "bounceback.json", clock=clock)
        store.insert_all(sample_records())
        app = BouncebackApp(store)
        async with app.run_test(size=size, notifications=True) as pilot:
            await pilot.press(*keys)
            clock.advance(minutes=minutes)
            app.tick_timer()
            app.reload_if_mounted("timer")  # as its redraw each second would: not by luck
            await pilot.pause(0.3)
            written.append(Path(app.save_screenshot(name, path=str(out))))
    return written


def main() -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for path in asyncio.run(shoot(Path(folder), out)):
            print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
