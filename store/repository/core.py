"""The transaction core every subject of the repository works through.

Callers get frozen pydantic models back, never dicts. Reads are served from validated
models cached by the file's stat signature (one ``stat`` when nothing changed); writes
run under the lock on the file as it is on disk now, so two sessions never lose each
other's work. After a commit the cached models are patched with what changed instead
of validating the whole file again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from typing import Any, TypeVar
from uuid import UUID

from pydantic import ValidationError

from store import progress, timer, wins
from store.clock import Clock
from store.errors import ConflictError, InvalidInput, NotFoundError
from store.file.disk import Signature
from store.file.storage import SafeJSONStorage, Transaction
from store.file.tables import SINGLETON_ID, TABLES, InvalidRecord, validate_table
from store.models import (
    Affirmation,
    Application,
    Contact,
    JournalEntry,
    Model,
    Record,
    TimerSession,
    Win,
)

R = TypeVar("R", bound=Record)
M = TypeVar("M", bound=Model)

Changes = dict[str, dict[UUID, Record | None]]
"""What a transaction changed, by table: the new record, or None where one was removed."""

ORDERS: dict[type[Record], tuple[Callable[[Any], Any], bool]] = {
    JournalEntry: (lambda entry: entry.at, True),
    Affirmation: (lambda affirmation: affirmation.created_at, True),
    TimerSession: (timer.started_at, False),
    Win: (lambda win: win.at, True),
}
"""How each table read by time is listed: its sort key, and whether newest first."""


def friendly_errors(error: ValidationError) -> dict[str, str]:
    """pydantic's errors as ``{field: message}`` a person can act on."""
    messages: dict[str, str] = {}
    for detail in error.errors():
        field = str(detail["loc"][0]) if detail["loc"] else ""
        kind, context = detail["type"], detail.get("ctx", {})
        if kind in ("string_too_short", "too_short") and context.get("min_length") == 1:
            message = "is required"
        elif kind in ("string_too_long", "too_long"):
            message = f"is too long (at most {context['max_length']:,} characters)"
        elif kind in ("int_parsing", "int_type", "int_from_float"):
            message = "must be a whole number"
        else:
            message = detail["msg"].removeprefix("Value error, ")
            message = message.replace("Input should be", "must be")
        messages.setdefault(field, message)
    return messages


def validated(model: type[M], data: Mapping[str, Any]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InvalidInput(friendly_errors(error)) from None


def singleton_or_default(model: type[M], doc: Mapping[str, Any] | None) -> M:
    """Settings or the timer state; a damaged one reads as the defaults (and stays in the
    file until it is saved over)."""
    if doc is None:
        return model()
    try:
        return model.model_validate(doc)
    except ValidationError:
        return model()


def dump(record: Model) -> dict[str, Any]:
    return record.model_dump(mode="json")


class Core:
    """One data file's records as models, and the transactions that change them."""

    def __init__(self, storage: SafeJSONStorage, clock: Clock) -> None:
        self.storage = storage
        self.clock = clock
        # Validated models of each table, valid for one version of the file.
        self._models_signature: Signature | None = None
        self.known_signature: Signature | None = None
        """The file as this session last knew it: its own writes, or what changed_on_disk saw."""
        self._models: dict[str, dict[UUID, Record]] = {}
        self._sorted: dict[str, Sequence[Record]] = {}
        """Tables' models in the order they are read in, until the table changes."""
        self._invalid: dict[str, list[InvalidRecord]] = {}
        self._open: Transaction | None = None
        """The transaction running now, if any."""
        # Worked out from the models, so started afresh with them (see forget_models).
        self.win_finder = wins.WinFinder()
        self.progress_memo = progress.Memo()

    # --- reading ----------------------------------------------------------------------

    def records(self, model: type[R]) -> dict[UUID, R]:
        table = TABLES[model]
        if table in self._models and self.models_as_read():
            # Inside a transaction, of the very file it read: no snapshot, which would
            # read and parse the whole file again while the transaction holds it.
            return self._models[table]  # type: ignore[return-value]  # keyed by table
        signature, raw = self.storage.snapshot()
        if signature != self._models_signature:
            self.forget_models(signature)
        if table not in self._models:
            valid, self._invalid[table] = validate_table(table, model, raw.documents(table))
            self._models[table] = valid
        return self._models[table]  # type: ignore[return-value]  # keyed by table -> model

    def forget_models(self, signature: Signature | None = None) -> None:
        """Start the models afresh, for the file with ``signature``. What was worked
        out from the old ones (wins, goal totals) goes too: every model will be a new
        object, so none would be reused, and keeping it would keep the old models in
        memory beside the new."""
        self._models, self._invalid, self._models_signature = {}, {}, signature
        self._sorted = {}
        self.win_finder = wins.WinFinder()
        self.progress_memo = progress.Memo()

    def save_again(self) -> None:
        """Write back the version this session last read or wrote (see
        ``Store.save_again``), and take the file written as the one known."""
        self.storage.save_again()
        self.forget_models()
        self.known_signature = self.storage.stat_signature()

    def invalid_records(self) -> list[InvalidRecord]:
        """Records in the file that fail validation: shown to the user, never dropped."""
        found = []
        for model, table in TABLES.items():
            self.records(model)
            # Read each table's list at once: another session's write between two tables
            # starts the cache afresh, and the tables read before it are gone from it.
            found += self._invalid[table]
        return found

    def get(self, model: type[R], record_id: UUID) -> R:
        try:
            return self.records(model)[record_id]
        except KeyError:
            raise NotFoundError(model.__name__, record_id) from None

    def in_order(self, model: type[R]) -> list[R]:
        """The table's records in its order (``ORDERS``), sorted once until the table
        changes: the timer pane asks each second, and every datetime pydantic reads has
        a time zone object of its own, so each comparison works out both offsets."""
        table = TABLES[model]
        records = self.records(model)
        if table not in self._sorted:
            key, newest_first = ORDERS[model]
            self._sorted[table] = sorted(records.values(), key=key, reverse=newest_first)
        return list(self._sorted[table])  # type: ignore[arg-type]  # keyed by table -> model

    def activity(self, changes: Changes | None = None) -> progress.Activity:
        """What the goals, the funnel and the wins count: everything, the archive included.

        With ``changes`` (inside the transaction making them, while ``models_as_read``),
        the applications as the transaction will leave them.
        """
        applications: Iterable[Application] = self.records(Application).values()
        if changes and (changed := changes.get(TABLES[Application])):
            after: dict[UUID, Record | None] = {**self.records(Application), **changed}
            applications = [a for a in after.values() if isinstance(a, Application)]
        return progress.Activity(
            # The board's order, then the archive's.
            applications=sorted(
                applications, key=lambda a: (a.archived is not None, a.position, a.created_at)
            ),
            sessions=self.in_order(TimerSession),
            journal=self.in_order(JournalEntry),
            contacts=sorted(self.records(Contact).values(), key=lambda c: c.name.casefold()),
        )

    def singleton(self, table: str, model: type[M]) -> M:
        """The one record of ``table`` (settings, the timer) as last read."""
        raw = self.storage.snapshot()[1]
        return singleton_or_default(model, raw.get(table, {}).get(str(SINGLETON_ID)))

    # --- the transaction machinery ----------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Changes]:
        """Run a read-modify-write under the lock; yields a record of what changed.

        After the commit, the cached models are patched with the changes instead of
        re-validating the whole file, when they matched the file the transaction read.
        """
        changes: Changes = {}
        txn: Transaction
        with self.storage.transaction() as txn:
            outermost, self._open = self._open is None, txn
            try:
                yield changes
            finally:
                if outermost:
                    self._open = None
        if txn.written_signature is None:
            return
        if txn.read_signature == self.known_signature:
            self.known_signature = txn.written_signature  # our own write, not news
        if txn.read_signature == self._models_signature:
            for table, updates in changes.items():
                self._sorted.pop(table, None)
                if (cached := self._models.get(table)) is not None:
                    for record_id, record in updates.items():
                        if record is None:
                            cached.pop(record_id, None)
                        else:
                            cached[record_id] = record
            self._models_signature = txn.written_signature
        else:
            self.forget_models()

    def models_as_read(self) -> bool:
        """Inside a transaction, once it has read the file: whether the models are of the
        very file it read (no other session wrote since this one last read)."""
        return self._open is not None and self._open.read_signature == self._models_signature

    @property
    def models_signature(self) -> Signature | None:
        """The version of the file the models are of."""
        return self._models_signature

    # Inside a transaction the documents are changed where the storage holds them, through
    # TinyDB's Storage interface: a TinyDB Table write would copy the whole table's dict
    # twice (to int keys and back) on every change.

    def stored(self, table: str) -> MutableMapping[str, Any]:
        """The table's documents as stored, by document id (inside a transaction)."""
        data = self.storage.read()
        if table not in data:
            data[table] = {}
        documents: MutableMapping[str, Any] = data[table]
        return documents

    def _written(self, table: str) -> None:
        """Tell the storage that ``table`` changed: the commit serialises it again."""
        with self.storage.changing(table):
            self.storage.write(self.storage.read())

    def fresh(self, model: type[R], record_id: UUID) -> tuple[str, R]:
        """The stored record as it is on disk now, and its document id (in a transaction)."""
        wanted = str(record_id)
        for doc_id, stored in self.stored(TABLES[model]).items():
            if stored.get("id") == wanted:
                return doc_id, validated(model, stored)
        raise NotFoundError(model.__name__, record_id)

    def insert(self, changes: Changes, record: Record) -> None:
        table, wanted = TABLES[type(record)], str(record.id)
        if any(stored.get("id") == wanted for stored in self.stored(table).values()):
            raise ConflictError(record)
        self.insert_documents(table, [dump(record)])
        changes.setdefault(table, {})[record.id] = record

    def insert_documents(self, table: str, docs: Iterable[dict[str, Any]]) -> None:
        """Add documents under new document ids, numbered as TinyDB numbers them: on
        from the highest stored, read from the file as it is now."""
        documents = self.stored(table)
        next_id = max(map(int, documents), default=0) + 1
        for doc_id, doc in enumerate(docs, next_id):
            documents[str(doc_id)] = doc
        self._written(table)

    def replace(self, changes: Changes, doc_id: str, record: Record) -> None:
        table = TABLES[type(record)]
        self.stored(table)[doc_id] = dump(record)
        self._written(table)
        changes.setdefault(table, {})[record.id] = record

    def remove(self, changes: Changes, model: type[R], doc_id: str, record_id: UUID) -> None:
        table = TABLES[model]
        del self.stored(table)[doc_id]
        self._written(table)
        changes.setdefault(table, {})[record_id] = None

    def stored_singleton(self, table: str, model: type[M]) -> M:
        """The one record of ``table`` as it is on disk now (inside a transaction)."""
        return singleton_or_default(model, self.stored(table).get(str(SINGLETON_ID)))

    def write_singleton(self, table: str, value: Model) -> None:
        self.stored(table)[str(SINGLETON_ID)] = dump(value)
        self._written(table)

    # --- commands shared by the subjects ------------------------------------------------

    def save(self, edited: R, also: Callable[[Changes, R, R], object] | None = None) -> R:
        """Compare-and-set: save ``edited`` only if nobody saved that record since it was read.
        ``also(changes, saved, before)`` runs in the same transaction, for what follows from
        the edit."""
        model = type(edited)
        checked = validated(model, edited.model_dump())  # model_copy skips validation
        with self.transaction() as changes:
            doc_id, current = self.fresh(model, edited.id)
            if current.rev != edited.rev:
                raise ConflictError(current)
            update: dict[str, Any] = {"rev": current.rev + 1}
            if "updated_at" in model.model_fields:
                update["updated_at"] = self.clock()
            saved = checked.model_copy(update=update)
            self.replace(changes, doc_id, saved)
            if also is not None:
                also(changes, saved, current)
        return saved

    def delete(self, model: type[R], record_id: UUID) -> R:
        with self.transaction() as changes:
            doc_id, current = self.fresh(model, record_id)
            self.remove(changes, model, doc_id, record_id)
        return current

    def add(self, record: R) -> R:
        with self.transaction() as changes:
            self.insert(changes, record)
        return record

    def restore(self, record: R) -> R:
        """Put back a record exactly as it was (undo of a delete)."""
        return self.add(validated(type(record), record.model_dump()))

    def revert(self, previous: R, current_rev: int) -> R:
        """Undo: put back ``previous`` if the record is still at ``current_rev``."""
        model = type(previous)
        with self.transaction() as changes:
            doc_id, current = self.fresh(model, previous.id)
            if current.rev != current_rev:
                raise ConflictError(current)
            restored = previous.model_copy(update={"rev": current.rev + 1})
            self.replace(changes, doc_id, restored)
        return restored

    def insert_all(self, records: Iterable[Record]) -> None:
        """Insert many records in one transaction (sample data, imports)."""
        grouped: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            grouped.setdefault(TABLES[type(record)], []).append(dump(record))
        with self.transaction():
            for table, docs in grouped.items():
                # Two records with one id make a file no open accepts: refused, unwritten.
                ids = [doc["id"] for doc in docs]
                taken = {doc.get("id") for doc in self.stored(table).values()}
                if len(set(ids)) < len(ids) or not taken.isdisjoint(ids):
                    raise InvalidInput({"id": f"is already taken in {table}: nothing was added"})
                self.insert_documents(table, docs)
        self.forget_models()
