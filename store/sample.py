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
    ContactKind,
    ContactLink,
    Conversation,
    Interview,
    InterviewKind,
    JournalEntry,
    Material,
    MaterialKind,
    Mood,
    Record,
    Rejection,
    RejectionReason,
    Stage,
    StageChange,
    TimerKind,
    TimerSession,
    Win,
)

SAMPLE_NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)
"""A Monday morning, the "now" of the snapshot tests and screenshots."""
SAMPLE_SEED = 20260316

COMPANIES = [
    "Fernhill Labs", "Quayside Logistics", "Tallow & Pine", "Brightwater Energy",
    "Harbor Lane Bank", "Oakmoss Studio", "Lumen Grid", "Kestrel Mobility",
    "Pebble Street Games", "Marigold Health", "Slate Cloud", "Juniper Learning",
    "Copperleaf Insurance", "Wayfarer Maps", "Ridgeback Security", "Tidewater Foods",
    "Nimbus Payroll", "Orchard Civic Tech", "Foxglove Media", "Granite Peak Software",
    "Saltmarsh Bio", "Riverbend Council", "Lantern Books", "Mosaic Retail",
    "Arbor Climate", "Helix Freight", "Blue Heron Travel", "Quill Legal",
    "Parallax Vision", "Ember Kitchens", "Cairn Outdoor", "Sable Finance",
    "Wren Robotics", "Meridian Transit", "Cinder Games", "Hollow Oak Hospice",
    "Beacon Charity Trust", "Thistle Telecom", "Kindred Care", "Ironbark Data",
]  # fmt: skip
ROLES = [
    "Python Developer", "Backend Engineer", "Data Engineer", "Software Engineer II",
    "Platform Engineer", "Analytics Engineer", "Full-stack Developer",
    "Site Reliability Engineer", "Junior Data Scientist", "API Developer",
]  # fmt: skip
LOCATIONS = ["Remote", "Leeds", "Manchester", "Remote (UK)", "Bristol", "Hybrid, London"]
SOURCES = ["LinkedIn", "company site", "referral", "job board", "recruiter came to me", "meetup"]
TAGS = ["python", "remote", "fintech", "climate", "health", "startup", "public sector"]

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

REFLECTIONS: list[tuple[RejectionReason, str, str]] = [
    (RejectionReason.NO_RESPONSE, "", "Follow up a week after applying instead of waiting."),
    (
        RejectionReason.MORE_EXPERIENCED_CANDIDATE,
        "Strong technical round; they went with someone who had led a team before.",
        "Tell the story of the mentoring I did at my last job; it is leadership.",
    ),
    (
        RejectionReason.SKILLS_GAP,
        "They wanted hands-on Kubernetes in production.",
        "Do the small k8s deploy project and put it on my CV.",
    ),
    (
        RejectionReason.POSITION_FILLED,
        "Filled internally before interviews started.",
        "Not about me. Apply earlier to roles like this one.",
    ),
    (
        RejectionReason.SALARY,
        "Budget was well below my range.",
        "Ask about the salary band in the first call.",
    ),
    (
        RejectionReason.UNKNOWN,
        "",
        "Ask for feedback politely; one in three people answer.",
    ),
]

THOUGHTS: list[tuple[str, tuple[str, ...], str]] = [
    (
        "I'll never get hired.",
        ("fortune_telling", "overgeneralising"),
        "One company said no to one application. That is a decision about a role, "
        "not a verdict on me, and I have twelve more in flight.",
    ),
    (
        "Everyone else finds a job in a month.",
        ("mind_reading", "discounting_the_positive"),
        "I only see other people's offers, not their rejections. Three interviews "
        "this month is progress.",
    ),
    (
        "I froze on that question, so I'm useless at interviews.",
        ("labelling", "all_or_nothing"),
        "I froze on one question and answered the other five well. I can practise "
        "that kind of question.",
    ),
]

MOOD_TEXTS = {
    Mood.AWFUL: ["Another no. Hard to start today.", "Ghosted again after a good call."],
    Mood.BAD: ["Tired of rewriting cover letters.", "Slow day, no replies."],
    Mood.OKAY: ["Sent two applications. Steady.", "Did the coding exercise."],
    Mood.GOOD: ["Recruiter called back!", "Good chat with a mentor."],
    Mood.GREAT: ["Invited to a final round!", "Offer call scheduled."],
}
LABELS = ["applications", "applications", "networking", "learning", "interview prep"]
RECHARGES = ["walk round the block", "stretching", "tea and water", "called Sam", "fresh air"]


def _uuid(rng: random.Random) -> UUID:
    return UUID(int=rng.getrandbits(128), version=4)


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
    records += _journal(rng, now, applications)
    records += _timer_sessions(rng, now)
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
            history = _history(rng, created, now, final)
            rejection = None
            if final is Stage.REJECTED:
                reason, feedback, lesson = rng.choice(REFLECTIONS)
                reached = history[-2].stage
                if reached is Stage.APPLIED and reason is not RejectionReason.NO_RESPONSE:
                    reason, feedback = RejectionReason.UNKNOWN, ""
                asked = reason is not RejectionReason.NO_RESPONSE and rng.random() < 0.4
                rejection = Rejection(
                    reached=reached,
                    reason=reason,
                    feedback=feedback,
                    lesson=lesson,
                    feedback_requested_at=history[-1].at + timedelta(days=1) if asked else None,
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
                    id=_uuid(rng),
                    company=company,
                    role=rng.choice(ROLES),
                    stage=final,
                    history=tuple(history),
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
                    updated_at=history[-1].at,
                )
            )
    return applications


def _history(
    rng: random.Random, created: datetime, now: datetime, final: Stage
) -> list[StageChange]:
    if final is Stage.REJECTED:
        # Most rejections come after applying; some after interviews.
        path = [Stage.WISHLIST, Stage.APPLIED]
        if rng.random() < 0.4:
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


def _journal(
    rng: random.Random, now: datetime, applications: list[Application]
) -> list[JournalEntry]:
    rejected = [a for a in applications if a.stage is Stage.REJECTED]
    entries = []
    for day in range(60, 0, -1):
        if rng.random() < 0.35:
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
                id=_uuid(rng),
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


def _timer_sessions(rng: random.Random, now: datetime) -> list[TimerSession]:
    sessions = []
    for day in range(28, 0, -1):
        if rng.random() < 0.25:
            continue
        at = (now - timedelta(days=day)).replace(hour=9, minute=0, second=0, microsecond=0)
        for block in range(rng.randint(2, 6)):
            completed = rng.random() < 0.85
            actual = 25 * 60 if completed else rng.randint(5, 20) * 60
            sessions.append(
                TimerSession(
                    id=_uuid(rng),
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
                    id=_uuid(rng),
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


def _wins(rng: random.Random, now: datetime) -> list[Win]:
    """The user's own wins; the automatic ones are recognised from the data."""
    return [
        Win(id=_uuid(rng), at=now - timedelta(days=9), text="Finished the k8s side project"),
        Win(id=_uuid(rng), at=now - timedelta(days=2), text="Asked three people for feedback"),
    ]


CONTACTS = [
    ("Sam Okafor", ContactKind.FRIEND_FAMILY, "", "phone"),
    ("Priya Raman", ContactKind.MENTOR, "Brightwater Energy", "coffee"),
    ("Jonas Weber", ContactKind.RECRUITER, "Lumen Grid", "email"),
    ("Aiko Tanaka", ContactKind.COLLEAGUE, "Slate Cloud", "video call"),
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
                id=_uuid(rng),
                name=name,
                kind=kind,
                company=company,
                cadence_weeks=rng.choice([2, 4, 8]),
                conversations=tuple(Conversation(at=at, channel=channel) for at in talks),
                links=links,
            )
        )
    return contacts


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
        history = _history(rng, created, now, final)
        applications.append(
            Application(
                id=_uuid(rng),
                company=f"{rng.choice(COMPANIES)} {n}",
                role=rng.choice(ROLES),
                stage=final,
                history=tuple(history),
                location=rng.choice(LOCATIONS),
                source=rng.choice(SOURCES),
                tags=tuple(rng.sample(TAGS, 2)),
                excitement=rng.randint(1, 5),
                notes=notes[: rng.randint(200, len(notes))],
                position=float(n),
                rejection=Rejection(reached=history[-2].stage) if final is Stage.REJECTED else None,
                created_at=created,
                updated_at=history[-1].at,
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
                id=_uuid(rng),
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
                id=_uuid(rng),
                kind=TimerKind.FOCUS if focus else TimerKind.SHORT_BREAK,
                label=rng.choice(LABELS) if focus else "",
                started_at=at,
                planned_seconds=length,
                actual_seconds=length,
                completed=True,
            )
        )
    return records
