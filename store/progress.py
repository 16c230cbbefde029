"""Progress: goals and streaks, the funnel and what it says, small wins, mood beside the search.

Everything here is computed from the records (stage histories, timer sessions, journal
entries, conversations), never stored twice. Periods are the user's: weeks start on
Monday and days end at midnight in the time zone of ``now``.
"""

from __future__ import annotations

import functools
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from statistics import fmean, median
from typing import Any, TypeVar

from store.models import (
    PIPELINE,
    Application,
    ArchiveReason,
    Contact,
    Goal,
    JournalEntry,
    Metric,
    Period,
    RejectionReason,
    Stage,
    TimerKind,
    TimerSession,
)

T = TypeVar("T")

# --- what the funnel needs before it says anything -------------------------------------

MIN_APPLIED_FOR_DIAGNOSIS = 10
"""Fewer applications than this say nothing yet about where a search is stuck."""
LOW_RESPONSE_RATE = 0.10
"""Under one answer in ten applications: the applications are not landing."""
MIN_RESPONSES_FOR_SCREENING = 5
LOW_INTERVIEW_RATE = 0.30
"""Under three in ten answers becoming interviews: the first conversation is the gap."""
MIN_INTERVIEWS_FOR_OFFERS = 4
"""This many interviews and no offer: the interviews themselves are the gap."""
MIN_FOR_RATES = 2
"""Interviews (or offers) needed before "about 1 in N" is worth saying."""

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


def applied_at(application: Application) -> datetime | None:
    """When the application was sent: its first move into Applied (or past it)."""
    for change in application.history:
        if change.stage in (Stage.APPLIED, Stage.INTERVIEWING, Stage.OFFER):
            return change.at
    if application.rejection is not None and application.rejection.reached is not Stage.WISHLIST:
        return application.history[0].at
    return None


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
    goal: Goal, activity: Activity, now: datetime, memo: Memo | None = None
) -> GoalProgress:
    """How far the goal is this period. With a ``memo``, the totals of each period are
    counted again only when the records they count are not the very ones of last time:
    a goal of focus blocks walks every timer session, 7 ms at 10,000 records."""
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
            if totals.get(past, 0) < goal.target:
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


# --- the funnel ------------------------------------------------------------------------

RANK = {stage: rank for rank, stage in enumerate(PIPELINE)}


def furthest_stage(application: Application) -> Stage:
    """The furthest pipeline stage the application reached, from its history."""
    reached: list[Stage] = [c.stage for c in application.history if c.stage is not Stage.REJECTED]
    if application.rejection is not None:
        reached.append(application.rejection.reached)
    return max(reached, key=RANK.__getitem__, default=Stage.WISHLIST)


def first_response_at(application: Application) -> datetime | None:
    """When the company first answered: a move past Applied, or a "no" that was not silence."""
    sent = applied_at(application)
    if sent is None:
        return None
    for change in application.history:
        if change.at < sent:
            continue
        if change.stage in (Stage.INTERVIEWING, Stage.OFFER):
            return change.at
        if change.stage is Stage.REJECTED:
            silent = (
                application.rejection is not None
                and application.rejection.reason is RejectionReason.NO_RESPONSE
            )
            return None if silent else change.at
    return None


@dataclass(frozen=True)
class Finding:
    """What the funnel suggests, in plain words."""

    title: str
    advice: str


@dataclass(frozen=True)
class Funnel:
    days: int | None
    """The window: applications sent in the last ``days`` days, or all time (None)."""
    applied: int = 0
    responses: int = 0
    interviews: int = 0
    offers: int = 0
    declined_offers: int = 0
    rejections: int = 0
    median_days_to_response: float | None = None
    rejected_at: dict[Stage, int] = field(default_factory=dict)
    """How far each "no" got."""

    @staticmethod
    def rate(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def response_rate(self) -> float | None:
        return self.rate(self.responses, self.applied)

    @property
    def interview_rate(self) -> float | None:
        """Interviews per response."""
        return self.rate(self.interviews, self.responses)

    @property
    def offer_rate(self) -> float | None:
        """Offers per interview."""
        return self.rate(self.offers, self.interviews)

    def applications_per(self, outcome: int) -> int | None:
        """From the user's own rates: about one in this many applications leads to it."""
        if outcome < MIN_FOR_RATES:
            return None
        return round(self.applied / outcome)

    def findings(self) -> list[Finding]:
        """Where the search is stuck, the earliest stage first; empty when it is not."""
        found = []
        if self.response_rate is not None and self.response_rate < LOW_RESPONSE_RATE:
            found.append(
                Finding(
                    "Many applications, few answers",
                    "Tailor the résumé and cover letter to each posting, lead with what "
                    "the posting asks for, and check you are aiming at roles that fit.",
                )
            )
        if (
            self.responses >= MIN_RESPONSES_FOR_SCREENING
            and self.interview_rate is not None
            and self.interview_rate < LOW_INTERVIEW_RATE
        ):
            found.append(
                Finding(
                    "Answers, but few interviews",
                    "Work on the first conversation: a two-minute story of who you are "
                    "and why this role, and your questions about the team.",
                )
            )
        if self.interviews >= MIN_INTERVIEWS_FOR_OFFERS and self.offers == 0:
            found.append(
                Finding(
                    "Interviews, but no offer yet",
                    "Practise interviewing: mock interviews with a friend, answers told as "
                    "stories (situation, task, action, result), and questions to ask them.",
                )
            )
        if self.declined_offers:
            found.append(
                Finding(
                    "Offers you turned down",
                    "Revisit what you are looking for, so your applications aim at offers "
                    "you would say yes to.",
                )
            )
        return found


def funnel(applications: Iterable[Application], now: datetime, days: int | None = None) -> Funnel:
    """The funnel of applications sent in the last ``days`` days (all of them if None)."""
    since = now - timedelta(days=days) if days is not None else None
    applied = responses = interviews = offers = declined = rejections = 0
    waits = []
    rejected_at: Counter[Stage] = Counter()
    for application in applications:
        sent = applied_at(application)
        if sent is None or (since is not None and sent < since):
            continue
        applied += 1
        furthest = furthest_stage(application)
        answered = first_response_at(application)
        if answered is not None or RANK[furthest] >= RANK[Stage.INTERVIEWING]:
            responses += 1
        if answered is not None:
            waits.append((answered - sent).total_seconds() / 86400)
        interviews += RANK[furthest] >= RANK[Stage.INTERVIEWING]
        if furthest is Stage.OFFER:
            offers += 1
            declined += application.archived is ArchiveReason.WITHDRAWN
        if application.rejection is not None:
            rejections += 1
            rejected_at[application.rejection.reached] += 1
    return Funnel(
        days=days,
        applied=applied,
        responses=responses,
        interviews=interviews,
        offers=offers,
        declined_offers=declined,
        rejections=rejections,
        median_days_to_response=median(waits) if waits else None,
        rejected_at=dict(rejected_at),
    )


def enough_for_diagnosis(f: Funnel) -> bool:
    return f.applied >= MIN_APPLIED_FOR_DIAGNOSIS


def rejections_total(applications: Iterable[Application]) -> int:
    """Every "no" collected so far, silence included."""
    return sum(1 for a in applications if a.rejection is not None)


@dataclass(frozen=True)
class Lessons:
    """What the rejection reflections say, grouped, in the user's own words."""

    reasons: list[tuple[str, int]]
    """Reason labels, most common first."""
    lessons: list[str]
    """What to change next, newest first, without repeats."""
    feedback: list[str]


def awaiting_reflection(applications: Iterable[Application]) -> list[Application]:
    """The "no"s with nothing written about them yet (an imported one starts so), newest first."""
    bare = [a for a in applications if a.rejection and not a.rejection.lesson.strip()
            and not a.rejection.feedback.strip()]  # fmt: skip
    return sorted(bare, key=lambda a: a.stage_since, reverse=True)


def lessons(applications: Iterable[Application]) -> Lessons:
    rejected = sorted(
        (a for a in applications if a.rejection is not None),
        key=lambda a: a.stage_since,
        reverse=True,
    )
    reasons = Counter(a.rejection.reason.label for a in rejected if a.rejection)
    own = [a.rejection.lesson.strip() for a in rejected if a.rejection and a.rejection.lesson]
    said = [a.rejection.feedback.strip() for a in rejected if a.rejection and a.rejection.feedback]
    return Lessons(
        reasons=reasons.most_common(),
        lessons=list(dict.fromkeys(line for line in own if line)),
        feedback=list(dict.fromkeys(line for line in said if line)),
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


# --- small wins ------------------------------------------------------------------------


@dataclass(frozen=True)
class WinEvent:
    """A win recognised from the records; ``key`` makes sure it is celebrated once."""

    key: str
    at: datetime
    text: str


def recognise_wins(
    activity: Activity,
    goals: Iterable[Goal],
    now: datetime,
    *,
    daily_focus_target: int,
) -> list[WinEvent]:
    """Every win the records show, oldest first. The store keeps the ones not yet seen."""
    events = WinFinder().events(activity, goals, now, daily_focus_target=daily_focus_target)
    return oldest_first(events, now)


def oldest_first(events: Iterable[WinEvent], now: datetime) -> list[WinEvent]:
    return sorted(events, key=lambda event: event.at.astimezone(now.tzinfo))


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


class WinFinder:
    """Every win the records show, for a session that looks again after each save.

    Each part (the applications' wins, the journal's, the focus days', each goal's) is
    worked out again only when the records it counts have changed (see ``Memo``). After
    a card move at 10,000 records the 8,500 timer sessions are not walked again: 20 ms,
    not 100.
    """

    def __init__(self) -> None:
        self._memo = Memo()

    def events(
        self,
        activity: Activity,
        goals: Iterable[Goal],
        now: datetime,
        *,
        daily_focus_target: int,
    ) -> list[WinEvent]:
        """Every win the records show, in no particular order (see ``oldest_first``)."""
        tz = now.tzinfo
        sent, journal, sessions = activity.applications, activity.journal, activity.sessions
        part = self._memo.get
        events = [
            *part("applications", sent, None, lambda: application_wins(sent)),
            *part("journal", journal, None, lambda: reframe_wins(journal)),
            *part(
                "focus days",
                sessions,
                (tz, daily_focus_target),
                lambda: focus_day_wins(sessions, tz=tz, target=daily_focus_target),
            ),
        ]
        for goal in goals:
            if goal.active:
                counted = counted_records(goal.metric, activity)
                work = functools.partial(_goal_wins, goal, activity, now)
                events += part(goal.id, counted, (goal, tz), work)
        return events


def counted_records(metric: Metric, activity: Activity) -> Sequence[object]:
    """The records ``metric_events`` reads for ``metric``."""
    if metric is Metric.APPLICATIONS_SENT:
        return activity.applications
    if metric is Metric.NETWORKING_CONVERSATIONS:
        return activity.contacts
    if metric in (Metric.LEARNING_MINUTES, Metric.FOCUS_BLOCKS):
        return activity.sessions
    return activity.journal


def application_wins(applications: Sequence[Application]) -> list[WinEvent]:
    events: list[WinEvent] = []
    sent = sorted(
        ((at, a) for a in applications if (at := applied_at(a)) is not None),
        key=lambda pair: pair[0].astimezone(UTC),  # one tzinfo: see _goal_wins
    )
    for count, (at, application) in enumerate(sent, start=1):
        where = f"{application.role} at {application.company}"
        events.append(WinEvent(f"applied:{application.id}", at, f"Sent: {where}"))
        if count % 10 == 0:
            events.append(WinEvent(f"applied-count:{count}", at, f"{count} applications sent"))
    for application in applications:
        where = f"{application.role} at {application.company}"
        if (answered := first_response_at(application)) is not None:
            events.append(WinEvent(f"response:{application.id}", answered, f"An answer: {where}"))
        for change in application.history:
            if change.stage is Stage.INTERVIEWING:
                text = f"Interview: {where}"
                events.append(WinEvent(f"interview:{application.id}", change.at, text))
                break
        for change in application.history:
            if change.stage is Stage.OFFER:
                events.append(WinEvent(f"offer:{application.id}", change.at, f"Offer: {where}"))
                break
        rejection = application.rejection
        if rejection is not None and rejection.feedback_requested_at is not None:
            text = f"Asked for feedback: {application.company}"
            events.append(
                WinEvent(f"feedback:{application.id}", rejection.feedback_requested_at, text)
            )
    return events


def reframe_wins(journal: Sequence[JournalEntry]) -> list[WinEvent]:
    return [
        WinEvent(f"reframe:{entry.id}", entry.at, "Turned a hard thought around")
        for entry in journal
        if entry.negative_thought.strip() and entry.reframe.strip()
    ]


def focus_day_wins(
    sessions: Sequence[TimerSession], *, tz: tzinfo | None, target: int
) -> list[WinEvent]:
    """A win for each day all ``target`` focus blocks were done (sessions oldest first)."""
    events = []
    blocks: Counter[date] = Counter()
    for session in sessions:
        if session.kind is TimerKind.FOCUS and session.completed:
            day = session.started_at.astimezone(tz).date()
            blocks[day] += 1
            if blocks[day] == target:
                end = session.started_at + timedelta(seconds=session.actual_seconds)
                text = f"All {target} focus blocks of the day done"
                events.append(WinEvent(f"focus-day:{day.isoformat()}", end, text))
    return events


def _goal_wins(goal: Goal, activity: Activity, now: datetime) -> list[WinEvent]:
    """A win for each period on target, dated the moment the target was reached."""
    tz = now.tzinfo
    running: defaultdict[date, float] = defaultdict(float)
    wins = []
    # Each time in the user's zone first: datetimes that share one tzinfo compare as
    # they are, while two read from the file (each with its own tzinfo) are converted
    # at every comparison (8,500 of them in random order: 100 ms to sort, not 3).
    local = sorted(
        ((at.astimezone(tz), amount) for at, amount in metric_events(goal.metric, activity)),
        key=lambda event: event[0],
    )
    for at, amount in local:
        start = period_start(goal.period, at.date())
        before = running[start]
        running[start] += amount
        if before < goal.target <= running[start]:
            text = f"On target: {METRIC_NAMES[goal.metric].lower()} this {goal.period.value}"
            wins.append(WinEvent(f"goal:{goal.id}:{start.isoformat()}", at, text))
    return wins


def funnel_summary(f: Funnel) -> dict[str, object]:
    return {
        "applied": f.applied,
        "responses": f.responses,
        "interviews": f.interviews,
        "offers": f.offers,
        "declined_offers": f.declined_offers,
        "rejections": f.rejections,
        "response_rate": f.response_rate,
        "interview_rate": f.interview_rate,
        "offer_rate": f.offer_rate,
        "median_days_to_response": f.median_days_to_response,
        "rejected_at": {stage.value: n for stage, n in f.rejected_at.items()},
        "enough_for_diagnosis": enough_for_diagnosis(f),
        "findings": [{"title": x.title, "advice": x.advice} for x in f.findings()]
        if enough_for_diagnosis(f)
        else [],
    }


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
