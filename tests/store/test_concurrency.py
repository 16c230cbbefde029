"""Two processes writing one file at the same time: nothing acknowledged is lost."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from store import Stage, Store

PER_WRITER = 200


def _add_many(path: str, writer: str, start: multiprocessing.synchronize.Event) -> None:
    store = Store.open(path)
    start.wait()
    for n in range(PER_WRITER):
        added = store.add_application(company=f"{writer}-{n}", role="Developer")
        if n % 10 == 0:  # a read-modify-write of a record the other writer may also touch
            store.move_application(added.id, Stage.APPLIED)


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

    applications = Store.open(path).applications()
    companies = {a.company for a in applications}
    print(f"two writers: {len(applications)} applications on file, {2 * PER_WRITER} added")
    assert len(applications) == 2 * PER_WRITER
    assert companies == {f"{w}-{n}" for w in "ab" for n in range(PER_WRITER)}
    assert len({a.id for a in applications}) == len(applications)
    assert sum(a.stage is Stage.APPLIED for a in applications) == 2 * PER_WRITER // 10
