"""Interviews and follow-ups: booking one, the card's next interview, what needs doing
today, and the day's agenda. Follow-ups are worked out from the records every time;
only what the user did with one (done, snoozed, dismissed) is stored, by its key."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from uuid import UUID

from store import board, people
from store.models import (
    Application,
    Contact,
    ContactKind,
    FollowUpState,
    FollowUpStatus,
    Interview,
    InterviewKind,
    InterviewOutcome,
    RejectionReason,
    Stage,
)
from store.progress import GoalProgress

BOOKING_MOVES_FROM = (Stage.WISHLIST, Stage.APPLIED)
"""An interview booked on a card in these stages moves it to Interviewing."""
TAKE_HOME_NEAR = timedelta(days=3)
"""A take-home due this soon is on the follow-ups."""
THANK_YOU_WITHIN = timedelta(days=2)
"""A thank-you is worth sending this long after an interview."""
FEEDBACK_WITHIN = timedelta(days=30)
"""A request for feedback after a "no" older than this would come out of the blue."""
AGENDA_DAYS = 7
STATES_KEPT_FOR = timedelta(days=90)
"""What the user did with a follow-up no longer due is kept this long, then forgotten."""


# --- reading what people type ---------------------------------------------------------

_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_when(text: str, now: datetime) -> datetime:
    """A start as people type it, in the zone of ``now``: ``2026-12-03 14:00``,
    ``tomorrow 9:30``, ``+2d 14:00``. Raises ``ValueError`` with a message for the user."""
    *day_words, clock = text.split() or [""]
    usage = "use YYYY-MM-DD HH:MM (or today, tomorrow, +3d with a time such as 14:00)"
    match = _CLOCK.match(clock)
    if not day_words or not match:
        raise ValueError(usage)
    try:
        day = board.parse_date(" ".join(day_words), now.date())
        moment = time(int(match[1]), int(match[2]))
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a date and time: {usage}") from None
    assert day is not None  # day_words is not blank
    return datetime.combine(day, moment, now.tzinfo)


def parse_kind(text: str) -> InterviewKind:
    """``technical``, ``phone screen``, ``take-home``…; raises ``ValueError`` naming them."""
    wanted = re.sub(r"[\s-]+", "_", text.strip().casefold())
    for kind in InterviewKind:
        if wanted in (kind.value, kind.label.replace(" ", "_")):
            return kind
    names = ", ".join(kind.value.replace("_", " ") for kind in InterviewKind)
    raise ValueError(f"is not a kind of interview: one of {names}")


# --- an interview on a card -----------------------------------------------------------


def booked(
    application: Application, interview: Interview, now: datetime, position: float
) -> Application:
    """``application`` with ``interview`` added; from Wishlist or Applied it moves to
    Interviewing, recorded in its history, so the funnel stays true."""
    if application.stage in BOOKING_MOVES_FROM:
        application = board.moved(application, Stage.INTERVIEWING, now, position)
    return application.model_copy(update={"interviews": (*application.interviews, interview)})


def with_interview(application: Application, interview: Interview) -> Application:
    """``application`` with one of its interviews replaced by ``interview`` (same id)."""
    interviews = tuple(
        interview if each.id == interview.id else each for each in application.interviews
    )
    return application.model_copy(update={"interviews": interviews})


def find_interview(application: Application, interview_id: UUID) -> Interview | None:
    return next((i for i in application.interviews if i.id == interview_id), None)


def next_interview(application: Application, now: datetime) -> Interview | None:
    """The earliest interview not over yet."""
    coming = [i for i in application.interviews if i.ends_at > now]
    return min(coming, key=lambda i: i.at, default=None)


def short_label(interview: Interview, tz: tzinfo | None) -> str:
    """What a card shows: ``Tue 14:00 technical``."""
    return f"{interview.at.astimezone(tz):%a %H:%M} {interview.kind.label}"


def is_held(interview: Interview, now: datetime) -> bool:
    return interview.kind is not InterviewKind.TAKE_HOME and interview.ends_at <= now


def thank_you(application: Application, interview: Interview, name: str = "") -> str:
    """A short thank-you after an interview, ready to send."""
    greeting = f"Dear {name}," if name else "Hello,"
    return (
        f"{greeting}\n\n"
        f"Thank you for your time today and for the conversation about the "
        f"{application.role} role at {application.company}. I enjoyed learning more "
        "about the team and the work, and it confirmed how much I would like to "
        "contribute.\n\n"
        "Please let me know if there is anything else I can send you.\n\n"
        "With thanks,\n"
    )


# --- follow-ups -----------------------------------------------------------------------


class FollowUpKind(StrEnum):
    FOLLOW_UP = "follow_up"
    HOW_IT_WENT = "how_it_went"
    THANK_YOU = "thank_you"
    ASK_NEWS = "ask_news"
    ASK_FEEDBACK = "ask_feedback"
    NEXT_ACTION = "next_action"
    PERSON = "person"
    TAKE_HOME = "take_home"


@dataclass(frozen=True)
class FollowUp:
    """Something to do that the records show; ``key`` names it for done/snooze/dismiss."""

    key: str
    kind: FollowUpKind
    text: str
    due: date
    application_id: UUID | None = None
    interview_id: UUID | None = None
    contact_id: UUID | None = None


def _where(application: Application) -> str:
    return f"{application.role} at {application.company}"


def _application_follow_ups(
    application: Application, now: datetime, stale_after_days: int, news_after_days: int
) -> Iterable[FollowUp]:
    tz, today, a = now.tzinfo, now.date(), application
    since = a.stage_since.astimezone(tz).date()
    if board.is_stale(a, now, stale_after_days):
        days = board.days_in_stage(a, now)
        yield FollowUp(
            f"follow-up:{a.id}:{since.isoformat()}",
            FollowUpKind.FOLLOW_UP,
            f"Follow up: {_where(a)} ({days} days, no news)",
            since + timedelta(days=stale_after_days),
            application_id=a.id,
        )
    if board.next_action_due(a, today):
        assert a.next_action_due is not None
        yield FollowUp(
            f"next-action:{a.id}:{a.next_action_due.isoformat()}",
            FollowUpKind.NEXT_ACTION,
            f"{a.next_action or 'Next action'}: {a.company}",
            a.next_action_due,
            application_id=a.id,
        )
    rejection = a.rejection
    if (
        rejection is not None
        and rejection.feedback_requested_at is None
        and rejection.reason is not RejectionReason.NO_RESPONSE
        and now - a.stage_since <= FEEDBACK_WITHIN
    ):
        yield FollowUp(
            f"feedback:{a.id}",
            FollowUpKind.ASK_FEEDBACK,
            f"Ask for feedback: {_where(a)}",
            since,
            application_id=a.id,
        )
    for interview in a.interviews:
        yield from _interview_follow_ups(a, interview, now, news_after_days)


def _interview_follow_ups(
    a: Application, interview: Interview, now: datetime, news_after_days: int
) -> Iterable[FollowUp]:
    tz = now.tzinfo
    ids = {"application_id": a.id, "interview_id": interview.id}
    what = f"{interview.kind.label} at {a.company}"
    if interview.kind is InterviewKind.TAKE_HOME:
        if interview.outcome is None and interview.at - now <= TAKE_HOME_NEAR:
            yield FollowUp(
                f"take-home:{interview.id}",
                FollowUpKind.TAKE_HOME,
                f"Take-home due {short_label(interview, tz).rsplit(' ', 2)[0]}: {_where(a)}",
                interview.at.astimezone(tz).date(),
                **ids,
            )
        return
    if not is_held(interview, now) or a.stage is Stage.REJECTED:
        return
    ended = interview.ends_at.astimezone(tz).date()
    if interview.outcome is None and not interview.how_it_went.strip():
        yield FollowUp(
            f"how-it-went:{interview.id}",
            FollowUpKind.HOW_IT_WENT,
            f"How did it go? {what}",
            ended,
            **ids,
        )
    if interview.thank_you_sent_at is None and now - interview.ends_at <= THANK_YOU_WITHIN:
        yield FollowUp(
            f"thank-you:{interview.id}",
            FollowUpKind.THANK_YOU,
            f"Send a thank-you: {what}",
            ended,
            **ids,
        )
    news_due = ended + timedelta(days=news_after_days)
    waiting = interview.outcome in (None, InterviewOutcome.WAITING)
    no_news = a.stage is Stage.INTERVIEWING and a.stage_since <= interview.ends_at
    if waiting and no_news and news_due <= now.date():
        yield FollowUp(
            f"news:{interview.id}", FollowUpKind.ASK_NEWS, f"Ask for news: {what}", news_due, **ids
        )


def _person_follow_up(contact: Contact, now: datetime) -> FollowUp | None:
    since = people.due_since(contact, now)
    if since is None:
        return None
    last = people.last_contacted(contact)
    stamp = last.isoformat() if last is not None else "never"
    return FollowUp(
        f"person:{contact.id}:{stamp}",
        FollowUpKind.PERSON,
        f"Write to {contact.name}" + (f" ({contact.company})" if contact.company else ""),
        since.astimezone(now.tzinfo).date(),
        contact_id=contact.id,
    )


def is_open(key: str, states: Mapping[str, FollowUpState], today: date) -> bool:
    """Not done or dismissed, and not snoozed past ``today``."""
    state = states.get(key)
    if state is None:
        return True
    return (
        state.status is FollowUpStatus.SNOOZED
        and state.until is not None
        and (state.until <= today)
    )


def follow_ups(
    applications: Iterable[Application],
    contacts: Iterable[Contact],
    states: Mapping[str, FollowUpState],
    now: datetime,
    *,
    stale_after_days: int,
    news_after_days: int,
) -> list[FollowUp]:
    """Everything due by today and still open, the oldest first."""
    today = now.date()
    found: list[FollowUp] = []
    for application in applications:
        if application.archived is None:
            found += _application_follow_ups(application, now, stale_after_days, news_after_days)
    found += [f for c in contacts if (f := _person_follow_up(c, now)) is not None]
    # A take-home is listed from a few days before it is due; the rest once due.
    return [
        f
        for f in sorted(found, key=lambda f: (f.due, f.text))
        if (f.due <= today or f.kind is FollowUpKind.TAKE_HOME) and is_open(f.key, states, today)
    ]


def _subject(key: str) -> UUID | None:
    """The application, interview or person a follow-up's key names."""
    try:
        return UUID(key.split(":")[1])
    except (IndexError, ValueError):
        return None


def states_to_forget(
    states: Iterable[FollowUpState],
    applications: Sequence[Application],
    contacts: Sequence[Contact],
    now: datetime,
    *,
    stale_after_days: int,
    news_after_days: int,
) -> list[FollowUpState]:
    """The states whose follow-up is not due now and will not come back: what it is
    about was deleted or archived, or it was set more than ``STATES_KEPT_FOR`` ago. The
    state of a follow-up still due is kept whatever its age, or it would come back."""
    due = follow_ups(
        applications, contacts, {}, now,
        stale_after_days=stale_after_days, news_after_days=news_after_days,
    )  # fmt: skip
    due_keys = {f.key for f in due}
    on_board = {c.id for c in contacts}
    for a in applications:
        if a.archived is None:
            on_board |= {a.id, *(i.id for i in a.interviews)}
    return [
        s
        for s in states
        if s.key not in due_keys
        and (_subject(s.key) not in on_board or now - s.at > STATES_KEPT_FOR)
    ]


# --- the agenda -----------------------------------------------------------------------


@dataclass(frozen=True)
class Booking:
    """An interview, the application it is for, and the people met there with their role."""

    application: Application
    interview: Interview
    people: tuple[tuple[Contact, ContactKind | None], ...] = ()


def bookings(
    applications: Iterable[Application],
    contacts: Sequence[Contact],
    start: datetime,
    end: datetime,
) -> list[Booking]:
    """Interviews not over by ``start`` that begin before ``end``, earliest first."""
    by_id = {c.id: c for c in contacts}
    found = []
    for application in applications:
        if application.archived is not None:
            continue
        for interview in application.interviews:
            if interview.ends_at > start and interview.at < end:
                met = []
                for contact_id in interview.contact_ids:
                    if (contact := by_id.get(contact_id)) is not None:
                        role = next(
                            (
                                link.role
                                for link in contact.links
                                if link.application_id == application.id
                            ),
                            None,
                        )
                        met.append((contact, role))
                found.append(Booking(application, interview, tuple(met)))
    return sorted(found, key=lambda b: b.interview.at)


@dataclass(frozen=True)
class Agenda:
    """Today and the days after: interviews, follow-ups due, the week's goals not met."""

    now: datetime
    days: int
    bookings: tuple[Booking, ...]
    follow_ups: tuple[FollowUp, ...]
    goals_left: tuple[GoalProgress, ...]

    def today(self) -> list[Booking]:
        today = self.now.date()
        return [
            b for b in self.bookings if b.interview.at.astimezone(self.now.tzinfo).date() == today
        ]

    def later(self) -> list[Booking]:
        today = self.now.date()
        return [
            b for b in self.bookings if b.interview.at.astimezone(self.now.tzinfo).date() > today
        ]

    @property
    def empty(self) -> bool:
        return not (self.bookings or self.follow_ups or self.goals_left)


def day_start(now: datetime) -> datetime:
    return datetime.combine(now.date(), time(), now.tzinfo)


def agenda(
    applications: Sequence[Application],
    contacts: Sequence[Contact],
    states: Mapping[str, FollowUpState],
    goals: Iterable[GoalProgress],
    now: datetime,
    *,
    days: int = AGENDA_DAYS,
    stale_after_days: int,
    news_after_days: int,
) -> Agenda:
    start = day_start(now)
    return Agenda(
        now=now,
        days=days,
        bookings=tuple(bookings(applications, contacts, start, start + timedelta(days=days))),
        follow_ups=tuple(
            follow_ups(
                applications,
                contacts,
                states,
                now,
                stale_after_days=stale_after_days,
                news_after_days=news_after_days,
            )
        ),
        goals_left=tuple(g for g in goals if not g.met and not g.resting),
    )
