"""The ``bounceback`` command from a shell: help, refusal of bad files, demo mode."""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from store import Store, fixed_clock
from store.sample import SAMPLE_NOW
from tui import cli


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_help_lists_the_options() -> None:
    result = run("--help")
    assert result.returncode == 0
    for option in ("--db PATH", "--demo", "BOUNCEBACK_DB"):
        assert option in result.stdout


def _newer(path: Path) -> None:
    data = json.loads(path.read_bytes())
    data["_meta"]["1"]["schema_version"] = 999
    path.write_text(json.dumps(data))


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda p: p.write_bytes(b""), "the file is empty (0 bytes)"),
        (lambda p: p.write_text('{"_meta": {"1": '), "it is not valid JSON"),
        (_newer, "written by a newer bounceback (schema 999"),
    ],
    ids=["empty", "broken JSON", "newer schema"],
)
def test_a_file_it_cannot_trust_exits_2_and_is_left_alone(
    store: Store, damage: object, problem: str
) -> None:
    store.applications.add(company="Acme", role="Dev")
    assert callable(damage)
    damage(store.path)
    before = sha256(store.path)

    result = run("--db", str(store.path))

    assert result.returncode == 2
    assert str(store.path) in result.stderr
    assert problem in result.stderr
    assert "left exactly as it was" in result.stderr
    assert sha256(store.path) == before


def test_a_damaged_file_points_at_the_newest_backup(store: Store) -> None:
    later = Store.open(store.path, clock=fixed_clock(SAMPLE_NOW + timedelta(hours=1)))
    newest = later.backup("manual")
    store.path.write_bytes(b"")
    result = run("--db", str(store.path))
    assert f"newest backup: {newest.path}" in result.stderr


def test_env_var_chooses_the_file(tmp_path: Path) -> None:
    path = tmp_path / "chosen.json"
    path.write_bytes(b"")
    result = run(env={"BOUNCEBACK_DB": str(path)})
    assert result.returncode == 2
    assert str(path) in result.stderr


def test_demo_never_creates_or_changes_the_users_file(
    monkeypatch: pytest.MonkeyPatch, private_data_folder: Path
) -> None:
    user_file = Path(os.environ["BOUNCEBACK_DB"])
    opened: list[Path] = []

    def fake_run_app(store: Store, *, demo: bool, config_path: Path | None) -> int:
        assert demo
        assert len(store.applications.on_board()) == 38, "the demo opens on the sample data"
        opened.append(store.path)
        return 0

    monkeypatch.setattr(cli, "_run_app", fake_run_app)
    assert cli.main(["--demo"]) == 0

    (demo_path,) = opened
    assert demo_path != user_file.resolve()
    assert not demo_path.exists(), "the demo's copy is thrown away on exit"
    assert not user_file.exists()
    assert not any(private_data_folder.rglob("*.json"))


def test_add_and_list_from_a_shell(tmp_path: Path) -> None:
    db = str(tmp_path / "shell.json")
    added = run("add", "Fernhill Labs", "Data Engineer", "--stage", "applied", "--db", db)
    assert added.returncode == 0
    assert "Added Fernhill Labs — Data Engineer to Applied." in added.stdout
    run("--db", db, "add", "Quill Legal", "API Developer", "--note", "via Sam")

    listed = run("--db", db, "list")
    assert listed.stdout.splitlines() == [
        "Wishlist         0d  Quill Legal — API Developer",
        "Applied          0d  Fernhill Labs — Data Engineer",
    ]
    as_json = json.loads(run("--db", db, "list", "--stage", "wishlist", "--json").stdout)
    assert [(a["company"], a["notes"]) for a in as_json] == [("Quill Legal", "via Sam")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["", "Dev"], "company is required"),
        (["Acme", "Dev", "--url", "ftp://acme"], "url must start with http"),
    ],
)
def test_add_refuses_bad_input_with_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    db = tmp_path / "shell.json"
    result = run("--db", str(db), "add", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert Store.open(db).applications.on_board() == []


def test_list_shows_control_characters_harmlessly(store: Store) -> None:
    store.applications.add(company="Evil\x1b[2J Corp", role="Dev")
    listed = run("--db", str(store.path), "list")
    assert "Evil␛[2J Corp" in listed.stdout
    assert "\x1b" not in listed.stdout


async def test_the_open_app_shows_an_add_from_a_shell(sample_store: Store) -> None:
    from tui.app import BouncebackApp
    from tui.widgets.card_column import CardColumn

    app = BouncebackApp(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        db = str(sample_store.path)
        for n in range(8):  # a shell loop while the app is open and moving cards
            result = run("--db", db, "add", f"Northwind {n}", "Dev", "--stage", "applied")
            assert result.returncode == 0
            await pilot.press("L" if n % 2 == 0 else "H")
        await pilot.pause(1.3)
        added = {f"Northwind {n}" for n in range(8)}
        assert added <= {a.company for a in Store.open(db).applications.on_board()}
        assert added <= {card.company for card in app.query_one("#cards-applied", CardColumn).cards}


def test_the_stale_threshold_is_a_setting(sample_store: Store) -> None:
    db = str(sample_store.path)
    assert "stale after days: 21" in run("--db", db, "settings").stdout
    assert run("--db", db, "settings", "--stale-after-days", "14").returncode == 0
    assert Store.open(db).settings.get().stale_after_days == 14
    refused = run("--db", db, "settings", "--stale-after-days", "0")
    assert refused.returncode == 2
    assert "stale_after_days must be greater than or equal to 1" in refused.stderr


async def test_the_board_marks_stale_by_the_setting(sample_store: Store) -> None:
    from store.board import days_in_stage
    from tui.app import BouncebackApp
    from tui.widgets.card_column import CardColumn

    sample_store.settings.update(stale_after_days=3)
    app = BouncebackApp(sample_store)
    async with app.run_test(size=(80, 24)):
        column = app.query_one("#cards-applied", CardColumn)
        now = sample_store.clock()
        for record, card in zip(column.records, column.cards, strict=True):
            assert card.stale == (days_in_stage(record, now) >= 3)


def test_add_echoes_control_characters_harmlessly(tmp_path: Path) -> None:
    added = run("--db", str(tmp_path / "x.json"), "add", "Evil\x1b]0;pwned\x07", "Dev")
    assert added.returncode == 0
    assert "\x1b" not in added.stdout
    assert "Evil␛]0;pwned␇" in added.stdout


def test_backup_list_and_restore_a_damaged_file(store: Store) -> None:
    db = str(store.path)
    store.applications.add(company="Kept", role="Dev")
    taken = run("--db", db, "backup")
    assert taken.returncode == 0
    backup_path = taken.stdout.strip().removeprefix("Backed up to ")
    listed = run("--db", db, "backup", "--list").stdout
    assert "manual" in listed
    assert backup_path in listed

    store.path.write_bytes(b'{"_meta": {"1": ')  # damaged
    refused = run("--db", db)
    assert f"restore {shlex.quote(backup_path)}" in refused.stderr

    restored = run("--db", db, "restore", backup_path)
    assert restored.returncode == 0, restored.stderr
    assert [a.company for a in Store.open(db).applications.on_board()] == ["Kept"]
    kept = [b for b in Store.open(db).backups() if b.tag == "pre-restore"]
    assert [b.path.read_bytes() for b in kept] == [b'{"_meta": {"1": ']


def test_restore_refuses_a_bad_backup_and_changes_nothing(store: Store, tmp_path: Path) -> None:
    store.applications.add(company="Kept", role="Dev")
    before = sha256(store.path)
    bad = tmp_path / "bad.json"
    for content in (b"", b"[]", b'{"_default": {}}'):
        bad.write_bytes(content)
        result = run("--db", str(store.path), "restore", str(bad))
        assert result.returncode == 2
        assert "refused, nothing changed" in result.stderr
    assert sha256(store.path) == before


def test_error_messages_show_the_users_words_without_their_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "\x1b]0;pwned\x07"
    folder = tmp_path / f"not a file{title}"
    folder.mkdir()
    assert cli.main(["--db", str(folder), "list"]) == cli.EXIT_DATA_PROBLEM
    with pytest.raises(SystemExit):
        cli.main(["--db", str(tmp_path / "db.json"), "list", f"nope{title}"])
    printed = capsys.readouterr()
    said = printed.out + printed.err
    assert "not a file␛]0;pwned␇" in said  # the path, as it is, shown inert
    assert "unrecognized arguments: nope␛]0;pwned␇" in said  # argparse's own message too
    assert "\x1b" not in said
    assert "\x07" not in said


@pytest.mark.parametrize(
    "command", ["list", "journal", "contacts", "stats", "backup --list", "materials"]
)
def test_a_read_only_command_on_a_missing_file_says_so_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = tmp_path / "new" / "folder" / "bounceback.json"
    assert cli.main(["--db", str(path), *command.split()]) == cli.EXIT_DATA_PROBLEM
    assert f"no data file at {path}" in capsys.readouterr().err
    assert not (tmp_path / "new").exists(), "nothing was created"


def test_demo_with_a_command_is_an_error_not_the_app(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    started: list[bool] = []
    monkeypatch.setattr(cli, "_run_app", lambda store, *, demo: started.append(demo) or 0)
    with pytest.raises(SystemExit) as exited:
        cli.main(["--demo", "stats"])
    assert exited.value.code == 2
    assert "--demo" in capsys.readouterr().err
    assert not started, "the app did not start"
