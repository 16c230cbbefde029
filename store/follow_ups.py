"""Follow-ups: what needs doing, worked out from the records every time. Only what the user
did with one (done, snoozed, dismissed) is stored, by its key; a state whose follow-up
can no longer come back is forgotten."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from uuid import UUID

from store import board, people
from store.interviews import is_held, short_label
from store.models import (
    Application,
    Contact,
    FollowUpState,
    FollowUpStatus,
    Interview,
    InterviewKind,
    InterviewOutcome,
    RejectionReason,
    Stage,
)

TAKE_HOME_NEAR = timedelta(days=3)
"""A take-home due this soon is on the follow-ups."""
THANK_YOU_WITHIN = timedelta(days=2)
"""A thank-you is worth sending this long after an interview."""
FEEDBACK_WITHIN = timedelta(days=30)
"""A request for feedback after a "no" older than this would come out of the blue."""
SILENT_NO_AFTER = 2
"""Times the wait after which a card with no news is stale (three weeks by default):
after that long, a follow-up is a chase no one answers, and the card most likely a no
that will never be said."""
STATES_KEPT_FOR = timedelta(days=90)
"""What the user did with a follow-up no longer due is kept this long, then forgotten."""


class FollowUpKind(StrEnum):
    FOLLOW_UP = "follow_up"
    HOW_IT_WENT = "how_it_went"
    THANK_YOU = "thank_you"
    ASK_NEWS = "ask_news"
    ASK_FEEDBACK = "ask_feedback"
    NEXT_ACTION = "next_action"
    PERSON = "person"
    TAKE_HOME = "take_home"
    SILENT_NO = "silent_no"


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
    days = board.days_in_stage(a, now)
    if board.is_stale(a, now, SILENT_NO_AFTER * stale_after_days):
        yield FollowUp(
            f"silent-no:{a.id}:{since.isoformat()}",
            FollowUpKind.SILENT_NO,
            f"No news in {days} days: {_where(a)}. A silent no?",
            since + timedelta(days=SILENT_NO_AFTER * stale_after_days),
            application_id=a.id,
        )
    elif board.is_stale(a, now, stale_after_days):
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
    # Asked after a "no" from people the user met: a "no" to the application alone seldom
    # comes with feedback to give, and a long search has dozens a month, which would
    # bury the agenda (the reflection's ctrl+f still drafts a request for any "no").
    if (
        rejection is not None
        and rejection.reached in (Stage.INTERVIEWING, Stage.OFFER)
        and rejection.feedback_requested_at is None
        and not rejection.feedback.strip()
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


def by_part(
    due: Iterable[FollowUp],
) -> tuple[list[FollowUp], list[FollowUp], list[FollowUp]]:
    """The agenda's parts: the follow-ups to do, the people due a message, and the cards
    so long silent that they are asked about (a silent no?) after the rest."""
    parts: tuple[list[FollowUp], list[FollowUp], list[FollowUp]] = ([], [], [])
    for f in due:
        part = {FollowUpKind.PERSON: 1, FollowUpKind.SILENT_NO: 2}.get(f.kind, 0)
        parts[part].append(f)
    return parts


def states_to_forget(
    states: Iterable[FollowUpState],
    applications: Sequence[Application],
    contacts: Sequence[Contact],
    now: datetime,
    *,
    stale_after_days: int,
    news_after_days: int,
) -> list[FollowUpState]:
    """The states set more than ``STATES_KEPT_FOR`` ago whose follow-up is not due now.
    A state still due is kept whatever its age, or its follow-up would come back; one about
    a card archived or deleted is kept as long as the others, as either can be undone."""
    due = follow_ups(
        applications, contacts, {}, now,
        stale_after_days=stale_after_days, news_after_days=news_after_days,
    )  # fmt: skip
    due_keys = {f.key for f in due}
    return [s for s in states if s.key not in due_keys and now - s.at > STATES_KEPT_FOR]
