"""Board speed at 100 / 1,000 / 5,000 applications: first frame and a card move.

    .venv/bin/python scripts/bench_board.py [--sizes 100 1000 5000] [--runs 5]

First frame: wall time from starting a fresh process to the Board's first paint
(headless), against a bare Textual app (Header, Footer, empty OptionList) as the
floor. Card move: the app runs in tmux at 80×24; time from sending the key to the
screen showing the change, durable write included (tmux's capture adds a few ms).
The store's move alone is reported beside it. Medians, with min–max.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD_FLOOR = """
from textual.app import App
from textual.widgets import Footer, Header, OptionList
class Floor(App):
    def compose(self):
        yield Header(); yield OptionList(); yield Footer()
    def on_mount(self):
        self.call_after_refresh(self.exit)
Floor().run(headless=True, size=(80, 24))
"""

CHILD_BOARD = """
import sys
from pathlib import Path
from store import Store
import tui.app
from tui.app import BouncebackApp
class FirstFrame(BouncebackApp):
    CSS_PATH = Path(tui.app.__file__).with_name("app.tcss")  # a class from -c has no file
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self.exit)
FirstFrame(Store.open(sys.argv[1])).run(headless=True, size=(80, 24))
"""


def first_frame(code: str, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, cwd=ROOT)
    return time.perf_counter() - started


def card_moves(db: Path, moves: int) -> list[float]:
    """Key press to repaint as a user meets it: tmux sends the key, we poll the screen."""
    server = f"bench-{os.getpid()}"
    tmux = ["tmux", "-L", server, "-f", "/dev/null"]

    def screen() -> str:
        result = subprocess.run([*tmux, "capture-pane", "-p"], capture_output=True, text=True)
        return result.stdout

    command = f"{sys.executable} -m tui --db {db}"
    subprocess.run([*tmux, "new-session", "-d", "-x", "80", "-y", "24",
                    "-e", "TERM=xterm-256color", "-c", str(ROOT), command], check=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while "Applied" not in screen():
            if time.monotonic() > deadline:
                raise RuntimeError("the board never appeared")
            time.sleep(0.02)
        time.sleep(1.0)  # let the lazily mounted panes settle
        samples = []
        for n in range(moves):
            before = screen()
            started = time.perf_counter()
            subprocess.run([*tmux, "send-keys", "L" if n % 2 == 0 else "H"], check=True)
            while screen() == before:
                if time.perf_counter() - started > 5:
                    raise RuntimeError("the key changed nothing on screen")
            samples.append(time.perf_counter() - started)
            time.sleep(0.1)
        return samples
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


def store_moves(db: Path, moves: int) -> list[float]:
    from store import Stage, Store

    store = Store.open(db)
    card = next(a for a in store.applications() if a.stage is Stage.APPLIED)
    samples = []
    for n in range(moves):
        started = time.perf_counter()
        store.move_application(card.id, Stage.INTERVIEWING if n % 2 == 0 else Stage.APPLIED)
        samples.append(time.perf_counter() - started)
    return samples


def summary(samples: list[float]) -> str:
    ms = [s * 1000 for s in samples]
    return f"{statistics.median(ms):7.1f} ms ({min(ms):.0f}–{max(ms):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from store import Store
    from store.sample import synthetic_applications

    floor = [first_frame(CHILD_FLOOR) for _ in range(args.runs)]
    floor_median = statistics.median(floor)
    print(f"{'applications':>12}  {'first frame':>24}  {'vs floor':>8}  "
          f"{'move → repaint':>24}  {'store move alone':>24}")  # fmt: skip
    print(f"{'floor':>12}  {summary(floor):>24}  {'1.00×':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            db = Path(folder) / f"board-{size}.json"
            Store.open(db).insert_all(synthetic_applications(size))
            frames = [first_frame(CHILD_BOARD, str(db)) for _ in range(args.runs)]
            repaint = card_moves(db, moves=max(args.runs * 3, 9))
            write = store_moves(db, moves=max(args.runs * 3, 9))
            ratio = statistics.median(frames) / floor_median
            print(f"{size:>12,}  {summary(frames):>24}  {ratio:>7.2f}×  "
                  f"{summary(repaint):>24}  {summary(write):>24}")  # fmt: skip


if __name__ == "__main__":
    main()
