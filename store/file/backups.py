"""Backups of the data file: daily, before a migration or a restore, and on request.

A backup is a validated, timestamped copy in ``<data file>.backups/`` beside it,
written atomically with mode 0600. Garbage never pushes out a good backup: the
bytes are parsed before they are copied (the day's backup copies the version the
store has just parsed, or written, itself).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from store.errors import ReadFailedError, WriteFailedError
from store.file.disk import FOLDER_MODE, atomic_write
from store.file.parsing import parse

DAILY = "daily"
DAILY_KEEP = 10
STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    tag: str


def backup_folder(data_path: Path) -> Path:
    return data_path.with_name(data_path.name + ".backups")


def same_day(taken_at: datetime, now: datetime) -> bool:
    """Whether ``taken_at`` falls on the day of ``now`` in ``now``'s own time zone: the
    clock's, which is the user's local time (a backup's name holds UTC, and a user west
    of Greenwich reaches the next UTC day in their evening)."""
    return taken_at.astimezone(now.tzinfo).date() == now.date()


def list_backups(data_path: Path) -> list[Backup]:
    """Newest first."""
    folder = backup_folder(data_path)
    try:
        if not folder.is_dir():
            return []
        names = list(folder.glob(f"{data_path.stem}.*.json"))
    except OSError as error:
        raise ReadFailedError(folder, error) from None
    found = []
    for path in names:
        # <stem>.<YYYYmmddTHHMMSSffffffZ>.<tag>.json
        parts = path.name[len(data_path.stem) + 1 : -len(".json")].split(".", 1)
        if len(parts) != 2:
            continue
        try:
            taken_at = datetime.strptime(parts[0], STAMP_FORMAT).replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(Backup(path, taken_at, parts[1]))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def write_backup(data_path: Path, raw: bytes, tag: str, now: datetime) -> Backup:
    parse(data_path, raw)  # refuse to back up something that is not a valid file
    return keep_copy(data_path, [raw], tag, now)


def keep_copy(
    data_path: Path, pieces: Iterable[bytes | memoryview], tag: str, now: datetime
) -> Backup:
    """A copy of the bytes as they are, unchecked: bytes known good, or a file kept even
    if damaged (before a restore)."""
    folder = backup_folder(data_path)
    stamp = now.astimezone(UTC).strftime(STAMP_FORMAT)
    path = folder / f"{data_path.stem}.{stamp}.{tag}.json"
    try:
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
        atomic_write(path, pieces)
    except OSError as error:
        raise WriteFailedError(path, error) from None
    return Backup(path, now, tag)


def prune_daily(data_path: Path, keep: int = DAILY_KEEP) -> None:
    daily = [backup for backup in list_backups(data_path) if backup.tag == DAILY]
    for old in daily[keep:]:
        with contextlib.suppress(OSError):  # an old copy kept a day longer harms nothing
            old.path.unlink()
