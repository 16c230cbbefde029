"""Journal speed at 10,000 entries: rebuilding the pane (trend + list) and paging the list.

    .venv/bin/python scripts/bench_journal.py [--entries 10000] [--runs 7]

In process, headless, 80×24. Medians, with min–max.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store import Store, fixed_clock  # noqa: E402
from store.models import JournalEntry, Mood  # noqa: E402
from store.sample import SAMPLE_NOW  # noqa: E402
from tui.app import BouncebackApp  # noqa: E402
from tui.panes.journal import JournalPane  # noqa: E402


def summary(samples: list[float]) -> str:
    ms = [s * 1000 for s in samples]
    return f"{statistics.median(ms):.1f} ms ({min(ms):.0f}–{max(ms):.0f})"


async def measure(db: Path, runs: int) -> tuple[list[float], list[float]]:
    app = BouncebackApp(Store.open(db, clock=fixed_clock(SAMPLE_NOW)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        pane = app.query_one(JournalPane)
        reloads, pages = [], []
        for _ in range(runs):
            started = time.perf_counter()
            pane.reload()
            reloads.append(time.perf_counter() - started)
        for _ in range(runs):
            started = time.perf_counter()
            await pilot.press("pagedown")
            pages.append(time.perf_counter() - started)
    return reloads, pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(1)
    entries = [
        JournalEntry(
            at=SAMPLE_NOW - timedelta(hours=3 * n),
            mood=Mood(rng.randint(1, 5)),
            text="A day of applications, one reply, and a walk at lunch. " * 2,
        )
        for n in range(args.entries)
    ]
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "journal.json"
        Store.open(db, clock=fixed_clock(SAMPLE_NOW)).insert_all(entries)
        reloads, pages = asyncio.run(measure(db, args.runs))
    print(f"{args.entries:,} entries: rebuild the pane {summary(reloads)}", end="; ")
    print(f"page down {summary(pages)}")


if __name__ == "__main__":
    main()
