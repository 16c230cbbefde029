"""Progress: goals and streaks, and mood beside the search.

The funnel is in ``funnel.py``, the small wins in ``wins.py``.

Everything here is computed from the records (stage histories, timer sessions, journal
entries, conversations), never stored twice. Periods are the user's: weeks start on
Monday and days end at midnight in the time zone of ``now``.
"""

from __future__ import annotations

import functools
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from statistics import fmean
from typing import Any, TypeVar

# The funnel's names, read by the panes as progress.*.
from store.funnel import LOW_INTERVIEW_RATE as LOW_INTERVIEW_RATE
from store.funnel import LOW_RESPONSE_RATE as LOW_RESPONSE_RATE
from store.funnel import MIN_APPLIED_FOR_DIAGNOSIS as MIN_APPLIED_FOR_DIAGNOSIS
from store.funnel import MIN_INTERVIEWS_FOR_OFFERS as MIN_INTERVIEWS_FOR_OFFERS
from store.funnel import MIN_RESPONSES_FOR_SCREENING as MIN_RESPONSES_FOR_SCREENING
from store.funnel import Finding as Finding
from store.funnel import Funnel as Funnel
from store.funnel import Lessons as Lessons
from store.funnel import applied_at as applied_at
from store.funnel import enough_for_diagnosis as enough_for_diagnosis
from store.funnel import first_response_at as first_response_at
from store.funnel import funnel as funnel
from store.funnel import funnel_summary as funnel_summary
from store.funnel import lessons as lessons
from store.funnel import rejections_total as rejections_total
from store.models import (
    Application,
    Contact,
    Goal,
    JournalEntry,
    Metric,
    Period,
    Stage,
    TimerKind,
    TimerSession,
)

T = TypeVar("T")


LEARNING_LABEL = "learning"
"""Focus blocks with this label count toward the learning goal."""

METRIC_NAMES: dict[Metric, str] = {
    Metric.APPLICATIONS_SENT: "Applications sent",
    Metric.NETWORKING_CONVERSATIONS: "Networking conversations",
    Metric.LEARNING_MINUTES: "Learning minutes",
    Metric.FOCUS_BLOCKS: "Focus blocks",
    Metric.JOURNAL_ENTRIES: "Journal entries",
}

DEFAULT_GOALS: tuple[tuple[Metric, int, Period], ...] = (
    (Metric.APPLICATIONS_SENT, 5, Period.WEEK),
    (Metric.NETWORKING_CONVERSATIONS, 4, Period.MONTH),
    (Metric.LEARNING_MINUTES, 120, Period.WEEK),
    (Metric.FOCUS_BLOCKS, 15, Period.WEEK),
    (Metric.JOURNAL_ENTRIES, 4, Period.WEEK),
)
"""Modest on purpose: a goal met is worth more than an ambitious one missed."""


@dataclass(frozen=True)
class Activity:
    """Everything the metrics count, gathered once."""

    applications: Sequence[Application]
    """Board and archive: an archived application was still sent."""
    sessions: Sequence[TimerSession] = ()
    journal: Sequence[JournalEntry] = ()
    contacts: Sequence[Contact] = ()


# --- periods ---------------------------------------------------------------------------


@functools.cache  # years of timer sessions fall on a few hundred days
def period_start(period: Period, day: date) -> date:
    if period is Period.WEEK:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period_start(period: Period, start: date) -> date:
    if period is Period.WEEK:
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def previous_period_start(period: Period, start: date) -> date:
    return period_start(period, start - timedelta(days=1))


# --- metrics ---------------------------------------------------------------------------


def metric_events(metric: Metric, activity: Activity) -> list[tuple[datetime, float]]:
    """Each thing the metric counts, with when it happened and how much it counts."""
    if metric is Metric.APPLICATIONS_SENT:
        sent = (applied_at(a) for a in activity.applications)
        return [(at, 1) for at in sent if at is not None]
    if metric is Metric.NETWORKING_CONVERSATIONS:
        return [(c.at, 1) for contact in activity.contacts for c in contact.conversations]
    if metric is Metric.LEARNING_MINUTES:
        return [
            (s.started_at, s.actual_seconds / 60)
            for s in activity.sessions
            if s.kind is TimerKind.FOCUS and s.label.casefold() == LEARNING_LABEL
        ]
    if metric is Metric.FOCUS_BLOCKS:
        return [
            (s.started_at, 1)
            for s in activity.sessions
            if s.kind is TimerKind.FOCUS and s.completed
        ]
    return [(e.at, 1) for e in activity.journal]


def _totals_by_period(goal: Goal, activity: Activity, tz: tzinfo | None) -> dict[date, float]:
    """What the goal's metric counted in each of its periods, by the period's first day."""
    totals: defaultdict[date, float] = defaultdict(float)
    for at, amount in metric_events(goal.metric, activity):
        totals[period_start(goal.period, at.astimezone(tz).date())] += amount
    return dict(totals)


@dataclass(frozen=True)
class GoalProgress:
    goal: Goal
    name: str
    done: int
    period_start: date
    days_left: int
    """Days left in the period, today included."""
    streak: int
    """Periods on target in a row, up to this one; a rest period neither breaks nor adds."""
    resting: bool

    @property
    def met(self) -> bool:
        return self.done >= self.goal.target

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.goal.target)


def goal_progress(
    goal: Goal,
    activity: Activity,
    now: datetime,
    memo: Memo | None = None,
    met_then: Collection[date] = (),
) -> GoalProgress:
    """How far the goal is this period. With a ``memo``, the totals of each period are
    counted again only when the records they count are not the very ones of last time:
    a goal of focus blocks walks every timer session. ``met_then``: the first days of
    past periods on target by the target as it stood then (their wins are on record),
    so a target raised since does not take the streak they earned away."""
    today = now.date()
    tz = now.tzinfo

    def count() -> dict[date, float]:
        return _totals_by_period(goal, activity, tz)

    if memo is None:
        totals = count()
    else:
        counted = counted_records(goal.metric, activity)
        totals = memo.get(("totals", goal.metric, goal.period), counted, tz, count)
    start = period_start(goal.period, today)
    rest = set(goal.rest_periods)
    streak = 1 if totals.get(start, 0) >= goal.target else 0
    earliest = min(totals, default=start)
    past = previous_period_start(goal.period, start)
    while past >= earliest:
        if past not in rest:
            if totals.get(past, 0) < goal.target and past not in met_then:
                break
            streak += 1
        past = previous_period_start(goal.period, past)
    return GoalProgress(
        goal=goal,
        name=METRIC_NAMES[goal.metric],
        done=math.floor(totals.get(start, 0)),
        period_start=start,
        days_left=(next_period_start(goal.period, start) - today).days,
        streak=streak,
        resting=start in rest,
    )


# --- mood beside the search ------------------------------------------------------------


@dataclass(frozen=True)
class Week:
    start: date
    mood: float | None
    applied: int
    rejections: int


def weeks_beside(activity: Activity, now: datetime, weeks: int = 8) -> list[Week]:
    """Average mood, applications sent and "no"s received, week by week, oldest first."""
    tz = now.tzinfo
    this_week = period_start(Period.WEEK, now.date())
    starts = [this_week - timedelta(weeks=n) for n in reversed(range(weeks))]
    moods: dict[date, list[int]] = {start: [] for start in starts}
    applied: Counter[date] = Counter()
    noes: Counter[date] = Counter()

    # Years of records come before these weeks: a comparison puts them aside, cheaper
    # than working out the week of each.
    since = datetime.combine(starts[0], time(), tz)

    def week_of(moment: datetime) -> date | None:
        if moment < since:
            return None
        return period_start(Period.WEEK, moment.astimezone(tz).date())

    for entry in activity.journal:
        if (week := week_of(entry.at)) in moods:
            moods[week].append(int(entry.mood))
    for application in activity.applications:
        if (sent := applied_at(application)) is not None and (week := week_of(sent)):
            applied[week] += 1
        for change in application.history:
            if change.stage is Stage.REJECTED and (week := week_of(change.at)):
                noes[week] += 1
    return [
        Week(start, fmean(moods[start]) if moods[start] else None, applied[start], noes[start])
        for start in starts
    ]


# --- work kept while the records stay the same ----------------------------------------


class Memo:
    """Work done on records, kept for as long as they are the very same objects.

    Models are frozen, so the same objects mean the same data; and the memo keeps the
    records it was given, so none is freed for its id to be reused.
    """

    def __init__(self) -> None:
        self._held: dict[Hashable, tuple[Sequence[object], object, Any]] = {}

    def get(
        self, name: Hashable, records: Sequence[object], given: object, work: Callable[[], T]
    ) -> T:
        """``work()``, or what it gave last time for the same ``records`` and ``given``."""
        held = self._held.get(name)
        if held is None or held[1] != given or not same_objects(held[0], records):
            held = self._held[name] = (records, given, work())
        result: T = held[2]
        return result


def same_objects(these: Sequence[object], those: Sequence[object]) -> bool:
    return len(these) == len(those) and all(map(operator.is_, these, those))


def counted_records(metric: Metric, activity: Activity) -> Sequence[object]:
    """The records ``metric_events`` reads for ``metric``."""
    if metric is Metric.APPLICATIONS_SENT:
        return activity.applications
    if metric is Metric.NETWORKING_CONVERSATIONS:
        return activity.contacts
    if metric in (Metric.LEARNING_MINUTES, Metric.FOCUS_BLOCKS):
        return activity.sessions
    return activity.journal


def summary(activity: Activity, goals: Iterable[Goal], now: datetime) -> dict[str, object]:
    """Goals, the funnel (all time, 90 and 30 days) and the "no"s, ready for JSON."""
    everything = funnel(activity.applications, now)
    return {
        "as_of": now.isoformat(),
        "goals": [
            {
                "metric": p.goal.metric.value,
                "name": p.name,
                "period": p.goal.period.value,
                "target": p.goal.target,
                "done": p.done,
                "met": p.met,
                "days_left": p.days_left,
                "streak": p.streak,
                "resting": p.resting,
            }
            for p in (goal_progress(g, activity, now) for g in goals if g.active)
        ],
        "funnel": {
            "all_time": funnel_summary(everything),
            "last_90_days": funnel_summary(funnel(activity.applications, now, 90)),
            "last_30_days": funnel_summary(funnel(activity.applications, now, 30)),
        },
        "noes": rejections_total(activity.applications),
        "applications_per_interview": everything.applications_per(everything.interviews),
        "applications_per_offer": everything.applications_per(everything.offers),
    }
