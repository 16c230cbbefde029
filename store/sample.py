"""A deterministic sample: three months of one person's search for a developer job.

Built from a seed and a "now", so ``--demo``, the snapshot tests and the
screenshots show the same data every time. Every company is invented.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from uuid import NAMESPACE_URL, UUID, uuid5

from store.models import (
    Application,
    ArchiveReason,
    Contact,
    ContactLink,
    Conversation,
    Interview,
    InterviewKind,
    Material,
    MaterialKind,
    Record,
    Rejection,
    RejectionReason,
    Stage,
    Win,
)
from store.sample_search import history, journal, new_id, reflection, timer_sessions
from store.sample_text import COMPANIES, CONTACTS, LOCATIONS, ROLES, SOURCES, TAGS

SAMPLE_NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
"""A Monday morning, the "now" of the snapshot tests and screenshots."""
SAMPLE_SEED = 20260316

# How the 40 applications stand today: (final stage, how many, archived).
PLAN: list[tuple[Stage, int, ArchiveReason | None]] = [
    (Stage.WISHLIST, 6, None),
    (Stage.APPLIED, 12, None),
    (Stage.INTERVIEWING, 5, None),
    (Stage.OFFER, 1, None),
    (Stage.REJECTED, 14, None),
    (Stage.APPLIED, 1, ArchiveReason.TOO_OLD),
    (Stage.WISHLIST, 1, ArchiveReason.WITHDRAWN),
]


def _materials(final: Stage, rejection: Rejection | None, n: int) -> dict[str, str]:
    """The résumé and cover letter sent, so Progress has a comparison to show. Taken from
    the card's place rather than the random sequence, which the rest of the sample keeps."""
    if final is Stage.WISHLIST:
        return {}
    interviewed = (Stage.INTERVIEWING, Stage.OFFER)
    short = final in interviewed or (rejection is not None and rejection.reached in interviewed)
    short = short or n % 5 == 0
    return {
        "resume": "CV short" if short else "CV 2026 data",
        "cover_letter": "cover letter generic" if n % 2 else "",
    }


def sample_records(now: datetime = SAMPLE_NOW, seed: int = SAMPLE_SEED) -> list[Record]:
    """The whole sample, as records ready for :meth:`Store.insert_all`."""
    rng = random.Random(seed)
    applications = _with_interviews(_applications(rng, now), now)
    records: list[Record] = [*applications]
    records += journal(rng, now, applications)
    records += timer_sessions(rng, now)
    records += _wins(rng, now)
    records += _contacts(rng, now, applications)
    records += _material_records(now)
    return records


def _material_records(now: datetime) -> list[Material]:
    """The versions the sample's applications name, and one not sent yet; ids from the
    names, so the random sequence the rest of the sample draws from stays as it was."""
    kept = [
        (MaterialKind.RESUME, "CV short", "~/cv/cv-short.pdf"),
        (MaterialKind.RESUME, "CV 2026 data", "~/cv/cv-2026-data.pdf"),
        (MaterialKind.RESUME, "CV one page", ""),
        (MaterialKind.COVER_LETTER, "cover letter generic", "~/cv/cover-letter.odt"),
    ]
    return [
        Material(
            id=uuid5(NAMESPACE_URL, f"bounceback:sample:{name}"),
            kind=kind,
            name=name,
            path=path,
            created_at=now - timedelta(days=90),
        )
        for kind, name, path in kept
    ]


def _with_interviews(applications: list[Application], now: datetime) -> list[Application]:
    """Interviews on the first cards in Interviewing: one held last week with no news yet,
    and two in the days ahead (none today, so the app opens on the Board)."""
    day = datetime.combine(now.date(), datetime.min.time(), now.tzinfo)
    plans = [
        Interview(
            id=UUID(int=1, version=4),
            at=day - timedelta(days=6) + timedelta(hours=11),
            minutes=45,
            kind=InterviewKind.RECRUITER_CALL,
            where="+44 20 7946 0000",
            how_it_went="",
        ),
        Interview(
            id=UUID(int=2, version=4),
            at=day + timedelta(days=1, hours=10, minutes=30),
            minutes=30,
            kind=InterviewKind.PHONE_SCREEN,
            where="+44 161 496 0000",
            prep="Two-minute story: who I am and why this team.",
        ),
        Interview(
            id=UUID(int=3, version=4),
            at=day + timedelta(days=3, hours=14),
            minutes=90,
            kind=InterviewKind.TECHNICAL,
            where="https://meet.example.com/tech-round",
            prep="Revise SQL window functions. Questions about the on-call rota.",
        ),
    ]
    interviewing = [n for n, a in enumerate(applications) if a.stage is Stage.INTERVIEWING]
    for n, interview in zip(interviewing, plans, strict=False):
        applications[n] = applications[n].model_copy(update={"interviews": (interview,)})
    return applications


def _applications(rng: random.Random, now: datetime) -> list[Application]:
    companies = iter(COMPANIES)
    applications: list[Application] = []
    for final, count, archived in PLAN:
        for _ in range(count):
            created = now - timedelta(days=rng.randint(3, 88), hours=rng.randint(0, 9))
            changes = history(rng, created, now, final)
            rejection = None
            if final is Stage.REJECTED:
                reached = changes[-2].stage
                reason, feedback, lesson = reflection(rng, reached)
                asked = reason is not RejectionReason.NO_RESPONSE and rng.random() < 0.4
                rejection = Rejection(
                    reached=reached,
                    reason=reason,
                    feedback=feedback,
                    lesson=lesson,
                    feedback_requested_at=changes[-1].at + timedelta(days=1) if asked else None,
                )
            company = next(companies)
            due = None
            next_action = ""
            if final in (Stage.APPLIED, Stage.INTERVIEWING) and rng.random() < 0.5:
                next_action = rng.choice(
                    ["Follow up by email", "Prepare STAR stories", "Send thank-you note"]
                )
                due = (now + timedelta(days=rng.randint(-3, 6))).date()
            applications.append(
                Application(
                    id=new_id(rng),
                    company=company,
                    role=rng.choice(ROLES),
                    stage=final,
                    history=tuple(changes),
                    url=f"https://jobs.example.com/{company.lower().replace(' ', '-')}",
                    location=rng.choice(LOCATIONS),
                    salary=rng.choice(["", "£45k–£55k", "£50k", "£60k + bonus"]),
                    source=rng.choice(SOURCES),
                    tags=tuple(rng.sample(TAGS, rng.randint(0, 2))),
                    **_materials(final, rejection, len(applications)),
                    excitement=rng.randint(1, 5),
                    notes=rng.choice(
                        [
                            "",
                            "Small team, good engineering blog. Uses Python and Postgres.",
                            "Hiring manager spoke at the local Python meetup.",
                        ]
                    ),
                    next_action=next_action,
                    next_action_due=due,
                    position=float(len(applications)),
                    rejection=rejection,
                    archived=archived,
                    archived_at=now - timedelta(days=2) if archived else None,
                    created_at=created,
                    updated_at=changes[-1].at,
                )
            )
    return applications


def _wins(rng: random.Random, now: datetime) -> list[Win]:
    """The user's own wins; the automatic ones are recognised from the data."""
    return [
        Win(id=new_id(rng), at=now - timedelta(days=9), text="Finished the k8s side project"),
        Win(id=new_id(rng), at=now - timedelta(days=2), text="Asked three people for feedback"),
    ]


def _contacts(rng: random.Random, now: datetime, applications: list[Application]) -> list[Contact]:
    """A few people, linked to the applications at their company."""
    contacts = []
    for name, kind, company, channel in CONTACTS:
        links = tuple(
            ContactLink(application_id=a.id, role=kind)
            for a in applications
            if a.company == company
        )
        talks = sorted(now - timedelta(days=rng.randint(1, 60)) for _ in range(rng.randint(1, 3)))
        contacts.append(
            Contact(
                id=new_id(rng),
                name=name,
                kind=kind,
                company=company,
                cadence_weeks=rng.choice([2, 4, 8]),
                conversations=tuple(Conversation(at=at, channel=channel) for at in talks),
                links=links,
            )
        )
    return contacts
