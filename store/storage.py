"""A TinyDB storage that never loses data.

Stock ``JSONStorage`` rewrites the file in place and takes no lock, so a crash
mid-write leaves broken JSON and two processes lose each other's work. This storage:

* writes a temporary file beside the data, fsyncs it, ``os.replace``s it over the
  old file and fsyncs the folder: a kill at any instant leaves the old file or the
  new one, whole;
* reads strictly: 0 bytes, broken JSON or a layout that is not ``{table: {id: doc}}``
  raise ``CorruptDatabaseError``; nothing is ever treated as an empty database;
* keeps no file handle open, and caches the file by its stat signature, so repeated
  reads cost one ``stat``; once each table's bytes in the file are known, a table is
  kept as those bytes and parsed again only to be written (``LazyTables``);
* only writes inside ``transaction()``, which holds an exclusive lock file for the
  whole read-modify-write, re-reads the file under the lock, and commits all of
  the transaction's writes as one atomic replace (or none of them).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import gc
import json
import os
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from io import BufferedReader
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from store.errors import (
    CorruptDatabaseError,
    FileGoneError,
    FileReappearedError,
    LockTimeoutError,
    ReadFailedError,
    WriteFailedError,
)

Data = MutableMapping[str, Any]
"""A whole data file: ``{table: {doc_id: doc}}``."""
Signature = tuple[int, int, int, int]
"""(inode, size, mtime_ns, ctime_ns): changes whenever the file is replaced or edited."""

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


def signature_of(stat: os.stat_result) -> Signature:
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


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
    are written one by one, not joined first: at 10,000 records the join would make a
    2.5 MB copy, 1.3 ms of a 12 ms write, mostly the kernel handing out fresh pages.
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


class Unparsed:
    """A table kept as its JSON in the file's bytes."""

    __slots__ = ("json",)

    def __init__(self, json: bytes | memoryview) -> None:
        self.json = json


class LazyTables(MutableMapping[str, Any]):
    """A data file's tables in file order, each parsed from its JSON when first used.

    A session reads records as models; it needs a table as dicts only to write it. At
    10,000 records the dicts of every table take 10 MB, so once a table's bytes in the
    file are known it is held as those bytes, parsed when TinyDB asks for it to write
    (3 ms for the applications at 10,000 records), and kept parsed from then on.
    """

    def __init__(self, tables: Mapping[str, Any] | None = None) -> None:
        # Another LazyTables's entries are taken as they are: none is parsed to be copied.
        self._tables: dict[str, Any] = dict(
            tables._tables if isinstance(tables, LazyTables) else tables or {}
        )

    @classmethod
    def released(cls, data: Data, known: TableBytes, keep: set[str]) -> LazyTables:
        """``data`` with each table in ``known`` held as its bytes, except those in ``keep``
        that are parsed already."""
        tables = LazyTables(data)._tables
        return cls(
            {
                name: Unparsed(known[name])
                if name in known and (name not in keep or isinstance(value, Unparsed))
                else value
                for name, value in tables.items()
            }
        )

    def documents(self, name: str) -> Mapping[str, Any]:
        """One table's documents to read: a table held as bytes is parsed for this
        caller and not kept (the caller builds its models and lets the dicts go)."""
        value = self._tables.get(name, {})
        documents: Mapping[str, Any] = (
            orjson.loads(value.json) if isinstance(value, Unparsed) else value
        )
        return documents

    def __getitem__(self, name: str) -> Any:
        value = self._tables[name]
        if isinstance(value, Unparsed):
            value = self._tables[name] = orjson.loads(value.json)
        return value

    def __setitem__(self, name: str, value: Any) -> None:
        self._tables[name] = value

    def __delitem__(self, name: str) -> None:
        del self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: parsing a file or building its models makes
    thousands of small objects and no cycles, and each collection the allocations set
    off walks all of them (a tenth of validating 8,500 timer sessions)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse(path: Path, raw: bytes) -> LazyTables:
    """Strictly parse a whole data file; anything unexpected is corruption.

    Besides broken JSON and a wrong layout, that is anything a write would silently
    change: two records with one doc id or one ``id``, a key written twice in one object
    (the parser keeps only the last), a value that cannot be written back.
    """
    if not raw:
        raise CorruptDatabaseError(path, "the file is empty (0 bytes)")
    try:
        with paused_gc():
            data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise CorruptDatabaseError(path, f"it is not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise CorruptDatabaseError(
            path, f"the top level is a JSON {type(data).__name__}, not an object"
        )
    for name, table in data.items():
        if not isinstance(table, dict):
            raise CorruptDatabaseError(
                path, f"table {name!r} is a JSON {type(table).__name__}, not an object"
            )
        # The fast check first (loops in C); the slow one only to name the bad entry.
        if not (
            all(map(str.isdigit, table))
            and all(map(str.isascii, table))  # "²" is a digit to isdigit, not to int
            and all(type(doc) is dict for doc in table.values())
        ):
            for doc_id, doc in table.items():
                if not (doc_id.isascii() and doc_id.isdigit()) or not isinstance(doc, dict):
                    raise CorruptDatabaseError(
                        path, f"table {name!r} has an entry {doc_id!r} that is not a record"
                    )
        if len(set(map(int, table))) < len(table):  # "1" and "01" are one doc id to TinyDB
            raise CorruptDatabaseError(path, f"table {name!r} has two records with one doc id")
        if (record_id := repeated_record_id(table)) is not None:
            raise CorruptDatabaseError(
                path, f"table {name!r} has two records with the id {record_id}"
            )
    try:
        # As bounceback writes it, byte for byte: then no key is written twice (a dict
        # cannot hold one twice) and every value can be written back. Cheaper than
        # counting the keys in the bytes, and exact.
        as_written = same_bytes(raw, layout(serialise(data, {}, None))[0])
    except TypeError as error:  # orjson writes 255 levels of nesting, reads 1,024
        raise CorruptDatabaseError(
            path, f"it holds a value that cannot be saved ({error})"
        ) from None
    if not as_written:  # written by something else: look for what orjson hides
        check_every_key(path, raw)
    return LazyTables(data)


def repeated_record_id(table: Mapping[str, Any]) -> str | None:
    """An ``id`` that two records of ``table`` share, if any."""
    ids = [doc.get("id") for doc in table.values()]
    with contextlib.suppress(TypeError):  # an id that is a list or an object
        if len(set(ids)) == len(ids):
            return None
    seen: set[str] = set()
    for record_id in ids:
        if isinstance(record_id, str):  # records without an id are invalid, not twins
            if record_id in seen:
                return record_id
            seen.add(record_id)
    return None


class Pairs(list[tuple[str, Any]]):
    """A JSON object as the (key, value) pairs written in it, repeats included."""


def checked_int(text: str) -> int:
    """An integer that fits in 64 bits: orjson reads a longer one as an inexact float."""
    value = int(text)
    if not -(2**63) <= value < 2**64:
        raise ValueError(f"the number {text[:24]}… does not fit in 64 bits")
    return value


def first_repeat(pairs: Pairs) -> str | None:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return key
        seen.add(key)
    return None


def has_repeat(value: Any) -> bool:
    """Whether any object inside ``value``, at any depth, has a key written twice."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Pairs):
            if first_repeat(item) is not None:
                return True
            stack.extend(inner for _, inner in item)
        elif isinstance(item, list):
            stack.extend(item)
    return False


class RepeatedKey(ValueError):
    """A key written twice in one JSON object."""


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) < len(pairs):
        raise RepeatedKey
    return found


def check_every_key(path: Path, raw: bytes) -> None:
    """Parse ``raw`` again keeping every key and number as written; a key written twice
    or a number orjson could not keep exactly is damage (a torn write can join into
    valid JSON that repeats keys)."""
    try:
        json.loads(raw, object_pairs_hook=unique_keys, parse_int=checked_int)
    except RepeatedKey:
        raise CorruptDatabaseError(path, where_a_key_repeats(raw)) from None
    except RecursionError:
        raise CorruptDatabaseError(path, "it is nested too deeply to be read") from None
    except ValueError as error:
        problem = f"it holds a value that cannot be kept ({error})"
        raise CorruptDatabaseError(path, problem) from None


def where_a_key_repeats(raw: bytes) -> str:
    """Which table or record of a file with a repeated key has it (slow: every key kept
    in a list; only for a file known to be damaged)."""
    top = json.loads(raw, object_pairs_hook=Pairs)
    if (name := first_repeat(top)) is not None:
        return f"table {name!r} is written twice"
    for name, table in top:
        if (doc_id := first_repeat(table)) is not None:
            return f"table {name!r} has two records with doc id {doc_id}"
        for doc_id, doc in table:
            if has_repeat(doc):
                return f"record {doc_id} of table {name!r} has a field written twice"
    return "a key is written twice in one object"


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


@dataclass
class Transaction:
    """What one lock hold saw and did."""

    read_signature: Signature | None = None
    """The file as it was when first read under the lock."""
    written_signature: Signature | None = None
    """The file as this transaction left it, if it wrote."""
    data: Data | None = None
    read_raw: bytes | None = None
    """The file's bytes, where they had to be read whole (see ``SafeJSONStorage``)."""
    dirty: bool = False
    table_bytes: TableBytes = field(default_factory=dict)
    """Each table of ``data`` as serialised when it was last written, where known."""
    changed: set[str] | None = field(default_factory=set)
    """The tables this transaction changed; None when it cannot tell (all of them)."""


TableBytes = dict[str, bytes | memoryview]
"""Each table of a file as JSON."""


def serialise(data: Data, known: TableBytes, changed: set[str] | None) -> TableBytes:
    """Each table of ``data`` as JSON, done first so an unserialisable value touches
    nothing. A table this write did not change keeps its bytes from the last write:
    most of a file is timer sessions and journal entries, and a card move changes
    neither (orjson over 10,000 records: 8 ms of a 23 ms write)."""
    return {
        name: known[name]
        if changed is not None and name not in changed and name in known
        else orjson.dumps(data[name])
        for name in data  # by name: a table held as bytes is not parsed to be reused
    }


def layout(tables: TableBytes) -> tuple[list[bytes | memoryview], dict[str, slice]]:
    """The pieces of the file, in order, and where each table lies in the whole."""
    parts: list[bytes | memoryview] = [b"{"]
    spans, at = {}, 1
    for name, table in tables.items():
        key = orjson.dumps(name) + b":"
        if len(parts) > 1:
            parts.append(b",")
            at += 1
        parts += (key, table)
        at += len(key)
        spans[name] = slice(at, at + len(table))
        at += len(table)
    parts.append(b"}")
    return parts, spans


def same_bytes(whole: bytes, parts: list[bytes | memoryview]) -> bool:
    """Whether ``parts`` joined would be ``whole``, without joining them.

    By ``bytes.startswith``, a memcmp: comparing memoryviews with ``==`` goes element
    by element, 40 times slower (5 ms against 0.1 for a 2.5 MB file).
    """
    at = 0
    for part in parts:
        if not whole.startswith(part, at):
            return False
        at += len(part)
    return at == len(whole)


COMPARE_CHUNK = 1 << 18


def rest_is(handle: BufferedReader, pieces: Iterable[bytes | memoryview]) -> bool:
    """Whether what is left to read of ``handle`` is exactly ``pieces`` joined, read a
    chunk at a time into one small buffer: no copy of the whole file is made to be
    thrown away (at 10,000 records 0.3 ms, against 1.4 ms to read it whole and compare)."""
    chunk = bytearray(COMPARE_CHUNK)
    buffer = memoryview(chunk)
    for piece in pieces:
        left = memoryview(piece)
        while left:
            read = handle.readinto(buffer[: len(left)])
            if not read or not chunk.startswith(left[:read]):  # memcmp, as in same_bytes
                return False
            left = left[read:]
    return not handle.read(1)


def views(payload: bytes, spans: dict[str, slice]) -> TableBytes:
    """Each table's JSON as a view into the file's bytes: one copy in memory, not two."""
    whole = memoryview(payload)
    return {name: whole[span] for name, span in spans.items()}


def kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device or other special file"


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


class SafeJSONStorage(Storage):
    def __init__(
        self,
        path: Path,
        *,
        lock_timeout: float = 10.0,
        check: Callable[[Path, Data], None] | None = None,
    ) -> None:
        """``check`` is run on the file as read under the lock, before any change is
        made to it (the schema version: a newer bounceback may have written it)."""
        # Resolve once: a symlinked data file is written through, not replaced by a file.
        self.path = Path(os.path.realpath(path))
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.lock_timeout = lock_timeout
        self._lock = LockFile(self.lock_path, lock_timeout)
        self._check = check
        self._thread_lock = threading.RLock()
        self._cache: LazyTables | None = None
        self._cache_signature: Signature | None = None
        self._cache_raw: bytes | None = None
        """The bytes ``_cache`` was parsed from; None once it has been written, as the
        file is then ``_table_bytes`` laid out (see ``_held_file``)."""
        self._table_bytes: TableBytes = {}
        """Each table of ``_cache`` as this session last serialised it."""
        self._changing: str | None = None
        self._txn: Transaction | None = None
        self._last_version: list[bytes | memoryview] | None = None
        """The bytes of the version this session last read or wrote, for ``save_again``."""

    # --- reading ----------------------------------------------------------------------

    def stat_signature(self) -> Signature | None:
        """None when the file cannot be looked at: it counts as changed, so the next read
        opens it and says what is wrong."""
        try:
            return signature_of(os.stat(self.path))
        except OSError:
            return None

    def exists(self) -> bool:
        try:
            os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):
            return False
        except OSError as error:
            raise ReadFailedError(self.path, error) from None
        return True

    @property
    def cannot_write(self) -> OSError | None:
        """Why nothing can be saved here, when the lock file could not be created."""
        return self._lock.unavailable

    def changed_on_disk(self) -> bool:
        """True when the file differs from what this process last read or wrote."""
        return self.stat_signature() != self._cache_signature

    def prepare_to_write(self) -> None:
        """Serialise each table of the cached file now, so that the first write of the
        session re-encodes only the table it changes, like every later one (at 10,000
        records: 8 ms here, when nothing waits, instead of in the first save). Kept only
        when it reproduces the file byte for byte (as bounceback writes it): then each
        table is a view into the bytes already held, costs no memory, and lets the
        table's parsed dicts go (see LazyTables)."""
        with self._thread_lock:
            if self._cache is None or self._cache_raw is None or self._table_bytes:
                return
            parts, spans = layout(serialise(self._cache, {}, None))
            if same_bytes(self._cache_raw, parts):  # compared in place: no third copy
                self._table_bytes = views(self._cache_raw, spans)
                self._cache = LazyTables.released(self._cache, self._table_bytes, keep=set())

    def snapshot(self) -> tuple[Signature, LazyTables]:
        """The whole file and its signature, from cache when the file has not changed.

        Lock-free: a published file is never modified in place, only replaced, so a
        reader always sees one whole version.
        """
        with self._thread_lock:
            if self._cache is not None and self.stat_signature() == self._cache_signature:
                assert self._cache_signature is not None
                return self._cache_signature, self._cache
            with self._opened() as (handle, signature):
                raw = handle.read()
            data = parse(self.path, raw)
            self._cache, self._cache_signature, self._cache_raw = data, signature, raw
            self._table_bytes = {}
            self._last_version = [raw]
            return signature, data

    @contextlib.contextmanager
    def _opened(self) -> Iterator[tuple[BufferedReader, Signature]]:
        """The data file open for reading, and its signature; ``FileGoneError`` if it was
        deleted or something else stands at its path, ``ReadFailedError`` for any other
        refusal of the system."""
        try:
            # Non-blocking: a named pipe left at the path would wait for a writer forever.
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except (FileNotFoundError, NotADirectoryError):
            raise FileGoneError(self.path, "was deleted or moved away") from None
        except OSError as error:
            raise ReadFailedError(self.path, error) from None
        try:
            info = os.fstat(fd)
        except OSError as error:
            os.close(fd)
            raise ReadFailedError(self.path, error) from None
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            raise FileGoneError(self.path, f"is now {kind_of(info.st_mode)}, not a data file")
        with open(fd, "rb") as handle:
            try:
                yield handle, signature_of(info)
            except OSError as error:
                raise ReadFailedError(self.path, error) from None

    def _held_file(self) -> list[bytes | memoryview] | None:
        """The cached version's bytes, in pieces: as read, or as written from its tables."""
        if self._cache is None:
            return None
        if self._cache_raw is not None:
            return [self._cache_raw]
        return layout(self._table_bytes)[0]

    def _read_for_transaction(self, txn: Transaction) -> None:
        """Under the lock: the file as it is now, byte for byte.

        Parsing is the slow part of a write (25 ms of about 50 at 10,000 records), so
        when the bytes are exactly those of the cached version (ours, or the last one
        read), the cached data is used. Bytes, not a stat signature: two versions of
        equal size written within one clock tick must never be mistaken for each other.
        The transaction owns the data while it may change it; it is cached again after
        a commit, or given back untouched.
        """
        held = self._held_file()
        raw: bytes | None = None
        with self._opened() as (handle, signature):
            # Compared a chunk at a time, not read whole as a second copy (``rest_is``).
            if held is None or signature[1] != sum(map(len, held)) or not rest_is(handle, held):
                handle.seek(0)
                raw = handle.read()
        if raw is None:
            assert self._cache is not None
            # Keep the bytes already held (the table views point into them), not a copy.
            data, txn.table_bytes, raw = self._cache, self._table_bytes, self._cache_raw
        else:
            data = parse(self.path, raw)
            self._last_version = [raw]
        if self._check is not None:
            self._check(self.path, data)
        self._cache = self._cache_signature = self._cache_raw = None
        self._table_bytes = {}
        txn.read_signature, txn.read_raw, txn.data = signature, raw, data

    def read_bytes(self) -> bytes:
        with self._opened() as (handle, _):
            return handle.read()

    def held_bytes(self) -> list[bytes | memoryview] | None:
        """The bytes of the version last read or written, in pieces: parsed or written
        by this storage, so a copy of them needs no parse to be known good."""
        with self._thread_lock:
            return self._held_file()

    # --- TinyDB's Storage interface ---------------------------------------------------

    def read(self) -> Data:  # type: ignore[override]  # TinyDB uses it only as a mapping
        txn = self._txn
        if txn is None:
            return self.snapshot()[1]
        if txn.data is None:
            # First read in this lock hold: always the file as it is now (another
            # process may have replaced it since we last looked).
            self._read_for_transaction(txn)
        assert txn.data is not None
        return txn.data

    def write(self, data: Data) -> None:
        txn = self._txn
        if txn is None:
            raise RuntimeError("bounceback writes only inside a store transaction")
        txn.data = data
        txn.dirty = True
        if self._changing is None:
            txn.changed = None  # a whole-file write: every table is serialised again
        elif txn.changed is not None:
            txn.changed.add(self._changing)

    @contextlib.contextmanager
    def changing(self, table: str) -> Iterator[None]:
        """The writes inside change only ``table``: a commit serialises that table again
        and reuses the others' bytes from the last write."""
        self._changing = table
        try:
            yield
        finally:
            self._changing = None

    def close(self) -> None:
        """Nothing to close: no handle outlives a read or a write."""

    # --- transactions -----------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Hold the lock for one read-modify-write; commit its writes at the end, atomically.

        Re-entrant: a nested transaction joins the outer one. If the body raises,
        nothing is written.
        """
        with self._thread_lock:
            if self._txn is not None:
                yield self._txn
                return
            self._lock.acquire()
            txn = self._txn = Transaction()
            try:
                yield txn
                if txn.dirty:
                    assert txn.data is not None
                    self._commit(txn)
                elif txn.data is not None:
                    # Read, not written, nothing raised: the data is as it was read.
                    self._cache, self._cache_signature = LazyTables(txn.data), txn.read_signature
                    self._cache_raw, self._table_bytes = txn.read_raw, txn.table_bytes
            finally:
                self._txn = None
                self._lock.release()

    def create(self, data: Data) -> bool:
        """Write ``data`` as a new file unless one exists; True if this call created it."""
        with self.transaction():
            if self.exists():
                return False
            txn = self._txn
            assert txn is not None
            txn.data, txn.dirty = data, True
            self._commit(txn)
            txn.dirty = False
            return True

    def _commit(self, txn: Transaction) -> None:
        assert txn.data is not None
        if self._lock.unavailable is not None:
            raise WriteFailedError(self.path, self._lock.unavailable)
        tables = serialise(txn.data, txn.table_bytes, txn.changed)
        pieces = layout(tables)[0]
        try:
            atomic_write(self.path, pieces)
        except OSError as error:
            # The in-memory data holds changes that never reached the disk: forget it.
            self._cache = self._cache_signature = self._cache_raw = None
            self._table_bytes = {}
            raise WriteFailedError(self.path, error) from error
        txn.written_signature = self.stat_signature()
        self._last_version = pieces
        self._cache_raw, self._table_bytes = None, tables
        # The tables this write changed stay parsed: the next write likely changes them too.
        self._cache = LazyTables.released(txn.data, self._table_bytes, keep=txn.changed or set())
        self._cache_signature = txn.written_signature

    def save_again(self) -> None:
        """Write the version this session last read or wrote back to the path, after the
        file was deleted or something else put there and taken away: what the user sees
        is saved. Refuses (``FileReappearedError``) if anything is at the path now."""
        with self._thread_lock:
            pieces = self._last_version
            if pieces is None:
                raise FileGoneError(self.path, "was never read by this session")
            create_folders(self.path.parent)
            with self.transaction():
                if os.path.lexists(self.path):
                    raise FileReappearedError(self.path)
                if self._lock.unavailable is not None:
                    raise WriteFailedError(self.path, self._lock.unavailable)
                try:
                    atomic_write(self.path, pieces)
                except OSError as error:
                    raise WriteFailedError(self.path, error) from error
                # Read again when next asked, as any file that changed.
                self._cache = self._cache_signature = self._cache_raw = None
                self._table_bytes = {}

    # --- housekeeping -----------------------------------------------------------------

    def remove_orphaned_temp_files(self) -> list[Path]:
        """Delete temp files of ours left by a writer that was killed mid-write.

        Under the lock: a temp file only exists while its writer holds the lock, so
        any found now is an orphan, however young (no age guess needed). None was
        ever acknowledged, so none is ever restored.
        """
        removed = []
        with self.transaction():
            for candidate in self.path.parent.glob(temp_prefix(self.path) + "*.tmp"):
                with contextlib.suppress(OSError):  # gone already, or a read-only folder
                    candidate.unlink()
                    removed.append(candidate)
        return removed
