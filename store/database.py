"""The repository: every operation the app performs on its data, each one a transaction.

Callers get frozen pydantic models back, never dicts or TinyDB documents. Reads are
served from validated models cached by the file's stat signature (one ``stat`` when
nothing changed); writes run under the lock on the file as it is on disk now, so two
sessions never lose each other's work.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

from pydantic import ValidationError
from tinydb import TinyDB, where
from tinydb.table import Document, Table

from store import backups, migrations, progress, timer
from store.backups import Backup
from store.board import stage_before_rejection
from store.clock import Clock, system_clock
from store.errors import (
    ConflictError,
    CorruptDatabaseError,
    FileGoneError,
    InvalidInput,
    NewerSchemaError,
    NotFoundError,
    WriteFailedError,
)
from store.models import (
    SHORT_TEXT_MAX,
    Affirmation,
    Application,
    ArchiveReason,
    Contact,
    ContactKind,
    ContactLink,
    Conversation,
    Goal,
    JournalEntry,
    Model,
    Record,
    Rejection,
    RejectionReason,
    Settings,
    Stage,
    StageChange,
    TimerSession,
    TimerSettings,
    TimerState,
    Win,
)
from store.storage import (
    FILE_MODE,
    LazyTables,
    SafeJSONStorage,
    Signature,
    Transaction,
    create_folders,
    filesystem_type,
    is_network_filesystem,
    kind_of,
    parse,
    paused_gc,
    why_nothing_can_be_saved,
)

R = TypeVar("R", bound=Record)
M = TypeVar("M", bound=Model)

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
}


@dataclass(frozen=True)
class DeletedApplication:
    """What a delete took away, to put back on undo."""

    application: Application
    links: tuple[tuple[UUID, ContactLink], ...]


@dataclass(frozen=True)
class InvalidRecord:
    """A stored record that fails validation. It stays in the file untouched."""

    table: str
    doc_id: int
    problem: str


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


def schema_version_of(path: Path, raw: Mapping[str, Any]) -> int:
    meta = raw.get(META, {}).get(str(SINGLETON_ID))
    version = meta.get("schema_version") if isinstance(meta, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptDatabaseError(
            path, "it has no valid _meta.schema_version: not a bounceback data file"
        )
    return version


def refuse_newer_schema(path: Path, raw: Mapping[str, Any]) -> None:
    """Checked under the lock before any change: a newer bounceback may have written it."""
    if (found := schema_version_of(path, raw)) > migrations.SCHEMA_VERSION:
        raise NewerSchemaError(path, found, migrations.SCHEMA_VERSION)


def restorable(source: Path) -> LazyTables:
    """``source`` parsed, if it is a file that restore accepts: one this version can read,
    every record valid. Raises ``CorruptDatabaseError`` or ``NewerSchemaError``."""
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise CorruptDatabaseError(source, f"cannot read it ({error.strerror})") from None
    data = parse(source, raw)
    refuse_newer_schema(source, data)
    for model, table in TABLES.items():
        _, bad = validate_table(table, model, data.documents(table))
        if bad:
            raise CorruptDatabaseError(source, f"{len(bad)} record(s) in {table!r} are not valid")
    return data


def with_backups(error: CorruptDatabaseError) -> CorruptDatabaseError:
    """``error`` with the backups of its file listed, and the newest that restore accepts
    (after a restore, the newest copy is the damaged file it replaced)."""
    found = backups.list_backups(error.path)
    error.backups = [b.path for b in found]
    for backup in found:
        try:
            restorable(backup.path)
        except (CorruptDatabaseError, NewerSchemaError):
            continue
        error.restorable = backup.path
        break
    return error


def validate_table(
    table: str, model: type[R], docs: Mapping[str, Any]
) -> tuple[dict[UUID, Record], list[InvalidRecord]]:
    """The table's valid records by id, and the ones that fail validation (kept in the file)."""
    valid: dict[UUID, Record] = {}
    invalid = []
    with paused_gc():
        for doc_id, doc in docs.items():
            try:
                record = model.model_validate(doc)
            except ValidationError as error:
                invalid.append(InvalidRecord(table, int(doc_id), str(error)))
            else:
                valid[record.id] = record
    return valid, invalid


def _singleton_or_default(model: type[M], doc: Mapping[str, Any] | None) -> M:
    """Settings or the timer state; a damaged one reads as the defaults (and stays in the
    file until it is saved over)."""
    if doc is None:
        return model()
    try:
        return model.model_validate(doc)
    except ValidationError:
        return model()


def _dump(record: Model) -> dict[str, Any]:
    return record.model_dump(mode="json")


class TrackedTable(Table):
    """A TinyDB table whose writes tell the storage which table they changed, so a
    commit serialises only that one again."""

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        storage = self._storage
        assert isinstance(storage, SafeJSONStorage)
        with storage.changing(self.name):
            super()._update_table(updater)


class Store:
    """One bounceback data file. Open it with :meth:`Store.open`."""

    def __init__(self, path: Path, *, clock: Clock, lock_timeout: float) -> None:
        self._storage = SafeJSONStorage(path, lock_timeout=lock_timeout, check=refuse_newer_schema)
        self._db = TinyDB(storage=lambda: self._storage)
        self._db.table_class = TrackedTable
        self.clock = clock
        # Validated models of each table, valid for one version of the file.
        self._models_signature: Signature | None = None
        # The file as this session last knew it: its own writes, or what changed_on_disk saw.
        self._known_signature: Signature | None = None
        self._wins_signature: Signature | None = None  # the file last looked at for wins
        self._win_finder = progress.WinFinder()
        self._progress_memo = progress.Memo()
        self._models: dict[str, dict[UUID, Record]] = {}
        self._sorted: dict[str, Sequence[Record]] = {}
        """Tables' models in the order they are read in, until the table changes."""
        self._invalid: dict[str, list[InvalidRecord]] = {}
        self._records_checked = False
        self.warnings: list[str] = []
        """Things the user should know, found at open (shown, never fatal)."""

    @property
    def path(self) -> Path:
        return self._storage.path

    # --- opening ----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        clock: Clock = system_clock,
        lock_timeout: float = 10.0,
        check_records: bool = True,
    ) -> Store:
        """Open (or create) the data file, migrating it forward and taking the day's backup.

        With ``check_records=False`` the search for records that cannot be read (which
        reads every record: 200 ms at 10,000) waits for :meth:`check_records`, so an app
        can draw its first screen before it.

        Raises ``CorruptDatabaseError`` or ``NewerSchemaError`` without writing anything.
        """
        path = Path(path).expanduser()
        create_folders(path.parent)
        store = cls(path, clock=clock, lock_timeout=lock_timeout)
        store._storage.remove_orphaned_temp_files()
        store._prepare()
        if (cause := store._storage.cannot_write) is not None:
            store._warn_cannot_save(cause)
        store._check_surroundings()
        if check_records:
            store.check_records()
        store._known_signature = store._storage.stat_signature()
        return store

    def _check_surroundings(self) -> None:
        """Privacy and sharing: tighten what others can read; warn about network folders."""
        for path in (self.path, *(b.path for b in self.backups())):
            try:
                mode = path.stat().st_mode & 0o777
            except OSError:  # gone since it was listed: nothing to tighten
                continue
            if mode & 0o077:
                try:
                    path.chmod(FILE_MODE)
                except OSError as error:
                    self.warnings.append(
                        f"{path} can be read by other users (mode {mode:o}) and could not "
                        f"be made private ({error.strerror})."
                    )
                    continue
                self.warnings.append(
                    f"{path} could be read by other users (mode {mode:o}); it is now 600."
                )
        size = self._storage.stat_signature()
        if cause := why_nothing_can_be_saved(self.path.parent, size[1] if size else 0):
            self._warn_cannot_save(cause)
        fs_type = filesystem_type(self.path.parent)
        if is_network_filesystem(fs_type):
            self.warnings.append(
                f"{self.path.parent} is on a network file system ({fs_type}). Two sessions on "
                "one machine are safe; two machines must not use this file at the same time."
            )

    def prepare_to_write(self) -> None:
        """Make the first save of a long session as quick as the rest: serialise the file
        now, while nothing waits (an app calls this once its first screen is up). It
        also lets go of the parsed file, so call it before reading the other tables."""
        self._storage.prepare_to_write()

    def check_records(self) -> list[str]:
        """Look once for records that cannot be read; the warning it adds, if any."""
        if self._records_checked:
            return []
        self._records_checked = True
        if not (invalid := self.invalid_records()):
            return []
        tables = ", ".join(sorted({record.table for record in invalid}))
        warning = (
            f"{len(invalid)} record(s) in {self.path} ({tables}) could not be read and are "
            "left in the file exactly as they are; the rest of your data is fine. "
            "`bounceback backup --list` shows earlier copies."
        )
        self.warnings.append(warning)
        return [warning]

    def _prepare(self) -> None:
        now = self.clock()
        if not self._storage.exists():
            if backups.list_backups(self.path):
                problem = "the data file is missing, but backups of it exist"
                raise with_backups(CorruptDatabaseError(self.path, problem))
            meta = {
                "schema_version": migrations.SCHEMA_VERSION,
                "created_at": now.isoformat(),
                "last_writer": _version(),
            }
            goals = {
                str(doc_id): _dump(Goal(metric=metric, target=target, period=period))
                for doc_id, (metric, target, period) in enumerate(progress.DEFAULT_GOALS, 1)
            }
            self._storage.create({META: {str(SINGLETON_ID): meta}, TABLES[Goal]: goals})
        try:
            with self._storage.transaction():
                raw = self._storage.read()
                found = self._schema_version(raw)
                if found > migrations.SCHEMA_VERSION:
                    raise NewerSchemaError(self.path, found, migrations.SCHEMA_VERSION)
                if found < migrations.SCHEMA_VERSION:
                    backups.write_backup(
                        self.path, self._storage.read_bytes(), f"pre-migration-v{found}", now
                    )
                    migrated = migrations.migrate(dict(raw), found)
                    migrated[META][str(SINGLETON_ID)].update(
                        schema_version=migrations.SCHEMA_VERSION, last_writer=_version()
                    )
                    self._storage.write(migrated)
        except FileGoneError as error:  # a folder, say, where the file should be
            raise with_backups(CorruptDatabaseError(self.path, error.problem)) from None
        except CorruptDatabaseError as error:
            raise with_backups(error) from None
        self._take_daily_backup(now)

    def _schema_version(self, raw: Mapping[str, Any]) -> int:
        return schema_version_of(self.path, raw)

    def _take_daily_backup(self, now: datetime) -> None:
        taken = backups.list_backups(self.path)
        if any(b.tag == backups.DAILY and backups.same_day(b.taken_at, now) for b in taken):
            return
        # The version _prepare just read (and parsed) or wrote, not read and parsed again:
        # that made the day's first open 30 ms slower at 10,000 records; the copy takes 5.
        held = self._storage.held_bytes()
        assert held is not None, "_prepare reads the file or writes it"
        try:
            backups.keep_copy(self.path, held, backups.DAILY, now)
        except WriteFailedError as error:
            reason = error.cause.strerror or str(error.cause)
            self.warnings.append(f"The day's backup could not be taken ({reason}).")
            if error.cause.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
                self._warn_cannot_save(error.cause)
            return
        backups.prune_daily(self.path)

    def _warn_cannot_save(self, cause: OSError) -> None:
        warning = (
            f"Nothing can be saved to {self.path} ({cause.strerror or cause}): you can look "
            "at everything, but no change will be kept."
        )
        if warning not in self.warnings:
            self.warnings.append(warning)

    # --- backups ----------------------------------------------------------------------

    def backup(self, tag: str = "manual") -> Backup:
        return backups.write_backup(self.path, self._storage.read_bytes(), tag, self.clock())

    def backups(self) -> list[Backup]:
        return backups.list_backups(self.path)

    def save_again(self) -> None:
        """After the data file was deleted (or something else put at its path and taken
        away): write back the version this session last read or wrote, which is what
        the user sees. Refuses with ``FileReappearedError`` if anything is there now."""
        self._storage.save_again()
        self._forget_models()
        self._known_signature = self._storage.stat_signature()

    # --- change detection -------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        """One ``stat``: has another session (or a shell command) changed the file?"""
        current = self._storage.stat_signature()
        changed, self._known_signature = current != self._known_signature, current
        return changed

    # --- reading ----------------------------------------------------------------------

    def _records(self, table: str, model: type[R]) -> dict[UUID, R]:
        signature, raw = self._storage.snapshot()
        if signature != self._models_signature:
            self._forget_models(signature)
        if table not in self._models:
            valid, self._invalid[table] = validate_table(table, model, raw.documents(table))
            self._models[table] = valid
        return self._models[table]  # type: ignore[return-value]  # keyed by table -> model

    def _forget_models(self, signature: Signature | None = None) -> None:
        """Start the models afresh, for the file with ``signature``. What was worked
        out from the old ones (wins, goal totals) goes too: every model will be a new
        object, so none would be reused, and keeping it would keep the old models in
        memory beside the new."""
        self._models, self._invalid, self._models_signature = {}, {}, signature
        self._sorted = {}
        self._win_finder = progress.WinFinder()
        self._progress_memo = progress.Memo()

    def invalid_records(self) -> list[InvalidRecord]:
        """Records in the file that fail validation: shown to the user, never dropped."""
        found = []
        for model, table in TABLES.items():
            self._records(table, model)
            # Read each table's list at once: another session's write between two tables
            # starts the cache afresh, and the tables read before it are gone from it.
            found += self._invalid[table]
        return found

    def _get(self, model: type[R], record_id: UUID) -> R:
        try:
            return self._records(TABLES[model], model)[record_id]
        except KeyError:
            raise NotFoundError(model.__name__, record_id) from None

    def applications(self, *, archived: bool = False) -> list[Application]:
        """Applications on the board (or, with ``archived=True``, the archived ones)."""
        records = self._records(TABLES[Application], Application).values()
        return sorted(
            (a for a in records if (a.archived is not None) == archived),
            key=lambda a: (a.position, a.created_at),
        )

    def application(self, application_id: UUID) -> Application:
        return self._get(Application, application_id)

    def _in_order(
        self, model: type[R], key: Callable[[R], datetime], *, newest_first: bool
    ) -> list[R]:
        """The table's records by time, sorted once until the table changes: the timer
        pane asks each second, and sorting 8,500 timer sessions takes 4.5 ms (every
        datetime pydantic reads has a time zone object of its own, so each comparison
        works out both offsets)."""
        table = TABLES[model]
        records = self._records(table, model)
        if table not in self._sorted:
            in_order: list[R] = sorted(records.values(), key=key, reverse=newest_first)
            self._sorted[table] = in_order
        return list(self._sorted[table])  # type: ignore[arg-type]  # keyed by table -> model

    def journal(self) -> list[JournalEntry]:
        """Newest first."""
        return self._in_order(JournalEntry, lambda e: e.at, newest_first=True)

    def affirmations(self) -> list[Affirmation]:
        """Newest first."""
        return self._in_order(Affirmation, lambda a: a.created_at, newest_first=True)

    def timer_sessions(self) -> list[TimerSession]:
        """Oldest first."""
        return self._in_order(TimerSession, timer.started_at, newest_first=False)

    def goals(self) -> list[Goal]:
        return list(self._records(TABLES[Goal], Goal).values())

    def wins(self) -> list[Win]:
        """Newest first."""
        return self._in_order(Win, lambda w: w.at, newest_first=True)

    def contacts(self) -> list[Contact]:
        records = self._records(TABLES[Contact], Contact).values()
        return sorted(records, key=lambda c: c.name.casefold())

    def settings(self) -> Settings:
        return self._singleton(self._storage.snapshot()[1], SETTINGS, Settings)

    def timer_state(self) -> TimerState:
        """The timer as last saved; ``timer.advance`` brings it up to the clock."""
        return self._singleton(self._storage.snapshot()[1], TIMER, TimerState)

    @staticmethod
    def _singleton(raw: Mapping[str, Any], table: str, model: type[M]) -> M:
        return _singleton_or_default(model, raw.get(table, {}).get(str(SINGLETON_ID)))

    def schema_version(self) -> int:
        return self._schema_version(self._storage.snapshot()[1])

    # --- the transaction machinery ----------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[dict[str, dict[UUID, Record | None]]]:
        """Run a read-modify-write under the lock; yields a record of what changed.

        After the commit, the cached models are patched with the changes instead of
        re-validating the whole file, when they matched the file the transaction read.
        """
        changes: dict[str, dict[UUID, Record | None]] = {}
        txn: Transaction
        with self._storage.transaction() as txn:
            yield changes
        if txn.written_signature is None:
            return
        if txn.read_signature == self._known_signature:
            self._known_signature = txn.written_signature  # our own write, not news
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
            self._forget_models()

    def _table(self, name: str) -> Table:
        # cache_size=0: TinyDB's query cache would hide other sessions' writes.
        table = self._db.table(name, cache_size=0)
        table._next_id = None  # recomputed from the file: another session may have inserted
        return table

    def _fresh(self, model: type[R], record_id: UUID) -> tuple[Document, R]:
        """The stored record as it is on disk now (call inside a transaction)."""
        wanted = str(record_id)
        # A plain loop over the stored dicts: TinyDB's query builds a Document for every
        # record in the table first (4 ms of a 23 ms move at 10,000 records).
        for doc_id, stored in self._stored(TABLES[model]).items():
            if stored.get("id") == wanted:
                doc = Document(stored, doc_id=int(doc_id))
                return doc, validated(model, doc)
        raise NotFoundError(model.__name__, record_id)

    def _stored(self, table: str) -> Mapping[str, Any]:
        """The table's documents as stored, by document id (read inside a transaction)."""
        stored: Mapping[str, Any] = self._storage.read().get(table, {})
        return stored

    def _insert(self, changes: dict[str, dict[UUID, Record | None]], record: Record) -> None:
        table = TABLES[type(record)]
        wanted = str(record.id)
        if any(stored.get("id") == wanted for stored in self._stored(table).values()):
            raise ConflictError(record)
        self._table(table).insert(_dump(record))
        changes.setdefault(table, {})[record.id] = record

    def _replace(
        self, changes: dict[str, dict[UUID, Record | None]], doc: Document, record: Record
    ) -> None:
        table = TABLES[type(record)]
        new = _dump(record)

        def replace(stored: MutableMapping[str, Any]) -> None:
            stored.clear()
            stored.update(new)

        self._table(table).update(replace, doc_ids=[doc.doc_id])
        changes.setdefault(table, {})[record.id] = record

    def _remove(
        self,
        changes: dict[str, dict[UUID, Record | None]],
        model: type[R],
        doc: Document,
        record_id: UUID,
    ) -> None:
        table = TABLES[model]
        self._table(table).remove(doc_ids=[doc.doc_id])
        changes.setdefault(table, {})[record_id] = None

    def _save(self, edited: R) -> R:
        """Compare-and-set: save ``edited`` only if nobody saved that record since it was read."""
        model = type(edited)
        checked = validated(model, edited.model_dump())  # model_copy skips validation
        with self._transaction() as changes:
            doc, current = self._fresh(model, edited.id)
            if current.rev != edited.rev:
                raise ConflictError(current)
            update: dict[str, Any] = {"rev": current.rev + 1}
            if "updated_at" in model.model_fields:
                update["updated_at"] = self.clock()
            saved = checked.model_copy(update=update)
            self._replace(changes, doc, saved)
        return saved

    def _delete(self, model: type[R], record_id: UUID) -> R:
        with self._transaction() as changes:
            doc, current = self._fresh(model, record_id)
            self._remove(changes, model, doc, record_id)
        return current

    def _add(self, record: R) -> R:
        with self._transaction() as changes:
            self._insert(changes, record)
        return record

    def restore(self, record: R) -> R:
        """Put back a record exactly as it was (undo of a delete)."""
        return self._add(validated(type(record), record.model_dump()))

    def insert_all(self, records: Iterable[Record]) -> None:
        """Insert many records in one transaction (sample data, imports)."""
        grouped: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            grouped.setdefault(TABLES[type(record)], []).append(_dump(record))
        with self._transaction():
            for table, docs in grouped.items():
                self._table(table).insert_multiple(docs)
        self._forget_models()

    # --- applications -----------------------------------------------------------------

    def _top_of(self, stage: Stage) -> float:
        """A position above every card now in ``stage`` (read inside a transaction)."""
        docs, wanted = self._stored(TABLES[Application]).values(), stage.value
        positions = (doc.get("position", 0.0) for doc in docs if doc.get("stage") == wanted)
        return min(positions, default=1.0) - 1.0

    def add_application(self, **fields: Any) -> Application:
        """Add an application; it starts at the top of its stage's column."""
        now = self.clock()
        stage = fields.pop("stage", Stage.WISHLIST)
        data = {"stage": stage, "created_at": now, "updated_at": now, **fields}
        data["history"] = [{"stage": stage, "at": now}]
        draft = validated(Application, data)
        with self._transaction() as changes:
            application = draft.model_copy(update={"position": self._top_of(draft.stage)})
            self._insert(changes, application)
        return application

    def _moved(
        self, current: Application, stage: Stage, now: datetime, position: float
    ) -> Application:
        """``current`` moved to ``stage``: history, rejection record and column position."""
        rejection = None
        if stage is Stage.REJECTED:
            rejection = current.rejection or Rejection(reached=stage_before_rejection(current))
        return current.model_copy(
            update={
                "stage": stage,
                "history": (*current.history, StageChange(stage=stage, at=now)),
                "rejection": rejection,
                "position": position,
                "rev": current.rev + 1,
                "updated_at": now,
            }
        )

    def move_application(self, application_id: UUID, stage: Stage) -> Application:
        """Move to ``stage`` (recorded in the history); it lands at the top of that column.

        Moving to Rejected starts a rejection record with the stage it reached;
        moving out of Rejected removes it.
        """
        with self._transaction() as changes:
            doc, current = self._fresh(Application, application_id)
            if current.stage is stage:
                return current
            moved = self._moved(current, stage, self.clock(), self._top_of(stage))
            self._replace(changes, doc, moved)
        return moved

    def move_preview(self, application: Application, stage: Stage) -> Application:
        """``application`` as :meth:`move_application` will save it, worked out from what
        this session last read, without the lock or the disk: a board shows the move at
        once and saves it after the frame. The saved record may differ (its position, or
        another session's change), so the board redraws from the store once it is saved.
        """
        in_stage = self._records(TABLES[Application], Application).values()
        top = min((a.position for a in in_stage if a.stage is stage), default=1.0) - 1.0
        return self._moved(application, stage, self.clock(), top)

    def reject_application(self, application_id: UUID, reflection: Rejection) -> Application:
        """Record a "no" and what the user takes from it, moving the card to Rejected."""
        now = self.clock()
        with self._transaction() as changes:
            doc, current = self._fresh(Application, application_id)
            if current.stage is not Stage.REJECTED:
                current = self._moved(current, Stage.REJECTED, now, self._top_of(Stage.REJECTED))
            rejected = current.model_copy(
                update={"rejection": reflection, "rev": current.rev + 1, "updated_at": now}
            )
            rejected = validated(Application, rejected.model_dump())
            self._replace(changes, doc, rejected)
        return rejected

    def mark_ghosted(self, application_id: UUID) -> Application:
        """No answer after applying: a rejection with reason "no response"."""
        current = self.application(application_id)
        reached = (
            current.rejection.reached if current.rejection else stage_before_rejection(current)
        )
        return self.reject_application(
            application_id, Rejection(reached=reached, reason=RejectionReason.NO_RESPONSE)
        )

    def record_feedback_request(self, application_id: UUID) -> Application:
        """Note that the user asked for feedback on a rejection, and when."""
        now = self.clock()
        with self._transaction() as changes:
            doc, current = self._fresh(Application, application_id)
            if current.rejection is None:
                raise InvalidInput({"rejection": "only a rejected application has feedback"})
            rejection = current.rejection.model_copy(update={"feedback_requested_at": now})
            updated = current.model_copy(
                update={"rejection": rejection, "rev": current.rev + 1, "updated_at": now}
            )
            self._replace(changes, doc, updated)
        return updated

    def archive_application(
        self, application_id: UUID, reason: ArchiveReason | None = ArchiveReason.OTHER
    ) -> Application:
        """Take an application off the board (``reason=None`` puts it back)."""
        now = self.clock()
        with self._transaction() as changes:
            doc, current = self._fresh(Application, application_id)
            updated = current.model_copy(
                update={
                    "archived": reason,
                    "archived_at": now if reason is not None else None,
                    "rev": current.rev + 1,
                    "updated_at": now,
                }
            )
            self._replace(changes, doc, updated)
        return updated

    def reorder_application(self, application_id: UUID, offset: int) -> Application:
        """Move a card ``offset`` places up (negative) or down within its column."""
        with self._transaction() as changes:
            _, current = self._fresh(Application, application_id)
            on_board = (where("stage") == current.stage.value) & (where("archived") == None)  # noqa: E711
            column = sorted(
                self._table(TABLES[Application]).search(on_board),
                key=lambda d: (d["position"], d["created_at"]),
            )
            ids = [doc["id"] for doc in column]
            index = ids.index(str(application_id))
            target = min(max(index + offset, 0), len(ids) - 1)
            if target == index:
                return current
            ids.insert(target, ids.pop(index))
            # The column keeps its set of positions; only the cards that changed place move.
            positions = [doc["position"] for doc in column]
            if len(set(positions)) < len(positions):
                positions = [float(n) for n in range(len(positions))]
            by_id = {doc["id"]: doc for doc in column}
            for record_id, position in zip(ids, positions, strict=True):
                doc = by_id[record_id]
                if doc["position"] != position:
                    record = validated(Application, doc)
                    self._replace(
                        changes,
                        doc,
                        record.model_copy(update={"position": position, "rev": record.rev + 1}),
                    )
            moved = changes[TABLES[Application]][application_id]
        assert isinstance(moved, Application)
        return moved

    def revert(self, previous: R, current_rev: int) -> R:
        """Undo: put back ``previous`` if the record is still at ``current_rev``."""
        model = type(previous)
        with self._transaction() as changes:
            doc, current = self._fresh(model, previous.id)
            if current.rev != current_rev:
                raise ConflictError(current)
            restored = previous.model_copy(update={"rev": current.rev + 1})
            self._replace(changes, doc, restored)
        return restored

    def update_application(self, edited: Application) -> Application:
        """Save an edited application; raises ``ConflictError`` if it changed meanwhile."""
        return self._save(edited)

    def delete_application(self, application_id: UUID) -> DeletedApplication:
        """Delete it and every contact's link to it, together; undo with
        :meth:`restore_application`."""
        with self._transaction() as changes:
            doc, application = self._fresh(Application, application_id)
            self._remove(changes, Application, doc, application_id)
            links = []
            for contact_doc in self._table(TABLES[Contact]).all():
                contact = validated(Contact, contact_doc)
                gone = [link for link in contact.links if link.application_id == application_id]
                if gone:
                    links += [(contact.id, link) for link in gone]
                    kept = tuple(link for link in contact.links if link not in gone)
                    updated = contact.model_copy(update={"links": kept, "rev": contact.rev + 1})
                    self._replace(changes, contact_doc, updated)
        return DeletedApplication(application, tuple(links))

    def restore_application(self, deleted: DeletedApplication) -> Application:
        """Undo a delete: the application and its contacts' links, as they were."""
        application = validated(Application, deleted.application.model_dump())
        with self._transaction() as changes:
            self._insert(changes, application)
            for contact_id, link in deleted.links:
                try:
                    doc, contact = self._fresh(Contact, contact_id)
                except NotFoundError:
                    continue  # the contact was deleted since: nothing to link
                links = (*contact.links, link)
                self._replace(
                    changes,
                    doc,
                    contact.model_copy(update={"links": links, "rev": contact.rev + 1}),
                )
        return application

    # --- journal, timer, goals, wins --------------------------------------------------

    def add_journal_entry(self, **fields: Any) -> JournalEntry:
        return self._add(validated(JournalEntry, {"at": self.clock(), **fields}))

    def update_journal_entry(self, edited: JournalEntry) -> JournalEntry:
        return self._save(edited)

    def delete_journal_entry(self, entry_id: UUID) -> JournalEntry:
        return self._delete(JournalEntry, entry_id)

    def add_affirmation(self, text: str) -> Affirmation:
        return self._add(validated(Affirmation, {"text": text, "created_at": self.clock()}))

    def delete_affirmation(self, affirmation_id: UUID) -> Affirmation:
        return self._delete(Affirmation, affirmation_id)

    def add_timer_session(self, **fields: Any) -> TimerSession:
        return self._add(validated(TimerSession, fields))

    def record_recharge(self, session_id: UUID, text: str) -> TimerSession:
        """What the user actually did in a break."""
        session = self._get(TimerSession, session_id)
        return self._save(session.model_copy(update={"recharge": text}))

    def _timer_step(
        self, command: Callable[[TimerState, TimerSettings, datetime], timer.Step]
    ) -> timer.Step:
        """Run a timer command on the state as it is on disk now, under the lock.

        The state and the records of the phases that ended are written together; two
        sessions that see the same phase end record it once, because the second one
        finds it already done.
        """
        with self._transaction() as changes:
            state = self._stored_singleton(TIMER, TimerState)
            settings = self._stored_singleton(SETTINGS, Settings)
            step = command(state, settings.timer, self.clock())
            if step.state != state:
                self._write_singleton(TIMER, step.state)
            for session in step.sessions:
                self._insert(changes, session)
        return step

    def timer_tick(self) -> timer.Step:
        """Record the phases that have run out (writes only when one has)."""
        return self._timer_step(timer.advance)

    def timer_toggle(self) -> timer.Step:
        """Start, pause or resume."""
        return self._timer_step(timer.toggle)

    def timer_skip(self) -> timer.Step:
        return self._timer_step(timer.skip)

    def timer_reset(self) -> timer.Step:
        return self._timer_step(timer.reset)

    def timer_adjust(self, minutes: int) -> timer.Step:
        return self._timer_step(
            lambda state, settings, now: timer.adjust(state, settings, now, minutes)
        )

    def timer_label(self, label: str) -> timer.Step:
        def relabel(state: TimerState, settings: TimerSettings, now: datetime) -> timer.Step:
            try:
                return timer.Step(timer.relabel(state, label))
            except ValidationError as error:
                raise InvalidInput(friendly_errors(error)) from None

        return self._timer_step(relabel)

    def add_goal(self, **fields: Any) -> Goal:
        return self._add(validated(Goal, fields))

    def update_goal(self, edited: Goal) -> Goal:
        return self._save(edited)

    def update_goals(self, edited: Iterable[Goal]) -> list[Goal]:
        """Save several goals together, or none: each must still be as it was read."""
        checked = [validated(Goal, goal.model_dump()) for goal in edited]
        saved = []
        with self._transaction() as changes:
            for goal in checked:
                doc, current = self._fresh(Goal, goal.id)
                if current.rev != goal.rev:
                    raise ConflictError(current)
                if current != goal:
                    goal = goal.model_copy(update={"rev": current.rev + 1})
                    self._replace(changes, doc, goal)
                saved.append(goal)
        return saved

    def activity(self) -> progress.Activity:
        """What the goals, the funnel and the wins count: everything, the archive included."""
        return progress.Activity(
            applications=self.applications() + self.applications(archived=True),
            sessions=self.timer_sessions(),
            journal=self.journal(),
            contacts=self.contacts(),
        )

    def goal_progress(self) -> list[progress.GoalProgress]:
        """Each goal switched on, as far as it is this period, with its streak."""
        now, activity = self.clock(), self.activity()
        memo = self._progress_memo
        return [progress.goal_progress(g, activity, now, memo) for g in self.goals() if g.active]

    def ensure_default_goals(self) -> list[Goal]:
        """Set up the default goals once, on a file that has never had any."""
        with self._transaction() as changes:
            if self._table(TABLES[Goal]).all():
                return []
            goals = [
                Goal(metric=metric, target=target, period=period)
                for metric, target, period in progress.DEFAULT_GOALS
            ]
            for goal in goals:
                self._insert(changes, goal)
        return goals

    def recognise_wins(self) -> list[Win]:
        """Record the wins the data shows that were not recorded yet; returns the new ones.

        Cheap when nothing changed (one ``stat``). Each event has a key, so a win is
        never recorded twice, not even by two sessions seeing it at the same moment.
        """
        signature = self._storage.stat_signature()
        if signature == self._wins_signature:
            return []
        now = self.clock()
        events = self._win_finder.events(
            self.activity(),
            self.goals(),
            now,
            daily_focus_target=self.settings().timer.daily_focus_target,
        )
        known = {win.event_key for win in self.wins()}
        unknown = [event for event in events if event.key not in known]
        if not unknown:
            self._wins_signature = signature
            return []  # nothing new: no need to take the lock and re-read the file
        added: list[Win] = []
        with self._transaction() as changes:
            table = self._table(TABLES[Win])
            seen = {doc.get("event_key") for doc in table.all()}
            for event in progress.oldest_first(unknown, now):
                if event.key not in seen:
                    seen.add(event.key)
                    text = event.text[:SHORT_TEXT_MAX]
                    added.append(Win(at=event.at, text=text, event_key=event.key))
            if added:
                # One insert for all: a first look at years of data finds thousands.
                table.insert_multiple(_dump(win) for win in added)
                changes[TABLES[Win]] = {win.id: win for win in added}
        self._wins_signature = self._storage.stat_signature()
        return added

    def log_conversation(self, name: str, *, channel: str = "", notes: str = "") -> Contact:
        """A conversation today with someone, found by name or added as a new contact."""
        now = self.clock()
        conversation = validated(Conversation, {"at": now, "channel": channel, "notes": notes})
        wanted = validated(Contact, {"name": name}).name
        with self._transaction() as changes:
            for doc in self._table(TABLES[Contact]).all():
                if str(doc.get("name", "")).casefold() == wanted.casefold():
                    current = validated(Contact, doc)
                    updated = current.model_copy(
                        update={
                            "conversations": (*current.conversations, conversation),
                            "rev": current.rev + 1,
                        }
                    )
                    self._replace(changes, doc, updated)
                    return updated
            contact = Contact(name=wanted, conversations=(conversation,))
            self._insert(changes, contact)
        return contact

    # --- people ---------------------------------------------------------------------

    def contact(self, contact_id: UUID) -> Contact:
        return self._get(Contact, contact_id)

    def add_contact(self, **fields: Any) -> Contact:
        return self._add(validated(Contact, fields))

    def update_contact(self, edited: Contact) -> Contact:
        """Save an edited contact; raises ``ConflictError`` if it changed meanwhile."""
        return self._save(edited)

    def delete_contact(self, contact_id: UUID) -> Contact:
        """Delete and return it (its links go with it), so the caller can offer undo."""
        return self._delete(Contact, contact_id)

    def add_conversation(self, contact_id: UUID, *, channel: str = "", notes: str = "") -> Contact:
        """A conversation now: updates "last contacted" and counts for the networking goal."""
        conversation = validated(
            Conversation, {"at": self.clock(), "channel": channel, "notes": notes}
        )
        with self._transaction() as changes:
            doc, current = self._fresh(Contact, contact_id)
            updated = current.model_copy(
                update={
                    "conversations": (*current.conversations, conversation),
                    "rev": current.rev + 1,
                }
            )
            self._replace(changes, doc, updated)
        return updated

    def link_contact(self, contact_id: UUID, application_id: UUID, role: ContactKind) -> Contact:
        """Make the contact part of an application, in ``role`` (replacing an older role)."""
        with self._transaction() as changes:
            self._fresh(Application, application_id)  # it must exist
            doc, current = self._fresh(Contact, contact_id)
            links = [link for link in current.links if link.application_id != application_id]
            links.append(ContactLink(application_id=application_id, role=role))
            updated = current.model_copy(update={"links": tuple(links), "rev": current.rev + 1})
            self._replace(changes, doc, updated)
        return updated

    def unlink_contact(self, contact_id: UUID, application_id: UUID) -> Contact:
        with self._transaction() as changes:
            doc, current = self._fresh(Contact, contact_id)
            links = tuple(link for link in current.links if link.application_id != application_id)
            updated = current.model_copy(update={"links": links, "rev": current.rev + 1})
            self._replace(changes, doc, updated)
        return updated

    def add_win(self, text: str, *, event_key: str | None = None) -> Win:
        """Record a win; a win for an event already celebrated is returned, not repeated."""
        win = validated(Win, {"at": self.clock(), "text": text, "event_key": event_key})
        with self._transaction() as changes:
            if event_key is not None:
                existing = self._table(TABLES[Win]).get(where("event_key") == event_key)
                if existing is not None:
                    return validated(Win, existing)
            self._insert(changes, win)
        return win

    # --- settings ---------------------------------------------------------------------

    def update_settings(self, **changes: Any) -> Settings:
        """Change settings; new timer lengths apply at once to a phase not yet started."""
        with self._transaction():
            # Strict here: saving over a damaged settings record would lose the rest of it.
            stored = self._table(SETTINGS).get(doc_id=SINGLETON_ID)
            current = validated(Settings, stored) if stored is not None else Settings()
            settings = validated(Settings, {**current.model_dump(), **changes})
            self._write_singleton(SETTINGS, settings)
            state = self._stored_singleton(TIMER, TimerState)
            if (adjusted := timer.with_settings(state, settings.timer)) != state:
                self._write_singleton(TIMER, adjusted)
        return settings

    def update_timer_settings(self, **fields: Any) -> TimerSettings:
        """Change the timer's settings; errors name the timer's own fields."""
        current = self.settings().timer
        timer_settings = validated(TimerSettings, {**current.model_dump(), **fields})
        return self.update_settings(timer=timer_settings).timer

    def _stored_singleton(self, table: str, model: type[M]) -> M:
        """The one record of ``table`` as it is on disk now (call inside a transaction)."""
        return _singleton_or_default(model, self._table(table).get(doc_id=SINGLETON_ID))

    def _write_singleton(self, table: str, value: Model) -> None:
        documents = self._table(table)
        if documents.contains(doc_id=SINGLETON_ID):
            documents.update(_dump(value), doc_ids=[SINGLETON_ID])
        else:
            documents.insert(Document(_dump(value), doc_id=SINGLETON_ID))


def restore_backup(path: Path | str, source: Path | str, *, clock: Clock = system_clock) -> Backup:
    """Replace the data file with ``source``, atomically and under the lock.

    ``source`` must be a valid bounceback file this version can read, every record
    valid. The current file is kept first (as it is, even if damaged). Works when
    the data file itself cannot be opened: that is when it is needed.
    Returns the kept copy of the file that was replaced.
    """
    path, source = Path(path).expanduser(), Path(source).expanduser()
    data = restorable(source)
    storage = SafeJSONStorage(path)
    refuse_to_replace(storage.path)  # before the lock: nothing is created beside it
    create_folders(storage.path.parent)
    now = clock()
    with storage.transaction() as txn:
        current = storage.read_bytes() if storage.exists() else b""
        kept = backups.keep_copy(storage.path, [current], "pre-restore", now)
        txn.data, txn.dirty = data, True
    return kept


def refuse_to_replace(target: Path) -> None:
    """Raise unless ``target`` is missing or a bounceback data file, damaged or not: one
    with backups beside it, or one that reads as a data file. A data path that is a
    symlink to some other file must not get that file replaced."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return
    except OSError as error:
        raise CorruptDatabaseError(target, f"cannot read it ({error.strerror})") from None
    if not os.path.isfile(target):
        raise CorruptDatabaseError(target, f"it is {kind_of(info.st_mode)}, not a data file")
    if backups.backup_folder(target).is_dir():
        return
    try:
        schema_version_of(target, parse(target, target.read_bytes()))
    except (CorruptDatabaseError, OSError):
        raise CorruptDatabaseError(
            target,
            "it is not a bounceback data file (it does not read as one and has no backups "
            "beside it), so it was not replaced",
        ) from None


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"bounceback {version('bounceback')}"
    except PackageNotFoundError:
        return "bounceback (not installed)"
