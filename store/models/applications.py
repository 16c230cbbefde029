"""Applications on the board: stages, rejections, offers, interviews and follow-ups."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Self
from uuid import UUID, uuid4

from pydantic import AfterValidator, AwareDatetime, Field, model_validator

from store.models.base import LongText, Model, Record, RequiredText, ShortText, Tags, Url


class Stage(StrEnum):
    WISHLIST = "wishlist"
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return self.value.capitalize()


PIPELINE: tuple[Stage, ...] = (Stage.WISHLIST, Stage.APPLIED, Stage.INTERVIEWING, Stage.OFFER)
"""The stages an application moves forward through; Rejected stands beside them."""


class StageChange(Model):
    stage: Stage
    at: AwareDatetime


class RejectionReason(StrEnum):
    NO_RESPONSE = "no_response"
    POSITION_FILLED = "position_filled"
    MORE_EXPERIENCED_CANDIDATE = "more_experienced_candidate"
    SKILLS_GAP = "skills_gap"
    SALARY = "salary"
    UNKNOWN = "unknown"
    OTHER = "other"

    @property
    def label(self) -> str:
        return REJECTION_REASON_LABELS[self]


REJECTION_REASON_LABELS: dict[RejectionReason, str] = {
    RejectionReason.NO_RESPONSE: "No response (ghosted)",
    RejectionReason.POSITION_FILLED: "Position filled",
    RejectionReason.MORE_EXPERIENCED_CANDIDATE: "Another candidate had more experience",
    RejectionReason.SKILLS_GAP: "Skills gap",
    RejectionReason.SALARY: "Salary",
    RejectionReason.UNKNOWN: "Unknown",
    RejectionReason.OTHER: "Other",
}


class Rejection(Model):
    """The reflection on a "no": how far it got, why, what was said, what to change."""

    reached: Stage
    reason: RejectionReason = RejectionReason.UNKNOWN
    feedback: LongText = ""
    lesson: LongText = ""
    feedback_requested_at: AwareDatetime | None = None

    @model_validator(mode="after")
    def _reached_is_a_pipeline_stage(self) -> Self:
        if self.reached is Stage.REJECTED:
            raise ValueError("the stage reached is the one before the rejection")
        return self


class ArchiveReason(StrEnum):
    WITHDRAWN = "withdrawn"
    ACCEPTED_ELSEWHERE = "accepted_elsewhere"
    TOO_OLD = "too_old"
    OTHER = "other"


class OfferOutcome(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class OfferDecision(Model):
    """What became of an offer, and when: the search may end, or the funnel learns why not."""

    outcome: OfferOutcome
    at: AwareDatetime
    reason: ShortText = ""
    """Why it was declined, in the user's words."""
    pay: ShortText = ""
    """What they offered, as written; compared with the salary asked for on Progress."""


POSTING_MAX = 100_000
"""Characters of a posting's text: a few thousand words fit many times over, a pasted
1 MB page does not."""


def _posting(value: str) -> str:
    if len(value) > POSTING_MAX:
        size = len(value.encode("utf-8", "surrogatepass"))
        raise ValueError(
            f"is {size / 1_000_000:.1f} MB ({len(value):,} characters); "
            f"a posting fits in {POSTING_MAX:,} characters"
        )
    return value


PostingText = Annotated[str, AfterValidator(_posting)]


class InterviewKind(StrEnum):
    PHONE_SCREEN = "phone_screen"
    RECRUITER_CALL = "recruiter_call"
    TECHNICAL = "technical"
    TAKE_HOME = "take_home"
    """Its time is when the take-home is due."""
    ONSITE = "onsite"
    PANEL = "panel"
    FINAL = "final"
    OTHER = "other"

    @property
    def label(self) -> str:
        return INTERVIEW_KIND_LABELS.get(self, self.value.replace("_", " "))


INTERVIEW_KIND_LABELS = {InterviewKind.TAKE_HOME: "take-home due", InterviewKind.OTHER: "interview"}


class InterviewOutcome(StrEnum):
    NEXT_STEP = "next_step"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDREW = "withdrew"
    WAITING = "waiting"
    """Held, and no news yet: the user noted how it went."""

    @property
    def label(self) -> str:
        return INTERVIEW_OUTCOME_LABELS[self]


INTERVIEW_OUTCOME_LABELS: dict[InterviewOutcome, str] = {
    InterviewOutcome.NEXT_STEP: "through to the next step",
    InterviewOutcome.OFFER: "an offer",
    InterviewOutcome.REJECTED: "a no",
    InterviewOutcome.WITHDREW: "I withdrew",
    InterviewOutcome.WAITING: "waiting to hear",
}

MAX_INTERVIEW_MINUTES = 12 * 60


class Interview(Model):
    """One interview (or a take-home's due time) on an application."""

    id: UUID = Field(default_factory=uuid4)
    """Stable: a calendar export names the event by it, so a re-import updates it."""
    at: AwareDatetime
    """The start, with the user's UTC offset when it was booked: one instant, unambiguous."""
    minutes: int = Field(default=60, ge=1, le=MAX_INTERVIEW_MINUTES)
    kind: InterviewKind = InterviewKind.OTHER
    where: ShortText = ""
    """A link, an address or a phone number."""
    contact_ids: tuple[UUID, ...] = ()
    """The people met there; their role is the one they have on the application."""
    prep: LongText = ""
    outcome: InterviewOutcome | None = None
    how_it_went: LongText = ""
    thank_you_sent_at: AwareDatetime | None = None

    @property
    def ends_at(self) -> datetime:
        return self.at + timedelta(minutes=self.minutes)


class FollowUpStatus(StrEnum):
    DONE = "done"
    SNOOZED = "snoozed"
    DISMISSED = "dismissed"


class FollowUpState(Record):
    """What the user did with a follow-up; the follow-ups themselves are derived."""

    key: RequiredText
    """The follow-up it answers (see ``store.agenda``): one state per key."""
    status: FollowUpStatus
    until: date | None = None
    """For a snooze: the day it comes back."""
    at: AwareDatetime

    @model_validator(mode="after")
    def _snooze_has_a_day(self) -> Self:
        if (self.status is FollowUpStatus.SNOOZED) != (self.until is not None):
            raise ValueError("a snooze, and only a snooze, has a day to come back")
        return self


class Application(Record):
    company: RequiredText
    role: RequiredText
    stage: Stage = Stage.WISHLIST
    history: tuple[StageChange, ...] = Field(min_length=1)
    """Every stage change, oldest first; the last one is the current stage."""
    url: Url = ""
    location: ShortText = ""
    salary: ShortText = ""
    source: ShortText = ""
    tags: Tags = ()
    excitement: int = Field(default=3, ge=1, le=5)
    notes: LongText = ""
    next_action: ShortText = ""
    next_action_due: date | None = None
    position: float = 0.0
    """Order within its column, ascending."""
    rejection: Rejection | None = None
    archived: ArchiveReason | None = None
    archived_at: AwareDatetime | None = None
    created_at: AwareDatetime
    updated_at: AwareDatetime
    # --- the whole application: the posting as it was, what became of the offer.
    # The pay is read from ``salary`` (store/pay.py), so what the user typed stays the record.
    posting: PostingText = ""
    """The posting's text, pasted while it is still online."""
    offer_decision: OfferDecision | None = None
    resume: ShortText = ""
    """The name of the résumé version sent with it."""
    cover_letter: ShortText = ""
    # --- interviews ---
    interviews: tuple[Interview, ...] = ()
    """Booked, held and due (a take-home), in the order they were added."""

    @model_validator(mode="after")
    def _stage_matches_history(self) -> Self:
        if self.history[-1].stage is not self.stage:
            raise ValueError(
                f"stage {self.stage.value!r} is not the last entry of its history "
                f"({self.history[-1].stage.value!r})"
            )
        return self

    @property
    def stage_since(self) -> datetime:
        return self.history[-1].at
