"""The Progress pane: goals, the funnel and what it says, the "no"s counted, wins, mood."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar
from uuid import UUID

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from store import PIPELINE, Contact, Metric, Period, Store, StoreError, Win
from store.funnel import awaiting_reflection
from store.progress import (
    MIN_APPLIED_FOR_DIAGNOSIS,
    Activity,
    Funnel,
    GoalProgress,
    enough_for_diagnosis,
    funnel,
    lessons,
    rejections_total,
    weeks_beside,
)
from store.what_works import every_grouping, first_lever
from tui.panes.base import Pane
from tui.panes.progress_text import (
    bar,
    heading,
    offers_text,
    percent,
    plural,
    what_works_text,
    window_name,
)
from tui.widgets.safe_text import printable
from tui.wording import counted

WINDOWS: tuple[int | None, ...] = (None, 90, 30)
"""The funnel's windows in days, all time first; `t` steps through them."""
WINS_SHOWN = 12
LESSONS_SHOWN = 5
SHORT_NAMES = {
    Metric.APPLICATIONS_SENT: "Applications",
    Metric.NETWORKING_CONVERSATIONS: "Conversations",
    Metric.LEARNING_MINUTES: "Learning (min)",
    Metric.FOCUS_BLOCKS: "Focus blocks",
    Metric.JOURNAL_ENTRIES: "Journal entries",
}
"""Short enough for a goal, its bar and its numbers on one line at 80 columns."""
SPARK = " ▁▂▃▄▅▆▇█"
MOOD_LABEL_WIDTH = len("week of")
MOOD_CELL_WIDTH = len("05 Oct")
"""A week's start, and room for its mood ("▅3.2") and counts."""


class ProgressPane(Pane):
    PANE_ID = "progress"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "goals", "Goals", id="progress.goals",
                tooltip="Change your goals, switch one off, or rest this period"),
        Binding("w", "win", "Win", id="progress.win", tooltip="Write down a win of your own"),
        Binding("c", "conversation", "Conversation", id="progress.conversation",
                tooltip="Log a networking conversation (counts toward the goal)"),
        Binding("t", "window", "Time span", id="progress.window",
                tooltip="Show the funnel for all time, 90 days or 30 days"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "edge(0)", "Top", show=False),
        Binding("end", "edge(1)", "End", show=False),
    ]  # fmt: skip

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.window = 0
        """Index into WINDOWS."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="progress-scroll", can_focus=False):
            parts = ("goals", "funnel", "works", "offers", "noes", "lessons", "mood", "wins")
            for part in parts:
                yield Static(id=f"progress-{part}", classes="progress-part")

    def shown(self) -> None:
        self.reload_if_changed()  # today's counts at midnight, an interview begun

    # --- state -> widgets -------------------------------------------------------------

    def reload(self, select: UUID | None = None) -> None:
        drawing_for = self.drawing_for()  # before reading: a write meanwhile is drawn next time
        now = self.store.clock()
        activity = self.store.goals.activity()
        everything = funnel(activity.applications, now)
        days = WINDOWS[self.window]
        shown = everything if days is None else funnel(activity.applications, now, days)
        progress = self.store.goals.progress()
        self._update("goals", self._goals(progress))
        grouped = every_grouping(activity.applications)
        self._update("funnel", self._funnel(shown, first_lever(grouped)))
        self._update("works", what_works_text(grouped))
        self._update("offers", offers_text(activity.applications))
        self._update("noes", self._noes(activity, everything))
        self._update("lessons", self._lessons(activity))
        self._update("mood", self._mood(activity, now))
        self._update("wins", self._wins(self.store.wins.all()))
        self.drawn_for = drawing_for

    def _update(self, part: str, content: Text | None) -> None:
        static = self.query_one(f"#progress-{part}", Static)
        static.update(content or "")
        static.display = content is not None

    def _goals(self, progress: list[GoalProgress]) -> Text:
        text = heading("Goals", "g changes them")
        if not progress:
            text.append("\nNo goals switched on. Press g to set some.", style="dim")
            return text
        for p in progress:
            per = "week" if p.goal.period is Period.WEEK else "month"
            text.append(f"\n{SHORT_NAMES[p.goal.metric]:<15} ")
            text.append_text(bar(p.fraction))
            text.append(
                f" {p.done:>4}/{p.goal.target:<4} {per:<5}  ", style="bold" if p.met else ""
            )
            if p.resting:
                text.append("resting", style="italic")
            elif p.met:
                text.append("✓ on target", style="bold")
            else:
                text.append(f"{plural(p.days_left, 'day')} left", style="dim")
            if p.streak > 1:  # the row names the period already: "week … 10 in a row"
                text.append(" · ")
                text.append(f"{p.streak} in a row", style="dim")
        return text

    def _funnel(self, f: Funnel, lever: str | None = None) -> Text:
        text = heading("The funnel", f"{window_name(f.days)} · t changes")
        text.append("\n")
        if not f.applied:
            text.append("None sent in this time yet. Move a card to Applied on the Board.")
            return text
        steps = [
            ("Applied", f.applied, None),
            ("Answered", f.responses, f.response_rate),
            ("Interviewed", f.interviews, f.interview_rate),
            ("Offer", f.offers, f.offer_rate),
        ]
        for index, (name, count, rate) in enumerate(steps):
            if index:
                text.append(" → ")
                text.append(percent(rate), style="dim")
                text.append(" → ")
            text.append(f"{name} ")
            text.append(str(count), style="bold")
        if f.median_days_to_response is not None:
            text.append(
                f"\nA first answer came after "
                f"{counted(round(f.median_days_to_response), 'day')} (median).",
                style="dim",
            )
        text.append("\n")
        if not enough_for_diagnosis(f):
            more = MIN_APPLIED_FOR_DIAGNOSIS - f.applied
            text.append(
                f"\nToo early to say where the search is stuck: {plural(more, 'more application')} "
                "and the funnel will tell you what to work on.",
                style="italic",
            )
            return text
        findings = f.findings(lever)
        if not findings:
            text.append("\nNothing stands out as stuck. Keep going: the numbers are on your side.")
        for finding in findings:
            text.append(f"\n{finding.title}. ", style="bold")
            text.append(printable(finding.advice))
        return text

    def _noes(self, activity: Activity, everything: Funnel) -> Text:
        noes = rejections_total(activity.applications)
        text = Text.assemble((f"{plural(noes, '“no”')} collected", "bold underline"))
        if not noes:
            text.append("\n\nNone yet. When one comes, it becomes a lesson on the Board.")
            return text
        text.append(" — each one a step closer to a yes.\n")
        per_interview = everything.applications_per(everything.interviews)
        per_offer = everything.applications_per(everything.offers)
        if per_interview:
            line = f"From your own numbers, about 1 in {per_interview} applications leads "
            line += (
                f"to an interview and 1 in {per_offer} to an offer."
                if per_offer
                else "to an interview."
            )
            text.append(line + "\n")
        reached = [
            f"{everything.rejected_at[stage]} after {stage.label.lower()}"
            for stage in PIPELINE
            if everything.rejected_at.get(stage)
        ]
        if reached:
            text.append("How far they got: " + ", ".join(reached), style="dim")
        return text

    def _lessons(self, activity: Activity) -> Text | None:
        grouped = lessons(activity.applications)
        if not grouped.reasons:
            return None
        text = heading("What the “no”s said", "in your own words")
        text.append("Reasons: ", style="dim")
        text.append(" · ".join(f"{reason} {count}" for reason, count in grouped.reasons))
        if grouped.lessons:
            text.append("\nWhat you decided to change:", style="dim")
            for lesson in grouped.lessons[:LESSONS_SHOWN]:
                text.append(f"\n  • {printable(lesson)}")
        if waiting := awaiting_reflection(activity.applications):
            names = ", ".join(printable(a.company) for a in waiting[:LESSONS_SHOWN])
            more = (
                f" and {len(waiting) - LESSONS_SHOWN} more" if len(waiting) > LESSONS_SHOWN else ""
            )
            text.append(f"\nWaiting for your reflection (r on its card): {names}{more}", "dim")
        return text

    def _mood(self, activity: Activity, now: datetime) -> Text | None:
        weeks = weeks_beside(activity, now)
        if not any(w.mood is not None or w.applied or w.rejections for w in weeks):
            return None
        # Laid out by hand, not as a rich Table: Textual measured and drew the table
        # afresh on every show, about 10 ms of each switch to this pane.
        rows = [
            ("mood", ["·" if w.mood is None else f"{SPARK[round(w.mood / 5 * 8)]}{w.mood:.1f}"
                      for w in weeks]),
            ("sent", [str(w.applied) for w in weeks]),
            ("“no”s", [str(w.rejections) for w in weeks]),
        ]  # fmt: skip
        text = heading("Mood beside the search")
        text.append(f" {'week of':<{MOOD_LABEL_WIDTH}}  ", style="bold")
        text.append("  ".join(f"{w.start:%d %b}".rjust(MOOD_CELL_WIDTH) for w in weeks), "bold")
        for label, cells in rows:
            text.append(f"\n {label:<{MOOD_LABEL_WIDTH}}  ", style="dim")
            text.append("  ".join(cell.rjust(MOOD_CELL_WIDTH) for cell in cells))
        return text

    def _wins(self, wins: list[Win]) -> Text:
        text = heading("Small wins", "w adds your own")
        if not wins:
            text.append(
                "\n\nThey will collect here: every application sent, every answer, every "
                "thought turned around. Add your own with w."
            )
            return text
        tz = self.store.clock().tzinfo
        for win in wins[:WINS_SHOWN]:
            text.append(f"\n{win.at.astimezone(tz):%a %d %b}  ", style="dim")
            text.append(printable(win.text), style="" if win.event_key else "bold")
        if len(wins) > WINS_SHOWN:
            text.append(
                f"\n…and {len(wins) - WINS_SHOWN} more: {len(wins)} wins in all.", style="dim"
            )
        return text

    # --- actions ----------------------------------------------------------------------

    def action_scroll(self, lines: int) -> None:
        # At once: deferred to the next frame, each key of a burst (j held down) would
        # count from the same place, and the burst would scroll a single line.
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False, immediate=True)

    def action_page(self, pages: int) -> None:
        # A line of the last page stays in view, so the reader keeps their place.
        scroll = self.query_one(VerticalScroll)
        step = max(1, scroll.size.height - 1)
        scroll.scroll_relative(y=pages * step, animate=False, immediate=True)

    def action_edge(self, end: int) -> None:
        scroll = self.query_one(VerticalScroll)
        if end:
            scroll.scroll_end(animate=False, immediate=True)
        else:
            scroll.scroll_home(animate=False, immediate=True)

    def action_window(self) -> None:
        self.window = (self.window + 1) % len(WINDOWS)
        self.reload()

    def action_goals(self) -> None:
        from tui.dialogs.goals import GoalsForm

        def saved(changed: bool | None) -> None:
            if changed:
                self.reload()

        self.app.push_screen(GoalsForm(self.store), saved)

    def action_win(self) -> None:
        from tui.dialogs.text_prompt import TextPrompt

        def added(text: str | None) -> None:
            if text is None:
                return
            try:
                self.store.wins.add(text)
            except StoreError as error:
                self.app.notify(str(error), title="Not saved", severity="error", markup=False)
                return
            self.app.notify("Kept. Well done.", timeout=4, markup=False)
            self.reload()

        self.app.push_screen(
            TextPrompt(
                "A win worth keeping",
                placeholder="finished a course, a good call, got out of bed on a hard day…",
            ),
            added,
        )

    def action_conversation(self) -> None:
        from tui.dialogs.talked_to import TalkedToDialog

        def logged(contact: Contact | None) -> None:
            if contact is not None:
                self.app.notify(
                    f"Logged a conversation with {contact.name}.", timeout=4, markup=False
                )
                self.reload()

        self.app.push_screen(TalkedToDialog(self.store), logged)
