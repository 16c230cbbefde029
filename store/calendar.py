"""The interviews and follow-ups as an iCalendar file (RFC 5545), for the user's phone.

Every event's UID comes from the record it shows (an interview's id, a follow-up's key),
so exporting again and importing the file updates the events instead of adding copies.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, tzinfo
from uuid import NAMESPACE_URL, uuid5
from zoneinfo import ZoneInfo

import icalendar

from store.agenda import Booking
from store.follow_ups import FollowUp, FollowUpKind

PRODID = "-//bounceback//interviews and follow-ups//EN"
# RFC 5545 text holds no control characters but tab and newline; and the file may be
# printed to a terminal (`--output -`), which would obey them.
_CONTROLS = str.maketrans(
    dict.fromkeys((*range(0x20), 0x7F, *range(0x80, 0xA0)), "\ufffd") | {0x09: " ", 0x0A: "\n"}
)


def _text(value: str) -> str:
    return value.translate(_CONTROLS)


UID_DOMAIN = "bounceback"


def interview_uid(booking: Booking) -> str:
    return f"interview-{booking.interview.id}@{UID_DOMAIN}"


def follow_up_uid(follow_up: FollowUp) -> str:
    return f"follow-up-{uuid5(NAMESPACE_URL, follow_up.key)}@{UID_DOMAIN}"


def _interview_event(
    booking: Booking, zone: tzinfo, stamp: datetime, alarm_minutes: int
) -> icalendar.Event:
    a, interview = booking.application, booking.interview
    lines = [f"{a.role} at {a.company}"]
    if booking.people:
        met = ", ".join(
            f"{contact.name} ({role.label})" if role else contact.name
            for contact, role in booking.people
        )
        lines.append(f"With: {met}")
    if interview.prep.strip():
        lines += ["", "Preparation:", interview.prep.strip()]
    event = icalendar.Event()
    event.add("uid", interview_uid(booking))
    event.add("dtstamp", stamp)
    event.add("dtstart", interview.at.astimezone(zone))
    event.add("dtend", interview.ends_at.astimezone(zone))
    event.add("summary", _text(f"{interview.kind.label.capitalize()}: {a.company}"))
    event.add("description", _text("\n".join(lines)))
    event.add("last-modified", a.updated_at.astimezone(UTC))
    event.add("sequence", a.rev)
    if interview.where:
        event.add("location", _text(interview.where))
        if interview.where.startswith(("http://", "https://")):
            event.add("url", interview.where)
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _text(f"{interview.kind.label.capitalize()} at {a.company}"))
    alarm.add("trigger", timedelta(minutes=-alarm_minutes))
    event.add_component(alarm)
    return event


def _follow_up_event(follow_up: FollowUp, stamp: datetime, today_: datetime) -> icalendar.Event:
    # An all-day event on the day it is due, or today if that has passed: a phone shows
    # today's, and one on a past day would never be seen.
    day = max(follow_up.due, today_.date())
    event = icalendar.Event()
    event.add("uid", follow_up_uid(follow_up))
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", _text(follow_up.text))
    event.add("transp", "TRANSPARENT")  # a reminder, not time taken
    return event


def calendar_file(
    bookings: Iterable[Booking],
    follow_ups: Iterable[FollowUp],
    now: datetime,
    *,
    zone: tzinfo,
    alarm_minutes: int,
) -> bytes:
    """The iCalendar file: interviews at their time in ``zone`` (with its VTIMEZONE when
    it is a named zone), each with an alarm, and follow-ups as all-day events (not the
    cards that look like a silent no: the app asks about those)."""
    if not isinstance(zone, ZoneInfo):
        zone = UTC  # a bare UTC offset has no VTIMEZONE to name it: times in UTC instead
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "bounceback")
    stamp = now.astimezone(UTC)
    for booking in bookings:
        calendar.add_component(_interview_event(booking, zone, stamp, alarm_minutes))
    local_now = now.astimezone(zone)
    for follow_up in follow_ups:
        if follow_up.kind is not FollowUpKind.SILENT_NO:  # a question for the app, not a day's task
            calendar.add_component(_follow_up_event(follow_up, stamp, local_now))
    calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data
