"""A search at real size for the journeys, and every use of the store the journeys make.

A year of one person's search: 300 applications (more than 40 of them waiting in
Applied), every "no" with its reflection, a journal entry most days, timer blocks on
most working days of the last three months, and the people linked to the cards.

The app under test runs on the real clock, so the data is built around a "now" taken
from it: days in stage, "this week" and "today" read as they would for a real user.
Everything else comes from a seed, so two runs on the same day hold the same search.

The journeys read the file back only through the functions at the end of this module:
when the store's API changes, this is the one file to follow it.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

from store import Application, Contact, JournalEntry, Store, TimerSession, fixed_clock
from store.agenda import FollowUp
from store.models import (
    ContactKind,
    ContactLink,
    Conversation,
    FollowUpState,
    Metric,
    Mood,
    Record,
    Rejection,
    RejectionReason,
    Stage,
    StageChange,
    TimerKind,
    TimerState,
    Win,
)
from store.sample import (
    COMPANIES,
    LABELS,
    LOCATIONS,
    MOOD_TEXTS,
    RECHARGES,
    REFLECTIONS,
    ROLES,
    SOURCES,
    TAGS,
    THOUGHTS,
)

SEED = 22
DAYS_OF_SEARCH = 365
IN_STAGE: dict[Stage, int] = {
    # Where the 300 applications stand: most said no, a long queue waits in Applied.
    Stage.WISHLIST: 24,
    Stage.APPLIED: 64,
    Stage.INTERVIEWING: 9,
    Stage.OFFER: 1,
    Stage.REJECTED: 202,
}
APPLICATIONS = sum(IN_STAGE.values())
PEOPLE = [
    ("Sam Okafor", ContactKind.FRIEND_FAMILY), ("Priya Raman", ContactKind.MENTOR),
    ("Jonas Weber", ContactKind.RECRUITER), ("Aiko Tanaka", ContactKind.COLLEAGUE),
    ("Marta Silva", ContactKind.HIRING_MANAGER), ("Tom Becker", ContactKind.RECRUITER),
    ("Lena Novak", ContactKind.INTERVIEWER), ("Ravi Patel", ContactKind.REFERRER),
    ("Chloe Martin", ContactKind.RECRUITER), ("Omar Haddad", ContactKind.HIRING_MANAGER),
    ("Ines Duarte", ContactKind.COLLEAGUE), ("Felix Braun", ContactKind.MENTOR),
]  # fmt: skip


def search_now() -> datetime:
    """The real clock, to the minute: the "now" the data is built around."""
    return datetime.now(UTC).replace(second=0, microsecond=0)


def realistic_records(now: datetime, seed: int = SEED) -> list[Record]:
    rng = random.Random(seed)
    applications = _applications(rng, now)
    return [
        *applications,
        *_journal(rng, now, applications),
        *_timer_sessions(rng, now),
        *_people(rng, now, applications),
        Win(at=now - timedelta(days=40), text="Finished the k8s side project"),
    ]


def _company_names(rng: random.Random) -> list[str]:
    """Unique names, so a journey can tell one card from another by what it shows."""
    firsts = sorted({name.split()[0] for name in COMPANIES})
    lasts = sorted({name.split()[-1] for name in COMPANIES})
    names = [f"{first} {last}" for first in firsts for last in lasts if first != last]
    rng.shuffle(names)
    return names[:APPLICATIONS]


def _applications(rng: random.Random, now: datetime) -> list[Application]:
    finals = [stage for stage, count in IN_STAGE.items() for _ in range(count)]
    rng.shuffle(finals)
    applications = []
    for n, (company, final) in enumerate(zip(_company_names(rng), finals, strict=True)):
        created = now - timedelta(days=rng.randint(2, DAYS_OF_SEARCH), hours=rng.randint(0, 9))
        history = _history(rng, created, now, final)
        rejection = None
        if final is Stage.REJECTED:
            reason, feedback, lesson = rng.choice(REFLECTIONS)
            reached = history[-2].stage
            if reached is Stage.APPLIED and reason is not RejectionReason.NO_RESPONSE:
                reason, feedback = RejectionReason.UNKNOWN, ""
            rejection = Rejection(reached=reached, reason=reason, feedback=feedback, lesson=lesson)
        next_action, due = "", None
        if final in (Stage.APPLIED, Stage.INTERVIEWING) and rng.random() < 0.3:
            next_action = rng.choice(["Follow up by email", "Prepare STAR stories"])
            due = (now + timedelta(days=rng.randint(-3, 10))).date()
        applications.append(
            Application(
                id=_uuid(rng),
                company=company,
                role=rng.choice(ROLES),
                stage=final,
                history=tuple(history),
                url=f"https://jobs.example.com/{n}",
                location=rng.choice(LOCATIONS),
                source=rng.choice(SOURCES),
                tags=tuple(rng.sample(TAGS, rng.randint(0, 2))),
                excitement=rng.randint(1, 5),
                next_action=next_action,
                next_action_due=due,
                position=float(n),
                rejection=rejection,
                created_at=created,
                updated_at=history[-1].at,
            )
        )
    return applications


def _history(
    rng: random.Random, created: datetime, now: datetime, final: Stage
) -> list[StageChange]:
    path = [Stage.WISHLIST, Stage.APPLIED, Stage.INTERVIEWING, Stage.OFFER]
    if final is Stage.REJECTED:
        path = [*path[: rng.choice([2, 2, 2, 3])], Stage.REJECTED]
    else:
        path = path[: path.index(final) + 1]
    span = (now - timedelta(hours=1) - created).total_seconds()
    offsets = sorted(rng.uniform(0.05, 1.0) * span for _ in path[1:])
    return [StageChange(stage=path[0], at=created)] + [
        StageChange(stage=stage, at=created + timedelta(seconds=offset))
        for stage, offset in zip(path[1:], offsets, strict=True)
    ]


def _journal(
    rng: random.Random, now: datetime, applications: list[Application]
) -> list[JournalEntry]:
    noes = {a.stage_since.date(): a for a in applications if a.stage is Stage.REJECTED}
    entries = []
    for day in range(DAYS_OF_SEARCH, 0, -1):
        if rng.random() < 0.2:
            continue
        at = (now - timedelta(days=day)).replace(hour=rng.randint(8, 21), minute=rng.randint(0, 59))
        no = noes.get(at.date())
        mood = Mood(rng.choice([1, 2, 2, 3]) if no else rng.choice([2, 3, 3, 4, 5]))
        negative, traps, reframe = "", (), ""
        if mood <= Mood.BAD and rng.random() < 0.5:
            negative, traps, reframe = rng.choice(THOUGHTS)
        entries.append(
            JournalEntry(
                id=_uuid(rng),
                at=at,
                mood=mood,
                text=rng.choice(MOOD_TEXTS[mood]),
                negative_thought=negative,
                traps=traps,
                reframe=reframe,
                tags=("rejection",) if no else (),
                application_id=no.id if no else None,
            )
        )
    return entries


def _timer_sessions(rng: random.Random, now: datetime) -> list[TimerSession]:
    sessions = []
    for day in range(90, 0, -1):
        if rng.random() < 0.3:
            continue
        at = (now - timedelta(days=day)).replace(hour=9, minute=0)
        for block in range(rng.randint(2, 6)):
            actual = 25 * 60 if rng.random() < 0.85 else rng.randint(5, 20) * 60
            sessions.append(
                TimerSession(
                    id=_uuid(rng), kind=TimerKind.FOCUS, label=rng.choice(LABELS),
                    started_at=at, planned_seconds=25 * 60, actual_seconds=actual,
                    completed=actual == 25 * 60,
                )
            )  # fmt: skip
            at += timedelta(seconds=actual)
            kind = TimerKind.LONG_BREAK if block % 4 == 3 else TimerKind.SHORT_BREAK
            length = (15 if kind is TimerKind.LONG_BREAK else 5) * 60
            sessions.append(
                TimerSession(
                    id=_uuid(rng), kind=kind, started_at=at, planned_seconds=length,
                    actual_seconds=length, completed=True, recharge=rng.choice(RECHARGES),
                )
            )  # fmt: skip
            at += timedelta(seconds=length)
    return sessions


def _people(rng: random.Random, now: datetime, applications: list[Application]) -> list[Contact]:
    contacts = []
    for name, kind in PEOPLE:
        linked = rng.sample(applications, rng.randint(0, 3))
        talks = sorted(now - timedelta(days=rng.randint(1, 120)) for _ in range(rng.randint(0, 4)))
        contacts.append(
            Contact(
                id=_uuid(rng),
                name=name,
                kind=kind,
                company=linked[0].company if linked else "",
                cadence_weeks=rng.choice([None, 2, 4, 8]),
                conversations=tuple(Conversation(at=at, channel="call") for at in talks),
                links=tuple(ContactLink(application_id=a.id, role=kind) for a in linked),
            )
        )
    return contacts


def _uuid(rng: random.Random) -> UUID:
    return UUID(int=rng.getrandbits(128), version=4)


# --- the store, as the journeys use it ---------------------------------------------------


def write_search(path: Path, now: datetime) -> None:
    """A data file holding the search, as someone who has used the app before has it:
    the wins the data shows are already on record, so the app's first look adds none."""
    store = Store.open(path, clock=fixed_clock(now))
    store.insert_all(realistic_records(now))
    store.wins.recognise()


def opened(path: Path) -> Store:
    """The file as it is on disk now (after the app has quit, or while it runs)."""
    return Store.open(path)


def applications(path: Path, stage: Stage | None = None) -> list[Application]:
    """On the board, in each column's order."""
    on_board = opened(path).applications.on_board()
    return [a for a in on_board if stage is None or a.stage is stage]


def archived(path: Path) -> list[Application]:
    return opened(path).applications.archived()


def application(path: Path, application_id: UUID) -> Application:
    return opened(path).applications.get(application_id)


def journal(path: Path) -> list[JournalEntry]:
    """Newest first."""
    return opened(path).journal.entries()


def contacts(path: Path) -> list[Contact]:
    return opened(path).people.contacts()


def timer_state(path: Path) -> TimerState:
    return opened(path).timer.state()


def wins(path: Path) -> list[Win]:
    """Newest first."""
    return opened(path).wins.all()


def applications_goal(path: Path) -> tuple[int, int]:
    """The "applications sent" goal as it stands: (done, target)."""
    (goal,) = [
        p for p in opened(path).goals.progress() if p.goal.metric is Metric.APPLICATIONS_SENT
    ]
    return goal.done, goal.goal.target


def recharge_ideas(path: Path) -> tuple[str, ...]:
    """What the user's breaks suggest."""
    return opened(path).settings.get().timer.recharge_ideas


def follow_ups(path: Path) -> list[FollowUp]:
    """What the agenda lists as due, oldest first."""
    return opened(path).agenda.follow_ups()


def follow_up_states(path: Path) -> dict[str, FollowUpState]:
    """What was done with each follow-up, by its key."""
    return opened(path).agenda.states()
