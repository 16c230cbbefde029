"""The data file's life cycle: create, migrate, the day's backup, privacy and the
network-file-system check on open, and restoring a backup."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from store import progress
from store.clock import Clock, system_clock
from store.errors import CorruptDatabaseError, NewerSchemaError
from store.file import backups, migrations
from store.file.backups import Backup
from store.file.storage import (
    FILE_MODE,
    SafeJSONStorage,
    filesystem_type,
    is_network_filesystem,
    parse,
)
from store.file.tables import META, SINGLETON_ID, TABLES, schema_version_of, validate_table
from store.models import Goal, Model


def _dump(record: Model) -> dict[str, Any]:
    return record.model_dump(mode="json")


class FileLifecycle:
    """What a store does to its file as a whole, beside its records."""

    _storage: SafeJSONStorage
    clock: Clock
    warnings: list[str]

    @property
    def path(self) -> Path:
        return self._storage.path

    def _check_surroundings(self) -> None:
        """Privacy and sharing: tighten what others can read; warn about network folders."""
        for path in (self.path, *(b.path for b in self.backups())):
            mode = path.stat().st_mode & 0o777
            if mode & 0o077:
                path.chmod(FILE_MODE)
                self.warnings.append(
                    f"{path} could be read by other users (mode {mode:o}); it is now 600."
                )
        fs_type = filesystem_type(self.path.parent)
        if is_network_filesystem(fs_type):
            self.warnings.append(
                f"{self.path.parent} is on a network file system ({fs_type}). Two sessions on "
                "one machine are safe; two machines must not use this file at the same time."
            )

    def _prepare(self) -> None:
        now = self.clock()
        if not self._storage.exists():
            if existing := backups.list_backups(self.path):
                raise CorruptDatabaseError(
                    self.path,
                    "the data file is missing, but backups of it exist",
                    [b.path for b in existing],
                )
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
        except CorruptDatabaseError as error:
            error.backups = [b.path for b in backups.list_backups(self.path)]
            raise
        self._take_daily_backup(now)

    def _schema_version(self, raw: Mapping[str, Any]) -> int:
        return schema_version_of(self.path, raw)

    def _take_daily_backup(self, now: datetime) -> None:
        today = now.date()
        taken = backups.list_backups(self.path)
        if any(b.tag == backups.DAILY and b.taken_at.date() == today for b in taken):
            return
        # The version _prepare just read (and parsed) or wrote, not read and parsed again:
        # the day's first open waits for it.
        held = self._storage.held_bytes()
        assert held is not None, "_prepare reads the file or writes it"
        backups.keep_copy(self.path, held, backups.DAILY, now)
        backups.prune_daily(self.path)

    def backup(self, tag: str = "manual") -> Backup:
        return backups.write_backup(self.path, self._storage.read_bytes(), tag, self.clock())

    def backups(self) -> list[Backup]:
        return backups.list_backups(self.path)


def restore_backup(path: Path | str, source: Path | str, *, clock: Clock = system_clock) -> Backup:
    """Replace the data file with ``source``, atomically and under the lock.

    ``source`` must be a valid bounceback file this version can read, every record
    valid. The current file is kept first (as it is, even if damaged). Works when
    the data file itself cannot be opened: that is when it is needed.
    Returns the kept copy of the file that was replaced.
    """
    path, source = Path(path).expanduser(), Path(source).expanduser()
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise CorruptDatabaseError(source, f"cannot read it ({error.strerror})") from None
    data = parse(source, raw)
    found = schema_version_of(source, data)
    if found > migrations.SCHEMA_VERSION:
        raise NewerSchemaError(source, found, migrations.SCHEMA_VERSION)
    for model, table in TABLES.items():
        _, bad = validate_table(table, model, data.get(table, {}))
        if bad:
            raise CorruptDatabaseError(source, f"{len(bad)} record(s) in {table!r} are not valid")
    storage = SafeJSONStorage(path)
    now = clock()
    with storage.transaction() as txn:
        current = storage.read_bytes() if storage.exists() else b""
        kept = backups.keep_copy(storage.path, [current], "pre-restore", now)
        txn.data, txn.dirty = data, True
    return kept


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"bounceback {version('bounceback')}"
    except PackageNotFoundError:
        return "bounceback (not installed)"
