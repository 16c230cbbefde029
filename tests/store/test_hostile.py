"""Hostile files and a file that changes under a running session: each is refused with a
message, nothing is written over it, and what the session holds is never lost."""

from __future__ import annotations

import hashlib
import json
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from store import (
    CorruptDatabaseError,
    Stage,
    Store,
    fixed_clock,
)
from store.backups import backup_folder
from store.sample import SAMPLE_NOW
from tui import cli


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def two_applications(store: Store) -> dict[str, object]:
    """The store's file with two applications, as a dict to build hostile files from."""
    store.add_application(company="First", role="Dev")
    store.add_application(company="Second", role="Dev")
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
    card = store.applications()[0]
    store.path.write_bytes(hostile_files(data)[hostile])
    before = sha256(store.path)

    with pytest.raises(CorruptDatabaseError):
        store.move_application(card.id, Stage.APPLIED)
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
    card = store.add_application(company="Acme", role="Dev")
    store.path.write_text(json.dumps(json.loads(store.path.read_bytes()), indent=2))
    assert Store.open(store.path).application(card.id).company == "Acme"


def test_a_lock_file_others_can_read_is_made_private(store: Store) -> None:
    store._storage.lock_path.chmod(0o666)
    store.add_application(company="Acme", role="Dev")
    assert stat.S_IMODE(store._storage.lock_path.stat().st_mode) == 0o600
