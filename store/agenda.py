"""The day's agenda: the interviews booked, with the people met there, and what is on
today and this week (see ``store.interviews`` and ``store.follow_ups``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from store.follow_ups import FollowUp, follow_ups
from store.models import (
    Application,
    Contact,
    ContactKind,
    FollowUpState,
    Interview,
)
from store.progress import GoalProgress

AGENDA_DAYS = 7


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
