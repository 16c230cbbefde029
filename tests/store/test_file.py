"""The data file: nothing is lost, nothing damaged is overwritten, and it stays private."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import stat
import tempfile
from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from store import (
    CorruptDatabaseError,
    Mood,
    NewerSchemaError,
    Stage,
    Store,
    TimerKind,
    WriteFailedError,
    fixed_clock,
)
from store.file import migrations, storage
from store.file.backups import backup_folder, list_backups
from store.file.parsing import parse_as_written
from store.sample import SAMPLE_NOW
from store.synthetic import synthetic_records

FIXTURES = Path(__file__).parent / "fixtures"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_focus_block(store: Store) -> None:
    store.timer.add_session(
        kind=TimerKind.FOCUS,
        started_at=SAMPLE_NOW,
        planned_seconds=1500,
        actual_seconds=1500,
        completed=True,
    )


def tree(folder: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in folder.iterdir()} if folder.exists() else {}


DAMAGED = {
    "empty": b"",
    "truncated": b'{"_meta": {"1": {"schema_version": 1}}, "applications": {"1": {"id"',
    "trailing garbage": b'{"_meta": {"1": {"schema_version": 1}}}\n{"_default": {}}',
    "NUL bytes": b'{"_meta": {"1": {"schema_version": 1}}}' + b"\x00" * 64,
    "a list at the top": b"[]",
    "a table that is not an object": b'{"_meta": {"1": {"schema_version": 1}}, "applications": []}',
    "a record that is not an object": b'{"_meta": {"1": {"schema_version": 1}}, "wins": {"1": 3}}',
    "no schema version": b'{"_default": {}}',
}


@pytest.mark.parametrize("damage", DAMAGED, ids=list(DAMAGED))
def test_a_damaged_file_is_refused_and_left_untouched(store: Store, damage: str) -> None:
    store.backup("before-damage")
    backups_before = tree(backup_folder(store.path))
    store.path.write_bytes(DAMAGED[damage])
    before = sha256(store.path)

    with pytest.raises(CorruptDatabaseError) as raised:
        Store.open(store.path, clock=fixed_clock(SAMPLE_NOW + timedelta(days=1)))

    assert raised.value.path == store.path
    assert raised.value.backups, "the message can point at the newest backup"
    assert sha256(store.path) == before
    assert tree(backup_folder(store.path)) == backups_before


def test_an_open_session_refuses_to_write_over_a_file_damaged_under_it(store: Store) -> None:
    store.applications.add(company="Acme", role="Dev")
    store.path.write_bytes(b"")
    with pytest.raises(CorruptDatabaseError):
        store.applications.add(company="Second", role="Dev")
    assert store.path.read_bytes() == b""


def test_a_file_from_a_newer_bounceback_is_refused_untouched(store: Store) -> None:
    data = json.loads(store.path.read_bytes())
    data["_meta"]["1"]["schema_version"] = 999
    store.path.write_text(json.dumps(data))
    before = sha256(store.path)

    with pytest.raises(NewerSchemaError, match="schema 999"):
        Store.open(store.path)
    assert sha256(store.path) == before


def test_a_missing_file_with_backups_is_an_error_not_a_fresh_start(store: Store) -> None:
    store.applications.add(company="Acme", role="Dev")
    store.backup()
    store.path.unlink()
    with pytest.raises(CorruptDatabaseError, match="missing"):
        Store.open(store.path)
    assert not store.path.exists()


def test_every_schema_fixture_opens_and_validates(tmp_path: Path) -> None:
    """Each historical file layout must still open with today's models."""
    for version in range(1, migrations.SCHEMA_VERSION + 1):
        path = tmp_path / f"v{version}.json"
        shutil.copy(FIXTURES / f"schema-v{version}.json", path)
        store = Store.open(path, clock=fixed_clock(SAMPLE_NOW))
        assert store.schema_version() == migrations.SCHEMA_VERSION
        assert store.invalid_records() == []
        assert store.applications.on_board(), f"schema-v{version}.json has applications"


def test_a_damaged_application_in_an_old_file_is_reported_not_a_failed_migration(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.json"
    tables = json.loads((FIXTURES / "schema-v1.json").read_text())
    tables["applications"]["900"] = {"company": "Broken", "resume": "CV lost"}  # no dates
    path.write_text(json.dumps(tables))
    store = Store.open(path, clock=fixed_clock(SAMPLE_NOW))
    assert store.schema_version() == migrations.SCHEMA_VERSION
    assert [record.doc_id for record in store.invalid_records()] == [900]
    assert "CV lost" not in {m.name for m in store.materials.all()}


def test_a_migration_backs_up_first_and_lands_in_one_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.json"
    shutil.copy(FIXTURES / "schema-v1.json", path)
    original = path.read_bytes()

    def tag_everything(tables: migrations.Tables) -> migrations.Tables:
        for doc in tables["applications"].values():
            doc["tags"] = [*doc["tags"], "migrated"]
        return tables

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, tag_everything)
    writes = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (writes.append(b), real_replace(a, b)))

    store = Store.open(path, clock=fixed_clock(SAMPLE_NOW))

    assert store.schema_version() == 2
    assert all("migrated" in a.tags for a in store.applications.on_board())
    assert [str(w) for w in writes].count(str(path)) == 1
    (pre_migration,) = [b for b in list_backups(path) if b.tag == "pre-migration-v1"]
    assert pre_migration.path.read_bytes() == original
    (daily,) = [b for b in list_backups(path) if b.tag == "daily"]
    assert daily.path.read_bytes() == path.read_bytes(), "the day's backup is the migrated file"


def test_a_failing_migration_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.json"
    shutil.copy(FIXTURES / "schema-v1.json", path)
    before = sha256(path)

    def broken(tables: migrations.Tables) -> migrations.Tables:
        tables["applications"].clear()
        raise KeyError("a bug in a migration")

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, broken)
    with pytest.raises(KeyError):
        Store.open(path, clock=fixed_clock(SAMPLE_NOW))
    assert sha256(path) == before


@pytest.mark.parametrize(
    ("call", "error"),
    [("write", errno.ENOSPC), ("fsync", errno.EIO), ("replace", errno.EIO)],
)
def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
    store: Store, monkeypatch: pytest.MonkeyPatch, call: str, error: int
) -> None:
    kept = store.applications.add(company="Kept", role="Dev")
    before = sha256(store.path)
    real_write = os.write

    def fail(*args: object) -> object:
        raise OSError(error, os.strerror(error))

    def write_half_then_fail(fd: int, data: bytes) -> int:
        if len(data) > 8:
            return real_write(fd, bytes(data)[: len(data) // 2])
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(os, call, write_half_then_fail if call == "write" else fail)
    with pytest.raises(WriteFailedError, match="unchanged"):
        store.applications.add(company="Lost", role="Dev")
    monkeypatch.undo()

    assert sha256(store.path) == before
    assert not list(store.path.parent.glob(".*.tmp"))
    assert [a.company for a in store.applications.on_board()] == [kept.company]
    store.applications.add(company="Next", role="Dev")  # still usable afterwards
    assert len(store.applications.on_board()) == 2


@pytest.mark.parametrize("error", [errno.EACCES, errno.EROFS], ids=["no permission", "read-only"])
def test_a_folder_we_cannot_write_to_gives_a_clear_error(
    store: Store, monkeypatch: pytest.MonkeyPatch, error: int
) -> None:
    # Simulated: the suite may run as root, for whom chmod does not stop a write.
    before = sha256(store.path)

    def refuse(*args: object, **kwargs: object) -> object:
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteFailedError, match=os.strerror(error)):
        store.applications.add(company="Acme", role="Dev")
    assert sha256(store.path) == before


def test_files_are_private_whatever_the_umask(db_path: Path) -> None:
    old = os.umask(0o022)
    try:
        store = Store.open(db_path, clock=fixed_clock(SAMPLE_NOW))
        store.applications.add(company="Acme", role="Dev")
    finally:
        os.umask(old)
    mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
    assert mode(db_path) == 0o600
    assert mode(db_path.parent) == 0o700
    assert mode(store._storage.lock_path) == 0o600
    for backup in list_backups(db_path):
        assert mode(backup.path) == 0o600


def test_a_symlinked_data_file_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real" / "bounceback.json"
    real.parent.mkdir()
    Store.open(real)
    link = tmp_path / "link.json"
    link.symlink_to(real)

    Store.open(link).applications.add(company="Acme", role="Dev")

    assert link.is_symlink()
    assert [a.company for a in Store.open(real).applications.on_board()] == ["Acme"]


def test_orphaned_temp_files_are_cleaned_at_the_next_open(store: Store) -> None:
    # A temp file exists only while its writer holds the lock: found under the lock,
    # it is an orphan of a killed writer, however young.
    orphan = store.path.parent / f".{store.path.name}.abc123.tmp"
    someone_elses = store.path.parent / ".other.json.zzz.tmp"
    for path in (orphan, someone_elses):
        path.write_text("{}")

    Store.open(store.path)

    assert not orphan.exists()
    assert someone_elses.exists()


def test_the_days_backup_is_the_file_as_that_days_first_session_found_it(store: Store) -> None:
    store.applications.add(company="Acme", role="Developer")
    yesterdays = store.path.read_bytes()
    next_day = SAMPLE_NOW + timedelta(days=1)

    Store.open(store.path, clock=fixed_clock(next_day)).applications.add(company="B", role="r")

    newest = next(b for b in list_backups(store.path) if b.tag == "daily")
    assert newest.taken_at.date() == next_day.date()
    assert newest.path.read_bytes() == yesterdays
    assert store.path.read_bytes() != yesterdays


def test_one_daily_backup_a_day_and_ten_days_kept(db_path: Path) -> None:
    for day in range(14):
        for hour in (8, 20):
            now = SAMPLE_NOW + timedelta(days=day, hours=hour - 9)
            Store.open(db_path, clock=fixed_clock(now)).applications.add(company=f"{day}", role="r")
    daily = [b for b in list_backups(db_path) if b.tag == "daily"]
    assert len(daily) == 10
    assert [b.taken_at.date() for b in daily] == [
        (SAMPLE_NOW + timedelta(days=day)).date() for day in range(13, 3, -1)
    ]


def test_a_single_invalid_record_is_reported_and_survives_later_writes(store: Store) -> None:
    good = store.applications.add(company="Good", role="Dev")
    data = json.loads(store.path.read_bytes())
    broken = dict(data["applications"]["1"], id="not-a-uuid", company="")
    data["applications"]["2"] = broken
    store.path.write_text(json.dumps(data))

    reopened = Store.open(store.path)
    (invalid,) = reopened.invalid_records()
    assert (invalid.table, invalid.doc_id) == ("applications", 2)
    assert any("1 record(s)" in w and "applications" in w for w in reopened.warnings)
    assert reopened.applications.on_board() == [good]

    reopened.applications.move(good.id, Stage.APPLIED)
    assert json.loads(store.path.read_bytes())["applications"]["2"] == broken


def test_a_value_that_cannot_be_serialised_touches_nothing(store: Store) -> None:
    before = sha256(store.path)
    with pytest.raises(TypeError), store._storage.transaction():
        store._storage.write({"applications": {"1": {"bad": object()}}})
    assert sha256(store.path) == before


def test_a_file_others_can_read_is_tightened_with_a_warning(store: Store) -> None:
    store.path.chmod(0o644)
    reopened = Store.open(store.path)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert any("could be read by other users" in w for w in reopened.warnings)
    assert Store.open(store.path).warnings == []


MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
server:/export/home /home/sam nfs4 rw 0 0
sshfs#box: /mnt/box fuse.sshfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "fs_type", "network"),
    [
        ("/home/sam/.local/share/bounceback", "nfs4", True),
        ("/mnt/box/data", "fuse.sshfs", True),
        ("/home/alex", "ext4", False),
        ("/home/sammy", "ext4", False),
    ],
)
def test_network_file_systems_are_recognised(path: str, fs_type: str, network: bool) -> None:
    from store.file.disk import filesystem_type, is_network_filesystem

    assert filesystem_type(Path(path), MOUNTS) == fs_type
    assert is_network_filesystem(fs_type) is network


def test_a_write_builds_on_the_file_as_it_is_even_when_only_its_bytes_changed(
    store: Store,
) -> None:
    """A write reuses its cached parse only for byte-identical files: an outside edit of
    the same size, with the old modification time put back, is still seen."""
    added = store.applications.add(company="Acme", role="Dev")
    raw = store.path.read_bytes()
    before = store.path.stat()
    edited = raw.replace(b'"Acme"', b'"Acmf"')
    assert len(edited) == len(raw)
    with open(store.path, "r+b") as handle:  # in place: same inode, same size
        handle.write(edited)
    os.utime(store.path, ns=(before.st_atime_ns, before.st_mtime_ns))
    store.applications.add(company="Other", role="Dev")
    assert store.applications.get(added.id).company == "Acmf", "the edit was not overwritten"


@pytest.mark.parametrize("compared_at_once", [storage.COMPARED_AT_ONCE, 4096])
def test_an_outside_edit_near_the_end_of_a_large_file_is_seen_by_the_next_write(
    store: Store, compared_at_once: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under the lock a write compares the file with its cached copy: an edit of the
    same size near the end of a large file must still be seen, also where the file is
    compared in parts smaller than the table edited."""
    monkeypatch.setattr(storage, "COMPARED_AT_ONCE", compared_at_once)
    store.insert_all(synthetic_records(3000))
    store.applications.add(company="Acme", role="Dev")  # each table's bytes are now known
    raw = store.path.read_bytes()
    assert len(raw) > 512 * 1024
    digit = raw.rindex(b'"planned_seconds":') + len(b'"planned_seconds":')
    other_digit = b"2" if raw[digit : digit + 1] == b"1" else b"1"
    edited = raw[:digit] + other_digit + raw[digit + 1 :]  # the last timer session's
    before = store.path.stat()
    with open(store.path, "r+b") as handle:  # in place: same inode, same size
        handle.write(edited)
    os.utime(store.path, ns=(before.st_atime_ns, before.st_mtime_ns))

    store.applications.add(company="Other", role="Dev")

    planned = {
        id: doc["planned_seconds"] for id, doc in json.loads(edited)["timer_sessions"].items()
    }
    on_disk = json.loads(store.path.read_bytes())["timer_sessions"]
    assert {id: doc["planned_seconds"] for id, doc in on_disk.items()} == planned


def test_a_write_that_reuses_unchanged_tables_loses_nothing_from_any_of_them(
    store: Store,
) -> None:
    """A commit serialises only the tables it changed; the file must still hold every
    table as it is, including another session's writes since this one last wrote."""
    other = Store.open(store.path, clock=fixed_clock(SAMPLE_NOW))
    card = store.applications.add(company="Acme", role="Dev")
    store.journal.add(text="first", mood=Mood.OKAY)
    store.applications.move(card.id, Stage.APPLIED)  # journal bytes reused
    other.journal.add(text="from the other session", mood=Mood.GOOD)
    other.settings.update(stale_after_days=9)
    store.applications.move(card.id, Stage.INTERVIEWING)  # must not reuse stale bytes
    add_focus_block(store)

    on_disk = json.loads(store.path.read_bytes())  # whole and valid JSON
    reopened = Store.open(store.path)
    assert sorted(e.text for e in reopened.journal.entries()) == ["first", "from the other session"]
    assert reopened.applications.get(card.id).stage is Stage.INTERVIEWING
    assert reopened.settings.get().stale_after_days == 9
    assert len(reopened.timer.sessions()) == 1
    assert set(on_disk) >= {"applications", "journal", "settings", "timer_sessions"}


def test_a_long_session_sees_every_table_as_the_file_holds_it(db_path: Path) -> None:
    """Once its first screen is up, a session holds each table as its bytes in the file
    and parses one again only to write it: every read and every write still sees every
    record, as a fresh open of the file does."""
    Store.open(db_path).insert_all(synthetic_records(400))
    # As the app opens it: the board's records first, the rest once the screen is up.
    store = Store.open(db_path, clock=fixed_clock(SAMPLE_NOW), check_records=False)
    store.applications.on_board()
    store.prepare_to_write()

    def everything(session: Store) -> tuple[object, ...]:
        return (
            session.applications.on_board(),
            session.applications.archived(),
            session.journal.entries(),
            session.timer.sessions(),
            session.goals.all(),
            session.settings.get(),
        )

    assert everything(store) == everything(Store.open(db_path))
    card = store.applications.on_board()[0]
    store.applications.move(card.id, Stage.INTERVIEWING)
    assert everything(store) == everything(Store.open(db_path))
    store.journal.add(text="after the move", mood=Mood.GOOD)
    store.applications.move(card.id, Stage.OFFER)  # applications parsed and kept
    store.settings.update(stale_after_days=9)
    add_focus_block(store)

    reopened = Store.open(db_path)
    assert everything(store) == everything(reopened)
    assert reopened.applications.get(card.id).stage is Stage.OFFER
    assert "after the move" in [entry.text for entry in reopened.journal.entries()]
    assert reopened.settings.get().stale_after_days == 9


def test_a_file_with_empty_tables_side_by_side_is_still_read_a_table_at_a_time() -> None:
    """Read whole, its dicts would take several times the file's size at once: a win
    taken back, or the only contact deleted, leaves an empty table beside another."""
    raw = orjson.dumps(
        {"_meta": {"1": {"schema_version": 2}}, "wins": {}, "contacts": {},
         "applications": {"1": {"id": "a"}}}
    )  # fmt: skip
    as_written = parse_as_written(raw, keep=None)
    assert as_written is not None
    tables, table_bytes = as_written
    assert list(table_bytes) == ["_meta", "wins", "contacts", "applications"]
    assert dict(tables["applications"]) == {"1": {"id": "a"}}
