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

from store import (
    Application,
    Contact,
    JournalEntry,
    Store,
    fixed_clock,
    sample_search,
)
from store.follow_ups import FollowUp
from store.models import (
    ContactKind,
    ContactLink,
    Conversation,
    FollowUpState,
    Metric,
    Record,
    Rejection,
    Stage,
    TimerState,
    Win,
)
from store.sample_text import COMPANIES, LOCATIONS, ROLES, SOURCES, TAGS

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
        *sample_search.journal(rng, now, applications, days=DAYS_OF_SEARCH, skipped=0.2),
        *sample_search.timer_sessions(rng, now, days=90, skipped=0.3),
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
        changes = sample_search.history(rng, created, now, final, interviewed=0.25)
        rejection = None
        if final is Stage.REJECTED:
            reached = changes[-2].stage
            reason, feedback, lesson = sample_search.reflection(rng, reached)
            rejection = Rejection(reached=reached, reason=reason, feedback=feedback, lesson=lesson)
        next_action, due = "", None
        if final in (Stage.APPLIED, Stage.INTERVIEWING) and rng.random() < 0.3:
            next_action = rng.choice(["Follow up by email", "Prepare STAR stories"])
            due = (now + timedelta(days=rng.randint(-3, 10))).date()
        applications.append(
            Application(
                id=sample_search.new_id(rng),
                company=company,
                role=rng.choice(ROLES),
                stage=final,
                history=tuple(changes),
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
                updated_at=changes[-1].at,
            )
        )
    return applications


def _people(rng: random.Random, now: datetime, applications: list[Application]) -> list[Contact]:
    contacts = []
    for name, kind in PEOPLE:
        linked = rng.sample(applications, rng.randint(0, 3))
        talks = sorted(now - timedelta(days=rng.randint(1, 120)) for _ in range(rng.randint(0, 4)))
        contacts.append(
            Contact(
                id=sample_search.new_id(rng),
                name=name,
                kind=kind,
                company=linked[0].company if linked else "",
                cadence_weeks=rng.choice([None, 2, 4, 8]),
                conversations=tuple(Conversation(at=at, channel="call") for at in talks),
                links=tuple(ContactLink(application_id=a.id, role=kind) for a in linked),
            )
        )
    return contacts


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
