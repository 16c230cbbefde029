"""Errors the store raises. Each message is written for the person at the keyboard."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any


class StoreError(Exception):
    """Base class: something the user should be told about."""


class CorruptDatabaseError(StoreError):
    """The data file cannot be trusted; nothing was written to it."""

    def __init__(self, path: Path, problem: str, backups: list[Path] | None = None) -> None:
        self.path = path
        self.problem = problem
        self.backups = backups or []
        """Every backup of the file, newest first."""
        self.restorable: Path | None = None
        """The newest backup that ``restore`` accepts, if any."""
        super().__init__(f"{path}: {problem}")

    def restore_command(self) -> str | None:
        """The shell command that puts back the newest backup restore accepts, quoted so
        that any path (spaces, quotes, ``$(…)``) is taken as it is."""
        if self.restorable is None:
            return None
        data, backup = shlex.quote(str(self.path)), shlex.quote(str(self.restorable))
        return f"bounceback --db {data} restore {backup}"


class NewerSchemaError(StoreError):
    """The file was written by a newer bounceback; we must not touch it."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = path
        self.found = found
        self.supported = supported
        super().__init__(
            f"{path}: written by a newer bounceback (schema {found}, this one reads up to "
            f"{supported}). Upgrade bounceback to open it; the file was left untouched."
        )


class LockTimeoutError(StoreError):
    def __init__(self, path: Path, seconds: float) -> None:
        self.path = path
        super().__init__(
            f"Another bounceback session held the lock on {path} for {seconds:g} s. "
            "Nothing was saved; try again in a moment."
        )


class WriteFailedError(StoreError):
    """The disk refused a write (full, read-only, I/O error); the file is as it was."""

    def __init__(self, path: Path, cause: OSError) -> None:
        self.path = path
        self.cause = cause
        reason = cause.strerror or str(cause)
        super().__init__(f"Could not save to {path}: {reason}. Your data file is unchanged.")


class NotFoundError(StoreError):
    def __init__(self, kind: str, record_id: object) -> None:
        super().__init__(f"No {kind} with id {record_id} (was it deleted in another session?)")


class ConflictError(StoreError):
    """An edit started from an older version of a record than the one on disk."""

    def __init__(self, current: Any) -> None:
        self.current = current
        super().__init__(
            "This record was changed in another session since you opened it. "
            "Nothing was overwritten."
        )


class FileGoneError(StoreError):
    """The data file was deleted, or something that is not a file now stands at its path.

    Nothing was written. What this session last read or wrote is still held:
    ``Store.save_again()`` puts it back at the path.
    """

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(
            f"{path} {problem}. Nothing was saved, and what you see is not lost: save it "
            "again to recreate the file, or restore a backup."
        )


class FileReappearedError(StoreError):
    """``save_again`` found something at the path again; it was left alone."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"Something is at {path} again, so nothing was saved over it. "
            "Move it away to save what you see there, or reopen bounceback to use it."
        )


class ReadFailedError(StoreError):
    """The system refused to read the data file or its folder; nothing was changed."""

    def __init__(self, path: Path, cause: OSError) -> None:
        self.path = path
        self.cause = cause
        reason = cause.strerror or str(cause)
        super().__init__(f"Could not read {path}: {reason}. Nothing was changed.")


class InvalidInput(StoreError):
    """Input that fails validation. ``errors`` maps a field name to a message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in errors.items()))
