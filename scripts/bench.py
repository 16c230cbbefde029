"""bounceback's benchmarks: one table of medians, each beside a floor measured in the same run.

    make bench                                   # 0, 1,000 and 10,000 records, 5 runs
    .venv/bin/python scripts/bench.py --sizes 0 1000 --runs 3 --json bench.json

Stores are synthetic, in the proportions of a long search (6% applications with 3–5
stage changes and a few hundred characters of notes, 9% journal entries, the rest
timer sessions). Every start-up, store and journal figure comes from a fresh process
(each store write three times a process, a raw write of the same file right after each);
start-up is timed from starting the process to its first frame drawn (its peak memory
is the whole start's, with the work the app leaves for after that frame), with bytecode
compiled as on any start after a user's first, and each start-up row's floor is run in
turns with it. Beside the floor, the same bare app with the store's required libraries
loaded shows how much of a gap to the floor is the stack's before any code of ours runs,
and the same app listing the board's applications from the store at each size shows how
much more the data costs before any widget of ours is drawn. The board is also timed
as the day's first start, which takes the day's backup.
Key-to-repaint runs the real app in tmux at 80×24 and times from sending the key to the
screen changing (to another pane: to that pane's own text showing), and, for a card
move, to the data file changing on disk; and a key pressed 0.1 s, 0.2 s… after the
board shows, while the app still does the work it leaves for after its first frame (one
fresh start each). Figures on a shared machine are noisy: read medians and ratios, not
single runs. Not part of the test suite's pass/fail (the suite runs it once, at the
smallest size, so it cannot rot).
"""

from __future__ import annotations

import argparse
import compileall
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The peak resident memory of the child itself. Not getrusage's ru_maxrss: on Linux a
# child starts with its parent's, and this parent holds a whole synthetic store (a
# 9 MB child of a 200 MB parent reports 215 MB). VmHWM belongs to the child's own
# memory map, made new at exec. child() runs this ahead of every child's code.
PEAK_RSS = """
import resource
def peak_rss_kb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except OSError:  # no /proc: the parent's share cannot be told apart here
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

# Each child prints one JSON object on its last line.
# Start-up is timed to the first frame, not to the process's end: the child notes the
# wall clock when Textual hands it its first frame to write (App._display, which writes
# every update to the terminal; headless, the frame is rendered and not written), and
# the parent subtracts the moment it started the process. Not a callback after the
# first refresh: that runs only once the screen has settled, after the Footer has
# composed its keys, which on this machine came 40 ms after the first frame in the
# floor and 130 ms after it in bounceback.
FIRST_FRAME = """
import json, time
class NotesFirstFrame:
    drawn_at = None
    showing = True  # False while an app still has to show the pane to be timed
    def _display(self, screen, renderable):
        if renderable is not None and self.showing and self.drawn_at is None:
            self.drawn_at = time.time()
        super()._display(screen, renderable)
"""


def floor_app(options: str = "") -> str:
    """The floor: a bare Textual app with a Header, a Footer and an OptionList (given
    ``options``, Python for its arguments) that ends once it has drawn its first frame."""
    return (
        FIRST_FRAME
        + """
from textual.app import App
from textual.widgets import Footer, Header, OptionList
class Floor(NotesFirstFrame, App):
    def compose(self):
        yield Header(); yield OptionList(OPTIONS); yield Footer()
    def on_mount(self):
        self.call_after_refresh(self.exit)
app = Floor()
app.run(headless=True, size=(80, 24))
print(json.dumps({"rss_kb": peak_rss_kb(),
                  "drawn_at": app.drawn_at}))
""".replace("OPTIONS", options)
    )


FLOOR_APP = floor_app()

# The floor app with the libraries the project requires for its store loaded, and one
# one-field model built (pydantic loads its schema machinery at the first): how much of
# a gap to the floor comes with the stack before any code of ours runs.
STACK_FLOOR_APP = (
    """
import orjson, pydantic, tinydb
class Probe(pydantic.BaseModel):
    x: int
"""
    + FLOOR_APP
)

# The floor app listing the board's applications as the store reads them from the file
# (opened as the app opens it): how much of a gap to the floor is the data before any
# widget of ours is drawn.
STORE_FLOOR_APP = """
import sys
from store import Store
import textual.app  # loaded before the file is opened, as in the app: peaks add up
store = Store.open(sys.argv[1], check_records=False)
""" + floor_app(
    '*(f"{a.company}, {a.role}: {a.stage.label}" for a in store.applications.on_board())'
)

PANE_FIRST_FRAME = (
    """
import gc
gc.disable()  # as the bounceback command starts (tui/__main__.py)
"""
    + FIRST_FRAME
    + """
import sys
from pathlib import Path
from store import Store
import tui.app
from tui.app import BouncebackApp
pane = sys.argv[2]
class FirstFrame(NotesFirstFrame, BouncebackApp):
    # A class from -c has no file to find the stylesheets beside.
    CSS_PATH = [Path(tui.app.__file__).parent / path for path in BouncebackApp.CSS_PATH]
    showing = pane == "board"
    async def on_mount(self):
        # Shown before the app's own work for after the first frame.
        if not self.showing:
            await self.action_show_pane(pane)
            self.showing = True
        super().on_mount()
        # Peak memory is the whole start's: on until the work the app leaves for after
        # its first frame is done (mounting the other panes is its last step but one).
        self.set_interval(0.02, self.exit_when_started)
    def exit_when_started(self):
        if self.drawn_at and all(each.is_mounted for each in self.panes.values()):
            self.exit()
app = FirstFrame(Store.open(sys.argv[1], check_records=False))  # as the CLI opens it
app.run(headless=True, size=(80, 24))
print(json.dumps({"rss_kb": peak_rss_kb(),
                  "drawn_at": app.drawn_at}))
"""
)

# Each write is timed three times a process, the first cold and the others as the
# writes of a session go; right after each, the floor writes the file's bytes as they
# then are, so a slow spell on the disk lands on both.
STORE_OPERATIONS = """
import json, os, sys, time
from pathlib import Path
from store import Stage, Store
path = Path(sys.argv[1])
timings = {"open": [], "add": [], "move": [], "edit": [], "raw_write": []}
started = time.perf_counter()
store = Store.open(path)
store.applications.on_board(); store.journal.entries(); store.timer.sessions()
timings["open"].append(time.perf_counter() - started)
store.prepare_to_write()  # as the app does once its first screen is up
def raw_write():
    # The floor: the same bytes, written the way the store writes them, without the store.
    data = path.read_bytes()
    temp = path.with_name(".floor.tmp")
    started = time.perf_counter()
    with open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path.with_name("floor.json"))
    folder = os.open(path.parent, os.O_RDONLY)
    os.fsync(folder)
    os.close(folder)
    timings["raw_write"].append(time.perf_counter() - started)
def timed(name, operation):
    started = time.perf_counter()
    result = operation()
    timings[name].append(time.perf_counter() - started)
    raw_write()
    return result
added = []
for _ in range(3):
    card = timed("add", lambda: store.applications.add(company="Bench", role="Developer"))
    added.append(card.id)
    timed("move", lambda: store.applications.move(card.id, Stage.APPLIED))
    edited = store.applications.get(card.id).model_copy(update={"notes": "edited"})
    timed("edit", lambda: store.applications.update(edited))
for card_id in added:
    store.applications.delete(card_id)
print(json.dumps(timings))
"""

JOURNAL_PANE = """
import asyncio, json, sys, time
from store import Store
from store.journal import mood_trend
from tui.app import BouncebackApp
from tui.panes.journal import JournalPane
store = Store.open(sys.argv[1])
timings = {}
now = store.clock()
entries = store.journal.entries()
started = time.perf_counter()
mood_trend(entries, store.applications.on_board(), today=now.date(), tz=now.tzinfo)
timings["mood_trend"] = time.perf_counter() - started
def draw(widget):
    for y in range(widget.size.height):
        widget.render_line(y)
async def drive():
    app = BouncebackApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        pane = app.query_one(JournalPane)
        records = pane.query_one("#journal-list")
        # Our own work, without the pilot's waits: rebuild the pane, draw what shows.
        started = time.perf_counter()
        pane.reload()
        draw(records)
        timings["open"] = time.perf_counter() - started
        started = time.perf_counter()
        records.action_page(1)
        draw(records)
        timings["page"] = time.perf_counter() - started
asyncio.run(drive())
print(json.dumps(timings))
"""

PANES = ("board", "journal", "timer", "progress", "people")
SWITCHES = {
    # pane: (its key, text only that pane shows at 80×24 on a synthetic store)
    "journal": ("2", "Mood, 30 days"),
    "timer": ("3", "Today "),
    "progress": ("4", "The funnel"),
    "people": ("5", "f: only those due"),
}


@dataclass
class Row:
    measure: str
    size: int
    unit: str
    samples: list[float]
    floor: str = ""
    floor_median: float | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def ratio(self) -> float | None:
        return self.median / self.floor_median if self.floor_median else None


def child(code: str, *args: str) -> tuple[float, dict[str, float]]:
    """Run ``code`` in a fresh interpreter: the seconds from starting it to the first
    frame it drew (or to its end, if it draws none), and the JSON it printed."""
    started, started_wall = time.perf_counter(), time.time()
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS + code, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{result.stderr[-2000:]}")
    printed = json.loads(result.stdout.strip().splitlines()[-1])
    if "drawn_at" in printed:
        elapsed = printed["drawn_at"] - started_wall
    return elapsed, printed


TERMINALS = itertools.count()


class Terminal:
    """The real app in tmux at 80×24, as a user meets it over SSH."""

    def __init__(self, db: Path) -> None:
        # A server of its own each: one just killed may not have gone yet.
        server = f"bench-{os.getpid()}-{next(TERMINALS)}"
        self.tmux = ["tmux", "-L", server, "-f", "/dev/null"]
        command = f"{sys.executable} -m tui --db {db}"
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-x", "80", "-y", "24", "-e", "TERM=xterm-256color",
             "-c", str(ROOT), command],
            check=True,
        )  # fmt: skip

    def screen(self) -> str:
        return subprocess.run(
            [*self.tmux, "capture-pane", "-p"], capture_output=True, text=True, check=False
        ).stdout

    def send(self, *keys: str) -> float:
        """Send ``keys``; the moment they were sent."""
        sent_at = time.perf_counter()
        subprocess.run([*self.tmux, "send-keys", *keys], check=True)
        return sent_at

    def wait_for_board(self) -> None:
        deadline = time.monotonic() + 60
        while "Applied" not in self.screen():
            if time.monotonic() > deadline:
                raise RuntimeError("the board never appeared")
            time.sleep(0.005)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True, check=False)


def keys_to_repaint(db: Path, runs: int) -> dict[str, list[float]]:
    """Key press to repaint as a user meets it: tmux sends the key, we poll the screen."""
    terminal = Terminal(db)
    sent_at = 0.0

    def timed(*keys: str, until: Callable[[str, str], bool]) -> float:
        nonlocal sent_at
        before = terminal.screen()
        sent_at = terminal.send(*keys)
        while not until(before, terminal.screen()):
            if time.perf_counter() - sent_at > 10:
                raise RuntimeError(f"{keys} changed nothing on screen")
        return time.perf_counter() - sent_at

    def changed(before: str, now: str) -> bool:
        return now != before

    def saved(since: float, before: tuple[int, int]) -> float:
        """Seconds from ``since`` until the data file on disk is no longer ``before``."""
        while signature() == before:
            if time.perf_counter() - since > 10:
                raise RuntimeError("the move was never saved")
        return time.perf_counter() - since

    def signature() -> tuple[int, int]:
        stat = db.stat()
        return stat.st_mtime_ns, stat.st_ino  # the store replaces the file on every write

    measures = ["move", "move_saved", "details", "filter_char", *SWITCHES]
    results: dict[str, list[float]] = {name: [] for name in measures}
    try:
        terminal.wait_for_board()
        time.sleep(1.0)
        for n in range(runs):
            on_disk = signature()
            results["move"].append(timed("L" if n % 2 == 0 else "H", until=changed))
            results["move_saved"].append(saved(sent_at, on_disk))
            time.sleep(0.1)
        for _ in range(runs):
            results["details"].append(timed("Enter", until=lambda _, now: "History" in now))
            timed("Escape", until=lambda _, now: "History" not in now)
            time.sleep(0.1)
        for _ in range(runs):
            for pane, (key, shown) in SWITCHES.items():
                results[pane].append(timed(key, until=lambda _, now, shown=shown: shown in now))
                time.sleep(0.1)
                timed("1", until=lambda _, now: "Wishlist" in now)
                time.sleep(0.1)
        timed("/", until=changed)
        for n in range(runs):
            results["filter_char"].append(timed("x" if n % 2 == 0 else "BSpace", until=changed))
            time.sleep(0.1)
    finally:
        terminal.close()
    return results


def first_keys_to_repaint(db: Path, runs: int) -> list[float]:
    """A key pressed soon after the board shows, while the app does its work for after
    the first frame: one fresh start per run, the key 0.1 s, 0.2 s, … after the board."""
    results = []
    for n in range(runs):
        terminal = Terminal(db)
        try:
            terminal.wait_for_board()
            time.sleep(0.1 * (n + 1))
            before = terminal.screen()
            sent_at = terminal.send("l")  # the cursor to the next column
            while terminal.screen() == before:
                if time.perf_counter() - sent_at > 10:
                    raise RuntimeError("the key changed nothing on screen")
            results.append(time.perf_counter() - sent_at)
            time.sleep(1.0)  # the rest of the start's work, before the app is stopped
        finally:
            terminal.close()
    return results


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def show(rows: list[Row]) -> None:
    wide = max(len(row.measure) for row in rows)
    head = f"{'measure':<{wide}} {'records':>7}  {'median (min–max)':>28}"
    print(f"{head}  {'floor':<22} {'ratio':>6}")
    for row in rows:
        if row.unit == "MB":
            value = f"{row.median:,.1f} MB ({min(row.samples):,.1f}–{max(row.samples):,.1f})"
        else:
            value = (
                f"{ms(row.median)} ({min(row.samples) * 1000:,.0f}–{max(row.samples) * 1000:,.0f})"
            )
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else ""
        print(f"{row.measure:<{wide}} {row.size:>7,}  {value:>28}  {row.floor:<22} {ratio:>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the table here, as JSON")
    parser.add_argument("--no-tmux", action="store_true", help="skip key-to-repaint")
    args = parser.parse_args()

    from store import Store
    from store.file.backups import backup_folder
    from store.synthetic import synthetic_records

    # Python caches a module's bytecode the first time it runs, so a user's every start
    # but the first reads it; the floor's Textual was compiled when pip installed it.
    # Compile ours too, for when PYTHONDONTWRITEBYTECODE or a fresh clone left none.
    for package in ("store", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)

    rows: list[Row] = []
    floor_time: list[float] = []
    floor_rss: list[float] = []
    stack: list[tuple[float, dict[str, float]]] = []
    stack_rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            db = Path(folder) / f"bench-{size}.json"
            Store.open(db).insert_all(synthetic_records(size))
            for pane in PANES:
                # Taken in turns with the app's own runs: a slow spell on a shared
                # machine lands on both, and the ratio stays fair (a floor taken once,
                # at the start, made ratios drift by a third over one run).
                floors, runs, store_floors, days_first = [], [], [], []
                with_stack = pane == "board" and size == args.sizes[0]
                for _ in range(args.runs):
                    floors.append(child(FLOOR_APP))
                    runs.append(child(PANE_FIRST_FRAME, str(db), pane))
                    if with_stack:
                        stack.append(child(STACK_FLOOR_APP))
                    if pane == "board":
                        store_floors.append(child(STORE_FLOOR_APP, str(db)))
                        # The day's first start also takes the day's backup: for most
                        # users, most of their starts.
                        shutil.rmtree(backup_folder(db))
                        days_first.append(child(PANE_FIRST_FRAME, str(db), pane))
                start_floor = statistics.median(t for t, _ in floors)
                floor_time += [t for t, _ in floors]
                started = Row(
                    f"start-up to first frame: {pane}", size, "s", [t for t, _ in runs],
                    f"bare app, {ms(start_floor)}", start_floor,
                )  # fmt: skip
                if pane != "board":
                    rows.append(started)
                    continue
                rss_floor = statistics.median(out["rss_kb"] / 1024 for _, out in floors)
                floor_rss += [out["rss_kb"] / 1024 for _, out in floors]
                rows += [
                    Row("start-up: bare app + the store, listing the board", size, "s",
                        [t for t, _ in store_floors], f"bare app, {ms(start_floor)}", start_floor),
                    Row("peak memory: bare app + the store, listing the board", size, "MB",
                        [out["rss_kb"] / 1024 for _, out in store_floors],
                        f"bare app, {rss_floor:.1f} MB", rss_floor),
                    started,
                    Row("start-up to first frame: board, the day's first", size, "s",
                        [t for t, _ in days_first], f"bare app, {ms(start_floor)}", start_floor),
                    Row("peak memory", size, "MB", [out["rss_kb"] / 1024 for _, out in runs],
                        f"bare app, {rss_floor:.1f} MB", rss_floor),
                ]  # fmt: skip
                if with_stack:
                    stack_rows = [
                        Row("start-up: bare app + store's libraries", 0, "s",
                            [t for t, _ in stack], f"bare app, {ms(start_floor)}", start_floor),
                        Row("peak memory: bare app + store's libraries", 0, "MB",
                            [out["rss_kb"] / 1024 for _, out in stack],
                            f"bare app, {rss_floor:.1f} MB", rss_floor),
                    ]  # fmt: skip
            operations = [child(STORE_OPERATIONS, str(db))[1] for _ in range(args.runs)]
            timings = {name: [t for op in operations for t in op[name]] for name in operations[0]}
            raw = statistics.median(timings["raw_write"])
            rows.append(Row("store: raw write+fsync+replace", size, "s", timings["raw_write"]))
            for name in ("open", "add", "move", "edit"):
                floor = ("raw write", raw) if name != "open" else ("", None)
                rows.append(Row(f"store: {name}", size, "s", timings[name], floor[0], floor[1]))
            journal = [child(JOURNAL_PANE, str(db))[1] for _ in range(args.runs)]
            for name, label in (("open", "journal: build the pane"),
                                ("page", "journal: scroll a page"),
                                ("mood_trend", "journal: mood trend, all of it")):  # fmt: skip
                rows.append(Row(label, size, "s", [run[name] for run in journal]))
            if size and not args.no_tmux:
                keys = keys_to_repaint(db, max(args.runs, 3))
                for name, label in (("move", "key to repaint: move a card"),
                                    ("move_saved", "key to saved on disk: move a card"),
                                    ("details", "key to repaint: open details"),
                                    ("filter_char", "key to repaint: filter, 1 char"),
                                    *((pane, f"key to repaint: switch to {pane}")
                                      for pane in SWITCHES)):  # fmt: skip
                    rows.append(Row(label, size, "s", keys[name]))
                rows.append(Row("key to repaint: just after the board shows", size, "s",
                                first_keys_to_repaint(db, max(args.runs, 3))))  # fmt: skip
    rows[:0] = [  # every floor run of the table, for reference
        Row("start-up: bare Textual app (floor)", 0, "s", floor_time),
        Row("peak memory: bare Textual app", 0, "MB", floor_rss),
        *stack_rows,
    ]
    show(rows)
    if args.json:
        table = [{**asdict(row), "median": row.median, "ratio": row.ratio} for row in rows]
        args.json.write_text(json.dumps({"runs": args.runs, "rows": table}, indent=2))
        print(f"\nWritten to {args.json}")


if __name__ == "__main__":
    main()
