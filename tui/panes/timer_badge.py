"""The timer as every pane shows it, in the header and as a phase ends: the app draws it
with its first frame, before the Timer pane is made."""

from __future__ import annotations

from datetime import datetime

from store import TimerKind, timer
from store.models import TimerSettings, TimerState, TimerStatus
from store.timer import overtime, remaining
from tui.wording import counted


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


def announcement(
    ends: list[timer.PhaseEnd], now: datetime, settings: TimerSettings
) -> tuple[str, str, bool] | None:
    """What to say of phases that ended by themselves: a title, a message and whether to
    ring (a phase that ended just now); None when none did."""
    recent = [end for end in ends if now - end.at <= timer.AUTO_START_GRACE]
    if not recent:
        if not ends:
            return None
        return (
            "Timer",
            f"Your {ends[-1].ended.label.lower()} ended while bounceback was closed.",
            False,
        )
    end = recent[-1]
    if end.ended is TimerKind.FOCUS:
        minutes = timer.phase_seconds(end.next, settings) // 60
        idea = timer.pick(settings.recharge_ideas, end.at)
        first = (
            f"Take {counted(minutes, 'minute')}."
            if end.next_started
            else "Space on the Timer (3) starts your break."
        )
        return "Focus block done: time for a break", f"{first} {idea}" if idea else first, True
    message = (
        "The next focus block has started."
        if end.next_started
        else "Ready when you are: space on the Timer (3) starts the next focus block."
    )
    return "Break over", message, True
