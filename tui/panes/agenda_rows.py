"""The Agenda's lines: what is on the day, in the order it is read, and how each is drawn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text

from store import agenda as rules
from store import follow_ups, interviews
from store.progress import GoalProgress
from tui.agenda_text import interview_time
from tui.widgets.safe_text import printable

KIND_MARKS = {
    follow_ups.FollowUpKind.FOLLOW_UP: "✉",
    follow_ups.FollowUpKind.HOW_IT_WENT: "✎",
    follow_ups.FollowUpKind.THANK_YOU: "♥",
    follow_ups.FollowUpKind.ASK_NEWS: "?",
    follow_ups.FollowUpKind.ASK_FEEDBACK: "✉",
    follow_ups.FollowUpKind.NEXT_ACTION: "→",
    follow_ups.FollowUpKind.PERSON: "☎",
    follow_ups.FollowUpKind.TAKE_HOME: "⌛",
    follow_ups.FollowUpKind.SILENT_NO: "…",
}


def count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


@dataclass(frozen=True)
class Row:
    """One line of the agenda: a heading, an interview, a follow-up or a goal."""

    heading: str = ""
    booking: rules.Booking | None = None
    follow_up: follow_ups.FollowUp | None = None
    goal: GoalProgress | None = None


def rows_of(day: rules.Agenda) -> tuple[list[Row], Text]:
    """The day's lines, headed by part, and the summary above them."""
    now, today, later = day.now, day.today(), day.later()
    rows: list[Row] = [Row(heading=f"Today, {now:%A %d %B}")]
    rows += [Row(booking=b) for b in today] or [Row(heading="  No interviews today.")]
    if later:
        rows.append(Row(heading="The week ahead"))
        rows += [Row(booking=b) for b in later]
    tasks, people, silent = follow_ups.by_part(day.follow_ups)
    if tasks:
        rows.append(Row(heading=f"Follow-ups ({len(tasks)})"))
        rows += [Row(follow_up=f) for f in tasks]
    if people:
        rows.append(Row(heading=f"People due a message ({len(people)})"))
        rows += [Row(follow_up=f) for f in people]
    if silent:
        rows.append(Row(heading=f"No news for a long time ({len(silent)})"))
        rows += [Row(follow_up=f) for f in silent]
    if day.goals_left:
        rows.append(Row(heading="Goals still open"))
        rows += [Row(goal=g) for g in day.goals_left]
    summary = Text.assemble((count(len(today), "interview") + " today", "bold"))
    summary.append(f" · {len(later)} more this week · {count(len(tasks), 'follow-up')}")
    summary.append(f" · {count(len(people), 'person', 'people')} due a message")
    return rows, summary


def describe(row: Row, now: datetime) -> Text:
    if row.booking is not None:
        i, a = row.booking.interview, row.booking.application
        on_today = i.at.astimezone(now.tzinfo).date() == now.date()
        line = Text("  ")
        line.append(interview_time(i, now, with_day=not on_today), style="bold")
        line.append(f"  {i.kind.label}: ")
        line.append(printable(f"{a.role} at {a.company}"))
        if interviews.is_held(i, now) and i.outcome is None:
            line.append("  held", style="dim")
        return line
    if row.follow_up is not None:
        f = row.follow_up
        line = Text(f"  {KIND_MARKS[f.kind]} ")
        line.append(printable(f.text))
        return line
    if row.goal is not None:
        g = row.goal
        left = g.goal.target - g.done
        return Text(
            f"  {g.name}: {g.done} of {g.goal.target} this {g.goal.period.value}, "
            f"{left} to go, {g.days_left} day{'s' if g.days_left != 1 else ''} left"
        )
    # A heading, or (indented) the note that a part is empty.
    return Text(row.heading, style="dim" if row.heading.startswith(" ") else "bold")
