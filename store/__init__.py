"""bounceback's domain and persistence. Usable from a plain script; knows nothing of the UI.

from store import Store
store = Store.open("~/search.json")
card = store.applications.add(company="Acme", role="Developer")
store.applications.move(card.id, Stage.APPLIED)
"""

from store.clock import Clock, fixed_clock, system_clock
from store.database import Store
from store.errors import (
    ConflictError,
    CorruptDatabaseError,
    FileGoneError,
    FileReappearedError,
    InvalidInput,
    LockTimeoutError,
    NewerSchemaError,
    NotFoundError,
    ReadFailedError,
    StoreError,
    WriteFailedError,
)
from store.file.disk import atomic_write
from store.file.lifecycle import restore_backup
from store.file.tables import InvalidRecord
from store.models import (
    PIPELINE,
    Affirmation,
    Application,
    ArchiveReason,
    Contact,
    Goal,
    JournalEntry,
    Metric,
    Mood,
    OfferOutcome,
    Period,
    Rejection,
    RejectionReason,
    Settings,
    Stage,
    TimerKind,
    TimerSession,
    Win,
)

__all__ = [
    "PIPELINE",
    "Affirmation",
    "Application",
    "ArchiveReason",
    "Clock",
    "ConflictError",
    "Contact",
    "CorruptDatabaseError",
    "FileGoneError",
    "FileReappearedError",
    "Goal",
    "InvalidInput",
    "InvalidRecord",
    "JournalEntry",
    "LockTimeoutError",
    "Metric",
    "Mood",
    "NewerSchemaError",
    "NotFoundError",
    "OfferOutcome",
    "Period",
    "ReadFailedError",
    "Rejection",
    "RejectionReason",
    "Settings",
    "Stage",
    "Store",
    "StoreError",
    "TimerKind",
    "TimerSession",
    "Win",
    "WriteFailedError",
    "atomic_write",
    "fixed_clock",
    "restore_backup",
    "system_clock",
]
