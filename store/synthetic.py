"""Records at the size of a long search, for the benchmarks and the tests of a big file."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from store.models import (
    Application,
    JournalEntry,
    Mood,
    Record,
    Rejection,
    Stage,
    TimerKind,
    TimerSession,
)
from store.sample import SAMPLE_NOW, SAMPLE_SEED
from store.sample_search import history, new_id
from store.sample_text import COMPANIES, LABELS, LOCATIONS, MOOD_TEXTS, ROLES, SOURCES, TAGS


def synthetic_applications(
    count: int, now: datetime = SAMPLE_NOW, seed: int = SAMPLE_SEED
) -> list[Application]:
    """``count`` realistic applications for benchmarks: 3–5 stage changes, a few hundred
    characters of notes, spread over the stages like a long search."""
    rng = random.Random(seed)
    finals = [Stage.APPLIED] * 5 + [Stage.REJECTED] * 8 + [Stage.WISHLIST] * 2
    finals += [Stage.INTERVIEWING, Stage.OFFER]
    notes = (
        "Small team, good engineering blog, uses Python and Postgres. Recruiter said the "
        "process is a take-home task and two interviews. Ask about on-call, the salary band "
        "and how they support learning. Read their last two blog posts before the call. "
    )
    applications = []
    for n in range(count):
        final = rng.choice(finals)
        created = now - timedelta(days=rng.randint(1, 3 * 365), hours=rng.randint(0, 23))
        changes = history(rng, created, now, final)
        applications.append(
            Application(
                id=new_id(rng),
                company=f"{rng.choice(COMPANIES)} {n}",
                role=rng.choice(ROLES),
                stage=final,
                history=tuple(changes),
                location=rng.choice(LOCATIONS),
                source=rng.choice(SOURCES),
                tags=tuple(rng.sample(TAGS, 2)),
                excitement=rng.randint(1, 5),
                notes=notes[: rng.randint(200, len(notes))],
                position=float(n),
                rejection=Rejection(reached=changes[-2].stage) if final is Stage.REJECTED else None,
                created_at=created,
                updated_at=changes[-1].at,
            )
        )
    return applications


def synthetic_records(
    total: int, now: datetime = SAMPLE_NOW, seed: int = SAMPLE_SEED
) -> list[Record]:
    """About ``total`` records in the proportions of a long search (for benchmarks).

    Three years of it is about 10,000 records: a few hundred applications a year, a
    journal entry most days, several timer blocks a day.
    """
    rng = random.Random(seed)
    applications = synthetic_applications(round(total * 0.06), now, seed)
    journal_count, sessions = round(total * 0.09), total - len(applications) - round(total * 0.09)
    span = timedelta(days=3 * 365)
    records: list[Record] = list(applications)
    for n in range(journal_count):
        at = now - span + span * (n / max(journal_count, 1))
        records.append(
            JournalEntry(
                id=new_id(rng),
                at=at,
                mood=(mood := Mood(rng.randint(1, 5))),
                text=rng.choice(MOOD_TEXTS[mood]),
            )
        )
    for n in range(sessions):
        at = now - span + span * (n / max(sessions, 1))
        focus = n % 3 != 2
        length = 25 * 60 if focus else 5 * 60
        records.append(
            TimerSession(
                id=new_id(rng),
                kind=TimerKind.FOCUS if focus else TimerKind.SHORT_BREAK,
                label=rng.choice(LABELS) if focus else "",
                started_at=at,
                planned_seconds=length,
                actual_seconds=length,
                completed=True,
            )
        )
    return records
