"""Show the journal for one mood, or the entries about one application."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store import Mood, Store
from store.journal import MOOD_GLYPHS, JournalFilter
from tui.widgets.safe_text import printable


class JournalFilterDialog(ModalScreen[JournalFilter | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="journal_filter.cancel")
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        linked = {e.application_id for e in store.journal.entries() if e.application_id}
        applications = store.applications.on_board() + store.applications.archived()
        self.choices: list[JournalFilter] = [JournalFilter()]
        self.choices += [JournalFilter(mood=mood) for mood in Mood]
        self.choices += sorted(
            (JournalFilter(application_id=a.id, application_name=a.company)
             for a in applications if a.id in linked),
            key=lambda f: f.application_name.casefold(),
        )  # fmt: skip

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="journal-filter"):
            yield Static("Show", classes="dialog-title")
            yield OptionList(*(Option(self._describe(choice)) for choice in self.choices))

    @staticmethod
    def _describe(choice: JournalFilter) -> str:
        if choice.mood is not None:
            return f"{MOOD_GLYPHS[choice.mood]} {choice.mood.label}"
        if choice.application_id is not None:
            return f"about {printable(choice.application_name)}"
        return "everything"

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
