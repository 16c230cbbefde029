"""The break and recharge timer: a pure state machine over wall-clock facts.

Every function takes the state, the settings and the time, and returns a new state
plus what ended on the way; nothing here sleeps, ticks or touches the disk. The
store runs them under its lock (so two sessions record a phase end once) and the
app ticks them once a second to redraw. Each command first catches up with the
clock, so a state read hours later (the app closed, the laptop asleep) is right.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from store.models import TimerKind, TimerSession, TimerSettings, TimerState, TimerStatus

MIN_RECORDED_SECONDS = 60
"""A block cut short before a minute is a mis-press, not a block: it is not recorded."""

AUTO_START_GRACE = timedelta(minutes=5)
"""The next phase starts by itself only when the end is seen this soon after it happened.
A phase that ran out while bounceback was closed, or the machine slept, waits for the
user instead of running through breaks and blocks nobody took."""

ADJUST_STEP_SECONDS = 60
MAX_PHASE_SECONDS = 240 * 60

FOCUS_LABELS: tuple[str, ...] = (
    "applications",
    "networking",
    "learning",
    "interview prep",
)
"""Offered when labelling a focus block; the user may type their own."""


@dataclass(frozen=True)
class PhaseEnd:
    """A phase that ended, and what came after it."""

    ended: TimerKind
    at: datetime
    next: TimerKind
    by_itself: bool
    """It ran out (announce it) rather than being skipped."""
    next_started: bool
    """The next phase started by itself."""
    session: TimerSession | None
    """The record of the phase, or None for one too short to keep."""


@dataclass(frozen=True)
class Step:
    state: TimerState
    ends: tuple[PhaseEnd, ...] = ()

    @property
    def sessions(self) -> list[TimerSession]:
        return [end.session for end in self.ends if end.session is not None]


# --- readings ---------------------------------------------------------------------------


def phase_seconds(kind: TimerKind, settings: TimerSettings) -> int:
    minutes = {
        TimerKind.FOCUS: settings.focus_minutes,
        TimerKind.SHORT_BREAK: settings.short_break_minutes,
        TimerKind.LONG_BREAK: settings.long_break_minutes,
    }[kind]
    return minutes * 60


def elapsed(state: TimerState, now: datetime) -> float:
    """Seconds this phase has run. A clock set back never makes it negative."""
    if state.running_since is None:
        return state.elapsed_before
    return state.elapsed_before + max(0.0, (now - state.running_since).total_seconds())


def remaining(state: TimerState, now: datetime) -> int:
    """Whole seconds left, rounded up: a fresh 25-minute block shows 25:00, not 24:59."""
    return max(0, math.ceil(state.planned_seconds - elapsed(state, now)))


def overtime(state: TimerState, now: datetime) -> int | None:
    """Seconds since the previous phase ran out, while this one waits to be started."""
    if state.previous_ended_at is None or state.status is not TimerStatus.READY:
        return None
    return max(0, int((now - state.previous_ended_at).total_seconds()))


def fraction_done(state: TimerState, now: datetime) -> float:
    return min(1.0, elapsed(state, now) / state.planned_seconds)


def next_phase(state: TimerState, settings: TimerSettings, *, completed: bool = True) -> TimerKind:
    if state.phase.is_break:
        return TimerKind.FOCUS
    done = state.focus_in_cycle + (1 if completed else 0)
    return TimerKind.LONG_BREAK if done >= settings.long_break_every else TimerKind.SHORT_BREAK


def focus_until_long_break(state: TimerState, settings: TimerSettings) -> int:
    """Focus blocks still to finish, this one included, before the long break."""
    return max(1, settings.long_break_every - state.focus_in_cycle)


def focus_blocks_on(sessions: Sequence[TimerSession], day: datetime) -> int:
    """Finished focus blocks started on ``day``'s date, in ``day``'s time zone.

    ``sessions`` oldest first, as the store gives them: only that day's are looked at.
    The timer pane counts each second, and walking years of sessions each time shows.
    """
    start = datetime.combine(day.date(), time(), day.tzinfo)
    first = bisect_left(sessions, start, key=started_at)
    end = bisect_left(sessions, start + timedelta(days=1), lo=first, key=started_at)
    return sum(1 for s in sessions[first:end] if s.kind is TimerKind.FOCUS and s.completed)


def started_at(session: TimerSession) -> datetime:
    return session.started_at


def pick(options: Sequence[str], seed: datetime | None) -> str | None:
    """One of ``options``, the same one for the whole phase and in every session."""
    if not options:
        return None
    return options[int(seed.timestamp()) // 60 % len(options) if seed else 0]


# --- transitions ------------------------------------------------------------------------


def _record(state: TimerState, actual: float, *, completed: bool) -> TimerSession | None:
    if state.started_at is None or (not completed and actual < MIN_RECORDED_SECONDS):
        return None
    return TimerSession(
        kind=state.phase,
        label=state.label if state.phase is TimerKind.FOCUS else "",
        started_at=state.started_at,
        planned_seconds=state.planned_seconds,
        actual_seconds=round(actual),
        completed=completed,
    )


def _ready(state: TimerState, settings: TimerSettings, kind: TimerKind) -> TimerState:
    cycle = state.focus_in_cycle
    if kind is TimerKind.LONG_BREAK:
        cycle = 0
    return TimerState(
        phase=kind,
        planned_seconds=phase_seconds(kind, settings),
        focus_in_cycle=cycle,
        label=state.label,
    )


def _start(state: TimerState, at: datetime) -> TimerState:
    return state.model_copy(
        update={
            "status": TimerStatus.RUNNING,
            "started_at": state.started_at or at,
            "running_since": at,
            "previous_ended_at": None,
        }
    )


def _auto_starts(kind: TimerKind, settings: TimerSettings) -> bool:
    return settings.auto_start_focus if kind is TimerKind.FOCUS else settings.auto_start_break


def _leave(
    state: TimerState, settings: TimerSettings, at: datetime, now: datetime, *, ran_out: bool
) -> tuple[TimerState, PhaseEnd]:
    """End the phase at ``at``: record it, and set up the next one."""
    actual = state.planned_seconds if ran_out else elapsed(state, at)
    completed = ran_out or actual >= state.planned_seconds
    following = next_phase(state, settings, completed=completed)
    after = _ready(state, settings, following)
    if state.phase is TimerKind.FOCUS and completed and following is TimerKind.SHORT_BREAK:
        after = after.model_copy(update={"focus_in_cycle": state.focus_in_cycle + 1})
    starts = _auto_starts(following, settings) and now - at <= AUTO_START_GRACE
    if starts:
        after = _start(after, at)
    elif ran_out:
        after = after.model_copy(update={"previous_ended_at": at})
    end = PhaseEnd(
        ended=state.phase,
        at=at,
        next=following,
        by_itself=ran_out,
        next_started=starts,
        session=_record(state, actual, completed=completed),
    )
    return after, end


def advance(state: TimerState, settings: TimerSettings, now: datetime) -> Step:
    """Catch up with the clock: end every phase that has run out by ``now``."""
    if state.running_since is not None and now < state.running_since:
        # The clock went back: count from here rather than run backwards.
        state = state.model_copy(update={"running_since": now})
    ends: list[PhaseEnd] = []
    while state.running_since is not None and elapsed(state, now) >= state.planned_seconds:
        ran_out_at = state.running_since + timedelta(
            seconds=state.planned_seconds - state.elapsed_before
        )
        if ends and ends[-1].next_started:
            # This phase started by itself in this catch-up and ran its whole length
            # unseen (bounceback closed, the machine asleep): nobody took it, so it is
            # not recorded, and it waits for the user as if it had never started.
            ends[-1] = replace(ends[-1], next_started=False)
            state = _waiting(state)
            break
        state, end = _leave(state, settings, ran_out_at, now, ran_out=True)
        ends.append(end)
    return Step(state, tuple(ends))


def _waiting(state: TimerState) -> TimerState:
    """``state``, started by itself at the previous phase's end, back to waiting since then."""
    return state.model_copy(
        update={
            "status": TimerStatus.READY,
            "started_at": None,
            "running_since": None,
            "elapsed_before": 0.0,
            "previous_ended_at": state.running_since,
        }
    )


def toggle(state: TimerState, settings: TimerSettings, now: datetime) -> Step:
    """Start, pause or resume."""
    step = advance(state, settings, now)
    state = step.state
    if state.status is TimerStatus.RUNNING:
        paused = state.model_copy(
            update={
                "status": TimerStatus.PAUSED,
                "elapsed_before": elapsed(state, now),
                "running_since": None,
            }
        )
        return Step(paused, step.ends)
    return Step(_start(state, now), step.ends)


def skip(state: TimerState, settings: TimerSettings, now: datetime) -> Step:
    """End this phase now and go to the next (a block cut short is recorded as such)."""
    step = advance(state, settings, now)
    after, end = _leave(step.state, settings, now, now, ran_out=False)
    return Step(after, (*step.ends, end))


def reset(state: TimerState, settings: TimerSettings, now: datetime) -> Step:
    """Back to the start of this phase; on a phase not yet started, back to the first
    focus block of a new cycle."""
    step = advance(state, settings, now)
    state = step.state
    if state.status is TimerStatus.READY:
        fresh = TimerState(
            planned_seconds=phase_seconds(TimerKind.FOCUS, settings), label=state.label
        )
        return Step(fresh, step.ends)
    session = _record(state, elapsed(state, now), completed=False)
    end = PhaseEnd(
        ended=state.phase,
        at=now,
        next=state.phase,
        by_itself=False,
        next_started=False,
        session=session,
    )
    return Step(_ready(state, settings, state.phase), (*step.ends, end))


def adjust(state: TimerState, settings: TimerSettings, now: datetime, minutes: int) -> Step:
    """Lengthen or shorten this phase. It keeps at least a minute to go."""
    step = advance(state, settings, now)
    state = step.state
    planned = state.planned_seconds + minutes * ADJUST_STEP_SECONDS
    shortest = max(60, math.ceil(elapsed(state, now)) + 60)
    planned = min(max(planned, shortest), MAX_PHASE_SECONDS)
    return Step(state.model_copy(update={"planned_seconds": planned}), step.ends)


def relabel(state: TimerState, label: str) -> TimerState:
    return TimerState.model_validate({**state.model_dump(), "label": label})


def with_settings(state: TimerState, settings: TimerSettings) -> TimerState:
    """New lengths apply at once to a phase that has not started yet."""
    if state.status is not TimerStatus.READY:
        return state
    return state.model_copy(update={"planned_seconds": phase_seconds(state.phase, settings)})
