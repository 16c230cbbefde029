"""Pictures of the shell at 80×24 (SSH) and 120×36, on the sample data and a fixed clock."""

from __future__ import annotations

from typing import Any

import pytest

from tui.app import BouncebackApp

SIZES = {"80x24": (80, 24), "120x36": (120, 36)}


@pytest.mark.parametrize("size", SIZES)
def test_board(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_journal_not_built_yet(snap_compare: Any, app: BouncebackApp, size: str) -> None:
    assert snap_compare(app, press=["2"], terminal_size=SIZES[size])


def test_first_run(snap_compare: Any, empty_app: BouncebackApp) -> None:
    assert snap_compare(empty_app, terminal_size=(80, 24))


def test_key_help(snap_compare: Any, app: BouncebackApp) -> None:
    assert snap_compare(app, press=["question_mark"], terminal_size=(120, 36))
