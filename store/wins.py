"""Small wins: the moments worth celebrating that the records show (a first interview,
the tenth application, a day's focus blocks done, a goal met), each with a key so that
it is celebrated once."""

from __future__ import annotations

import contextlib
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from uuid import UUID

from store.models import (
    Application,
    Goal,
    JournalEntry,
    Metric,
    Stage,
    TimerKind,
    TimerSession,
    Win,
)
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


@dataclass(frozen=True)
class CardWins:
    """One application's own wins and when it was sent, worked out from that model."""

    application: Application
    """Kept, so that the model it was worked out from is the one compared with."""
    events: list[WinEvent]
    sent: tuple[datetime, datetime] | None
    """When it was sent, in UTC (to sort by) and as recorded; None if it was not."""


class WinFinder:
    """Every win the records show, for a session that looks again after each save.

    Each part is worked out again only when the records it counts have changed: each
    application's own wins only when that application changed (a save makes a new model
    of the records it changed, and keeps the others), the wins that count the
    applications sent (the tenth, a week's goal) only when the times sent changed, and
    the journal's, the focus days' and the other goals' only when their records changed
    (see ``Memo``).
    """

    def __init__(self) -> None:
        self._memo = Memo()
        self._cards: dict[int, CardWins] = {}
        """By the ``id()`` of the model: ``CardWins`` holds it, so no other takes its id."""

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
        journal, sessions = activity.journal, activity.sessions
        part = self._memo.get
        cards = self._card_wins(activity.applications)
        sent = [at for _, at in sorted((c.sent for c in cards if c.sent), key=_first)]
        events = [event for card in cards for event in card.events]
        events += part("applications sent", (), sent, lambda: count_wins(sent))
        events += part("journal", journal, None, lambda: reframe_wins(journal))
        events += part(
            "focus days",
            sessions,
            (tz, daily_focus_target),
            lambda: focus_day_wins(sessions, tz=tz, target=daily_focus_target),
        )
        for goal in goals:
            if not goal.active:
                continue
            if goal.metric is Metric.APPLICATIONS_SENT:
                counted: Sequence[object] = ()  # the times sent are compared instead
                given: object = (goal, tz, sent)
                work = functools.partial(_goal_wins, goal, ((at, 1) for at in sent), tz)
            else:
                counted, given = counted_records(goal.metric, activity), (goal, tz)
                work = functools.partial(_goal_wins_counting, goal, activity, tz)
            events += part(goal.id, counted, given, work)
        return events

    def _card_wins(self, applications: Sequence[Application]) -> list[CardWins]:
        """Each application's own wins, worked out again only for a changed model; an
        application gone from the records takes its wins with it."""
        cards = {}
        for application in applications:
            held = self._cards.get(id(application))
            if held is None:
                held = card_wins(application)
            cards[id(application)] = held
        self._cards = cards
        return list(cards.values())


def _first(pair: tuple[datetime, datetime]) -> datetime:
    return pair[0]


def card_wins(application: Application) -> CardWins:
    events: list[WinEvent] = []
    where = f"{application.role} at {application.company}"
    sent_at = applied_at(application)
    if sent_at is not None:
        events.append(WinEvent(f"applied:{application.id}", sent_at, f"Sent: {where}"))
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
        if (thanked_at := interview.thank_you_sent_at) is not None:
            text = f"Sent a thank-you: {application.company}"
            events.append(WinEvent(f"thank-you:{interview.id}", thanked_at, text))
    rejection = application.rejection
    if rejection is not None and rejection.feedback_requested_at is not None:
        text = f"Asked for feedback: {application.company}"
        events.append(WinEvent(f"feedback:{application.id}", rejection.feedback_requested_at, text))
    # One tzinfo to sort by: see _goal_wins.
    sent = None if sent_at is None else (sent_at.astimezone(UTC), sent_at)
    return CardWins(application, events, sent)


def count_wins(sent: Sequence[datetime]) -> list[WinEvent]:
    """Every tenth application sent (``sent`` oldest first)."""
    return [
        WinEvent(f"applied-count:{count}", sent[count - 1], f"{count} applications sent")
        for count in range(10, len(sent) + 1, 10)
    ]


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


def _goal_wins_counting(goal: Goal, activity: Activity, tz: tzinfo | None) -> list[WinEvent]:
    return _goal_wins(goal, metric_events(goal.metric, activity), tz)


def _goal_wins(
    goal: Goal, events: Iterable[tuple[datetime, float]], tz: tzinfo | None
) -> list[WinEvent]:
    """A win for each period on target, dated the moment the target was reached."""
    running: defaultdict[date, float] = defaultdict(float)
    wins = []
    # Each time in the user's zone first: datetimes that share one tzinfo compare as
    # they are, while two read from the file (each with its own tzinfo) are converted
    # at every comparison.
    local = sorted(
        ((at.astimezone(tz), amount) for at, amount in events),
        key=lambda event: event[0],
    )
    for at, amount in local:
        start = period_start(goal.period, at.date())
        before = running[start]
        running[start] += amount
        if before < goal.target <= running[start]:
            text = f"On target: {METRIC_NAMES[goal.metric].lower()} this {goal.period.value}"
            wins.append(WinEvent(goal_win_key(goal.id, start), at, text))
    return wins


def goal_win_key(goal_id: UUID, period_start: date) -> str:
    return f"{_goal_wins_prefix(goal_id)}{period_start.isoformat()}"


def _goal_wins_prefix(goal_id: UUID) -> str:
    return f"goal:{goal_id}:"


def periods_on_target(goal_id: UUID, wins: Iterable[Win]) -> set[date]:
    """The first days of the periods ``goal_id`` was on target in, by its wins on record:
    each was judged by the target as it stood then."""
    prefix = _goal_wins_prefix(goal_id)
    periods = set()
    for win in wins:
        if win.event_key is not None and win.event_key.startswith(prefix):
            with contextlib.suppress(ValueError):  # a key edited by hand is no period
                periods.add(date.fromisoformat(win.event_key.removeprefix(prefix)))
    return periods
