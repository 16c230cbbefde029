"""The journeys' fixtures: a search at real size in the test's own folder, and the app
running on it in a terminal that is always closed afterwards."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.journeys import data
from tests.journeys.terminal import Terminal


@pytest.fixture(scope="session")
def search_made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, datetime]:
    """The search, written once per run (each journey gets a copy of the file)."""
    now = data.search_now()
    path = tmp_path_factory.mktemp("search") / "bounceback.json"
    data.write_search(path, now)
    return path, now


@pytest.fixture
def db(search_made: tuple[Path, datetime], tmp_path: Path) -> Path:
    """This journey's own copy of the search."""
    path = tmp_path / "data" / "bounceback.json"
    path.parent.mkdir(mode=0o700)
    shutil.copy2(search_made[0], path)
    return path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def open_app(
    db: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[[tuple[int, int]], Terminal]]:
    """``open_app(size)``: ``bounceback --db <the copy>`` in a terminal of that size."""
    opened: list[Terminal] = []

    def start(size: tuple[int, int]) -> Terminal:
        terminal = Terminal(["--db", str(db)], size)
        opened.append(terminal)
        return terminal

    yield start
    report = getattr(request.node, "report_call", None)
    # What the user saw when the journey went wrong, unless the failure showed it already.
    show = report is not None and report.failed and "the screen (" not in str(report.longrepr)
    for terminal in opened:
        if show and terminal.status is None:
            print(terminal.framed())
        terminal.close()
