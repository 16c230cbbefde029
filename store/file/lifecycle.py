"""The data file's life cycle: create, migrate, the day's backup, privacy, the warnings
on open (a network file system, a disk that takes no write), and restoring a backup."""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from store import progress
from store.clock import Clock, system_clock
from store.errors import CorruptDatabaseError, FileGoneError, NewerSchemaError, WriteFailedError
from store.file import backups, migrations
from store.file.backups import Backup
from store.file.disk import (
    FILE_MODE,
    create_folders,
    filesystem_type,
    is_network_filesystem,
    kind_of,
    why_nothing_can_be_saved,
)
from store.file.parsing import LazyTables, parse
from store.file.storage import SafeJSONStorage
from store.file.tables import META, SINGLETON_ID, TABLES, schema_version_of, validate_table
from store.models import Goal, Model


def _dump(record: Model) -> dict[str, Any]:
    return record.model_dump(mode="json")


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
        # the day's first open waits for it.
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
