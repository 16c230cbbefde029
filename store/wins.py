"""Small wins: the moments worth celebrating that the records show (a first interview,
the tenth application, a day's focus blocks done, a goal met), each with a key so that
it is celebrated once."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from store.models import Application, Goal, JournalEntry, Stage, TimerKind, TimerSession
from store.progress import (
    METRIC_NAMES,
    Activity,
    Memo,
    applied_at,
    counted_records,
    first_response_at,
    metric_events,
    period_start,
)


@dataclass(frozen=True)
class WinEvent:
    """A win recognised from the records; ``key`` makes sure it is celebrated once."""

    key: str
    at: datetime
    text: str


def oldest_first(events: Iterable[WinEvent], now: datetime) -> list[WinEvent]:
    return sorted(events, key=lambda event: event.at.astimezone(now.tzinfo))


class WinFinder:
    """Every win the records show, for a session that looks again after each save.

    Each part (the applications' wins, the journal's, the focus days', each goal's) is
    worked out again only when the records it counts have changed (see ``Memo``): after
    a card move the timer sessions are not walked again.
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
        for interview in application.interviews:
            # Held is what the user says: how it went, or what came of it.
            if interview.outcome is not None or interview.how_it_went.strip():
                text = f"Interview held: {where}"
                events.append(WinEvent(f"interview-held:{interview.id}", interview.ends_at, text))
            if (sent_at := interview.thank_you_sent_at) is not None:
                text = f"Sent a thank-you: {application.company}"
                events.append(WinEvent(f"thank-you:{interview.id}", sent_at, text))
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
    # at every comparison.
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
