"""Interviews on a card: reading the time and kind people type, booking one (which moves
the card to Interviewing), the card's next interview and the thank-you after it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, time, tzinfo
from uuid import UUID

from store import board
from store.models import (
    Application,
    Interview,
    InterviewKind,
    Stage,
)

BOOKING_MOVES_FROM = (Stage.WISHLIST, Stage.APPLIED)
"""An interview booked on a card in these stages moves it to Interviewing."""


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


def clashes(
    applications: Iterable[Application], interview: Interview
) -> list[tuple[Application, Interview]]:
    """The other interviews on the board whose time overlaps ``interview``'s (a
    take-home has a day it is due, no time to clash)."""
    if interview.kind is InterviewKind.TAKE_HOME:
        return []
    return [
        (a, other)
        for a in applications
        if a.archived is None
        for other in a.interviews
        if other.id != interview.id
        and other.kind is not InterviewKind.TAKE_HOME
        and other.at < interview.ends_at
        and interview.at < other.ends_at
    ]


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
