"""The disk under the data file: opening it to read (and its signature), atomic, durable
writes, private folders, and what the file system is (shared over a network, read-only,
full)."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from io import BufferedReader
from pathlib import Path

from store.errors import FileGoneError, ReadFailedError, WriteFailedError

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


def fsync_file(fd: int) -> None:
    if sys.platform == "darwin":  # plain fsync on macOS does not reach the platter
        import fcntl

        fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
    else:
        os.fsync(fd)


def fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_folders(folder: Path) -> None:
    """Create ``folder`` and every missing folder above it, each private (0700)."""
    missing = []
    try:
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for new in reversed(missing):
            new.mkdir(mode=FOLDER_MODE, exist_ok=True)
            new.chmod(FOLDER_MODE)  # mkdir's mode is cut by the umask
    except OSError as error:
        raise WriteFailedError(folder, error) from None


def atomic_write(path: Path, pieces: Iterable[bytes | memoryview]) -> None:
    """Replace ``path`` with ``pieces`` joined: temp file, fsync, replace, fsync the folder.

    On any failure the temporary file is removed and ``path`` is as it was. The pieces
    are written one by one, not joined first: the join would copy the whole file.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path), suffix=".tmp")
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            for piece in pieces:
                view = memoryview(piece)
                while view:
                    view = view[os.write(fd, view) :]
            fsync_file(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_folder(path.parent)


def kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device or other special file"


NETWORK_FILESYSTEMS = ("nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "9p", "fuse")


def filesystem_type(path: Path, mounts: str | None = None) -> str | None:
    """The type of the file system ``path`` is on, from /proc/self/mounts (Linux)."""
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text()
        except OSError:
            return None
    best, best_type = "", None
    target = os.path.realpath(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, best_type = point, fields[2]
    return best_type


def is_network_filesystem(fs_type: str | None) -> bool:
    return fs_type is not None and fs_type.split(".")[0] in NETWORK_FILESYSTEMS


ROOM_TO_SPARE = 1 << 20


def why_nothing_can_be_saved(folder: Path, file_size: int) -> OSError | None:
    """What stops a save into ``folder``, as far as the file system says: mounted
    read-only, or less free room than a new copy of the file needs. None if it cannot
    tell (then a save that fails says why)."""
    try:
        info = os.statvfs(folder)
    except OSError:
        return None
    if info.f_flag & os.ST_RDONLY:
        return OSError(errno.EROFS, os.strerror(errno.EROFS))
    free = info.f_bfree if os.geteuid() == 0 else info.f_bavail  # root may use the reserve
    if free * info.f_frsize < file_size + ROOM_TO_SPARE:
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    return None


Signature = tuple[int, int, int, int]
"""(inode, size, mtime_ns, ctime_ns): changes whenever the file is replaced or edited."""


def signature_of(info: os.stat_result) -> Signature:
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


@contextlib.contextmanager
def opened(path: Path) -> Iterator[tuple[BufferedReader, Signature]]:
    """The data file at ``path`` open for reading, and its signature; ``FileGoneError`` if it was
    deleted or something else stands at its path, ``ReadFailedError`` for any other
    refusal of the system."""
    try:
        # Non-blocking: a named pipe left at the path would wait for a writer forever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except (FileNotFoundError, NotADirectoryError):
        raise FileGoneError(path, "was deleted or moved away") from None
    except OSError as error:
        raise ReadFailedError(path, error) from None
    try:
        info = os.fstat(fd)
    except OSError as error:
        os.close(fd)
        raise ReadFailedError(path, error) from None
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise FileGoneError(path, f"is now {kind_of(info.st_mode)}, not a data file")
    with open(fd, "rb") as handle:
        try:
            yield handle, signature_of(info)
        except OSError as error:
            raise ReadFailedError(path, error) from None
