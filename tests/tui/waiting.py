"""Waiting, in a test, for what the app does in steps after its first frame."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot

from tui.app import PANES, BouncebackApp

TIMEOUT = 10.0


async def until(pilot: Pilot[None], condition: Callable[[], object], what: str) -> None:
    """Let the app run until ``condition()`` holds; fail, naming ``what``, if it never does."""
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        await pilot.pause(0.02)


def every_pane_mounted(app: BouncebackApp) -> bool:
    """Whether the app has made and mounted every pane: the others than the first follow
    its first frame."""
    return all(pane in app.panes and app.panes[pane].is_mounted for pane, _, _ in PANES)
