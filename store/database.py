"""``Store``: one bounceback data file, its life cycle, and its records by subject.

    store = Store.open("~/search.json")
    card = store.applications.add(company="Acme", role="Developer")
    store.applications.move(card.id, Stage.APPLIED)

Each subject (``store.applications``, ``store.journal``, ``store.timer``…) is a file of
``store/repository/`` over one transaction core; what the store does to the file as a
whole (create, migrate, back up, restore) is in ``store/file/lifecycle.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from store.clock import Clock, system_clock
from store.errors import StoreError
from store.file.disk import Signature, create_folders
from store.file.lifecycle import FileLifecycle, refuse_newer_schema
from store.file.storage import SafeJSONStorage
from store.file.tables import META, SETTINGS, TABLES, TIMER, InvalidRecord
from store.models import Application, Contact, Goal, Record
from store.repository.applications import ApplicationRepository
from store.repository.core import Core
from store.repository.goals import GoalRepository, WinRepository
from store.repository.imports import ImportRepository
from store.repository.interviews import AgendaRepository, InterviewRepository
from store.repository.journal import AffirmationRepository, JournalRepository
from store.repository.materials import MaterialRepository
from store.repository.people import PeopleRepository
from store.repository.settings import SettingsRepository
from store.repository.timer import TimerRepository

R = TypeVar("R", bound=Record)

FIRST_SCREEN_TABLES = frozenset(
    (META, SETTINGS, TIMER, TABLES[Application], TABLES[Contact], TABLES[Goal])
)
"""What an app's first screen reads (the board, the agenda's interviews of the day, the
settings, the timer, the goals it makes sure of), kept parsed through it when the open
leaves the other tables for after it."""


class Store(FileLifecycle):
    """One bounceback data file. Open it with :meth:`Store.open`."""

    def __init__(self, path: Path, *, clock: Clock, lock_timeout: float) -> None:
        self._storage = SafeJSONStorage(path, lock_timeout=lock_timeout, check=refuse_newer_schema)
        self._core = core = Core(self._storage, clock)
        self.journal = JournalRepository(core)
        self.affirmations = AffirmationRepository(core)
        self.timer = TimerRepository(core)
        self.goals = GoalRepository(core)
        self.wins = WinRepository(core)
        self.applications = ApplicationRepository(core, self.wins)
        self.people = PeopleRepository(core)
        self.settings = SettingsRepository(core)
        self.interviews = InterviewRepository(core)
        self.agenda = AgendaRepository(core)
        self.imports = ImportRepository(core)
        self.materials = MaterialRepository(core)
        self._records_checked = False
        self.warnings: list[str] = []
        """Things the user should know, found at open (shown, never fatal)."""

    @property
    def clock(self) -> Clock:
        """The time every record is stamped with (a test can set it)."""
        return self._core.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        self._core.clock = clock

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
        reads every record) waits for :meth:`check_records`, so an app can draw its
        first screen before it; the tables that screen does not read are held as their
        bytes until then (``FIRST_SCREEN_TABLES``).

        Raises ``CorruptDatabaseError`` or ``NewerSchemaError`` without writing anything.
        """
        path = Path(path).expanduser()
        create_folders(path.parent)
        store = cls(path, clock=clock, lock_timeout=lock_timeout)
        if not check_records:
            # The other tables' dicts (most of a file: the journal, the timer's sessions)
            # would be held through the first screen, and they are the biggest thing in
            # memory then; each is parsed again from its bytes when it is read.
            store._storage.prepare_to_write(but=FIRST_SCREEN_TABLES)
        store._storage.remove_orphaned_temp_files()
        store._prepare()
        if (cause := store._storage.cannot_write) is not None:
            store._warn_cannot_save(cause)
        store._check_surroundings()
        if check_records:
            store.check_records()
        else:  # a file parsed whole, or migrated, holds every table parsed until now
            store._storage.prepare_to_write(but=FIRST_SCREEN_TABLES)
        store._core.known_signature = store._storage.stat_signature()
        return store

    def prepare_to_write(self) -> None:
        """Let go of the parsed file, keeping its bytes (an app calls this once its first
        screen is up, before reading the other tables): a long session holds the bytes
        of the tables it does not write, not their dicts."""
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

    def invalid_records(self) -> list[InvalidRecord]:
        """Records in the file that fail validation: shown to the user, never dropped."""
        return self._core.invalid_records()

    def save_again(self) -> None:
        """After the data file was deleted (or something else put at its path and taken
        away): write back the version this session last read or wrote, which is what
        the user sees. Refuses with ``FileReappearedError`` if anything is there now."""
        self._core.save_again()

    def show_last_version_when_unreadable(self) -> None:
        """For an app on screen: once the file is gone, refused or damaged, a read gives
        the version this session last read (what the screen shows) instead of raising
        wherever the screen reads it, and :attr:`read_fault` says why. Writes still
        refuse, and :meth:`save_again` writes that version back."""
        self._storage.shows_last_version = True

    @property
    def read_fault(self) -> StoreError | None:
        """Why the last read gave the version held rather than the file, until the file
        is read or written again (see :meth:`show_last_version_when_unreadable`)."""
        return self._storage.read_fault

    def file_version(self) -> Signature | None:
        """One ``stat``: the data file as it is now, changed by every write of this
        session or another; None when it cannot be looked at."""
        return self._storage.stat_signature()

    def changed_on_disk(self) -> bool:
        """One ``stat``: has another session (or a shell command) changed the file?"""
        current = self._storage.stat_signature()
        changed, self._core.known_signature = current != self._core.known_signature, current
        return changed

    # --- undo, for a record of any kind ----------------------------------------------

    def revert(self, previous: R, current_rev: int) -> R:
        """Put back ``previous`` (an edit taken back), if the record is still at
        ``current_rev``; else ``ConflictError``: another session changed it since."""
        return self._core.revert(previous, current_rev)

    def restore(self, record: R) -> R:
        """Put back a deleted record exactly as it was (an application with its links:
        ``store.applications.restore``)."""
        return self._core.restore(record)

    def insert_all(self, records: Iterable[Record]) -> None:
        """Insert many records in one transaction (sample data, imports)."""
        self._core.insert_all(records)

    def schema_version(self) -> int:
        return self._schema_version(self._storage.snapshot()[1])
