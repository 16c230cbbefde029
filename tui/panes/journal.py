"""The Journal pane: mood in ten seconds, thought records, and the mood trend."""

from __future__ import annotations

import functools
from datetime import UTC, timedelta
from typing import TYPE_CHECKING, ClassVar
from uuid import UUID

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from store import Application, JournalEntry, Mood, RejectionReason, Store, StoreError
from store.journal import MOOD_GLYPHS, JournalFilter, MoodTrend, entry_matches, mood_trend
from tui.panes.list_pane import ListPane, list_keys
from tui.widgets.record_list import RecordList
from tui.widgets.safe_text import printable
from tui.wording import counted

if TYPE_CHECKING:  # dialogs are imported when first opened
    from tui.dialogs.quick_mood import QuickMoodResult

SPARK = {1: "▁", 2: "▂", 3: "▄", 4: "▆", 5: "█"}
ENOUGH_FOR_A_TREND = 5
NAMED_BY_WEEKDAY = timedelta(days=180)
"""How far back an entry's date reads without its year ("Mon 30 Nov"); older, the
year takes the weekday's place ("20 Dec ’25"), or it would read as a day still to come."""

EMPTY_HINT = (
    "Nothing here yet.\n\n"
    "Press m to log how you feel — it takes ten seconds. "
    "Press n when a thought like “I'm not good enough” won't let go: write it down, "
    "name the trap it falls into, and write a kinder, truer line in its place."
)


def what_happened(application: Application) -> str:
    """A rejection in the user's journal, as a start they can rewrite."""
    happened = f"A “no” from {application.company} for {application.role}."
    if (rejection := application.rejection) is None:
        return happened
    parts = [f"{happened} I got as far as {rejection.reached.label.lower()}."]
    if rejection.reason is not RejectionReason.UNKNOWN:
        parts.append(f"Reason: {rejection.reason.label.lower()}.")
    if rejection.feedback:
        parts.append(f"Their feedback: {rejection.feedback}")
    if rejection.lesson:
        parts.append(f"Next time: {rejection.lesson}")
    return "\n".join(parts)


class JournalPane(ListPane):
    PANE_ID = "journal"
    SEARCH_PLACEHOLDER = "search text and tags"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "quick_mood", "Mood", id="journal.quick_mood",
                tooltip="Log how you feel, in one key"),
        Binding("n", "new", "New", id="journal.new",
                tooltip="New entry: a thought record with a reframe"),
        Binding("enter", "open", "Open", id="journal.open", tooltip="Open the entry"),
        Binding("a", "affirm", "Affirmation", show=False, id="journal.affirmation",
                tooltip="Keep a line for hard days (your breaks show it again)"),
        Binding("A", "affirmations", "Affirmations", show=False, id="journal.affirmations",
                tooltip="Read, reword or delete the lines kept for hard days"),
        Binding("e", "edit", "Edit", show=False, id="journal.edit", tooltip="Edit the entry"),
        *list_keys("journal", "entry", search="Search text and tags"),
        Binding("f", "filter", "Filter", id="journal.filter",
                tooltip="Show one mood, or the entries about one application"),
    ]  # fmt: skip

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.filter = JournalFilter()

    def compose(self) -> ComposeResult:
        yield Static(id="journal-trend")
        yield self.search_input()
        yield Static(id="journal-showing")
        yield RecordList(id="journal-list")
        yield Static(EMPTY_HINT, id="journal-empty")

    # --- state -> widgets -------------------------------------------------------------

    def shown(self) -> None:
        self.reload_if_changed()  # an entry written about a card on the Board, a new day

    def reload(self, select: UUID | None = None) -> None:
        drawing_for = self.drawing_for()
        entries = self.store.journal.entries()
        now = self.store.clock()
        tz = now.tzinfo or UTC
        trend = mood_trend(entries, self.store.applications.on_board(), today=now.date(), tz=tz)
        self.query_one("#journal-trend", Static).update(self._trend_text(trend))
        shown = [
            e for e in entries
            if self.filter.accepts(e) and (not self.query_text or entry_matches(e, self.query_text))
        ]  # fmt: skip
        companies = {a.id: a.company for a in self.store.applications.on_board()}
        companies.update({a.id: a.company for a in self.store.applications.archived()})
        theme = self.app.current_theme
        mood_styles = {
            Mood.AWFUL: f"bold {theme.error}",
            Mood.BAD: theme.error or "",
            Mood.OKAY: "",
            Mood.GOOD: theme.success or "",
            Mood.GREAT: f"bold {theme.success}",
        }

        def describe(entry: JournalEntry) -> Text:
            at = entry.at.astimezone(tz)
            day = f"{at:%a %d %b}" if now - entry.at < NAMED_BY_WEEKDAY else f"{at:%d %b ’%y}"
            row = Text(f" {day}  ", style="dim")
            row.append(
                f"{MOOD_GLYPHS[entry.mood]} {entry.mood.label:<5}  ", style=mood_styles[entry.mood]
            )
            first = (entry.text or entry.negative_thought or entry.reframe).strip().splitlines()
            row.append(printable(first[0] if first else ""))
            if entry.application_id in companies:
                row.append(f"  · {printable(companies[entry.application_id])}", style="dim")
            return row

        self.show_records(shown, describe, select)
        showing = []
        if self.query_text:
            showing.append(f"matching “{self.query_text}”")
        if self.filter.label:
            showing.append(self.filter.label)
        note = self.query_one("#journal-showing", Static)
        note.update(
            Text(
                f" Showing {len(shown)} of {len(entries)}: " + ", ".join(showing) + "  (esc clears)"
            )
            if showing
            else ""
        )
        note.display = bool(showing)
        self.query_one("#journal-empty").display = not entries
        self.records.display = bool(entries)
        self.drawn_for = drawing_for

    def _trend_text(self, trend: MoodTrend) -> Text:
        text = Text()
        if trend.entries == 0:
            return text
        if trend.entries < ENOUGH_FOR_A_TREND:
            text.append(f" {counted(trend.entries, 'entry', 'entries')} so far. ")
            text.append("The trend fills in as you go.", style="dim")
            return text
        first, last = trend.days[0][0], trend.days[-1][0]
        text.append(" Mood, 30 days  ", style="bold")
        text.append(f"{first:%d %b} ", style="dim")
        for _, mood in trend.days:
            text.append(
                SPARK[round(mood)] if mood is not None else "·", style="bold" if mood else "dim"
            )
        text.append(f" {last:%d %b}\n", style="dim")
        parts = []
        this_week = "–" if trend.this_week is None else f"{trend.this_week:.1f}"
        if trend.last_week is not None:
            parts.append(f"this week {this_week} (last {trend.last_week:.1f})")
        elif trend.this_week is not None:
            parts.append(f"this week {this_week}")
        if trend.on_rejection_days is not None and trend.on_other_days is not None:
            no_days, other_days = trend.on_rejection_days, trend.on_other_days
            parts.append(f"days with a “no” {no_days:.1f}, others {other_days:.1f}")
        parts.append(counted(trend.entries, "entry", "entries"))
        if affirmations := len(self.store.affirmations.all()):
            parts.append(f"{affirmations} kept for hard days")
        text.append(" " + " · ".join(parts), style="dim")
        return text

    # --- actions ----------------------------------------------------------------------

    def action_quick_mood(self) -> None:
        from tui.dialogs import ask_until_saved
        from tui.dialogs.quick_mood import QuickMood

        def log(answer: QuickMoodResult) -> bool:
            mood, text = answer
            try:
                entry = self.store.journal.add(mood=mood, text=text)
            except StoreError as error:
                self.app.notify(str(error), title="Not saved", severity="error", markup=False)
                return False
            self.reload(select=entry.id)
            self.app.notify(
                f"Logged: {mood.label}. Thank you for checking in.", timeout=3, markup=False
            )
            return True

        ask_until_saved(self.app, QuickMood, log)

    def action_affirm(self) -> None:
        from tui.dialogs import ask_until_saved
        from tui.dialogs.text_prompt import TextPrompt

        def keep(text: str) -> bool:
            if not text.strip():
                return True  # nothing to keep
            try:
                self.store.affirmations.add(text)
            except StoreError as error:
                self.app.notify(str(error), title="Not saved", severity="error", markup=False)
                return False
            self.reload()
            self.app.notify("Kept. Your breaks will show it again.", timeout=4, markup=False)
            return True

        def prompt(text: str | None) -> TextPrompt:
            return TextPrompt(
                "A line to keep for hard days",
                placeholder="e.g. I have done hard things before",
                note="enter keeps it · esc cancels",
                value=text or "",
                replace_value=False,
            )

        ask_until_saved(self.app, prompt, keep)

    def action_affirmations(self) -> None:
        from tui.dialogs.affirmations import AffirmationsDialog

        self.app.push_screen(AffirmationsDialog(self.store), lambda _: self.reload())

    def action_new(self) -> None:
        from tui.dialogs.journal_entry import JournalEntryForm

        self.app.push_screen(JournalEntryForm(self.store), self._saved)

    def write_about(self, application_id: UUID) -> None:
        """A new entry about one application (the Board's way here after a "no"), what
        happened filled in from its rejection."""
        from tui.dialogs.journal_entry import JournalEntryForm

        try:
            text = what_happened(self.store.applications.get(application_id))
        except StoreError:
            text = ""  # deleted meanwhile, say: the entry starts empty
        self.app.push_screen(
            JournalEntryForm(self.store, application_id=application_id, text=text), self._saved
        )

    def action_open(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        from tui.dialogs.journal_entry import JournalEntryForm

        entry = self.records.current
        if entry is not None:
            self.app.push_screen(
                JournalEntryForm(self.store, editing=entry),
                functools.partial(self.edited, "edit of an entry", entry),
            )

    def action_delete(self) -> None:
        self.delete_current(self.store.journal.delete, lambda entry: "an entry")

    def action_filter(self) -> None:
        from tui.dialogs.journal_filter import JournalFilterDialog

        def chosen(choice: JournalFilter | None) -> None:
            if choice is not None:
                self.filter = choice
                self.reload()

        self.app.push_screen(JournalFilterDialog(self.store), chosen)

    def filtered(self) -> bool:
        return bool(self.filter.label)

    def clear_filters(self) -> None:
        self.filter = JournalFilter()
