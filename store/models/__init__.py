"""The domain, as pydantic models: the schema of record for the data file.

Every stored record has a stable UUID ``id`` (links between records use it, never
TinyDB's reusable doc ids) and a ``rev`` that goes up by one on every save, so an
edit that started from an older version is detected instead of overwriting.
Models are frozen: change one with ``model_copy(update=...)`` and save it.

One module per subject (base, applications, materials, journal, timer, progress, people,
settings);
the rest of the code imports them from here, ``from store.models import Application``.
"""

from store.models.applications import (
    INTERVIEW_KIND_LABELS,
    INTERVIEW_OUTCOME_LABELS,
    MAX_INTERVIEW_MINUTES,
    PIPELINE,
    POSTING_MAX,
    REJECTION_REASON_LABELS,
    Application,
    ArchiveReason,
    FollowUpState,
    FollowUpStatus,
    Interview,
    InterviewKind,
    InterviewOutcome,
    OfferDecision,
    OfferOutcome,
    PostingText,
    Rejection,
    RejectionReason,
    Stage,
    StageChange,
)
from store.models.base import (
    LONG_TEXT_MAX,
    SCHEMA_VERSION,
    SHORT_TEXT_MAX,
    LongText,
    Model,
    Record,
    RequiredText,
    ShortText,
    Tag,
    Tags,
    Url,
)
from store.models.journal import (
    Affirmation,
    JournalEntry,
    Mood,
)
from store.models.materials import Material, MaterialKind
from store.models.people import (
    EMAIL,
    PHONE,
    Contact,
    ContactKind,
    ContactLink,
    Conversation,
    Email,
    Phone,
)
from store.models.progress import (
    Goal,
    Metric,
    Period,
    Win,
)
from store.models.settings import (
    DEFAULT_CHANNELS,
    GHOSTED_AFTER_DAYS,
    NEWS_AFTER_DAYS,
    SORT_LABELS,
    ColumnSort,
    Settings,
)
from store.models.timer import (
    DEFAULT_RECHARGE_IDEAS,
    TimerKind,
    TimerSession,
    TimerSettings,
    TimerState,
    TimerStatus,
)

__all__ = [
    "DEFAULT_CHANNELS",
    "DEFAULT_RECHARGE_IDEAS",
    "EMAIL",
    "GHOSTED_AFTER_DAYS",
    "INTERVIEW_KIND_LABELS",
    "INTERVIEW_OUTCOME_LABELS",
    "LONG_TEXT_MAX",
    "MAX_INTERVIEW_MINUTES",
    "NEWS_AFTER_DAYS",
    "PHONE",
    "PIPELINE",
    "POSTING_MAX",
    "REJECTION_REASON_LABELS",
    "SCHEMA_VERSION",
    "SHORT_TEXT_MAX",
    "SORT_LABELS",
    "Affirmation",
    "Application",
    "ArchiveReason",
    "ColumnSort",
    "Contact",
    "ContactKind",
    "ContactLink",
    "Conversation",
    "Email",
    "FollowUpState",
    "FollowUpStatus",
    "Goal",
    "Interview",
    "InterviewKind",
    "InterviewOutcome",
    "JournalEntry",
    "LongText",
    "Material",
    "MaterialKind",
    "Metric",
    "Model",
    "Mood",
    "OfferDecision",
    "OfferOutcome",
    "Period",
    "Phone",
    "PostingText",
    "Record",
    "Rejection",
    "RejectionReason",
    "RequiredText",
    "Settings",
    "ShortText",
    "Stage",
    "StageChange",
    "Tag",
    "Tags",
    "TimerKind",
    "TimerSession",
    "TimerSettings",
    "TimerState",
    "TimerStatus",
    "Url",
    "Win",
]
