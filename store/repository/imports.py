"""An import's records, added to the file as it is when they are written."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from store.file.tables import TABLES
from store.materials import materials_named
from store.models import Application, Goal, Material, Record
from store.repository.core import Core, dump


@dataclass(frozen=True)
class Imported:
    added: int
    """How many of the records were new to the file when they were written."""
    into_empty: bool
    """The file held no records but its goals before (a bounceback export's settings may
    come along)."""


class ImportRepository:
    def __init__(self, core: Core) -> None:
        self._core = core

    def add_new(self, records: Sequence[Record]) -> Imported:
        """Insert, in one transaction, those of ``records`` the file does not hold yet.
        The check is made under the lock on the file as it is now: another session may
        have added the same card since the import was planned."""
        from store.imports.plan import Existing  # the import's rules load when one runs

        core = self._core
        with core.transaction():
            held = list(self._held())
            there = Existing.of(held)
            new = [record for record in records if not there.holds(record)]
            added = len(new)
            # The résumé and cover letter named on the new cards become materials, as
            # they do when typed in the form.
            new += materials_named(
                (r for r in new if isinstance(r, Application)),
                (r for r in [*held, *new] if isinstance(r, Material)),
                core.clock(),
            )
            grouped: dict[str, list[dict[str, Any]]] = {}
            for record in new:
                grouped.setdefault(TABLES[type(record)], []).append(dump(record))
            for table, docs in grouped.items():
                core.insert_documents(table, docs)
        core.forget_models()
        # Every new file starts with the default goals: goals alone do not make it used.
        return Imported(added, into_empty=all(isinstance(r, Goal) for r in held))

    def _held(self) -> Iterator[Record]:
        """The records of every kind an export holds, as stored now (in a transaction)."""
        from store.imports.export_file import SECTIONS

        for model in SECTIONS.values():
            for doc in self._core.stored(TABLES[model]).values():
                try:
                    yield model.model_validate(doc)
                except ValidationError:
                    continue  # left in the file as it is; it names nothing to leave out
