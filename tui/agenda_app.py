"""What the app does for the agenda, wherever the user is: which pane it opens on,
the reminders before an interview, and the calendar export in the palette."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from textual.app import SystemCommand

from store import Store, StoreError
from store.agenda import Booking, day_start
from store.models import InterviewKind
from tui.widgets.safe_text import printable

if TYPE_CHECKING:
    from tui.app import BouncebackApp

AGENDA = "agenda"


def first_pane(store: Store, default: str) -> str:
    """The Agenda on a day with an interview still to come, else ``default``: on that
    day the interview is what matters first; on the others the work is on the board."""
    now = store.clock()
    try:
        coming = store.agenda.interviews(now, day_start(now) + timedelta(days=1))
    except StoreError:
        return default
    return (
        AGENDA if any(b.interview.kind is not InterviewKind.TAKE_HOME for b in coming) else default
    )


def remind(app: BouncebackApp) -> None:
    """A notice and the bell for each interview coming within the reminder minutes, and
    a notice for each take-home due tomorrow or today."""
    now = app.store.clock()
    for booking in app.reminders.due(app.store):
        i, a = booking.interview, booking.application
        if i.kind is InterviewKind.TAKE_HOME:
            day = "today" if i.at.astimezone(now.tzinfo).date() == now.date() else "tomorrow"
            app.notify(
                f"Your take-home for {printable(a.company)} is due {day} at "
                f"{i.at.astimezone(now.tzinfo):%H:%M}. The Agenda (6) has your notes.",
                title="Take-home",
                timeout=30,
                markup=False,
            )
            continue
        minutes = max(0, round((i.at - now).total_seconds() / 60))
        when = f"in {minutes} minutes" if minutes else "now"
        if i.at <= now:
            when = f"started at {i.at.astimezone(now.tzinfo):%H:%M}"
        where = f" · {printable(i.where)}" if i.where else ""
        app.bell()
        app.notify(
            f"{i.kind.label.capitalize()} with {printable(a.company)} {when}{where}. "
            "The Agenda (6) has your prep notes.",
            title="Interview",
            timeout=60,
            markup=False,
        )


def commands(app: BouncebackApp) -> Iterable[SystemCommand]:
    yield SystemCommand(
        "Export the calendar",
        "Write your interviews and follow-ups as an iCalendar file beside your data",
        lambda: export_calendar(app),
    )


def export_calendar(app: BouncebackApp) -> None:
    from tui.shell_agenda import default_calendar_path, write_calendar

    path = default_calendar_path(app.store)
    try:
        count = write_calendar(app.store, path, app.config.reminder_minutes)
    except (OSError, StoreError) as error:
        app.notify(f"Could not write {path}: {error}", title="Calendar", severity="error",
                   markup=False)  # fmt: skip
        return
    app.notify(
        f"Wrote {path} with {count} interview(s) and the follow-ups due: import it in your "
        "calendar. A newer export updates the same events.",
        title="Calendar",
        timeout=10,
        markup=False,
    )


class Reminders:
    """Which interviews to announce now; each once per session, also when the app was
    opened after its reminder time but before the interview ended. A take-home not
    handed in is announced on the day before it is due, and again on the day."""

    def __init__(self, minutes: int) -> None:
        self.ahead = timedelta(minutes=minutes)
        self.enabled = minutes > 0
        self._reminded: set[tuple[UUID, date | None]] = set()
        self._looked_at: datetime | None = None

    def due(self, store: Store) -> list[Booking]:
        """The interviews and take-homes to remind of now. Looks once a minute: a
        reminder needs no more."""
        now = store.clock()
        minute = now.replace(second=0, microsecond=0)
        if not self.enabled or minute == self._looked_at:
            return []
        self._looked_at = minute
        try:
            coming = store.agenda.interviews(now, day_start(now) + timedelta(days=2))
        except StoreError:
            return []  # reported by the panes' reload
        found = []
        for booking in coming:
            interview = booking.interview
            key: tuple[UUID, date | None]
            if interview.kind is InterviewKind.TAKE_HOME:
                # Once on the day before and once on the day: the day is in the key.
                key = (interview.id, now.date())
                if interview.outcome is not None or not now < interview.at:
                    continue
            else:
                key = (interview.id, None)
                if not interview.at - self.ahead <= now < interview.ends_at:
                    continue
            if key not in self._reminded:
                self._reminded.add(key)
                found.append(booking)
        return found

    def forget_seen(self) -> None:
        """Look again at the next call (the file changed: an interview may be new)."""
        self._looked_at = None
