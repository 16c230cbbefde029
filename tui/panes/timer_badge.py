"""The timer as the header of every pane shows it: the app draws it with its first frame,
before the Timer pane is made."""

from __future__ import annotations

from datetime import datetime

from store import TimerKind
from store.models import TimerState, TimerStatus
from store.timer import overtime, remaining


def clock_face(seconds: int) -> str:
    """25:00, or 1:30:00 for an hour and more."""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes:02}:{seconds:02}"


def badge(state: TimerState, now: datetime) -> str:
    """The timer in a few characters, for the header of every pane ("" when idle)."""
    late = overtime(state, now)
    if late is not None:
        ended = "Break over" if state.phase is TimerKind.FOCUS else "Focus done"
        return f"{ended} +{clock_face(late)}"
    if state.status is TimerStatus.READY:
        return ""
    mark = "▶" if state.status is TimerStatus.RUNNING else "⏸"
    return f"{mark} {state.phase.label} {clock_face(remaining(state, now))}"
