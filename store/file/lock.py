"""The lock every transaction holds: a ``flock`` on a file beside the data file, then
one on the data file's folder."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from pathlib import Path

from store.errors import LockTimeoutError, WriteFailedError
from store.file.disk import FILE_MODE


def same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


class LockFile:
    """The exclusive lock of one transaction: a ``flock`` on a file beside the data file
    (the lock every bounceback takes), then one on the data file's folder.

    A lock belongs to the open file, not to its name. If the lock file is deleted while
    a writer holds it or waits on it, a newcomer creates a new one and locks that, and
    two writers run at once. So the lock file counts only while the file at the path is
    the one locked (checked once locked; if not, the one there now is locked), and the
    folder is locked after it: a folder cannot be deleted while it holds the data file,
    so whatever happens to the lock file, two sessions never write at once.
    """

    POLL_SECONDS = 0.005

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._fds: list[int] = []
        self.unavailable: OSError | None = None
        """Why no lock file could be created (a read-only or full file system): a
        transaction may then read, but never write."""

    def acquire(self) -> None:
        """Lock, or raise ``LockTimeoutError``; without a lock file, note why and go on."""
        deadline = time.monotonic() + self.timeout
        try:
            for lock in (self._lock_the_file, self._lock_the_folder):
                if (fd := lock(deadline)) is not None:
                    self._fds.append(fd)
        except BaseException:
            self.release()
            raise

    def _wait_for(self, fd: int, deadline: float) -> None:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeoutError(self.path, self.timeout) from None
                time.sleep(self.POLL_SECONDS)

    def _lock_the_file(self, deadline: float) -> int | None:
        while True:
            fd = self._open()
            if fd is None:
                return None
            try:
                self._wait_for(fd, deadline)
            except BaseException:
                os.close(fd)
                raise
            if self._is_at_path(fd):
                return fd
            os.close(fd)  # deleted or replaced while we waited: lock the one there now

    def _lock_the_folder(self, deadline: float) -> int | None:
        try:
            fd = os.open(self.path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError:
            return None  # the folder is gone: there is nothing in it to read or write
        try:
            self._wait_for(fd, deadline)
        except OSError:  # no locks on folders here (NFS): the lock file alone, as before
            os.close(fd)
            return None
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _open(self) -> int | None:
        flags = os.O_CLOEXEC | os.O_NOFOLLOW
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | flags, FILE_MODE)
        except OSError as error:
            try:  # flock needs no write access: a lock file we may only read still locks
                fd = os.open(self.path, os.O_RDONLY | flags)
            except FileNotFoundError:
                self.unavailable = error
                return None
            except OSError as other:
                raise WriteFailedError(self.path, other) from None
        self.unavailable = None
        if os.fstat(fd).st_mode & 0o077:  # left by an older version or another umask
            with contextlib.suppress(OSError):
                os.fchmod(fd, FILE_MODE)
        return fd

    def _is_at_path(self, fd: int) -> bool:
        try:
            return same_file(os.fstat(fd), os.lstat(self.path))
        except FileNotFoundError:
            return False

    def release(self) -> None:
        fds, self._fds = self._fds, []
        for fd in reversed(fds):
            os.close(fd)  # closing the only descriptor releases its flock
