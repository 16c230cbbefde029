"""The mood and self-talk journal: thinking traps, example reframes, and mood trends.

Days are the user's days: every computation takes the time zone to count in, so an
entry written at 00:30 belongs to the day it was written, wherever the file is stored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from statistics import fmean
from uuid import UUID

from store.models import Application, JournalEntry, Mood, Stage

MOOD_GLYPHS: dict[Mood, str] = {
    Mood.AWFUL: "☹☹",
    Mood.BAD: "☹ ",
    Mood.OKAY: "– ",
    Mood.GOOD: "☺ ",
    Mood.GREAT: "☺☺",
}
"""Two cells each, from fonts every terminal has (no emoji needed)."""

THINKING_TRAPS: dict[str, tuple[str, str]] = {
    # key: (name, what it is, in a line)
    "all_or_nothing": ("All-or-nothing", "Seeing one result as total success or total failure."),
    "overgeneralising": ("Overgeneralising", "One rejection becomes “this always happens”."),
    "mind_reading": ("Mind reading", "Deciding what others think of you without evidence."),
    "fortune_telling": ("Fortune telling", "Predicting the worst as if it were certain."),
    "catastrophising": ("Catastrophising", "Treating a setback as a disaster you can't survive."),
    "discounting_the_positive": (
        "Discounting the positive",
        "Waving away progress: “that interview doesn't count”.",
    ),
    "emotional_reasoning": ("Emotional reasoning", "“I feel useless, so I must be useless.”"),
    "should_statements": ("“Should” statements", "Rules that turn a hard search into a failing."),
    "labelling": ("Labelling", "Calling yourself a name instead of describing what happened."),
    "personalising": ("Personalising", "Taking the blame for things outside your control."),
    "comparing": ("Comparing", "Measuring your inside against other people's outside."),
}

EXAMPLE_REFRAMES: list[tuple[str, str]] = [
    (
        "I'll never get hired.",
        "One company made one decision about one role. That says nothing about my worth, "
        "and I still have other applications in flight.",
    ),
    (
        "I'm not good enough.",
        "I was good enough to be invited to talk to them. The gap they named is something "
        "I can work on, one step at a time.",
    ),
    (
        "Everyone else has a job already.",
        "I only see other people's offers, never their rejections. My own progress this "
        "month is real: look at the board.",
    ),
    (
        "That interview was a disaster.",
        "Parts of it went badly and parts went well. I can note what to practise and let "
        "the rest go.",
    ),
    (
        "They ghosted me, so I must have done something wrong.",
        "Silence is usually about their process, not about me. Following up once is enough.",
    ),
]


def local_day(moment: datetime, tz: tzinfo) -> date:
    return moment.astimezone(tz).date()


@dataclass(frozen=True)
class MoodTrend:
    """What the journal says about mood, as of one day."""

    days: list[tuple[date, float | None]]
    """The daily average mood over the window, oldest first (None: no entry that day)."""
    this_week: float | None
    last_week: float | None
    on_rejection_days: float | None
    on_other_days: float | None
    entries: int


def mood_trend(
    entries: Iterable[JournalEntry],
    applications: Iterable[Application],
    *,
    today: date,
    tz: tzinfo,
    window_days: int = 30,
) -> MoodTrend:
    """Daily averages over ``window_days`` ending ``today``; this week (Monday to today)
    against last week; mood on days a rejection arrived against all other days."""
    by_day: dict[date, list[int]] = defaultdict(list)
    count = 0
    for entry in entries:
        by_day[local_day(entry.at, tz)].append(int(entry.mood))
        count += 1
    daily = {day: fmean(moods) for day, moods in by_day.items()}

    window = [today - timedelta(days=n) for n in range(window_days - 1, -1, -1)]
    monday = today - timedelta(days=today.weekday())

    def average(days: Iterable[date]) -> float | None:
        moods = [mood for day in days for mood in by_day.get(day, ())]
        return fmean(moods) if moods else None

    rejection_days = {
        local_day(change.at, tz)
        for application in applications
        for change in application.history
        if change.stage is Stage.REJECTED
    }
    return MoodTrend(
        days=[(day, daily.get(day)) for day in window],
        this_week=average(monday + timedelta(days=n) for n in range((today - monday).days + 1)),
        last_week=average(monday - timedelta(days=n) for n in range(1, 8)),
        on_rejection_days=average(day for day in by_day if day in rejection_days),
        on_other_days=average(day for day in by_day if day not in rejection_days),
        entries=count,
    )


def own_traps(entries: Iterable[JournalEntry]) -> list[str]:
    """Traps the user named themselves (not in the built-in list), in the order first used."""
    named = (trap for e in sorted(entries, key=lambda e: e.at) for trap in e.traps)
    return list(dict.fromkeys(t for t in named if t not in THINKING_TRAPS))


def reframes(entries: Iterable[JournalEntry]) -> list[str]:
    """The user's own reframes, newest first, without repeats (the Timer's breaks show them)."""
    ordered = sorted(entries, key=lambda e: e.at, reverse=True)
    return list(dict.fromkeys(e.reframe.strip() for e in ordered if e.reframe.strip()))


@dataclass(frozen=True)
class JournalFilter:
    """Which entries the Journal shows: one mood, or those about one application."""

    mood: Mood | None = None
    application_id: UUID | None = None
    application_name: str = ""

    @property
    def label(self) -> str:
        if self.mood is not None:
            return f"mood {self.mood.label}"
        if self.application_id is not None:
            return f"about {self.application_name}"
        return ""

    def accepts(self, entry: JournalEntry) -> bool:
        if self.mood is not None and entry.mood is not self.mood:
            return False
        return self.application_id is None or entry.application_id == self.application_id


def entry_matches(entry: JournalEntry, query: str) -> bool:
    """Every word of ``query`` appears in the entry's text, thought, reframe or tags."""
    haystack = " ".join(
        (entry.text, entry.negative_thought, entry.reframe, " ".join(entry.tags))
    ).casefold()
    return all(word in haystack for word in query.casefold().split())
