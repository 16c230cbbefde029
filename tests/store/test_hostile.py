"""Hostile files and a file that changes under a running session: each is refused with a
message, nothing is written over it, and what the session holds is never lost."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from uuid import uuid4

import orjson
import pytest

from store import (
    CorruptDatabaseError,
    FileGoneError,
    FileReappearedError,
    InvalidInput,
    NewerSchemaError,
    Stage,
    Store,
    StoreError,
    TimerKind,
    TimerSession,
    WriteFailedError,
    fixed_clock,
    restore_backup,
)
from store.file import storage as storage_module
from store.file.backups import backup_folder, list_backups
from store.sample import SAMPLE_NOW
from tui import cli


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def two_applications(store: Store) -> dict[str, object]:
    """The store's file with two applications, as a dict to build hostile files from."""
    store.applications.add(company="First", role="Dev")
    store.applications.add(company="Second", role="Dev")
    data: dict[str, object] = json.loads(store.path.read_bytes())
    return data


def as_text(data: dict[str, object], applications: str) -> bytes:
    """``data`` as JSON, with the applications table written as ``applications``."""
    rest = ",".join(
        f"{json.dumps(name)}:{json.dumps(table)}"
        for name, table in data.items()
        if name != "applications"
    )
    return f'{{{rest},"applications":{applications}}}'.encode()


def hostile_files(data: dict[str, object]) -> dict[str, bytes]:
    apps = data["applications"]
    assert isinstance(apps, dict)
    first, second = json.dumps(apps["1"]), json.dumps(apps["2"])
    same_id = dict(apps["2"], id=apps["1"]["id"])
    deep = dict(apps["1"], notes=[[]])
    nested: object = "x"
    for _ in range(300):  # orjson reads 1,024 levels but writes only 255
        nested = [nested]
    deep["notes"] = nested
    return {
        "two records with one id": as_text(data, json.dumps({"1": apps["1"], "2": same_id})),
        "one doc id written twice": as_text(data, f'{{"1":{first},"1":{second}}}'),
        "doc ids 1 and 01": as_text(data, f'{{"1":{first},"01":{second}}}'),
        "a doc id of a superscript digit": as_text(data, f'{{"1":{first},"\u00b2":{second}}}'),
        "a table written twice": as_text(data, f'{{"1":{first}}},"applications":{{"2":{second}}}'),
        "a field written twice": as_text(
            data, f'{{"1":{first[:-1]},"company":"Other"}},"2":{second}}}'
        ),
        "nesting orjson cannot write": as_text(data, json.dumps({"1": deep, "2": apps["2"]})),
        "nesting beyond the parser's limit": as_text(
            data, f'{{"1":{first[:-1]},"x":{"[" * 2000}{"]" * 2000}}}}}'
        ),
        "an integer beyond 64 bits": as_text(
            data, json.dumps({"1": dict(apps["1"], rev=2**70), "2": apps["2"]})
        ),
        "a negative integer beyond 64 bits": as_text(
            data, json.dumps({"1": apps["1"], "2": dict(apps["2"], position=-(2**64) - 5)})
        ),
        "a number too large for a float": as_text(
            data, f'{{"1":{first[:-1]},"x":1e999}},"2":{second}}}'
        ),
        "invalid UTF-8": as_text(data, f'{{"1":{first}}}').replace(b"First", b"F\xffrst"),
        "a lone surrogate": as_text(data, f'{{"1":{first}}}').replace(b"First", b"\\ud800"),
    }


HOSTILE = [
    "two records with one id",
    "one doc id written twice",
    "doc ids 1 and 01",
    "a doc id of a superscript digit",
    "a table written twice",
    "a field written twice",
    "nesting orjson cannot write",
    "nesting beyond the parser's limit",
    "an integer beyond 64 bits",
    "a negative integer beyond 64 bits",
    "a number too large for a float",
    "invalid UTF-8",
    "a lone surrogate",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_file_is_refused_at_open_untouched(store: Store, hostile: str) -> None:
    files = hostile_files(two_applications(store))
    assert set(files) == set(HOSTILE)
    store.path.write_bytes(files[hostile])
    before, backups_before = sha256(store.path), listing(backup_folder(store.path))

    with pytest.raises(CorruptDatabaseError) as raised:
        Store.open(store.path, clock=fixed_clock(SAMPLE_NOW + timedelta(days=1)))

    assert raised.value.path == store.path
    assert sha256(store.path) == before
    assert listing(backup_folder(store.path)) == backups_before


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_file_written_under_a_session_is_refused_at_its_next_move(
    store: Store, hostile: str
) -> None:
    data = two_applications(store)
    card = store.applications.on_board()[0]
    store.path.write_bytes(hostile_files(data)[hostile])
    before = sha256(store.path)

    with pytest.raises(CorruptDatabaseError):
        store.applications.move(card.id, Stage.APPLIED)
    assert sha256(store.path) == before


@pytest.mark.parametrize(
    ("hostile", "named"),
    [
        ("two records with one id", "'applications'"),
        ("one doc id written twice", "'applications' has two records with doc id 1"),
        ("a field written twice", "record 1 of table 'applications'"),
    ],
)
def test_the_message_names_the_table_and_the_record(store: Store, hostile: str, named: str) -> None:
    data = two_applications(store)
    record_id = data["applications"]["1"]["id"]  # type: ignore[index]
    store.path.write_bytes(hostile_files(data)[hostile])
    with pytest.raises(CorruptDatabaseError, match=named) as raised:
        Store.open(store.path)
    if hostile == "two records with one id":
        assert record_id in str(raised.value)


@pytest.mark.parametrize("hostile", ["nesting orjson cannot write", "an integer beyond 64 bits"])
def test_the_command_line_names_a_hostile_file_and_exits_2(
    store: Store, hostile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store.path.write_bytes(hostile_files(two_applications(store))[hostile])
    assert cli.main(["--db", str(store.path), "list"]) == cli.EXIT_DATA_PROBLEM
    assert f"cannot open {store.path}" in capsys.readouterr().err


def test_a_file_written_by_other_means_without_repeats_still_opens(store: Store) -> None:
    """Indented, keys escaped: not as orjson writes it, so every key is checked; it is
    a good file all the same."""
    card = store.applications.add(company="Acme", role="Dev")
    store.path.write_text(json.dumps(json.loads(store.path.read_bytes()), indent=2))
    assert Store.open(store.path).applications.get(card.id).company == "Acme"


# --- a table of many records, read a few hundred at a time ---------------------------

MANY = 1_200
"""More records than one part of a table read at a time holds (``RECORDS_AT_ONCE``)."""


def many_sessions(store: Store) -> dict[str, Any]:
    """The store's file with ``MANY`` timer sessions, as a dict."""
    started = SAMPLE_NOW - timedelta(days=400)
    store.insert_all(
        TimerSession(
            kind=TimerKind.FOCUS,
            started_at=started + timedelta(hours=n),
            planned_seconds=1500,
            actual_seconds=1500,
            completed=True,
        )
        for n in range(MANY)
    )
    data: dict[str, Any] = orjson.loads(store.path.read_bytes())
    assert len(data["timer_sessions"]) == MANY
    return data


def damaged_far_in(data: dict[str, Any]) -> dict[str, bytes]:
    """Damage to a record far from the table's first, written as bounceback lays a file
    out (no spaces)."""
    sessions = data["timer_sessions"]
    first, last = sessions["1"], sessions[str(MANY)]
    whole = orjson.dumps(data)
    twin = orjson.dumps(
        {**data, "timer_sessions": {**sessions, str(MANY): {**last, "id": first["id"]}}}
    )
    leading_zero = orjson.dumps(
        {**data, "timer_sessions": {**sessions, f"0{MANY - 1}": {**first, "id": str(uuid4())}}}
    )
    last_doc = f'"{MANY}":{{'.encode()
    return {
        "two records with one id": twin,
        "doc ids that are one number": leading_zero,
        "one doc id written twice": whole.replace(last_doc, f'"{MANY - 1}":{{'.encode()),
        "a field written twice": whole.replace(last_doc, last_doc + b'"rev":2,'),
    }


@pytest.mark.parametrize(
    "damage",
    [
        "two records with one id",
        "doc ids that are one number",
        "one doc id written twice",
        "a field written twice",
    ],
)
def test_damage_far_into_a_long_table_is_refused_at_open_untouched(
    store: Store, damage: str
) -> None:
    store.path.write_bytes(damaged_far_in(many_sessions(store))[damage])
    before = sha256(store.path)
    with pytest.raises(CorruptDatabaseError, match="'timer_sessions'"):
        Store.open(store.path, check_records=False)
    assert sha256(store.path) == before


def test_a_record_holding_what_lies_between_records_and_tables_is_read_like_any(
    store: Store,
) -> None:
    """Records the app cannot read, one holding in a field the very bytes that end a
    record and a table: each is reported once, and every other record is read."""
    data = many_sessions(store)
    sessions = data["timer_sessions"]
    sessions["3"] = {**sessions["3"], "planned_seconds": 0}
    odd = str(2 * 500)  # where the second part of the table read at a time would end
    sessions[odd] = {**sessions[odd], "x": {"a": {"b": {}}, "journal": {"1": {}}, "7": {}}}
    store.path.write_bytes(orjson.dumps(data))
    assert b'}},"journal":{"1":{}},"7":{' in store.path.read_bytes()

    opened = Store.open(store.path, check_records=False)
    assert len(opened.timer.sessions()) == MANY - 2
    invalid = [(record.table, record.doc_id) for record in opened.invalid_records()]
    assert invalid == [("timer_sessions", 3), ("timer_sessions", int(odd))]


# --- a newer bounceback writes the file while this one is open --------------------------


@pytest.mark.parametrize("change", ["move", "add", "settings", "timer"])
def test_a_file_upgraded_by_a_newer_bounceback_is_never_written_by_this_one(
    store: Store, change: str
) -> None:
    card = store.applications.add(company="Acme", role="Dev")
    data = json.loads(store.path.read_bytes())
    data["_meta"]["1"]["schema_version"] = 999
    store.path.write_bytes(orjson.dumps(data))
    before = sha256(store.path)
    changes: dict[str, Callable[[], object]] = {
        "move": lambda: store.applications.move(card.id, Stage.APPLIED),
        "add": lambda: store.applications.add(company="B", role="Dev"),
        "settings": lambda: store.settings.update(stale_after_days=9),
        "timer": store.timer.toggle,
    }
    with pytest.raises(NewerSchemaError, match="schema 999"):
        changes[change]()
    assert sha256(store.path) == before


# --- the data file deleted, or something else put at its path --------------------------


def test_a_deleted_file_is_reported_and_what_the_session_read_is_saved_again(
    store: Store,
) -> None:
    card = store.applications.add(company="Acme", role="Dev")
    store.path.unlink()

    assert store.changed_on_disk()
    with pytest.raises(FileGoneError, match="deleted"):
        store.applications.on_board()
    with pytest.raises(FileGoneError, match="save it again"):
        store.applications.move(card.id, Stage.APPLIED)
    assert not store.path.exists()

    store.save_again()
    assert Store.open(store.path).applications.on_board() == [card]
    assert store.applications.move(card.id, Stage.APPLIED).stage is Stage.APPLIED


@pytest.mark.parametrize(
    "fault",
    [
        lambda path: path.unlink(),
        lambda path: (path.unlink(), path.mkdir()),
        lambda path: path.write_text('{"_meta": {'),
    ],
    ids=["deleted", "a folder", "damaged"],
)
def test_an_app_reads_what_it_last_read_while_the_file_cannot_be_read_and_writes_refuse(
    store: Store, fault: Callable[[Path], object]
) -> None:
    card = store.applications.add(company="Acme", role="Dev")
    store.show_last_version_when_unreadable()
    fault(store.path)

    assert store.applications.on_board() == [card], "what is on screen, not a crash"
    assert isinstance(store.read_fault, StoreError)
    with pytest.raises(StoreError):
        store.applications.move(card.id, Stage.APPLIED)
    assert store.applications.on_board() == [card]


def test_a_damaged_file_an_app_reads_is_parsed_once_not_at_every_read(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every pane and the once-a-second look read: a damaged 10 MB file parsed at each
    read kept a core busy and the memory growing."""
    store.applications.add(company="Acme", role="Dev")
    store.show_last_version_when_unreadable()
    store.path.write_text('{"_meta": {')
    parses = []
    parse = storage_module.parse_with_bytes

    def counted(*args: Any) -> Any:
        parses.append(args)
        return parse(*args)

    monkeypatch.setattr(storage_module, "parse_with_bytes", counted)
    for _ in range(5):
        assert [a.company for a in store.applications.on_board()] == ["Acme"]
    assert len(parses) == 1
    store.path.write_text('{"_meta": {"1"')  # damaged otherwise: looked at again
    store.applications.on_board()
    assert len(parses) == 2


def test_once_the_file_is_back_an_app_reads_it_and_the_fault_is_gone(store: Store) -> None:
    store.applications.add(company="Acme", role="Dev")
    store.show_last_version_when_unreadable()
    store.path.unlink()
    store.applications.on_board()
    assert store.read_fault is not None
    store.save_again()
    assert [a.company for a in store.applications.on_board()] == ["Acme"]
    assert store.read_fault is None


def test_a_file_replaced_by_a_folder_is_reported_then_saved_again_once_it_is_gone(
    store: Store,
) -> None:
    card = store.applications.add(company="Acme", role="Dev")
    store.path.unlink()
    store.path.mkdir()

    assert store.changed_on_disk()
    with pytest.raises(FileGoneError, match="folder"):
        store.applications.on_board()
    with pytest.raises(FileGoneError, match="folder"):
        store.applications.move(card.id, Stage.APPLIED)
    with pytest.raises(FileReappearedError):
        store.save_again()
    assert store.path.is_dir()

    store.path.rmdir()
    store.save_again()
    assert [a.company for a in Store.open(store.path).applications.on_board()] == ["Acme"]


def test_a_named_pipe_at_the_path_is_reported_without_waiting_for_a_writer(
    store: Store,
) -> None:
    store.applications.add(company="Acme", role="Dev")
    store.path.unlink()
    os.mkfifo(store.path)
    with pytest.raises(FileGoneError, match="named pipe"):
        store.applications.on_board()


def test_save_again_leaves_a_file_that_came_back_alone(store: Store) -> None:
    store.applications.add(company="Mine", role="Dev")
    store.path.unlink()
    with pytest.raises(FileGoneError):
        store.applications.on_board()
    store.path.write_bytes(b"someone else's")

    with pytest.raises(FileReappearedError):
        store.save_again()
    assert store.path.read_bytes() == b"someone else's"


def test_save_again_recreates_a_deleted_folder_privately(store: Store) -> None:
    card = store.applications.add(company="Acme", role="Dev")
    for path in store.path.parent.iterdir():
        if path.is_dir():
            for inner in path.iterdir():
                inner.unlink()
            path.rmdir()
        else:
            path.unlink()
    store.path.parent.rmdir()

    store.save_again()
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    assert Store.open(store.path).applications.on_board() == [card]


def test_a_folder_at_the_path_at_open_is_reported_as_damaged(db_path: Path) -> None:
    db_path.mkdir(parents=True)
    with pytest.raises(CorruptDatabaseError, match="folder"):
        Store.open(db_path)


# --- any refusal of the system reaches the caller as a StoreError ------------------------


FAULTS = [errno.EACCES, errno.EIO, errno.EMFILE]


def refuse_opening(monkeypatch: pytest.MonkeyPatch, path: Path, error: int) -> None:
    """Every way of opening ``path`` fails with ``error``."""
    import builtins

    real_os_open, real_open = os.open, builtins.open

    def os_open(file: object, *args: object, **kwargs: object) -> object:
        if os.fspath(file) == str(path):  # type: ignore[call-overload]
            raise OSError(error, os.strerror(error), str(path))
        return real_os_open(file, *args, **kwargs)  # type: ignore[arg-type]

    def builtin_open(file: object, *args: object, **kwargs: object) -> object:
        if not isinstance(file, int) and os.fspath(file) == str(path):  # type: ignore[call-overload]
            raise OSError(error, os.strerror(error), str(path))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", builtin_open)


OPERATIONS: dict[str, Callable[[Store], object]] = {
    "open": lambda store: Store.open(store.path),
    "read": lambda store: store.applications.on_board(),
    "write": lambda store: store.applications.add(company="B", role="Dev"),
    "backup": lambda store: store.backup(),
}


@pytest.mark.parametrize("error", FAULTS, ids=[errno.errorcode[e] for e in FAULTS])
@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_refused_read_of_the_data_file_is_a_store_error(
    store: Store, monkeypatch: pytest.MonkeyPatch, operation: str, error: int
) -> None:
    store.applications.add(company="Acme", role="Dev")
    Store.open(store.path).applications.add(company="Other", role="Dev")  # not cached
    before = sha256(store.path)
    refuse_opening(monkeypatch, store.path, error)

    with pytest.raises(StoreError, match=os.strerror(error)):
        OPERATIONS[operation](store)
    monkeypatch.undo()
    assert sha256(store.path) == before


@pytest.mark.parametrize("error", FAULTS, ids=[errno.errorcode[e] for e in FAULTS])
def test_a_refused_lock_file_is_a_store_error(
    store: Store, monkeypatch: pytest.MonkeyPatch, error: int
) -> None:
    before = sha256(store.path)
    refuse_opening(monkeypatch, store._storage.lock_path, error)
    with pytest.raises(WriteFailedError, match=os.strerror(error)):
        store.applications.add(company="B", role="Dev")
    monkeypatch.undo()
    assert sha256(store.path) == before


@pytest.mark.parametrize("error", FAULTS, ids=[errno.errorcode[e] for e in FAULTS])
def test_a_refused_look_at_the_file_counts_as_a_change_and_the_file_is_read_again(
    store: Store, monkeypatch: pytest.MonkeyPatch, error: int
) -> None:
    card = store.applications.add(company="Acme", role="Dev")
    real_stat = os.stat

    def refuse(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if os.fspath(path) == str(store.path):  # type: ignore[call-overload]
            raise OSError(error, os.strerror(error))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", refuse)
    assert store.changed_on_disk()
    assert store.applications.on_board() == [card]


def test_a_lock_file_others_can_read_is_made_private(store: Store) -> None:
    store._storage.lock_path.chmod(0o666)
    store.applications.add(company="Acme", role="Dev")
    assert stat.S_IMODE(store._storage.lock_path.stat().st_mode) == 0o600


# --- recovery -----------------------------------------------------------------------------


def suggested_command(stderr: str) -> str:
    (line,) = [line for line in stderr.splitlines() if "restore" in line and "--db" in line]
    return line.strip()


def test_the_suggested_restore_works_in_a_shell_after_a_restore_and_a_second_damage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / 'it\'s a "$(touch pwned)" folder; `touch pwned2` $HOME'
    path = folder / "bounceback.json"
    kept = Store.open(path)
    kept.applications.add(company="Kept", role="Dev")
    kept.backup()
    programs = str(Path(sys.executable).parent)
    for damage in (b"", b"[]"):  # damaged, restored, damaged again: all in one day
        path.write_bytes(damage)
        assert cli.main(["--db", str(path), "list"]) == cli.EXIT_DATA_PROBLEM
        command = suggested_command(capsys.readouterr().err)
        restored = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env={**os.environ, "PATH": f"{programs}:{os.environ['PATH']}"},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert restored.returncode == 0, restored.stderr
        assert [a.company for a in Store.open(path).applications.on_board()] == ["Kept"]
    assert not list(tmp_path.rglob("pwned*"))


def test_no_restore_is_suggested_when_no_backup_can_be_restored(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    for backup in list_backups(store.path):
        backup.path.write_bytes(b"{")
    store.path.write_bytes(b"")
    assert cli.main(["--db", str(store.path), "list"]) == cli.EXIT_DATA_PROBLEM
    err = capsys.readouterr().err
    assert "none of its" in err
    assert "--db" not in err


def test_every_missing_folder_of_a_new_data_path_is_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        Store.open(tmp_path / "new" / "a" / "b" / "file.json")
    finally:
        os.umask(old)
    for folder in ("new", "new/a", "new/a/b"):
        assert stat.S_IMODE((tmp_path / folder).stat().st_mode) == 0o700, folder


@pytest.mark.parametrize("target_kind", ["a text file", "a folder"])
def test_restore_through_a_symlink_to_something_else_refuses_and_creates_nothing(
    store: Store, tmp_path: Path, target_kind: str
) -> None:
    store.applications.add(company="Backed up", role="Dev")
    good = store.backup()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "notes.txt"
    if target_kind == "a folder":
        target.mkdir()
    else:
        target.write_text("my own notes, not bounceback's\n")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    before = listing(elsewhere)

    with pytest.raises(CorruptDatabaseError, match=r"not a (bounceback )?data file"):
        restore_backup(link, good.path)

    assert listing(elsewhere) == before
    if target_kind == "a text file":
        assert target.read_text() == "my own notes, not bounceback's\n"


def test_restore_over_a_damaged_data_file_still_works(store: Store) -> None:
    store.applications.add(company="Kept", role="Dev")
    good = store.backup()
    store.path.write_bytes(b"not json at all")
    restore_backup(store.path, good.path)
    assert [a.company for a in Store.open(store.path).applications.on_board()] == ["Kept"]


def test_the_days_backup_is_taken_once_per_day_of_the_users_own_clock(db_path: Path) -> None:
    pacific = timezone(timedelta(hours=-8))
    evening = datetime(2026, 3, 16, 20, 0, tzinfo=pacific)  # 04:00 UTC on the 17th
    next_morning = datetime(2026, 3, 17, 9, 0, tzinfo=pacific)  # 17:00 UTC on the 17th
    for now in (evening, evening + timedelta(hours=3), next_morning):
        Store.open(db_path, clock=fixed_clock(now)).applications.add(company="A", role="r")
    daily = [b for b in list_backups(db_path) if b.tag == "daily"]
    assert sorted(b.taken_at.astimezone(pacific).date() for b in daily) == [
        evening.date(),
        next_morning.date(),
    ]


# --- a full disk or a read-only file system ----------------------------------------------


WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def make_read_only(monkeypatch: pytest.MonkeyPatch, folder: Path, error: int) -> None:
    """Everything under ``folder`` as on a read-only file system: reads work, every
    change fails with ``error`` (simulated: the suite may run as root)."""

    def inside(path: object) -> bool:
        return str(os.fspath(path)).startswith(str(folder))  # type: ignore[call-overload]

    def refuse() -> OSError:
        return OSError(error, os.strerror(error))

    real = {name: getattr(os, name) for name in ("open", "mkdir", "chmod", "unlink", "replace")}

    def os_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if inside(path) and flags & WRITING:
            raise refuse()
        return int(real["open"](path, flags, *args, **kwargs))

    def change(name: str) -> Callable[..., object]:
        def changing(path: object, *args: object, **kwargs: object) -> object:
            if inside(path):
                raise refuse()
            return real[name](path, *args, **kwargs)

        return changing

    monkeypatch.setattr(os, "open", os_open)
    for name in ("mkdir", "chmod", "unlink", "replace"):
        monkeypatch.setattr(os, name, change(name))

    def fchmod(fd: int, mode: int) -> None:
        raise refuse()

    monkeypatch.setattr(os, "fchmod", fchmod)


@pytest.mark.parametrize("lock_file", ["lock file left", "no lock file"])
def test_a_read_only_file_system_can_be_looked_at_and_says_nothing_can_be_saved(
    store: Store, monkeypatch: pytest.MonkeyPatch, lock_file: str
) -> None:
    card = store.applications.add(company="Acme", role="Dev")
    if lock_file == "no lock file":
        store._storage.lock_path.unlink()
    before = sha256(store.path)
    make_read_only(monkeypatch, store.path.parent, errno.EROFS)

    opened = Store.open(store.path, clock=fixed_clock(SAMPLE_NOW + timedelta(days=1)))

    assert opened.applications.on_board() == [card]
    assert any("day's backup could not be taken" in w for w in opened.warnings)
    assert any("Nothing can be saved" in w for w in opened.warnings)
    with pytest.raises(WriteFailedError, match="Read-only file system"):
        opened.applications.move(card.id, Stage.APPLIED)
    assert sha256(store.path) == before


def test_a_full_disk_can_be_looked_at_and_says_nothing_can_be_saved(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = store.applications.add(company="Acme", role="Dev")
    before = sha256(store.path)

    def disk_full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", disk_full)
    opened = Store.open(store.path, clock=fixed_clock(SAMPLE_NOW + timedelta(days=1)))

    assert opened.applications.on_board() == [card]
    assert any("day's backup could not be taken" in w for w in opened.warnings)
    assert any("Nothing can be saved" in w for w in opened.warnings)
    with pytest.raises(WriteFailedError, match="No space left"):
        opened.applications.move(card.id, Stage.APPLIED)
    assert sha256(store.path) == before
    assert not list(store.path.parent.glob(".*.tmp"))


@pytest.mark.parametrize("command", ["list", "journal", "stats", "contacts"])
def test_read_only_commands_work_on_a_read_only_file_system(
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    store.applications.add(company="Acme", role="Dev")
    store.people.add(name="Ada")
    store.path.with_name(store.path.name + ".lock").unlink()
    make_read_only(monkeypatch, store.path.parent, errno.EROFS)

    assert cli.main(["--db", str(store.path), command]) == cli.EXIT_OK
    assert "Nothing can be saved" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("mounted", "error"),
    [("read-only", "Read-only file system"), ("full", "No space left on device")],
)
def test_a_disk_that_says_it_is_full_or_read_only_is_warned_about_at_open(
    store: Store, monkeypatch: pytest.MonkeyPatch, mounted: str, error: str
) -> None:
    """Even when the day's backup, which would have failed, was taken already."""
    real = os.statvfs(store.path.parent)
    fields = [getattr(real, name) for name in ("f_bsize", "f_frsize", "f_blocks")]
    free = 0 if mounted == "full" else real.f_bfree
    flag = real.f_flag | (os.ST_RDONLY if mounted == "read-only" else 0)
    said = os.statvfs_result(
        (*fields, free, free, real.f_files, real.f_ffree, real.f_favail, flag, real.f_namemax)
    )
    monkeypatch.setattr(os, "statvfs", lambda path: said)

    opened = Store.open(store.path, clock=fixed_clock(SAMPLE_NOW))

    (warning,) = [w for w in opened.warnings if w.startswith("Nothing can be saved")]
    assert error in warning


def test_records_inserted_twice_are_refused_and_the_file_is_left_as_it_was(store: Store) -> None:
    card = store.applications.add(company="Acme", role="Dev")
    before = store.path.read_bytes()
    with pytest.raises(InvalidInput, match="already taken"):
        store.insert_all([card])
    with pytest.raises(InvalidInput, match="already taken"):
        store.insert_all([card.model_copy(update={"id": uuid4(), "company": "Globex"})] * 2)
    assert store.path.read_bytes() == before
    assert [a.company for a in Store.open(store.path).applications.on_board()] == ["Acme"]
