"""The Board pane: the kanban of applications."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from store import PIPELINE, Stage
from tui.panes.base import Pane

FIRST_RUN_HINT = (
    "Welcome to bounceback.\n\n"
    "Every application goes on this board, and every “no” becomes a short lesson "
    "for the next one. Your data stays in one file on this machine.\n\n"
    "To look around with sample data first, quit (ctrl+q) and run:  bounceback --demo"
)


class BoardPane(Pane):
    PANE_ID = "board"

    def compose(self) -> ComposeResult:
        yield Static(id="board-summary")

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        applications = self.store.applications()
        summary = self.query_one("#board-summary", Static)
        summary.set_class(not applications, "first-run")
        if not applications:
            summary.update(FIRST_RUN_HINT)
            return
        counts = dict.fromkeys((*PIPELINE, Stage.REJECTED), 0)
        for application in applications:
            counts[application.stage] += 1
        columns = "\n".join(f"  {stage.label:<13} {n:>4}" for stage, n in counts.items())
        summary.update(f"Board — the columns are not built yet.\n\n{columns}")
