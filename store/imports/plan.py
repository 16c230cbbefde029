"""What an import would do: the records that are new, how many are already there, and
each row that was not understood, with its line and why."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from store.errors import StoreError
from store.models import Application, Goal, JournalEntry, Material, Record, Settings

if TYPE_CHECKING:
    from store.imports.formats import Format


class CannotImport(StoreError):
    """The file as a whole cannot be read; nothing was imported."""


@dataclass(frozen=True)
class Options:
    source: Format | None = None
    """The format, when the header alone does not tell (``--from``)."""
    dayfirst: bool = False
    mapping: Mapping[str, str] = field(default_factory=dict)
    """``--map`` pairs: COLUMN=FIELD, or for Daylio a mood LABEL=1..5."""


@dataclass(frozen=True)
class Skipped:
    line: int
    why: str


@dataclass(frozen=True)
class ImportPlan:
    format: Format
    new: tuple[Record, ...]
    already_there: int
    skipped: tuple[Skipped, ...]
    notes: tuple[str, ...] = ()
    settings: Settings | None = None
    """A bounceback export's settings, for a store with no records of its own yet."""

    def summary(self) -> str:
        return (
            f"{len(self.new)} new, {self.already_there} already there, "
            f"{len(self.skipped)} not understood"
        )


@dataclass(frozen=True)
class Existing:
    """What the store holds already, to leave out of an import."""

    ids: frozenset[str] = frozenset()
    keys: frozenset[tuple[str, ...]] = frozenset()

    @classmethod
    def of(cls, records: Iterable[Record]) -> Existing:
        records = list(records)
        return cls(
            ids=frozenset(str(r.id) for r in records),
            keys=frozenset(k for r in records if (k := same_key(r)) is not None),
        )

    def holds(self, record: Record) -> bool:
        return str(record.id) in self.ids or same_key(record) in self.keys


def same_key(record: Record) -> tuple[str, ...] | None:
    """What makes two records the same thing told twice: an application's company, role
    and posting; a journal entry's moment and mood; a goal's metric (every new data file
    starts with a goal for each, which an imported one would only repeat)."""
    if isinstance(record, Goal):
        return ("g", record.metric.value)
    if isinstance(record, Application):
        return ("a", record.company.casefold(), record.role.casefold(), record.url)
    if isinstance(record, JournalEntry):
        return ("j", record.at.isoformat(), str(int(record.mood)), record.text)
    if isinstance(record, Material):
        return ("m", record.kind.value, record.name.strip().casefold())
    return None
