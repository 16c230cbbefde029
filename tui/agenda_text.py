"""Interviews as the app draws them: on a card, in the details view, on the Agenda."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.text import Text

from store import Application
from store.interviews import is_held, next_interview, short_label
from store.models import Interview
from tui.widgets.safe_text import printable


def interview_label(application: Application, now: datetime) -> str:
    """The card's next interview, ``Tue 14:00 technical``, or blank."""
    coming = next_interview(application, now)
    return short_label(coming, now.tzinfo) if coming is not None else ""


def interview_time(interview: Interview, now: datetime, *, with_day: bool = True) -> str:
    start, end = interview.at.astimezone(now.tzinfo), interview.ends_at.astimezone(now.tzinfo)
    day = f"{start:%a %d %b} " if with_day else ""
    return f"{day}{start:%H:%M}–{end:%H:%M}"


def interview_text(interview: Interview, now: datetime) -> Text:
    """One interview with where, what came of it, the prep and how it went."""
    text = Text()
    text.append(f"{interview_time(interview, now)}  ", style="dim")
    text.append(interview.kind.label, style="bold")
    if interview.where:
        text.append(f"  {printable(interview.where)}")
    if interview.outcome is not None:
        text.append(f"  → {interview.outcome.label}", style="dim")
    elif is_held(interview, now):
        text.append("  held: how did it go?", style="dim")
    for label, value in (("prep", interview.prep), ("how it went", interview.how_it_went)):
        if value.strip():
            text.append(f"\n  {label}: ", style="dim")
            text.append(printable(value.strip(), keep_newlines=True))
    return text


def in_order(application: Application) -> list[Interview]:
    return sorted(application.interviews, key=lambda i: i.at)


def clash_note(clashes: Sequence[tuple[Application, Interview]], now: datetime) -> str:
    """What a booking overlaps, to be told as it is booked: blank when nothing."""
    if not clashes:
        return ""
    listed = "; ".join(
        f"{interview_time(i, now)} {i.kind.label}: {printable(a.role)} at {printable(a.company)}"
        for a, i in clashes
    )
    return f"It overlaps {listed}."
