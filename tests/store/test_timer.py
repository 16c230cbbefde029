"""The timer's state machine over a clock the tests move by hand, and its records in the store."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from store import InvalidInput, Store, TimerKind
from store.clock import MovableClock
from store.models import TimerSession, TimerSettings, TimerState, TimerStatus
from store.timer import (
    AUTO_START_GRACE,
    adjust,
    advance,
    elapsed,
    focus_blocks_on,
    overtime,
    remaining,
    reset,
    skip,
    toggle,
)

SETTINGS = TimerSettings()
FOCUS, SHORT, LONG = TimerKind.FOCUS, TimerKind.SHORT_BREAK, TimerKind.LONG_BREAK


def started(clock: MovableClock, settings: TimerSettings = SETTINGS) -> TimerState:
    return toggle(TimerState(), settings, clock()).state


# --- one phase ---------------------------------------------------------------------------


def test_a_new_timer_is_a_full_focus_block_waiting_to_start(clock: MovableClock) -> None:
    state = TimerState()
    assert (state.phase, state.status) == (FOCUS, TimerStatus.READY)
    clock.advance(hours=3)
    assert remaining(state, clock()) == 25 * 60


def test_remaining_time_counts_down_from_the_start(clock: MovableClock) -> None:
    state = started(clock)
    assert remaining(state, clock()) == 25 * 60
    clock.advance(seconds=0.4)
    assert remaining(state, clock()) == 25 * 60, "rounded up: a fresh block shows 25:00"
    clock.advance(minutes=10, seconds=-0.4)
    assert remaining(state, clock()) == 15 * 60


def test_pause_stops_the_count_and_resume_goes_on_from_there(clock: MovableClock) -> None:
    state = started(clock)
    clock.advance(minutes=5)
    state = toggle(state, SETTINGS, clock()).state
    assert state.status is TimerStatus.PAUSED
    clock.advance(hours=2)
    assert remaining(state, clock()) == 20 * 60
    assert advance(state, SETTINGS, clock()).ends == (), "a paused block never runs out"
    state = toggle(state, SETTINGS, clock()).state
    clock.advance(minutes=5)
    assert remaining(state, clock()) == 15 * 60
    assert state.started_at == clock() - timedelta(hours=2, minutes=10), "first start kept"


# --- cycles ------------------------------------------------------------------------------


def test_focus_runs_into_an_automatic_break_and_the_break_waits_for_the_user(
    clock: MovableClock,
) -> None:
    state = started(clock)
    clock.advance(minutes=25)
    step = advance(state, SETTINGS, clock())
    [end] = step.ends
    assert (end.ended, end.next, end.by_itself, end.next_started) == (FOCUS, SHORT, True, True)
    assert end.session is not None
    assert end.session.completed
    assert end.session.actual_seconds == end.session.planned_seconds == 25 * 60
    state = step.state
    assert (state.phase, state.status) == (SHORT, TimerStatus.RUNNING)

    clock.advance(minutes=5)
    step = advance(state, SETTINGS, clock())
    [end] = step.ends
    assert (end.ended, end.next, end.next_started) == (SHORT, FOCUS, False)
    assert (step.state.phase, step.state.status) == (FOCUS, TimerStatus.READY)
    clock.advance(minutes=3, seconds=12)
    assert overtime(step.state, clock()) == 3 * 60 + 12, "how long the break has run over"


def test_a_long_break_comes_after_every_fourth_focus_block(clock: MovableClock) -> None:
    settings = SETTINGS.model_copy(update={"auto_start_focus": True})
    state = started(clock, settings)
    phases = []
    for _ in range(16):
        clock.advance(seconds=state.planned_seconds)
        step = advance(state, settings, clock())
        phases += [end.next for end in step.ends]
        state = step.state
    assert phases == [SHORT, FOCUS, SHORT, FOCUS, SHORT, FOCUS, LONG, FOCUS] * 2


def test_a_phase_seen_late_does_not_start_the_next_one(clock: MovableClock) -> None:
    """bounceback closed (or the laptop asleep) as the block ran out: the break waits."""
    state = started(clock)
    clock.advance(minutes=25, seconds=AUTO_START_GRACE.total_seconds() + 1)
    step = advance(state, SETTINGS, clock())
    [end] = step.ends
    assert end.by_itself
    assert not end.next_started
    assert (step.state.phase, step.state.status) == (SHORT, TimerStatus.READY)
    assert overtime(step.state, clock()) == AUTO_START_GRACE.total_seconds() + 1


def test_a_phase_seen_within_the_grace_starts_the_next_from_the_moment_it_ended(
    clock: MovableClock,
) -> None:
    state = started(clock)
    clock.advance(minutes=27)
    step = advance(state, SETTINGS, clock())
    assert step.state.status is TimerStatus.RUNNING
    assert remaining(step.state, clock()) == 3 * 60, "the break began two minutes ago"


def test_a_break_that_ran_out_unseen_is_not_recorded_as_taken(clock: MovableClock) -> None:
    """The block ran out while bounceback was closed, and so did the break that would have
    started by itself: nobody took it. It waits for the user, and is no break on record."""
    settings = TimerSettings(short_break_minutes=2)
    state = started(clock, settings)
    clock.advance(minutes=25 + 3)  # within the grace, but past the whole break
    step = advance(state, settings, clock())
    assert [session.kind for session in step.sessions] == [FOCUS]
    assert not step.ends[-1].next_started
    assert (step.state.phase, step.state.status) == (SHORT, TimerStatus.READY)
    assert overtime(step.state, clock()) == 3 * 60, "waiting since the block ran out"


def test_skip_records_a_cut_short_block_and_moves_on(clock: MovableClock) -> None:
    state = started(clock)
    clock.advance(minutes=10)
    step = skip(state, SETTINGS, clock())
    [end] = step.ends
    assert end.session is not None
    assert (end.session.completed, end.session.actual_seconds) == (False, 600)
    assert not end.by_itself, "a skip is not announced"
    assert step.state.phase is SHORT
    assert step.state.focus_in_cycle == 0, "a block cut short does not count to the long break"


def test_a_block_cut_short_in_its_first_minute_is_not_recorded(clock: MovableClock) -> None:
    state = started(clock)
    clock.advance(seconds=59)
    assert skip(state, SETTINGS, clock()).sessions == []
    assert reset(state, SETTINGS, clock()).sessions == []


def test_reset_restarts_the_phase_and_a_second_reset_the_cycle(clock: MovableClock) -> None:
    state = TimerState(phase=SHORT, planned_seconds=300, focus_in_cycle=2)
    state = toggle(state, SETTINGS, clock()).state
    clock.advance(minutes=2)
    step = reset(state, SETTINGS, clock())
    assert (step.state.phase, step.state.status) == (SHORT, TimerStatus.READY)
    assert remaining(step.state, clock()) == 300
    [session] = step.sessions
    assert (session.kind, session.actual_seconds, session.completed) == (SHORT, 120, False)

    again = reset(step.state, SETTINGS, clock())
    assert (again.state.phase, again.state.focus_in_cycle) == (FOCUS, 0)
    assert again.sessions == []


def test_adjust_adds_and_takes_minutes_but_always_leaves_one(clock: MovableClock) -> None:
    state = started(clock)
    state = adjust(state, SETTINGS, clock(), +1).state
    assert remaining(state, clock()) == 26 * 60
    clock.advance(minutes=24, seconds=30)
    state = adjust(state, SETTINGS, clock(), -1).state
    assert remaining(state, clock()) == 60, "90 s left, minus a minute: a minute is the floor"
    state = adjust(state, SETTINGS, clock(), -1).state
    assert remaining(state, clock()) == 60


def test_the_clock_going_back_never_runs_the_timer_backwards(clock: MovableClock) -> None:
    state = started(clock)
    clock.advance(minutes=10)
    clock.advance(hours=-1)
    step = advance(state, SETTINGS, clock())
    assert step.ends == ()
    assert 0 <= elapsed(step.state, clock()) <= 25 * 60
    assert step.state.running_since == clock(), "counting goes on from the new time"
    clock.advance(minutes=1)
    assert remaining(step.state, clock()) == 24 * 60, "the block goes on counting down"


def test_focus_blocks_today_counts_finished_ones_in_the_users_day(clock: MovableClock) -> None:
    settings = SETTINGS.model_copy(update={"auto_start_focus": True})
    state = started(clock, settings)
    sessions = []
    for _ in range(6):
        clock.advance(seconds=state.planned_seconds)
        step = advance(state, settings, clock())
        sessions += step.sessions
        state = step.state
    assert focus_blocks_on(sessions, clock()) == 3
    assert focus_blocks_on(sessions, clock() + timedelta(days=1)) == 0


def test_the_days_count_runs_from_midnight_to_midnight_where_the_user_is() -> None:
    here = timezone(timedelta(hours=-5))

    def block(at: datetime, kind: TimerKind = FOCUS, *, completed: bool = True) -> TimerSession:
        done = 1500 if completed else 300
        return TimerSession(
            kind=kind, started_at=at, planned_seconds=1500, actual_seconds=done, completed=completed
        )

    sessions = [  # oldest first, as the store gives them
        block(datetime(2026, 3, 9, 23, 59, tzinfo=here)),  # the evening before
        block(datetime(2026, 3, 10, 0, 0, tzinfo=here)),  # on the stroke of midnight
        block(datetime(2026, 3, 10, 8, 0, tzinfo=here), SHORT),  # a break is not a block
        block(datetime(2026, 3, 10, 14, 0, tzinfo=UTC)),  # 09:00 here, recorded in UTC
        block(datetime(2026, 3, 10, 10, 0, tzinfo=here), completed=False),  # cut short
        block(datetime(2026, 3, 11, 3, 0, tzinfo=UTC)),  # 22:00 here, still that day
        block(datetime(2026, 3, 11, 0, 0, tzinfo=here)),  # the next midnight: the next day
    ]
    day = datetime(2026, 3, 10, 15, 0, tzinfo=here)
    assert focus_blocks_on(sessions, day) == 3
    assert focus_blocks_on(sessions, day - timedelta(days=1)) == 1
    assert focus_blocks_on(sessions, day + timedelta(days=1)) == 1
    assert focus_blocks_on(sessions, day + timedelta(days=2)) == 0
    assert focus_blocks_on([], day) == 0


# --- in the store ------------------------------------------------------------------------


def test_state_is_written_only_when_a_phase_changes(store: Store, clock: MovableClock) -> None:
    store.clock = clock
    store.timer.toggle()
    signature = store.path.stat().st_mtime_ns
    for _ in range(30):
        clock.advance(seconds=1)
        store.timer.tick()
    assert store.path.stat().st_mtime_ns == signature, "no write while a block just runs"
    clock.advance(minutes=25)
    step = store.timer.tick()
    assert [s.kind for s in step.sessions] == [FOCUS]
    assert store.timer.sessions() == step.sessions
    assert store.timer.state().phase is SHORT


def test_reopening_shows_the_same_remaining_time(
    store: Store, clock: MovableClock, db_path: Path
) -> None:
    store.clock = clock
    store.timer.toggle()
    clock.advance(minutes=7)
    store.timer.toggle()  # pause at 18:00 left
    store.timer.toggle()  # and resume
    clock.advance(minutes=3)
    reopened = Store.open(db_path, clock=clock)
    assert remaining(reopened.timer.state(), clock()) == 15 * 60


def _start_timer_in_another_process(path: str) -> None:
    other = Store.open(path)
    other.timer.toggle()


def test_a_timer_started_in_another_process_shows_here(store: Store, db_path: Path) -> None:
    process = multiprocessing.get_context("fork").Process(
        target=_start_timer_in_another_process, args=(str(db_path),)
    )
    process.start()
    process.join(30)
    assert process.exitcode == 0
    state = store.timer.state()
    assert state.status is TimerStatus.RUNNING
    assert state.started_at is not None


def test_two_sessions_seeing_the_same_end_record_it_once(
    db_path: Path, clock: MovableClock
) -> None:
    first = Store.open(db_path, clock=clock)
    second = Store.open(db_path, clock=clock)
    first.timer.toggle()
    clock.advance(minutes=26)
    assert len(first.timer.tick().sessions) == 1
    assert second.timer.tick().sessions == []
    assert len(second.timer.sessions()) == 1


def test_new_lengths_apply_to_a_phase_not_yet_started(store: Store, clock: MovableClock) -> None:
    store.clock = clock
    store.settings.update(timer=TimerSettings(focus_minutes=50))
    assert remaining(store.timer.state(), clock()) == 50 * 60
    store.timer.toggle()
    store.settings.update(timer=TimerSettings(focus_minutes=20))
    assert remaining(store.timer.state(), clock()) == 50 * 60, "a running block keeps its length"


def test_the_label_is_kept_on_the_block_and_the_next(store: Store, clock: MovableClock) -> None:
    store.clock = clock
    store.timer.label("  learning ")
    store.timer.toggle()
    clock.advance(minutes=25)
    [session] = store.timer.tick().sessions
    assert session.label == "learning"
    assert store.timer.state().label == "learning"


def test_what_was_done_in_a_break_is_recorded(store: Store, clock: MovableClock) -> None:
    store.clock = clock
    store.timer.skip()  # to the break (it starts by itself), without a focus record
    clock.advance(minutes=5)
    [session] = store.timer.tick().sessions
    saved = store.timer.record_recharge(session.id, "walked round the block")
    assert store.timer.sessions()[0].recharge == saved.recharge == "walked round the block"


def test_a_label_too_long_is_refused_and_changes_nothing(store: Store) -> None:
    before = store.path.read_bytes()
    with pytest.raises(InvalidInput, match="too long"):
        store.timer.label("x" * 301)
    assert store.path.read_bytes() == before
