"""The application funnel and what it says: how far applications get, the rates
between stages, where a search is stuck, and the lessons taken from the "no"s."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import median

from store.models import (
    PIPELINE,
    Application,
    ArchiveReason,
    InterviewKind,
    OfferOutcome,
    RejectionReason,
    Stage,
)

# --- what the funnel needs before it says anything -------------------------------------

MIN_APPLIED_FOR_DIAGNOSIS = 10
"""Fewer applications than this say nothing yet about where a search is stuck."""
LOW_RESPONSE_RATE = 0.10
"""Under one answer in ten applications: the applications are not landing."""
MIN_RESPONSES_FOR_SCREENING = 5
LOW_INTERVIEW_RATE = 0.30
"""Under three in ten answers becoming interviews: the first conversation is the gap."""
MIN_INTERVIEWS_FOR_OFFERS = 4
"""This many interviews and no offer: the interviews themselves are the gap."""
MIN_FOR_RATES = 2
"""Interviews (or offers) needed before "about 1 in N" is worth saying."""


def applied_at(application: Application) -> datetime | None:
    """When the application was sent: its first move into Applied (or past it)."""
    for change in application.history:
        if change.stage in (Stage.APPLIED, Stage.INTERVIEWING, Stage.OFFER):
            return change.at
    if application.rejection is not None and application.rejection.reached is not Stage.WISHLIST:
        return application.history[0].at
    return None


RANK = {stage: rank for rank, stage in enumerate(PIPELINE)}


def furthest_stage(application: Application) -> Stage:
    """The furthest pipeline stage the application reached, from its history."""
    reached: list[Stage] = [c.stage for c in application.history if c.stage is not Stage.REJECTED]
    if application.rejection is not None:
        reached.append(application.rejection.reached)
    return max(reached, key=RANK.__getitem__, default=Stage.WISHLIST)


def first_response_at(application: Application) -> datetime | None:
    """When the company first answered: a move past Applied, or a "no" that was not silence."""
    sent = applied_at(application)
    if sent is None:
        return None
    for change in application.history:
        if change.at < sent:
            continue
        if change.stage in (Stage.INTERVIEWING, Stage.OFFER):
            return change.at
        if change.stage is Stage.REJECTED:
            silent = (
                application.rejection is not None
                and application.rejection.reason is RejectionReason.NO_RESPONSE
            )
            return None if silent else change.at
    return None


def had_interview(application: Application, now: datetime) -> bool:
    """An interview (not a take-home) on record that has begun by ``now``."""
    return any(
        i.kind is not InterviewKind.TAKE_HOME and i.at <= now for i in application.interviews
    )


@dataclass(frozen=True)
class Finding:
    """What the funnel suggests, in plain words."""

    title: str
    advice: str


@dataclass(frozen=True)
class Funnel:
    days: int | None
    """The window: applications sent in the last ``days`` days, or all time (None)."""
    applied: int = 0
    responses: int = 0
    interviews: int = 0
    offers: int = 0
    declined_offers: int = 0
    rejections: int = 0
    median_days_to_response: float | None = None
    rejected_at: dict[Stage, int] = field(default_factory=dict)
    """How far each "no" got."""

    @staticmethod
    def rate(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def response_rate(self) -> float | None:
        return self.rate(self.responses, self.applied)

    @property
    def interview_rate(self) -> float | None:
        """Interviews per response."""
        return self.rate(self.interviews, self.responses)

    @property
    def offer_rate(self) -> float | None:
        """Offers per interview."""
        return self.rate(self.offers, self.interviews)

    def applications_per(self, outcome: int) -> int | None:
        """From the user's own rates: about one in this many applications leads to it."""
        if outcome < MIN_FOR_RATES:
            return None
        return round(self.applied / outcome)

    def findings(self, lever: str | None = None) -> list[Finding]:
        """Where the search is stuck, the earliest stage first; empty when it is not.

        ``lever`` is what the user's own counts say gets answers (``store.what_works``):
        it takes the place of the general advice on answers, or comes first when answers
        are not where the search is stuck."""
        found = []
        if self.response_rate is not None and self.response_rate < LOW_RESPONSE_RATE:
            found.append(
                Finding(
                    "Many applications, few answers",
                    lever
                    or "Tailor the résumé and cover letter to each posting, lead with what "
                    "the posting asks for, and check you are aiming at roles that fit.",
                )
            )
        elif lever:
            found.append(Finding("What gets you answers", lever))
        if (
            self.responses >= MIN_RESPONSES_FOR_SCREENING
            and self.interview_rate is not None
            and self.interview_rate < LOW_INTERVIEW_RATE
        ):
            found.append(
                Finding(
                    "Answers, but few interviews",
                    "Work on the first conversation: a two-minute story of who you are "
                    "and why this role, and your questions about the team.",
                )
            )
        if self.interviews >= MIN_INTERVIEWS_FOR_OFFERS and self.offers == 0:
            found.append(
                Finding(
                    "Interviews, but no offer yet",
                    "Practise interviewing: mock interviews with a friend, answers told as "
                    "stories (situation, task, action, result), and questions to ask them.",
                )
            )
        if self.declined_offers:
            found.append(
                Finding(
                    "Offers you turned down",
                    "Revisit what you are looking for, so your applications aim at offers "
                    "you would say yes to.",
                )
            )
        return found


def funnel(applications: Iterable[Application], now: datetime, days: int | None = None) -> Funnel:
    """The funnel of applications sent in the last ``days`` days (all of them if None)."""
    since = now - timedelta(days=days) if days is not None else None
    applied = responses = interviews = offers = declined = rejections = 0
    waits = []
    rejected_at: Counter[Stage] = Counter()
    for application in applications:
        sent = applied_at(application)
        if sent is None or (since is not None and sent < since):
            continue
        applied += 1
        furthest = furthest_stage(application)
        answered = first_response_at(application)
        interviewed = RANK[furthest] >= RANK[Stage.INTERVIEWING] or had_interview(application, now)
        if answered is not None or interviewed:
            responses += 1
        if answered is not None:
            waits.append((answered - sent).total_seconds() / 86400)
        interviews += interviewed
        if furthest is Stage.OFFER:
            offers += 1
            decision = application.offer_decision
            declined += application.archived is ArchiveReason.WITHDRAWN or (
                decision is not None and decision.outcome is OfferOutcome.DECLINED
            )
        if application.rejection is not None:
            rejections += 1
            rejected_at[application.rejection.reached] += 1
    return Funnel(
        days=days,
        applied=applied,
        responses=responses,
        interviews=interviews,
        offers=offers,
        declined_offers=declined,
        rejections=rejections,
        median_days_to_response=median(waits) if waits else None,
        rejected_at=dict(rejected_at),
    )


def enough_for_diagnosis(f: Funnel) -> bool:
    return f.applied >= MIN_APPLIED_FOR_DIAGNOSIS


def rejections_total(applications: Iterable[Application]) -> int:
    """Every "no" collected so far, silence included."""
    return sum(1 for a in applications if a.rejection is not None)


@dataclass(frozen=True)
class Lessons:
    """What the rejection reflections say, grouped, in the user's own words."""

    reasons: list[tuple[str, int]]
    """Reason labels, most common first."""
    lessons: list[str]
    """What to change next, newest first, without repeats."""
    feedback: list[str]


def awaiting_reflection(applications: Iterable[Application]) -> list[Application]:
    """The "no"s with nothing written about them yet (an imported one starts so), newest first."""
    bare = [a for a in applications if a.rejection and not a.rejection.lesson.strip()
            and not a.rejection.feedback.strip()]  # fmt: skip
    return sorted(bare, key=lambda a: a.stage_since, reverse=True)


def lessons(applications: Iterable[Application]) -> Lessons:
    rejected = sorted(
        (a for a in applications if a.rejection is not None),
        key=lambda a: a.stage_since,
        reverse=True,
    )
    reasons = Counter(a.rejection.reason.label for a in rejected if a.rejection)
    own = [a.rejection.lesson.strip() for a in rejected if a.rejection and a.rejection.lesson]
    said = [a.rejection.feedback.strip() for a in rejected if a.rejection and a.rejection.feedback]
    return Lessons(
        reasons=reasons.most_common(),
        lessons=list(dict.fromkeys(line for line in own if line)),
        feedback=list(dict.fromkeys(line for line in said if line)),
    )


def funnel_summary(f: Funnel) -> dict[str, object]:
    return {
        "applied": f.applied,
        "responses": f.responses,
        "interviews": f.interviews,
        "offers": f.offers,
        "declined_offers": f.declined_offers,
        "rejections": f.rejections,
        "response_rate": f.response_rate,
        "interview_rate": f.interview_rate,
        "offer_rate": f.offer_rate,
        "median_days_to_response": f.median_days_to_response,
        "rejected_at": {stage.value: n for stage, n in f.rejected_at.items()},
        "enough_for_diagnosis": enough_for_diagnosis(f),
        "findings": [{"title": x.title, "advice": x.advice} for x in f.findings()]
        if enough_for_diagnosis(f)
        else [],
    }
