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


async def shoot(folder: Path, out: Path) -> list[Path]:
    store = Store.open(folder / "bounceback.json", clock=fixed_clock(SAMPLE_NOW))
    store.insert_all(sample_records())
    app = BouncebackApp(store)
    written = []
    async with app.run_test(size=SIZE) as pilot:
        for pane, key, _title, _ in PANES:
            await pilot.press(key)
            await pilot.pause()
            written.append(Path(app.save_screenshot(f"{pane}.svg", path=str(out))))
    return written


def main() -> None:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for path in asyncio.run(shoot(Path(folder), out)):
            print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
