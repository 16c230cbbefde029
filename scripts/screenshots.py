"""Write screenshots/<pane>.svg of every pane from the sample data (`make screenshots`)."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store import Store, fixed_clock  # noqa: E402
from store.sample import SAMPLE_NOW, sample_records  # noqa: E402
from tui.app import PANES, BouncebackApp  # noqa: E402

SIZE = (120, 36)


# (file name, terminal size, keys pressed from a fresh start)
VIEWS: list[tuple[str, tuple[int, int], list[str]]] = [
    *((f"{pane}.svg", SIZE, [key]) for pane, key, _title, _ in PANES),
    ("board-80x24.svg", (80, 24), []),
    ("board-details.svg", SIZE, ["l", "l", "l", "enter"]),
    ("board-reflection.svg", SIZE, ["l", "r"]),
    ("board-new-application.svg", SIZE, ["n", *"Northwind Data", "tab", *"Data Engineer"]),
    ("journal-80x24.svg", (80, 24), ["2"]),
    ("journal-quick-mood.svg", SIZE, ["2", "m", "4"]),
    (
        "journal-thought-record.svg",
        SIZE,
        ["2", "n", *"Ghosted after two rounds", "tab", *"I'm not good enough", "ctrl+e"],
    ),
]


async def shoot(folder: Path, out: Path) -> list[Path]:
    store = Store.open(folder / "bounceback.json", clock=fixed_clock(SAMPLE_NOW))
    store.insert_all(sample_records())
    written = []
    for name, size, keys in VIEWS:
        app = BouncebackApp(store)
        async with app.run_test(size=size) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
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
