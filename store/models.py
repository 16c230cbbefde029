"""The domain, as pydantic models: the schema of record for the data file.

Every stored record has a stable UUID ``id`` (links between records use it, never
TinyDB's reusable doc ids) and a ``rev`` that goes up by one on every save, so an
edit that started from an older version is detected instead of overwriting.
Models are frozen: change one with ``model_copy(update=...)`` and save it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from enum import IntEnum, StrEnum
from typing import Annotated, Any, Self
from urllib.parse import urlsplit
from uuid import UUID, uuid4

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

SCHEMA_VERSION = 1
"""The layout of the records below, as a data file and an export record it. Version 1 is
the first released layout; a change to it is a migration in store/file/migrations.py."""

SHORT_TEXT_MAX = 300
"""Names, titles, one-line fields."""
LONG_TEXT_MAX = 1_048_576
"""Notes and journal text: a whole essay fits; a pasted 10 MB log does not."""

# Text is stored exactly as typed (any script, emoji, brackets, control characters); only
# the white space around a one-line field is trimmed. pydantic-core's strip trims exactly
# Unicode's White_Space characters (str.strip() would also eat the \x1c-\x1f controls),
# before the length is checked, and in Rust: a Python validator called for each field of
# each record would slow reading the file.
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=SHORT_TEXT_MAX)]
RequiredText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=SHORT_TEXT_MAX)
]
LongText = Annotated[str, StringConstraints(max_length=LONG_TEXT_MAX)]


def _http_url(value: str) -> str:
    if not value:
        return value
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("must start with http:// or https:// and name a host")
    return value


Url = Annotated[ShortText, AfterValidator(_http_url)]


def _tags(values: tuple[str, ...]) -> tuple[str, ...]:
    # Drop blanks and repeats, keep the order the user gave.
    cleaned = (value.strip() for value in values)
    return tuple(dict.fromkeys(tag for tag in cleaned if tag))


Tag = Annotated[str, StringConstraints(max_length=60)]
Tags = Annotated[tuple[Tag, ...], AfterValidator(_tags)]


_FIELD_NAME_SETS: dict[frozenset[str], set[str]] = {}


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)

    def model_post_init(self, context: Any, /) -> None:
        # Pydantic gives every model its own set of the field names it was given: half of
        # a timer session's memory, for the same few sets. Models with the same names
        # share one. It is
        # never changed in place: models are frozen, and pydantic copies it to copy one.
        names = self.__pydantic_fields_set__
        shared = _FIELD_NAME_SETS.setdefault(frozenset(names), names)
        object.__setattr__(self, "__pydantic_fields_set__", shared)


class Record(Model):
    id: UUID = Field(default_factory=uuid4)
    rev: int = Field(default=1, ge=1)


# --- the board -------------------------------------------------------------------------


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
# --- interviews and follow-ups --------------------------------------------------------


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


# --- the journal -----------------------------------------------------------------------


class Mood(IntEnum):
    AWFUL = 1
    BAD = 2
    OKAY = 3
    GOOD = 4
    GREAT = 5

    @property
    def label(self) -> str:
        return self.name.lower()


class JournalEntry(Record):
    at: AwareDatetime
    mood: Mood
    text: LongText = ""
    negative_thought: LongText = ""
    traps: tuple[ShortText, ...] = ()
    """Thinking traps the negative thought shows (built-in keys or the user's own)."""
    reframe: LongText = ""
    tags: Tags = ()
    application_id: UUID | None = None


class Affirmation(Record):
    """A line the user keeps for hard days; the breaks show it again."""

    text: RequiredText
    created_at: AwareDatetime


# --- the timer -------------------------------------------------------------------------


class TimerKind(StrEnum):
    FOCUS = "focus"
    SHORT_BREAK = "short_break"
    LONG_BREAK = "long_break"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def is_break(self) -> bool:
        return self is not TimerKind.FOCUS


class TimerSession(Record):
    """One finished or cut-short focus block or break."""

    kind: TimerKind
    label: ShortText = ""
    started_at: AwareDatetime
    planned_seconds: int = Field(gt=0)
    actual_seconds: int = Field(ge=0)
    completed: bool
    recharge: ShortText = ""
    """What the user actually did in a break."""


DEFAULT_RECHARGE_IDEAS: tuple[str, ...] = (
    "Take a ten-minute walk, and leave the phone behind.",
    "Stand up and stretch: back, shoulders, neck.",
    "Drink a glass of water.",
    "Call or message someone who is on your side.",
    "Step outside for fresh air and daylight.",
    "Spend the break on a hobby you enjoy.",
    "Make a cup of tea and drink it away from the screen.",
    "Look out of a window at something far away.",
    "Put on a song you love, loud.",
    "Tidy one small thing near you.",
)


class TimerSettings(Model):
    focus_minutes: int = Field(default=25, ge=1, le=240)
    short_break_minutes: int = Field(default=5, ge=1, le=120)
    long_break_minutes: int = Field(default=15, ge=1, le=240)
    long_break_every: int = Field(default=4, ge=1, le=12)
    auto_start_break: bool = True
    auto_start_focus: bool = False
    """Off by default: starting work is a conscious choice."""
    daily_focus_target: int = Field(default=6, ge=1, le=30)
    recharge_ideas: Annotated[tuple[RequiredText, ...], Field(max_length=100)] = (
        DEFAULT_RECHARGE_IDEAS
    )
    """What a break suggests; the user edits the list."""


class TimerStatus(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"


class TimerState(Model):
    """The running timer, as wall-clock facts rather than ticks.

    Any session, in any process, computes the same remaining time from these, and
    they change only when the user acts or a phase ends: never once a second.
    """

    phase: TimerKind = TimerKind.FOCUS
    status: TimerStatus = TimerStatus.READY
    planned_seconds: int = Field(default=25 * 60, ge=60, le=240 * 60)
    """This phase's length, with the user's +/- adjustments."""
    started_at: AwareDatetime | None = None
    """When this phase was first started (it may have been paused since)."""
    running_since: AwareDatetime | None = None
    """The latest start or resume; None while paused or ready."""
    elapsed_before: float = Field(default=0.0, ge=0)
    """Seconds run before ``running_since``."""
    previous_ended_at: AwareDatetime | None = None
    """Set when the previous phase ran out and this one waits to be started: overtime."""
    focus_in_cycle: int = Field(default=0, ge=0)
    """Focus blocks finished since the last long break."""
    label: ShortText = ""
    """What the focus blocks are for; it stays for the next block."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        running = self.status is TimerStatus.RUNNING
        if running != (self.running_since is not None):
            raise ValueError("running_since is set exactly when the timer runs")
        if (self.status is TimerStatus.READY) != (self.started_at is None):
            raise ValueError("started_at is set exactly when the phase has started")
        return self


# --- progress --------------------------------------------------------------------------


class Metric(StrEnum):
    APPLICATIONS_SENT = "applications_sent"
    NETWORKING_CONVERSATIONS = "networking_conversations"
    LEARNING_MINUTES = "learning_minutes"
    FOCUS_BLOCKS = "focus_blocks"
    JOURNAL_ENTRIES = "journal_entries"


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"


class Goal(Record):
    metric: Metric
    target: int = Field(gt=0, le=100_000)
    period: Period = Period.WEEK
    active: bool = True
    rest_periods: tuple[date, ...] = ()
    """First days of periods the user marked as rest: they do not break a streak."""


class Win(Record):
    at: AwareDatetime
    text: RequiredText
    event_key: ShortText | None = None
    """Set for wins recognised automatically, so one event is never celebrated twice."""


# --- people ----------------------------------------------------------------------------


class ContactKind(StrEnum):
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    REFERRER = "referrer"
    COLLEAGUE = "colleague"
    MENTOR = "mentor"
    FRIEND_FAMILY = "friend_family"
    OTHER = "other"

    @property
    def label(self) -> str:
        return (
            "friend or family"
            if self is ContactKind.FRIEND_FAMILY
            else self.value.replace("_", " ")
        )


EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE = re.compile(r"\+?[\d\s().\-/]+")


def _email(value: str) -> str:
    if value and not EMAIL.fullmatch(value):
        raise ValueError("must look like name@example.com")
    return value


def _phone(value: str) -> str:
    if value and (not PHONE.fullmatch(value) or sum(c.isdigit() for c in value) < 5):
        raise ValueError("must be digits, with spaces, +, -, ( ) if you like")
    return value


Email = Annotated[ShortText, AfterValidator(_email)]
Phone = Annotated[ShortText, AfterValidator(_phone)]


class Conversation(Model):
    at: AwareDatetime
    channel: ShortText = ""
    notes: ShortText = ""


class ContactLink(Model):
    application_id: UUID
    role: ContactKind


class Contact(Record):
    name: RequiredText
    kind: ContactKind = ContactKind.OTHER
    company: ShortText = ""
    role: ShortText = ""
    email: Email = ""
    phone: Phone = ""
    profile_url: Url = ""
    how_we_met: ShortText = ""
    notes: LongText = ""
    cadence_weeks: int | None = Field(default=None, ge=1, le=104)
    """Keep in touch every this many weeks (None: no reminder)."""
    conversations: tuple[Conversation, ...] = ()
    """Oldest first."""
    links: tuple[ContactLink, ...] = ()
    """The applications this person is part of, and their role there."""


# --- settings --------------------------------------------------------------------------

GHOSTED_AFTER_DAYS = 21
"""An application in Applied this long with no change is probably a silent "no"."""


class ColumnSort(StrEnum):
    OWN = "own"
    EXCITEMENT = "excitement"
    DUE = "due"
    DAYS = "days"
    PAY = "pay"
    COMPANY = "company"

    @property
    def label(self) -> str:
        return SORT_LABELS[self]

    @property
    def following(self) -> ColumnSort:
        """The next order in the cycle the sort key steps through."""
        orders = list(ColumnSort)
        return orders[(orders.index(self) + 1) % len(orders)]


SORT_LABELS: dict[ColumnSort, str] = {
    ColumnSort.OWN: "your own order",
    ColumnSort.EXCITEMENT: "most exciting first",
    ColumnSort.DUE: "next action due first",
    ColumnSort.DAYS: "longest in the stage first",
    ColumnSort.PAY: "best paid first",
    ColumnSort.COMPANY: "company, A to Z",
}
NEWS_AFTER_DAYS = 5
"""Days after an interview with no outcome before the agenda says "ask for news"."""


class Settings(Model):
    theme: ShortText = "textual-dark"
    stale_after_days: int = Field(default=GHOSTED_AFTER_DAYS, ge=1, le=365)
    news_after_days: int = Field(default=NEWS_AFTER_DAYS, ge=1, le=90)
    timer: TimerSettings = TimerSettings()
    board_cursor: UUID | None = None
    """The card the board's cursor was on when the app last closed."""
    column_sort: dict[Stage, ColumnSort] = {}
    """How each board column is shown; a column not listed is in the user's order."""
