"""Two processes writing one file at the same time: nothing acknowledged is lost."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import random
import time
from pathlib import Path
from typing import Any

import pytest

from store import ConflictError, NotFoundError, Stage, Store, StoreError

PER_WRITER = 200


def _add_many(path: str, writer: str, start: multiprocessing.synchronize.Event) -> None:
    store = Store.open(path)
    start.wait()
    for n in range(PER_WRITER):
        added = store.applications.add(company=f"{writer}-{n}", role="Developer")
        if n % 10 == 0:  # a read-modify-write of a record the other writer may also touch
            store.applications.move(added.id, Stage.APPLIED)


def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.json"
    Store.open(path)
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Event()
    writers = [
        spawn.Process(target=_add_many, args=(str(path), name, start)) for name in ("a", "b")
    ]
    for writer in writers:
        writer.start()
    start.set()
    for writer in writers:
        writer.join(timeout=120)
        assert writer.exitcode == 0

    applications = Store.open(path).applications.on_board()
    companies = {a.company for a in applications}
    print(f"two writers: {len(applications)} applications on file, {2 * PER_WRITER} added")
    assert len(applications) == 2 * PER_WRITER
    assert companies == {f"{w}-{n}" for w in "ab" for n in range(PER_WRITER)}
    assert len({a.id for a in applications}) == len(applications)
    assert sum(a.stage is Stage.APPLIED for a in applications) == 2 * PER_WRITER // 10


MIXED_OPS = 300


def _mixed(path: str, name: str, start: multiprocessing.synchronize.Event, results: Any) -> None:
    """Random adds, moves, edits (compare-and-set on rev) and deletes; log what was acked."""
    store = Store.open(path)
    rng = random.Random(name)
    added, deleted, tokens, conflicts = [], [], [], 0
    start.wait()
    for n in range(MIXED_OPS):
        pool = store.applications.on_board()
        op = rng.choice(["add", "add", "move", "edit", "edit", "delete"]) if pool else "add"
        try:
            if op == "add":
                added.append(str(store.applications.add(company=f"{name}-{n}", role="r").id))
            elif op == "move":
                target = rng.choice([Stage.WISHLIST, Stage.APPLIED, Stage.INTERVIEWING])
                store.applications.move(rng.choice(pool).id, target)
            elif op == "edit":
                current = store.applications.get(rng.choice(pool).id)
                token = f"{name}{n};"
                store.applications.update(
                    current.model_copy(update={"notes": current.notes + token})
                )
                tokens.append((str(current.id), token))
            else:
                deleted.append(str(store.applications.delete(rng.choice(pool).id).application.id))
        except ConflictError:
            conflicts += 1  # the other writer saved it first: refused, not lost
        except NotFoundError:
            pass  # the other writer deleted it first
    results.put((added, deleted, tokens, conflicts))


def test_two_writers_with_mixed_operations_lose_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mixed.json"
    Store.open(path)
    spawn = multiprocessing.get_context("spawn")
    start, results = spawn.Event(), spawn.Queue()
    writers = [
        spawn.Process(target=_mixed, args=(str(path), name, start, results)) for name in "ab"
    ]
    for writer in writers:
        writer.start()
    start.set()
    outcomes = [results.get(timeout=180) for _ in writers]
    for writer in writers:
        writer.join(timeout=30)
        assert writer.exitcode == 0

    store = Store.open(path)
    on_file = {str(a.id): a for a in store.applications.on_board()}
    assert len(on_file) == len(store.applications.on_board())  # no duplicate ids
    assert store.invalid_records() == []
    added = {i for outcome in outcomes for i in outcome[0]}
    deleted = {i for outcome in outcomes for i in outcome[1]}
    assert set(on_file) == added - deleted
    tokens = [t for outcome in outcomes for t in outcome[2]]
    for record_id, token in tokens:
        if record_id in on_file:
            assert token in on_file[record_id].notes, "an acknowledged edit was lost"
    conflicts = sum(outcome[3] for outcome in outcomes)
    with capsys.disabled():
        print(
            f"\ntwo writers: {2 * MIXED_OPS} operations, {len(added)} adds, {len(deleted)} "
            f"deletes, {len(tokens)} edits acknowledged and all on file, {conflicts} edits "
            f"refused as conflicts, {len(on_file)} applications, lost: 0"
        )


def test_opening_while_another_session_writes_does_not_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening checks every table for records it cannot read; another session's write
    landing between two tables must not lose the tables already checked."""
    import store.repository.core

    path = tmp_path / "shared.json"
    other = Store.open(path)
    check_table = store.repository.core.validate_table
    written = []

    def check_while_the_other_writes(table: str, *args: Any) -> Any:
        if table == "journal" and not written:
            written.append(other.applications.add(company="Meanwhile", role="Dev"))
        return check_table(table, *args)

    monkeypatch.setattr(store.repository.core, "validate_table", check_while_the_other_writes)
    opened = Store.open(path)
    assert written, "the other session wrote while the tables were being checked"
    assert opened.invalid_records() == []
    assert [a.company for a in opened.applications.on_board()] == ["Meanwhile"]


LOCK_WRITERS, ADDS_EACH = 3, 150


def _add_while_the_lock_file_goes(
    path: str, name: str, start: multiprocessing.synchronize.Event, results: Any
) -> None:
    store = Store.open(path)
    acknowledged, refused = [], 0
    start.wait()
    for n in range(ADDS_EACH):
        try:
            acknowledged.append(f"{name}-{n}")
            store.applications.add(company=f"{name}-{n}", role="r")
        except StoreError:  # refused with a message: not acknowledged, so not lost
            acknowledged.pop()
            refused += 1
    results.put((acknowledged, refused))


def _delete_the_lock_file(
    lock_path: str, start: multiprocessing.synchronize.Event, stop: Any, deleted: Any
) -> None:
    start.wait()
    while not stop.is_set():
        with contextlib.suppress(FileNotFoundError):
            os.unlink(lock_path)
            deleted.value += 1
        time.sleep(0.001)


def test_writers_lose_nothing_while_the_lock_file_is_deleted_under_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "shared.json"
    lock_path = Store.open(path)._storage.lock_path
    spawn = multiprocessing.get_context("spawn")
    start, stop, results = spawn.Event(), spawn.Event(), spawn.Queue()
    deleted = spawn.Value("i", 0)
    writers = [
        spawn.Process(target=_add_while_the_lock_file_goes, args=(str(path), name, start, results))
        for name in "abc"[:LOCK_WRITERS]
    ]
    deleter = spawn.Process(
        target=_delete_the_lock_file, args=(str(lock_path), start, stop, deleted)
    )
    for process in (*writers, deleter):
        process.start()
    start.set()
    outcomes = [results.get(timeout=180) for _ in writers]
    stop.set()
    for process in (*writers, deleter):
        process.join(timeout=30)
        assert process.exitcode == 0

    on_file = {a.company for a in Store.open(path).applications.on_board()}
    acknowledged = {company for outcome in outcomes for company in outcome[0]}
    refused = sum(outcome[1] for outcome in outcomes)
    lost = acknowledged - on_file
    with capsys.disabled():
        print(
            f"\nlock file deleted {deleted.value} times under {LOCK_WRITERS} writers: "
            f"{len(acknowledged)} adds acknowledged, {refused} refused with a message, "
            f"lost: {len(lost)}"
        )
    assert deleted.value > 0
    assert not lost
