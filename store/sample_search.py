"""A search of any length, built from a seed: the stage changes of an application, a
journal written most days and timer blocks on most working days. The sample, the
benchmarks' records and the journeys' year of searching are all built with these."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from uuid import UUID

from store.models import (
    Application,
    JournalEntry,
    Mood,
    RejectionReason,
    Stage,
    StageChange,
    TimerKind,
    TimerSession,
)
from store.sample_text import LABELS, MOOD_TEXTS, RECHARGES, REFLECTIONS, THOUGHTS


def new_id(rng: random.Random) -> UUID:
    return UUID(int=rng.getrandbits(128), version=4)


def reflection(rng: random.Random, reached: Stage) -> tuple[RejectionReason, str, str]:
    """The reason, feedback and lesson of a "no" from the stage it ``reached``: a "no"
    straight after applying gives no reason, unless it is silence."""
    reason, feedback, lesson = rng.choice(REFLECTIONS)
    if reached is Stage.APPLIED and reason is not RejectionReason.NO_RESPONSE:
        reason, feedback = RejectionReason.UNKNOWN, ""
    return reason, feedback, lesson


def history(
    rng: random.Random, created: datetime, now: datetime, final: Stage, *, interviewed: float = 0.4
) -> list[StageChange]:
    """From the wishlist to ``final``, spread between ``created`` and ``now``; of the
    rejections, the share ``interviewed`` came after an interview."""
    if final is Stage.REJECTED:
        path = [Stage.WISHLIST, Stage.APPLIED]
        if rng.random() < interviewed:
            path.append(Stage.INTERVIEWING)
        path.append(Stage.REJECTED)
    else:
        path = [Stage.WISHLIST, Stage.APPLIED, Stage.INTERVIEWING, Stage.OFFER]
        path = path[: path.index(final) + 1]
    # Spread the changes between creation and now, in order.
    span = (now - created).total_seconds()
    offsets = sorted(rng.uniform(0.05, 0.95) * span for _ in path[1:])
    return [StageChange(stage=path[0], at=created)] + [
        StageChange(stage=stage, at=created + timedelta(seconds=offset))
        for stage, offset in zip(path[1:], offsets, strict=True)
    ]


def journal(
    rng: random.Random,
    now: datetime,
    applications: list[Application],
    *,
    days: int = 60,
    skipped: float = 0.35,
) -> list[JournalEntry]:
    """An entry on each of the last ``days`` days but a share ``skipped`` of them; on the
    day of a "no", a low mood linked to it."""
    rejected = [a for a in applications if a.stage is Stage.REJECTED]
    entries = []
    for day in range(days, 0, -1):
        if rng.random() < skipped:
            continue
        at = (now - timedelta(days=day)).replace(hour=rng.randint(8, 21), minute=rng.randint(0, 59))
        rejection_that_day = next((a for a in rejected if a.stage_since.date() == at.date()), None)
        mood = Mood(rng.choice([1, 2, 2, 3]) if rejection_that_day else rng.choice([2, 3, 3, 4, 5]))
        negative, reframe = "", ""
        traps: tuple[str, ...] = ()
        if mood <= Mood.BAD and rng.random() < 0.5:
            negative, traps, reframe = rng.choice(THOUGHTS)
        entries.append(
            JournalEntry(
                id=new_id(rng),
                at=at,
                mood=mood,
                text=rng.choice(MOOD_TEXTS[mood]),
                negative_thought=negative,
                traps=traps,
                reframe=reframe,
                tags=("rejection",) if rejection_that_day else (),
                application_id=rejection_that_day.id if rejection_that_day else None,
            )
        )
    return entries


def timer_sessions(
    rng: random.Random, now: datetime, *, days: int = 28, skipped: float = 0.25
) -> list[TimerSession]:
    """Focus blocks and their breaks from nine o'clock on each of the last ``days`` days
    but a share ``skipped`` of them."""
    sessions = []
    for day in range(days, 0, -1):
        if rng.random() < skipped:
            continue
        at = (now - timedelta(days=day)).replace(hour=9, minute=0, second=0, microsecond=0)
        for block in range(rng.randint(2, 6)):
            completed = rng.random() < 0.85
            actual = 25 * 60 if completed else rng.randint(5, 20) * 60
            sessions.append(
                TimerSession(
                    id=new_id(rng),
                    kind=TimerKind.FOCUS,
                    label=rng.choice(LABELS),
                    started_at=at,
                    planned_seconds=25 * 60,
                    actual_seconds=actual,
                    completed=completed,
                )
            )
            at += timedelta(seconds=actual)
            long_break = block % 4 == 3
            length = (15 if long_break else 5) * 60
            sessions.append(
                TimerSession(
                    id=new_id(rng),
                    kind=TimerKind.LONG_BREAK if long_break else TimerKind.SHORT_BREAK,
                    started_at=at,
                    planned_seconds=length,
                    actual_seconds=length,
                    completed=True,
                    recharge=rng.choice(RECHARGES),
                )
            )
            at += timedelta(seconds=length)
    return sessions
