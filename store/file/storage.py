"""A TinyDB storage that never loses data.

Stock ``JSONStorage`` rewrites the file in place and takes no lock, so a crash
mid-write leaves broken JSON and two processes lose each other's work. This storage:

* writes a temporary file beside the data, fsyncs it, ``os.replace``s it over the
  old file and fsyncs the folder: a kill at any instant leaves the old file or the
  new one, whole (``disk.atomic_write``);
* reads strictly: 0 bytes, broken JSON, a layout that is not ``{table: {id: doc}}`` or
  anything a write would silently change raise ``CorruptDatabaseError``; nothing is
  ever treated as an empty database (``parsing.parse``);
* keeps no file handle open, and caches the file by its stat signature, so repeated
  reads cost one ``stat``; once each table's bytes in the file are known, a table is
  kept as those bytes and parsed again only to be written (``LazyTables``);
* says what happened when the file is deleted, or something else stands at its path
  (``FileGoneError``), and can write back what this session last held (``save_again``);
* only writes inside ``transaction()``, which holds an exclusive lock (``lock.LockFile``)
  for the whole read-modify-write, re-reads the file under the lock, and commits all of
  the transaction's writes as one atomic replace (or none of them).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field
from io import BufferedReader
from pathlib import Path

from tinydb.storages import Storage

from store.errors import (
    CorruptDatabaseError,
    FileGoneError,
    FileReappearedError,
    ReadFailedError,
    StoreError,
    WriteFailedError,
)
from store.file.disk import (
    Signature,
    atomic_write,
    create_folders,
    opened,
    signature_of,
    temp_prefix,
)
from store.file.lock import LockFile
from store.file.parsing import (
    Data,
    LazyTables,
    TableBytes,
    layout,
    parse_with_bytes,
    same_bytes,
    serialise,
)

COMPARED_AT_ONCE = 1 << 20
"""Bytes of the file read at a time to compare it with the version held."""


def reads_as(handle: BufferedReader, pieces: list[bytes | memoryview]) -> bool:
    """Whether the file open in ``handle`` holds exactly ``pieces`` joined. Read a piece
    at a time, so a file as held (the usual case, before each write) is never copied
    whole into memory beside the version held."""
    for each in pieces:
        piece = memoryview(each)
        for at in range(0, len(piece), COMPARED_AT_ONCE):
            part = piece[at : at + COMPARED_AT_ONCE]
            if not same_bytes(handle.read(len(part)), [part]):
                return False
    return not handle.read(1)


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
        self.held_parsed: Container[str] | None = None
        """The tables a read of the file holds parsed (None: all of them); the others are
        held as their bytes, parsed when used (see ``prepare_to_write``)."""
        self._changing: str | None = None
        self._txn: Transaction | None = None
        self._last_version: list[bytes | memoryview] | None = None
        """The bytes of the version this session last read or wrote, for ``save_again``."""
        self.shows_last_version = False
        """Set by an app: a read of a file that cannot be read (gone, refused, damaged)
        gives the version this session last read, what is on screen, instead of raising
        wherever the screen happens to read; ``read_fault`` says why. Writes still refuse."""
        self.read_fault: StoreError | None = None
        """Why the last read gave the version held rather than the file; None once the
        file is read or written again."""
        self._faulted_at: Signature | None = None
        """The file's signature when it failed to read: it is not read again until that
        changes (every pane's read would parse a damaged file once more)."""

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

    def prepare_to_write(self, but: frozenset[str] = frozenset()) -> None:
        """Let the parsed dicts of the file read go, except the tables named in ``but``,
        where each table's bytes in it are known (the file is as bounceback writes it):
        a read or a write parses again only the table it needs (see LazyTables). The
        reads after it hold only those parsed too."""
        with self._thread_lock:
            self.held_parsed = but
            if self._cache is not None and self._table_bytes:
                in_use = self._cache.in_use
                self._cache = LazyTables.released(self._cache, self._table_bytes, keep=set(but))
                # Kept for now, not in use: a later call lets them go too.
                self._cache.in_use = in_use & self._cache.in_use

    def snapshot(self) -> tuple[Signature, LazyTables]:
        """The whole file and its signature, from cache when the file has not changed.

        Lock-free: a published file is never modified in place, only replaced, so a
        reader always sees one whole version.
        """
        with self._thread_lock:
            if self._cache is not None and self.stat_signature() == self._cache_signature:
                assert self._cache_signature is not None
                self.read_fault = None
                return self._cache_signature, self._cache
            faulted = self.read_fault is not None and self.stat_signature() == self._faulted_at
            if faulted and self._cache is not None:  # as it was when it failed: not again
                assert self._cache_signature is not None
                return self._cache_signature, self._cache
            try:
                with opened(self.path) as (handle, signature):
                    raw = handle.read()
                data, self._table_bytes = parse_with_bytes(self.path, raw, self.held_parsed)
            except (FileGoneError, ReadFailedError, CorruptDatabaseError) as fault:
                if not self.shows_last_version or self._cache is None:
                    raise
                assert self._cache_signature is not None
                self.read_fault, self._faulted_at = fault, self.stat_signature()
                return self._cache_signature, self._cache
            self._cache, self._cache_signature, self._cache_raw = data, signature, raw
            self._last_version = [raw]
            self.read_fault = None
            return signature, data

    def _held_file(self) -> list[bytes | memoryview] | None:
        """The cached version's bytes, in pieces: as read, or as written from its tables."""
        if self._cache is None:
            return None
        if self._cache_raw is not None:
            return [self._cache_raw]
        return layout(self._table_bytes)[0]

    def _read_for_transaction(self, txn: Transaction) -> None:
        """Under the lock: the file as it is now, byte for byte.

        Parsing is the slow part of a write, so
        when the bytes are exactly those of the cached version (ours, or the last one
        read), the cached data is used. Bytes, not a stat signature: two versions of
        equal size written within one clock tick must never be mistaken for each other.
        The transaction owns the data while it may change it; it is cached again after
        a commit, or given back untouched.
        """
        held = self._held_file()
        with opened(self.path) as (handle, signature):
            same = held is not None and reads_as(handle, held)
            if not same:
                handle.seek(0)
                read = handle.read()
        raw: bytes | None
        if same:
            assert self._cache is not None
            # Keep the bytes already held (the table views point into them).
            data, txn.table_bytes, raw = self._cache, self._table_bytes, self._cache_raw
        else:
            data, txn.table_bytes = parse_with_bytes(self.path, read, self.held_parsed)
            raw, self._last_version = read, [read]
        if self._check is not None:
            self._check(self.path, data)
        self._cache = self._cache_signature = self._cache_raw = None
        self._table_bytes = {}
        txn.read_signature, txn.read_raw, txn.data = signature, raw, data

    def read_bytes(self) -> bytes:
        with opened(self.path) as (handle, _):
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
        self.read_fault = None
        self._cache_raw, self._table_bytes = None, tables
        # The tables this write changed or a write used stay parsed (see LazyTables).
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
                self.read_fault = None

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
