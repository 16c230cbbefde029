"""The file's layout: which table holds which kind of record, and reading a table's records."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

from pydantic import ValidationError

from store.errors import CorruptDatabaseError
from store.models import (
    Affirmation,
    Application,
    Contact,
    FollowUpState,
    Goal,
    JournalEntry,
    Material,
    Record,
    TimerSession,
    Win,
)

R = TypeVar("R", bound=Record)

META = "_meta"
SETTINGS = "settings"
TIMER = "timer"
SINGLETON_ID = 1  # the doc id of the one record in _meta, settings and timer

TABLES: dict[type[Record], str] = {
    Application: "applications",
    JournalEntry: "journal",
    Affirmation: "affirmations",
    TimerSession: "timer_sessions",
    Goal: "goals",
    Win: "wins",
    Contact: "contacts",
    FollowUpState: "follow_ups",
    Material: "materials",
}


@dataclass(frozen=True)
class InvalidRecord:
    """A stored record that fails validation. It stays in the file untouched."""

    table: str
    doc_id: int
    problem: str


def schema_version_of(path: Path, raw: Mapping[str, Any]) -> int:
    meta = raw.get(META, {}).get(str(SINGLETON_ID))
    version = meta.get("schema_version") if isinstance(meta, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptDatabaseError(
            path, "it has no valid _meta.schema_version: not a bounceback data file"
        )
    return version


def validate_table(
    table: str, model: type[R], docs: Iterable[tuple[str, Any]]
) -> tuple[dict[UUID, Record], list[InvalidRecord]]:
    """The table's valid records by id, and the ones that fail validation (kept in the
    file), from its (doc id, doc) pairs."""
    valid: dict[UUID, Record] = {}
    invalid = []
    for doc_id, doc in docs:
        try:
            record = model.model_validate(doc)
        except ValidationError as error:
            invalid.append(InvalidRecord(table, int(doc_id), str(error)))
        else:
            valid[record.id] = record
    return valid, invalid
