"""The shell's interview, agenda and calendar commands (registered by ``tui/cli_parser.py``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from store import InvalidInput, Store, atomic_write, follow_ups, interviews
from store import agenda as rules
from store.clock import local_zone
from store.models import MAX_INTERVIEW_MINUTES, InterviewKind
from tui import config
from tui.agenda_text import clash_note
from tui.shell_naming import NoSuchApplication, find_application
from tui.widgets.safe_text import printable

EXIT_OK = 0
EXIT_REFUSED = 2
CALENDAR_NAME = "bounceback.ics"
FIELD_OPTIONS = {"at": "--at", "minutes": "--length", "kind": "--kind", "where": "--where"}
"""The store's field names as the shell's options, for messages beside the option."""


def default_calendar_path(store: Store) -> Path:
    """Beside the data file: the palette's export and the shell's write the same file."""
    return store.path.parent / CALENDAR_NAME


def write_calendar(store: Store, path: Path, alarm_minutes: int) -> int:
    """Write the calendar file atomically; how many interviews it holds."""
    data = store.agenda.calendar(zone=local_zone(), alarm_minutes=alarm_minutes)
    atomic_write(path, [data])
    return len(store.agenda.interviews())


def add_parsers(
    commands: argparse._SubParsersAction[Any],
    common: argparse.ArgumentParser,
) -> None:
    interview = commands.add_parser(
        "interview", parents=[common], help="book an interview on an application"
    )
    interview.add_argument("application", help="an id prefix or a company name")
    interview.add_argument("--at", required=True, help='when: "2026-12-03 14:00", "tomorrow 9:30"')
    kinds = ", ".join(kind.value for kind in InterviewKind)
    interview.add_argument("--kind", default="other", help=f"one of {kinds}")
    interview.add_argument("--length", default="60", metavar="MINUTES", help="default 60")
    interview.add_argument(
        "--with", dest="people", action="append", default=[], metavar="NAME",
        help="who you meet (repeatable); a new name is added to your people",
    )  # fmt: skip
    interview.add_argument("--where", default="", help="a link, an address or a phone number")
    interview.add_argument("--prep", default="", help="preparation notes")

    day = commands.add_parser(
        "agenda", parents=[common], help="today and the days ahead: interviews, follow-ups, goals"
    )
    day.add_argument("--days", type=int, default=rules.AGENDA_DAYS, metavar="N",
                     help=f"how many days from today (default {rules.AGENDA_DAYS})")  # fmt: skip
    day.add_argument("--json", action="store_true", help="as JSON, for scripts")

    ics = commands.add_parser(
        "calendar", parents=[common], help="write your interviews and follow-ups as a calendar file"
    )
    ics.add_argument(
        "--output", type=Path, metavar="FILE",
        help=f"where (default: {CALENDAR_NAME} beside the data file; - for the screen)",
    )  # fmt: skip


def _refused(command: str, option: str, message: str, after: str = "nothing was saved") -> int:
    print(f"bounceback {command}: {option} {message}; {after}.", file=sys.stderr)
    return EXIT_REFUSED


def interview(store: Store, args: argparse.Namespace) -> int:
    now = store.clock()
    try:
        at = interviews.parse_when(args.at, now)
    except ValueError as error:
        return _refused("interview", "--at", str(error))
    try:
        kind = interviews.parse_kind(args.kind)
    except ValueError as error:
        return _refused("interview", "--kind", f"{args.kind!r} {error}")
    try:
        minutes = int(args.length)
    except ValueError:
        minutes = 0
    if not 1 <= minutes <= MAX_INTERVIEW_MINUTES:
        return _refused(
            "interview",
            "--length",
            f"must be 1 to {MAX_INTERVIEW_MINUTES} minutes, not {args.length!r}",
        )
    try:
        application = find_application(
            store.applications.on_board() + store.applications.archived(), args.application
        )
    except NoSuchApplication as error:
        print(f"bounceback interview: {error}", file=sys.stderr)
        return EXIT_REFUSED
    try:
        booked = store.interviews.book(
            application.id, at=at, minutes=minutes, kind=kind, where=args.where,
            prep=args.prep, with_names=args.people,
        )  # fmt: skip
    except InvalidInput as error:
        for field, message in error.errors.items():
            _refused("interview", FIELD_OPTIONS.get(field, field), message)
        return EXIT_REFUSED
    a = booked.application
    when = f"{booked.interview.at.astimezone(now.tzinfo):%a %d %b %Y %H:%M}"
    print(
        f"Booked ({booked.interview.kind.label}): {printable(a.company)} — "
        f"{printable(a.role)}, {when} for {minutes} minutes. The card is in {a.stage.label}."
    )
    if booked.in_the_past:
        print("That time has passed: it is kept as an interview that happened.")
    if clashes := clash_note(booked.clashes, now):
        print(clashes)
    return EXIT_OK


def _booking_json(booking: rules.Booking) -> dict[str, Any]:
    a, i = booking.application, booking.interview
    return {
        "application_id": str(a.id),
        "company": a.company,
        "role": a.role,
        **i.model_dump(mode="json"),
        "ends_at": i.ends_at.isoformat(),
        "people": [
            {"name": c.name, "role": role.value if role else None} for c, role in booking.people
        ],
    }


def agenda(store: Store, args: argparse.Namespace) -> int:
    if not 1 <= args.days <= 366:
        return _refused("agenda", "--days", "must be 1 to 366", "nothing shown")
    day = store.agenda.today(args.days)
    if args.json:
        data = {
            "as_of": day.now.isoformat(),
            "days": day.days,
            "interviews": [_booking_json(b) for b in day.bookings],
            "follow_ups": [
                {
                    "key": f.key,
                    "kind": f.kind.value,
                    "text": f.text,
                    "due": f.due.isoformat(),
                    "application_id": str(f.application_id) if f.application_id else None,
                    "contact_id": str(f.contact_id) if f.contact_id else None,
                }
                for f in day.follow_ups
            ],
            "goals_left": [
                {
                    "metric": g.goal.metric.value,
                    "name": g.name,
                    "done": g.done,
                    "target": g.goal.target,
                    "days_left": g.days_left,
                }
                for g in day.goals_left
            ],
        }
        print(json.dumps(data, indent=2))
        return EXIT_OK
    for line in agenda_lines(day):
        print(line)
    return EXIT_OK


def agenda_lines(day: rules.Agenda) -> list[str]:
    """The agenda as plain lines, every piece of user text made printable."""
    tz = day.now.tzinfo
    lines = [f"Today, {day.now:%A %d %B}"]

    def booking_line(b: rules.Booking, with_day: bool) -> str:
        i, a = b.interview, b.application
        start = i.at.astimezone(tz)
        when = f"{start:%a %d} " if with_day else ""
        when += f"{start:%H:%M}–{i.ends_at.astimezone(tz):%H:%M}"
        where = f"  {printable(i.where)}" if i.where else ""
        return f"  {when}  {i.kind.label}: {printable(a.role)} at {printable(a.company)}{where}"

    today = day.today()
    lines += [booking_line(b, False) for b in today] or ["  No interviews today."]
    for b in today:
        if b.interview.prep.strip():
            first = printable(b.interview.prep.strip().splitlines()[0])
            lines.append(f"    prep ({printable(b.application.company)}): {first}")
    if later := day.later():
        lines += ["", f"The next {day.days - 1} days"]
        lines += [booking_line(b, True) for b in later]
    tasks, people, silent = follow_ups.by_part(day.follow_ups)
    if tasks:
        lines += ["", "Follow-ups"] + [f"  {printable(f.text)}" for f in tasks]
    if people:
        lines += ["", "People due a message"] + [f"  {printable(f.text)}" for f in people]
    if silent:
        lines += ["", "No news for a long time"] + [f"  {printable(f.text)}" for f in silent]
        lines.append("  (bounceback reject COMPANY --reason no_response records one as a no)")
    if day.goals_left:
        lines += ["", "Goals still open"]
        lines += [
            f"  {g.name}: {g.done} of {g.goal.target} this {g.goal.period.value} "
            f"({g.days_left} day{'s' if g.days_left != 1 else ''} left)"
            for g in day.goals_left
        ]
    if day.empty:
        lines += ["", "Nothing due. A good day to send one more application, or to rest."]
    return lines


def calendar(store: Store, args: argparse.Namespace) -> int:
    settings = config.load(getattr(args, "config", None) or config.default_config_path())
    minutes = settings.reminder_minutes
    if args.output is not None and str(args.output) == "-":
        sys.stdout.buffer.write(store.agenda.calendar(zone=local_zone(), alarm_minutes=minutes))
        return EXIT_OK
    path = (args.output or default_calendar_path(store)).expanduser()
    try:
        count = write_calendar(store, path, minutes)
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"bounceback calendar: cannot write {path}: {reason}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"Wrote {path}: {count} interview(s) and the follow-ups due. Import it in your calendar;")
    print("importing a newer export updates the same events.")
    return EXIT_OK


COMMANDS: dict[str, Callable[[Store, argparse.Namespace], int]] = {
    "interview": interview,
    "agenda": agenda,
    "calendar": calendar,
}
