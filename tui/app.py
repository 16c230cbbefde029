"""The bounceback App: the panes, the keys that work everywhere, and the store handed in."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Iterable
from datetime import datetime
from functools import partial
from pathlib import Path, PurePath
from types import FrameType
from typing import ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import AwaitMount, MountError
from textual.widgets import ContentSwitcher, Footer, Header

from store import Store, timer
from tui import agenda_app, palette, startup
from tui.app_faults import FileFaultApp
from tui.config import Config
from tui.launch import INSTALLED_DEMO
from tui.panes import PANE_STYLES
from tui.panes.base import FILE_FAULTS, Pane
from tui.panes.board import BoardPane
from tui.panes.timer_badge import announcement, badge
from tui.search import SearchProvider
from tui.widgets.key_footer import KeyFooter
from tui.widgets.tab_strip import TabStrip

PANES: tuple[tuple[str, str, str], ...] = (
    # (id, key, title)
    ("board", "1", "Board"),
    ("journal", "2", "Journal"),
    ("timer", "3", "Timer"),
    ("progress", "4", "Progress"),
    ("people", "5", "People"),
    ("agenda", "6", "Agenda"),
)
EVERY_SECOND = 1.0
LEAVING_TIMEOUT = 3.0
"""Seconds a signalled app has to shut down before the process simply ends."""
MAX_WIN_TOASTS = 3
WIDE_FOOTER = 100
"""Columns from which the footer has room to space its keys out."""
T = TypeVar("T")
OPENS_ON = (startup.FIRST_PANE, agenda_app.AGENDA)
"""The panes the app can open on (see ``agenda_app.first_pane``)."""


def pane_kinds() -> dict[str, type[Pane]]:
    """Each pane's class, by its id."""
    # Imported when first needed, not with the app: the first frame shows one pane, and
    # the others are made after it (or when the user asks for one).
    from tui.panes.agenda import AgendaPane
    from tui.panes.journal import JournalPane
    from tui.panes.people import PeoplePane
    from tui.panes.progress import ProgressPane
    from tui.panes.timer import TimerPane

    kinds = (BoardPane, JournalPane, TimerPane, ProgressPane, PeoplePane, AgendaPane)
    return {kind.PANE_ID: kind for kind in kinds}


def leave_anyway_after(seconds: float, status: int) -> None:
    """End the process if leaving takes longer than ``seconds``.

    When an SSH connection drops, the terminal goes away under the app and the kernel
    sends SIGHUP and then SIGCONT. Textual resumes on SIGCONT with a new output thread,
    which dies writing to the closed terminal, and its shutdown then waits forever for
    that thread (seen with py-spy: an app left running with no terminal). Every save is
    on disk before it is shown, so ending the process loses nothing.
    """
    watchdog = threading.Timer(seconds, os._exit, args=(status,))
    watchdog.daemon = True
    watchdog.start()


class MainScreen(Screen[None]):
    AUTO_FOCUS = startup.FOCUS_AT_START


class BouncebackApp(FileFaultApp):
    TITLE = "bounceback"
    # The dialogs' stylesheet with the app's: read when the first dialog opened, it made
    # Textual restyle every widget, which held back the first Enter on a card. Of the
    # panes', those of the panes the app opens on; the others are read as each is mounted.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "app.tcss",
        *(PANE_STYLES[pane] for pane in OPENS_ON),
        "dialogs/dialogs.tcss",
    ]
    COMMANDS = FileFaultApp.COMMANDS | {SearchProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            # The tab strip shows these keys; the footer keeps its room for the pane's.
            Binding(key, f"show_pane('{pane}')", title, show=False, id=f"app.pane.{pane}")
            for pane, key, title in PANES
        ),
        Binding("question_mark", "toggle_help", "Keys", id="app.help"),
        # Shown only while the data file is gone; a form's own ctrl+s comes first.
        Binding("ctrl+s", "save_again", "Save again", id="app.save_again"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(
        self,
        store: Store,
        *,
        demo: bool = False,
        config: Config | None = None,
        demo_command: str = INSTALLED_DEMO,
    ) -> None:
        super().__init__()
        self.store = store
        # A screen reads the store as it draws, and as keys are typed (a filter): with
        # the file gone or damaged, it shows what it last read, and the once-a-second
        # look tells the user (a fault raised there would end the app).
        store.show_last_version_when_unreadable()
        self.demo = demo
        self.demo_command = demo_command
        """How to open the sample data, named as the user started the app."""
        self.config = config or Config()
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        self._mounting: dict[str, AwaitMount] = {}
        self._started_at = store.clock()
        self._looked_for_wins = False
        self.reminders = agenda_app.Reminders(self.config.reminder_minutes)
        self.first_pane = agenda_app.first_pane(store, startup.FIRST_PANE)
        self.panes: dict[str, Pane] = {}
        """The panes made so far: the first with the app, the others after its first frame
        (or when the user asks for one)."""
        self._make_pane(self.first_pane)

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield Header()
        tabs = [(pane, f"{key} {title}") for pane, key, title in PANES]
        yield TabStrip(tabs, self.first_pane, id="tabs")
        with ContentSwitcher(initial=self.first_pane, id="panes"):
            yield self.panes[self.first_pane]
        yield KeyFooter()

    def _make_pane(self, pane: str) -> Pane:
        """The pane, made unless it is."""
        if pane not in self.panes:
            made = BoardPane(self.store) if pane == "board" else pane_kinds()[pane](self.store)
            self.panes[pane] = made
        return self.panes[pane]

    def _start_mounting(self, pane: str) -> None:
        """Mount the pane unless it is: the others follow the first frame, or come when
        asked for."""
        if not self._make_pane(pane).is_attached:
            if pane not in OPENS_ON:
                # Its rules style only its own widgets: read now, they restyle nothing
                # drawn already, and the first frame has fewer rules to parse and match.
                self.stylesheet.read(Path(__file__).parent / PANE_STYLES[pane])
                self.stylesheet.parse()
            self.panes[pane].display = False  # until it is asked for
            self._mounting[pane] = self.query_one(ContentSwitcher).mount(self.panes[pane])

    def _mount_in_background(self, pane: str) -> None:
        with contextlib.suppress(MountError):  # the user left before it was needed
            self._start_mounting(pane)

    async def _mount_pane(self, pane: str) -> Pane:
        """The pane, mounted."""
        self._start_mounting(pane)
        if not self.panes[pane].is_mounted:
            await self._mounting[pane]
        return self.panes[pane]

    def on_unmount(self) -> None:
        # The panes have saved what they held; a win earned only by a move undone in the
        # last second is taken back now, not at the next start.
        with contextlib.suppress(*FILE_FAULTS):
            self.store.wins.recognise()
        startup.thaw()

    def on_mount(self) -> None:
        for warning in self.store.warnings:
            self.notify(warning, title="Note", severity="warning", timeout=15, markup=False)
        for problem in self.config.problems:
            self.notify(problem, title="Settings", severity="warning", timeout=20, markup=False)
        # The settings file's theme, else the one last chosen in the app (kept in the data).
        theme = self.store.settings.get().theme
        if self.config.theme in self.available_themes:
            theme = self.config.theme
        elif self.config.theme:
            where = self.config.sources.get("theme", self.config.path)
            self.notify(
                f"{where}: there is no theme {self.config.theme!r}; see ctrl+p, Change theme.",
                title="Settings",
                severity="warning",
                timeout=20,
                markup=False,
            )
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, lambda theme: self._save_theme(theme.name))
        self.guard(self.store.goals.ensure_defaults)
        # Once the first frame is up: ready to write (which lets the file's parsed dicts
        # go before the other tables' models are built), records that cannot be read,
        # the wins the data shows, the other panes, and last the freeze of all that. Run
        # at once, they would hold back a key pressed just after the board showed.
        startup.run_in_steps(
            self,
            partial(self.told_once, self.store.prepare_to_write),
            self._check_records,
            partial(self.told_once, self.celebrate_new_wins),
            *(partial(self._mount_in_background, pane) for pane, _, _ in PANES),
            startup.freeze_what_the_start_made,
        )
        self.told_once(self.tick_timer)
        if self.first_pane != startup.FIRST_PANE:
            self.screen.set_focus(self.panes[self.first_pane].default_focus())
        self.told_once(lambda: agenda_app.remind(self))
        self.set_interval(EVERY_SECOND, self.each_second)
        loop = asyncio.get_running_loop()

        def on_signal(signum: int, frame: FrameType | None) -> None:
            # A plain handler, not the loop's: it runs even while the main thread is
            # blocked, as a gone terminal can leave it (see leave_anyway_after).
            leave_anyway_after(LEAVING_TIMEOUT, 128 + signum)
            loop.call_soon_threadsafe(self._end_on_signal, signum)

        for signum in (signal.SIGHUP, signal.SIGTERM):
            # An SSH connection dropping sends SIGHUP: leave cleanly, terminal restored.
            signal.signal(signum, on_signal)

    def _check_records(self) -> None:
        for warning in self.guard(self.store.check_records) or []:
            self.notify(warning, title="Note", severity="warning", timeout=15, markup=False)

    def _end_on_signal(self, signum: int) -> None:
        for pane in self.panes.values():
            pane.settle()  # a move still waiting for its frame is saved
        self.exit(return_code=128 + signum)

    def _save_theme(self, name: str) -> None:
        if name not in (self.store.settings.get().theme, self.config.theme):
            self.guard(lambda: self.store.settings.update(theme=name))

    # --- keeping up with the file ------------------------------------------------------

    def each_second(self) -> None:
        """One wake-up a second: another session's changes, the timer, new wins. Each is
        one ``stat`` when nothing changed. A fault of the file is told once, not each
        second, and what is on screen stays."""
        if not self.is_running:
            return  # shutting down: the panes are being taken apart
        try:
            self.check_outside_changes()
            self.tick_timer()
            self.celebrate_new_wins()
            agenda_app.remind(self)
            if (unread := self.store.read_fault) is not None:
                raise unread  # the panes show what was read last: told here, once
        except FILE_FAULTS as fault:
            self._tell_file_fault(fault)
        else:
            if self._fault_told is not None:
                self._fault_told = None
                self.refresh_bindings()
                self.notify("The data file can be read again.", title="Data file")

    def check_outside_changes(self) -> None:
        """Another session or a shell command changed the file: show the new state."""
        if self.store.changed_on_disk():
            self.reminders.forget_seen()
            self.reload_panes()

    def reload_if_mounted(self, pane: str) -> None:
        if pane in self.panes and self.panes[pane].is_mounted:  # else its mount reads the store
            self.panes[pane].reload()

    def reload_panes(self) -> None:
        for pane in self.panes:
            self.reload_if_mounted(pane)

    # --- the timer, on every pane ------------------------------------------------------

    def tick_timer(self) -> None:
        """Record a phase that ran out, announce it wherever the user is, update the header."""
        now = self.store.clock()
        state, settings = self.store.timer.state(), self.store.settings.get().timer
        step = timer.advance(state, settings, now)
        if step.state != state:
            # Every open session sees the end (and rings); the store records it once.
            self.store.timer.tick()
            self.reload_if_mounted("timer")
            self._announce([end for end in step.ends if end.by_itself], now)
        shown = badge(step.state, now)
        demo = "demo: sample data, thrown away on exit" if self.demo else ""
        self.sub_title = " · ".join(part for part in (demo, shown) if part)

    def _announce(self, ends: list[timer.PhaseEnd], now: datetime) -> None:
        said = announcement(ends, now, self.store.settings.get().timer)
        if said is not None:
            title, message, ring = said
            if ring:
                self.bell()
            self.notify(message, title=title, timeout=30 if ring else None, markup=False)

    # --- small wins -----------------------------------------------------------------

    def celebrate_new_wins(self) -> None:
        """A win the data shows (an application sent, an interview…) is toasted once."""
        found = self.store.wins.recognise()
        new = found
        if not self._looked_for_wins:
            # The first look also finds every win of the time before this session: those
            # are recorded quietly, and a card moved before the look is still news.
            new = [win for win in found if win.at >= self._started_at]
            self._looked_for_wins = True
        if found and self.query_one(ContentSwitcher).current == "progress":
            self.panes["progress"].reload()  # else it reloads when shown
        if len(new) <= MAX_WIN_TOASTS:
            for win in new:
                self.notify(win.text, title="A small win", timeout=8, markup=False)
        else:
            self.notify(
                f"{len(new)} new wins. Progress (4) lists them.", title="Small wins", markup=False
            )

    @on(BoardPane.Saved)
    def _board_saved(self) -> None:
        with contextlib.suppress(*FILE_FAULTS):  # a fault: the next second's look tells it
            self.celebrate_new_wins()

    @on(TabStrip.Chosen)
    async def _tab_clicked(self, event: TabStrip.Chosen) -> None:
        await self.action_show_pane(event.pane)

    def on_timer_pane_changed(self) -> None:  # TimerPane.Changed, by Textual's naming
        self.guard(self.tick_timer)

    # --- actions ----------------------------------------------------------------------

    @on(BoardPane.WriteAbout)
    async def _write_about(self, event: BoardPane.WriteAbout) -> None:
        await self.action_show_pane("journal")
        from tui.panes.journal import JournalPane  # made when shown, just above

        journal = self.panes["journal"]
        assert isinstance(journal, JournalPane)
        journal.write_about(event.application_id)

    async def action_show_pane(self, pane: str) -> None:
        for each in self.panes.values():
            self.told_once(each.settle)  # the pane shown next reads what the one left has shown
        showing = await self._mount_pane(pane)
        self.query_one(ContentSwitcher).current = pane
        self.query_one(TabStrip).current = pane
        self.told_once(showing.shown)
        target = showing.default_focus()
        # At once, not after a refresh: in a burst such as "3 space" (keys batched over
        # SSH) the space must reach the Timer, not the pane it left.
        target.screen.set_focus(target)

    async def run_on_pane(self, pane: str, action: str) -> None:
        """Go to ``pane`` and run ``action`` there (a key chosen in the palette)."""
        await self.action_show_pane(pane)
        await self.panes[pane].run_action(action)

    def on_resize(self, event: events.Resize) -> None:
        # Narrow, the footer packs its keys tighter and leaves out the palette's hint (?
        # lists ctrl+p), rather than cut off the keys at its end: quit and help.
        narrow = event.size.width < WIDE_FOOTER
        for footer in self.query(Footer):
            footer.compact = narrow
            footer.show_command_palette = not narrow

    def get_key_display(self, binding: Binding) -> str:
        """Keys as short as they can be read ("⇧→" for shift+right), so that at 80 columns
        the footer keeps the keys that matter in view, help and quit included."""
        return super().get_key_display(binding).replace("shift+", "⇧")

    def action_toggle_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from palette.system_commands(self)
        yield from super().get_system_commands(screen)
