"""bounceback's benchmarks: one table of medians, each beside a floor measured in the same run.

    make bench                                   # 10,000, 17,000 and 50,000 records, 3 runs
    .venv/bin/python scripts/bench.py --sizes 0 1000 --runs 3 --json bench.json

Stores are synthetic, in the proportions of a long search (6% applications with 3–5
stage changes and a few hundred characters of notes, 9% journal entries, the rest
timer sessions): 10,000 records hold 600 applications, 17,000 a heavy user's 1,000, and
50,000 hold 3,000. Every start-up, store and journal figure comes from a fresh process
(each store write three times a process, a raw write of the same file right after each);
start-up is timed from starting the process to its first frame drawn (its peak memory
is the whole start's, with the work the app leaves for after that frame), with bytecode
compiled as on any start after a user's first. Start-up and memory are judged against
the stack floor, run in turns with the app: a bare Textual app (Header, an empty
OptionList, Footer) that also loads the libraries bounceback requires (pydantic, TinyDB,
orjson, platformdirs) before its first frame. The bare app without them stays for
reference, and the same bare app listing the board's applications from the store shows
how much more the data costs before any widget of ours is drawn. The board is also
timed as the day's first start, which takes the day's backup.
Key-to-repaint runs the real app in tmux at 80×24 and times from sending the key to the
screen changing (to another pane: to that pane's own text showing), and, for a card
move, to the data file changing on disk and to the app being idle again (its processor
time, read from /proc, no longer growing); a second move sent as the first shows; the
same for a key in the stack floor (a long list's highlight moved); and a key pressed
0.1 s, 0.2 s… after the board shows, while the app still does the work it leaves for
after its first frame (one fresh start each). Last, the targets' table: each figure
beside its target. Figures on a shared machine are noisy: read medians and ratios, not
single runs. Not part of the test suite's pass/fail (the suite runs it once, at the
smallest size, so it cannot rot).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
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

# The stack floor, what start-up and memory are judged against: the floor app with the
# libraries the project requires loaded before its first frame, and one one-field model
# built (pydantic loads its schema machinery at the first). The gap between it and the
# bare app is the stack's, before any code of ours runs.
STACK_IMPORTS = """
import orjson, platformdirs, pydantic, tinydb
class Probe(pydantic.BaseModel):
    x: int
"""
STACK_FLOOR_APP = STACK_IMPORTS + FLOOR_APP

# The stack floor as a user meets it in tmux, for key to repaint: the highlight of a
# long list moved a line by a key. Ends by itself, in case the bench is stopped.
STACK_FLOOR_KEYS = (
    STACK_IMPORTS
    + """
from textual.app import App
from textual.widgets import Footer, Header, OptionList
class Floor(App):
    def compose(self):
        yield Header(); yield OptionList(*(f"Company {n}, Developer" for n in range(200)))
        yield Footer()
    def on_mount(self):
        self.set_timer(600, self.exit)
Floor().run()
"""
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
        every = [self.panes.get(each) for each, *_ in tui.app.PANES]  # made after the frame
        if self.drawn_at and all(each and each.is_mounted for each in every):
            self.exit()
app = FirstFrame(Store.open(sys.argv[1], check_records=False))  # as the CLI opens it
app.run(headless=True, size=(80, 24))
print(json.dumps({"rss_kb": peak_rss_kb(),
                  "drawn_at": app.drawn_at}))
"""
)

# The store opened and written as in the app: collection held through the open, then
# collected, frozen and on again. Each write is timed three times a process, the first
# cold and the others as the writes of a session go; right after each, the floor writes
# the file's bytes as they then are, so a slow spell on the disk lands on both.
STORE_OPERATIONS = """
import gc, json, os, sys, time
gc.disable()  # as every bounceback command starts (tui/__main__.py)
from pathlib import Path
from store import Stage, Store
from tui import startup
path = Path(sys.argv[1])
timings = {"open": [], "add": [], "move": [], "edit": [], "raw_write": []}
started = time.perf_counter()
store = Store.open(path)
store.applications.on_board(); store.journal.entries(); store.timer.sessions()
timings["open"].append(time.perf_counter() - started)
store.prepare_to_write()  # as the app does once its first screen is up
startup.freeze_what_the_start_made()  # and collection on again, as in the app
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
KEY_LOST_AFTER = 5.0
"""Seconds after which a key that changed nothing on screen counts as lost."""
LOST_KEYS: list[str] = []
"""Keys that changed nothing on screen, told below the table (a bug, not a figure)."""


class KeyLost(Exception):
    """A key that changed nothing on screen."""


@contextlib.contextmanager
def noted_if_lost() -> Iterator[None]:
    """A key lost is noted and its sample left out, so the rest of the bench still runs."""
    try:
        yield
    except KeyLost as lost:
        LOST_KEYS.append(str(lost))


IDLE_FOR = 0.15
"""Seconds without work after which a program counts as idle."""
IDLE_POLL = 0.01
"""Seconds between two looks at the program's processor time while waiting for it to
be idle: busy is a quarter of that used."""


class Terminal:
    """The real app in tmux at 80×24, as a user meets it over SSH."""

    def __init__(self, db: Path | None = None, command: str = "") -> None:
        """bounceback on ``db``, or ``command``."""
        # A server of its own each: one just killed may not have gone yet.
        server = f"bench-{os.getpid()}-{next(TERMINALS)}"
        self.tmux = ["tmux", "-L", server, "-f", "/dev/null"]
        command = command or f"{sys.executable} -m tui --db {db}"
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-x", "80", "-y", "24", "-e", "TERM=xterm-256color",
             "-c", str(ROOT), command],
            check=True,
        )  # fmt: skip

    def screen(self, colours: bool = False) -> str:
        """The text on screen; with ``colours``, the escapes that colour it too."""
        return subprocess.run(
            [*self.tmux, "capture-pane", "-p", *(["-e"] if colours else [])],
            capture_output=True, text=True, check=False,
        ).stdout  # fmt: skip

    def send(self, *keys: str) -> float:
        """Send ``keys``; the moment they were sent."""
        sent_at = time.perf_counter()
        subprocess.run([*self.tmux, "send-keys", *keys], check=True)
        return sent_at

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + 60
        while text not in self.screen():
            if time.monotonic() > deadline:
                raise RuntimeError(f"{text!r} never appeared")
            time.sleep(0.005)

    def wait_for_board(self) -> None:
        self.wait_for("Applied")

    def cpu_seconds(self) -> float:
        """The processor time the program in the terminal has used so far, every thread
        of it and of its children, to the nanosecond (from /proc)."""
        if not hasattr(self, "pid"):
            shown = subprocess.run(
                [*self.tmux, "display-message", "-p", "#{pane_pid}"],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            self.pid = int(shown.stdout)
        total, pids = 0, [self.pid]
        while pids:
            pid = pids.pop()
            for task in Path(f"/proc/{pid}/task").glob("*"):
                with contextlib.suppress(OSError, ValueError):
                    total += int((task / "schedstat").read_text().split()[0])
                    pids += map(int, (task / "children").read_text().split())
        return total / 1e9

    def wait_until_idle(self) -> None:
        """Until the program has done no work for ``IDLE_FOR`` (its start's work done)."""
        cpu, quiet_since = self.cpu_seconds(), time.perf_counter()
        deadline = quiet_since + 60
        while time.perf_counter() - quiet_since < IDLE_FOR:
            time.sleep(IDLE_POLL)
            was, cpu = cpu, self.cpu_seconds()
            if cpu - was >= IDLE_POLL / 4:
                quiet_since = time.perf_counter()
            if time.perf_counter() > deadline:
                raise RuntimeError("the program never went idle")

    def follow(self, *keys: str, saved: Callable[[], bool]) -> tuple[float, float, float]:
        """Send ``keys`` and follow what they set off: seconds to the screen changing, to
        ``saved()`` holding, and to the last moment the program was busy before it was
        idle for ``IDLE_FOR`` (busy: a poll that found it used a quarter of the time
        since the poll before)."""
        before, cpu = self.screen(), self.cpu_seconds()
        sent_at = last_at = busy_until = self.send(*keys)
        shown_at = saved_at = None
        while shown_at is None or saved_at is None or last_at - busy_until < IDLE_FOR:
            at = time.perf_counter()
            if at - sent_at > 10:
                raise KeyLost(f"{keys}: not shown, saved and done within 10 s")
            if shown_at is None and self.screen() != before:
                shown_at = time.perf_counter()
            if saved_at is None and saved():
                saved_at = time.perf_counter()
            was, cpu = cpu, self.cpu_seconds()
            if cpu - was >= (at - last_at) / 4:
                busy_until = at
            last_at = at
            if shown_at is not None and saved_at is not None:
                # Polled as wait_until_idle polls: polled as fast as it can, a thread's
                # wake-up (Textual's input thread, ten times a second) counted as work,
                # and the program was never idle.
                time.sleep(IDLE_POLL)
        return shown_at - sent_at, saved_at - sent_at, busy_until - sent_at

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
            if time.perf_counter() - sent_at > KEY_LOST_AFTER:
                raise KeyLost(f"{keys} at {db.name}")
        return time.perf_counter() - sent_at

    def changed(before: str, now: str) -> bool:
        return now != before

    def signature() -> tuple[int, int]:
        stat = db.stat()
        return stat.st_mtime_ns, stat.st_ino  # the store replaces the file on every write

    measures = ["move", "move_saved", "move_idle", "second_move", "details", "filter_char",
                *SWITCHES]  # fmt: skip
    results: dict[str, list[float]] = {name: [] for name in measures}
    try:
        terminal.wait_for_board()
        terminal.wait_until_idle()
        for n in range(runs):
            on_disk = signature()
            with noted_if_lost():
                shown, stored, idle = terminal.follow(
                    "L" if n % 2 == 0 else "H", saved=lambda on_disk=on_disk: signature() != on_disk
                )
                results["move"].append(shown)
                results["move_saved"].append(stored)
                results["move_idle"].append(idle)
            terminal.wait_until_idle()
        for n in range(runs):
            # A second key sent as soon as the first move shows, while its save may run.
            first, second = ("L", "H") if n % 2 == 0 else ("H", "L")
            with noted_if_lost():
                timed(first, until=changed)
                results["second_move"].append(timed(second, until=changed))
            terminal.wait_until_idle()
        for _ in range(runs):
            with noted_if_lost():
                results["details"].append(timed("Enter", until=lambda _, now: "History" in now))
                timed("Escape", until=lambda _, now: "History" not in now)
            time.sleep(0.1)
        for _ in range(runs):
            for pane, (key, shown) in SWITCHES.items():
                with noted_if_lost():
                    results[pane].append(timed(key, until=lambda _, now, shown=shown: shown in now))
                    time.sleep(0.1)
                    timed("1", until=lambda _, now: "Wishlist" in now)
                time.sleep(0.1)
        timed("/", until=changed)
        for n in range(runs):
            with noted_if_lost():
                key = "x" if n % 2 == 0 else "BSpace"
                results["filter_char"].append(timed(key, until=changed))
            time.sleep(0.1)
    finally:
        terminal.close()
    return results


def floor_keys_to_repaint(runs: int) -> list[float]:
    """Key to repaint in the stack floor, in tmux as the app: a list's highlight moved."""
    script = Path(tempfile.mkdtemp()) / "floor.py"
    script.write_text(STACK_FLOOR_KEYS)
    terminal = Terminal(command=f"{sys.executable} {script}")
    results = []
    try:
        terminal.wait_for("Company 1,")
        time.sleep(1.0)
        for n in range(runs):
            before = terminal.screen(colours=True)  # the highlight is a colour
            sent_at = terminal.send("Down" if n % 2 == 0 else "Up")
            with noted_if_lost():
                while terminal.screen(colours=True) == before:
                    if time.perf_counter() - sent_at > KEY_LOST_AFTER:
                        raise KeyLost("a key in the stack floor")
                results.append(time.perf_counter() - sent_at)
            time.sleep(0.1)
    finally:
        terminal.close()
        shutil.rmtree(script.parent)
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
            # The cursor to the next column and back: the board keeps its cursor from
            # one start to the next, and one key more than the columns would meet the end.
            key = "l" if n % 2 == 0 else "h"
            sent_at = terminal.send(key)
            with noted_if_lost():
                while terminal.screen() == before:
                    if time.perf_counter() - sent_at > KEY_LOST_AFTER:
                        raise KeyLost(f"{key!r} {0.1 * (n + 1):.1f} s after the board showed")
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


PARTS = ["start-up", "store", "journal", "keys"]
"""What --only can choose: each size's start-ups, store operations, journal pane, keys."""
TEN_THOUSAND, THOUSAND_APPLICATIONS, FIFTY_THOUSAND = 10_000, 17_000, 50_000
"""The sizes the table is judged at: three years of a long search (600 applications);
a heavy user's 1,000 applications in the same proportions; and 50,000 records (3,000
applications), to show the app stays flat."""
OTHER_PANES_UP_TO = TEN_THOUSAND
"""The other panes' start-ups are timed up to this size only: the bench stays within a
few minutes, and the table judges the board's."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[TEN_THOUSAND, THOUSAND_APPLICATIONS, FIFTY_THOUSAND],
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the table here, as JSON")
    parser.add_argument("--no-tmux", action="store_true", help="skip key-to-repaint")
    parser.add_argument(
        "--only", nargs="+", choices=PARTS, default=PARTS, help="measure only these parts"
    )
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
    stack_time: list[float] = []
    stack_rss: list[float] = []
    file_sizes: dict[int, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            db = Path(folder) / f"bench-{size}.json"
            Store.open(db).insert_all(synthetic_records(size))
            file_sizes[size] = db.stat().st_size
            panes = PANES if size <= OTHER_PANES_UP_TO or size == min(args.sizes) else ("board",)
            for pane in panes if "start-up" in args.only else ():
                # Taken in turns with the app's own runs: a slow spell on a shared
                # machine lands on both, and the ratio stays fair (a floor taken once,
                # at the start, made ratios drift by a third over one run).
                floors, stacks, runs, store_floors, days_first = [], [], [], [], []
                for _ in range(args.runs):
                    stacks.append(child(STACK_FLOOR_APP))
                    runs.append(child(PANE_FIRST_FRAME, str(db), pane))
                    if pane == "board":
                        floors.append(child(FLOOR_APP))
                        store_floors.append(child(STORE_FLOOR_APP, str(db)))
                        # The day's first start also takes the day's backup: for most
                        # users, most of their starts.
                        shutil.rmtree(backup_folder(db))
                        days_first.append(child(PANE_FIRST_FRAME, str(db), pane))
                stack_floor = statistics.median(t for t, _ in stacks)
                stack_time += [t for t, _ in stacks]
                on_stack = f"stack floor, {ms(stack_floor)}"
                started = Row(
                    f"start-up to first frame: {pane}", size, "s", [t for t, _ in runs],
                    on_stack, stack_floor,
                )  # fmt: skip
                if pane != "board":
                    rows.append(started)
                    continue
                start_floor = statistics.median(t for t, _ in floors)
                floor_time += [t for t, _ in floors]
                rss_floor = statistics.median(out["rss_kb"] / 1024 for _, out in floors)
                floor_rss += [out["rss_kb"] / 1024 for _, out in floors]
                rss_stack = statistics.median(out["rss_kb"] / 1024 for _, out in stacks)
                stack_rss += [out["rss_kb"] / 1024 for _, out in stacks]
                rows += [
                    Row("start-up: bare app + the store, listing the board", size, "s",
                        [t for t, _ in store_floors], f"bare app, {ms(start_floor)}", start_floor),
                    Row("peak memory: bare app + the store, listing the board", size, "MB",
                        [out["rss_kb"] / 1024 for _, out in store_floors],
                        f"bare app, {rss_floor:.1f} MB", rss_floor),
                    started,
                    Row("start-up to first frame: board, the day's first", size, "s",
                        [t for t, _ in days_first], on_stack, stack_floor),
                    Row("peak memory", size, "MB", [out["rss_kb"] / 1024 for _, out in runs],
                        f"stack floor, {rss_stack:.1f} MB", rss_stack),
                ]  # fmt: skip
            if "store" in args.only:
                operations = [child(STORE_OPERATIONS, str(db))[1] for _ in range(args.runs)]
                timings = {
                    name: [t for op in operations for t in op[name]] for name in operations[0]
                }
                raw = statistics.median(timings["raw_write"])
                rows.append(Row("store: raw write+fsync+replace", size, "s", timings["raw_write"]))
                for name in ("open", "add", "move", "edit"):
                    floor = ("raw write", raw) if name != "open" else ("", None)
                    rows.append(Row(f"store: {name}", size, "s", timings[name], floor[0], floor[1]))
            if "journal" in args.only:
                journal = [child(JOURNAL_PANE, str(db))[1] for _ in range(args.runs)]
                for name, label in (("open", "journal: build the pane"),
                                    ("page", "journal: scroll a page"),
                                    ("mood_trend", "journal: mood trend, all of it")):  # fmt: skip
                    rows.append(Row(label, size, "s", [run[name] for run in journal]))
            if size and not args.no_tmux and "keys" in args.only:
                keys = keys_to_repaint(db, max(args.runs, 3))
                for name, label in (("move", "key to repaint: move a card"),
                                    ("second_move", "key to repaint: a second move at once"),
                                    ("move_saved", "key to saved on disk: move a card"),
                                    ("move_idle", "key to idle: move a card"),
                                    ("details", "key to repaint: open details"),
                                    ("filter_char", "key to repaint: filter, 1 char"),
                                    *((pane, f"key to repaint: switch to {pane}")
                                      for pane in SWITCHES)):  # fmt: skip
                    if keys[name]:  # else every one of its keys was lost (told below)
                        rows.append(Row(label, size, "s", keys[name]))
                if first_keys := first_keys_to_repaint(db, max(args.runs, 3)):
                    rows.append(Row("key to repaint: just after the board shows", size, "s",
                                    first_keys))  # fmt: skip
    floor_rows = [  # every floor run of the table, for reference
        Row("start-up: bare Textual app (floor)", 0, "s", floor_time),
        Row("peak memory: bare Textual app", 0, "MB", floor_rss),
        Row("start-up: stack floor (bare app + required libraries)", 0, "s", stack_time),
        Row("peak memory: stack floor", 0, "MB", stack_rss),
    ]
    keys = not args.no_tmux and "keys" in args.only
    if keys and (floor_keys := floor_keys_to_repaint(max(args.runs, 3))):
        floor_rows.append(
            Row("key to repaint: stack floor, a list's highlight", 0, "s", floor_keys)
        )
    rows[:0] = [row for row in floor_rows if row.samples]
    show(rows)
    for lost in LOST_KEYS:
        print(f"A key changed nothing on screen within {KEY_LOST_AFTER:.0f} s: {lost}")
    print()
    show_targets(rows, file_sizes)
    if args.json:
        table = [{**asdict(row), "median": row.median, "ratio": row.ratio} for row in rows]
        args.json.write_text(json.dumps({"runs": args.runs, "rows": table}, indent=2))
        print(f"\nWritten to {args.json}")


def show_targets(rows: list[Row], file_sizes: dict[int, int]) -> None:
    """The table the performance targets are judged by: each figure beside its target."""
    by = {(row.measure, row.size): row for row in rows}
    measured = sorted(file_sizes)

    def at(measure: str, size: int) -> Row | None:
        """The row at ``size``, else at the nearest size measured."""
        sizes = [each for each in measured if (measure, each) in by]
        if not sizes:
            return None
        return by[measure, min(sizes, key=lambda each: abs(each - size))]

    def times_floor(row: Row | None, target: float) -> tuple[str, str]:
        if row is None or row.ratio is None:
            return "not measured", ""
        figure = f"{row.ratio:.2f}× ({value(row)} vs {value_of(row.floor_median, row.unit)})"
        return figure, "met" if row.ratio <= target else "not yet"

    def below(row: Row | None, target: float) -> tuple[str, str]:
        if row is None:
            return "not measured", ""
        return value(row), "met" if row.median <= target else "not yet"

    def size_of(row: Row | None, name: str) -> str:
        if row is None:
            return name
        applications = round(row.size * 0.06)  # the synthetic stores' proportion
        return f"{name} ({row.size:,} records, {applications:,} applications)"

    lines: list[tuple[str, str, str, str]] = []
    row = at("start-up to first frame: board", TEN_THOUSAND)
    lines.append((size_of(row, "start-up"), *times_floor(row, 1.25), "≤ 1.25× stack floor"))
    row = at("start-up to first frame: board", THOUSAND_APPLICATIONS)
    lines.append((size_of(row, "start-up"), *times_floor(row, 1.35), "≤ 1.35× stack floor"))
    row = at("peak memory", THOUSAND_APPLICATIONS)
    lines.append((size_of(row, "peak memory"), *times_floor(row, 1.5), "≤ 1.5× stack floor"))
    row = at("key to idle: move a card", FIFTY_THOUSAND)
    lines.append((size_of(row, "key → idle after a card move"), *below(row, 0.060), "≤ 60 ms"))
    first = at("key to repaint: move a card", FIFTY_THOUSAND)
    row = at("key to repaint: a second move at once", FIFTY_THOUSAND)
    if first is not None and row is not None:
        name = size_of(row, "a second move key, sent as the first repaints")
        target = f"not held back: ≈ a first move, {value(first)}"
        lines.append((name, *below(row, first.median * 1.2), target))
    floor_key = by.get(("key to repaint: stack floor, a list's highlight", 0))
    for size in measured:
        row = by.get(("key to repaint: move a card", size))
        if row is not None and floor_key is not None:
            name = size_of(row, "card move key → repaint")
            target = f"at the floor: a key in the stack floor, {value(floor_key)}"
            lines.append((name, *below(row, floor_key.median * 1.2), target))
    switches = [at(f"key to repaint: switch to {pane}", TEN_THOUSAND) for pane in SWITCHES]
    slowest = max(
        (row for row in switches if row is not None), key=lambda row: row.median, default=None
    )
    if slowest is not None:
        name = f"switch to another pane (slowest: {slowest.measure.rsplit(' ', 1)[-1]})"
        lines.append((size_of(slowest, name), *below(slowest, 0.050), "≤ 50 ms"))
    opened = [by[key] for key in (("store: open", size) for size in measured) if key in by]
    if opened:
        row, smallest = opened[-1], opened[0]
        growth, bytes_growth = (
            row.median / smallest.median,
            file_sizes[row.size] / file_sizes[smallest.size],
        )
        figure = (
            f"{value(row)}: {growth:.1f}× the time at {smallest.size:,} records"
            f" for {bytes_growth:.1f}× the bytes"
        )
        verdict = "met" if growth <= bytes_growth else "not yet"
        lines.append((size_of(row, "store open"), figure, verdict, "grows no faster than the file"))
    wide = [max(len(line[column]) for line in lines) for column in range(3)]
    print(f"{'at':<{wide[0]}}  {'now':<{wide[1]}}  {'':<{wide[2]}}  target")
    for what, figure, verdict, target in lines:
        print(f"{what:<{wide[0]}}  {figure:<{wide[1]}}  {verdict:<{wide[2]}}  {target}")


def value(row: Row) -> str:
    return value_of(row.median, row.unit)


def value_of(median: float | None, unit: str) -> str:
    if median is None:
        return ""
    return f"{median:,.1f} MB" if unit == "MB" else ms(median)


if __name__ == "__main__":
    main()
