"""Fixtures shared by every test. No test reads or writes the user's real data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store, fixed_clock
from store.clock import MovableClock
from store.sample import SAMPLE_NOW, sample_records


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--crash-trials", type=int, default=50, help="kill -9 trials in the crash harness"
    )


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every default location into the test's own folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("BOUNCEBACK_DB", str(home / "bounceback.json"))
    # A developer's own settings (their key map, their theme) never reach a test.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("BOUNCEBACK_CONFIG", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bounceback.json"


@pytest.fixture
def store(db_path: Path) -> Store:
    """An empty store on a fixed clock."""
    return Store.open(db_path, clock=fixed_clock(SAMPLE_NOW))


@pytest.fixture
def sample_store(db_path: Path) -> Store:
    """The sample data set on the sample's fixed clock."""
    store = Store.open(db_path, clock=fixed_clock(SAMPLE_NOW))
    store.insert_all(sample_records())
    return store


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(SAMPLE_NOW)
