"""Panes that are not built yet say so plainly, and show the data that is waiting for them."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import Static

from tui.panes.base import Pane


class ComingPane(Pane):
    """A pane still to come: what it will do, and how much of the user's data awaits it."""

    TITLE: ClassVar[str]
    PROMISE: ClassVar[str]

    def compose(self) -> ComposeResult:
        yield Static(self.TITLE, classes="coming-title")
        yield Static(self.PROMISE, classes="coming-promise")
        yield Static(self.waiting(), classes="coming-waiting")

    def reload(self) -> None:
        self.query_one(".coming-waiting", Static).update(self.waiting())

    def waiting(self) -> str:
        raise NotImplementedError


class ProgressComing(ComingPane):
    PANE_ID = "progress"
    TITLE = "Progress — not built yet"
    PROMISE = (
        "Coming here: your weekly goals, the funnel from applied to offer and what "
        "it suggests, your small wins, and every “no” counted as a step toward a yes."
    )

    def waiting(self) -> str:
        wins, goals = len(self.store.wins()), len(self.store.goals())
        if not wins and not goals:
            return ""
        return f"{goals} goals and {wins} wins are saved and will show here."
