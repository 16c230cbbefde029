"""Quick mood: how do you feel right now? 1–5 and enter; a line of text if you like."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store import Mood
from store.journal import MOOD_GLYPHS
from tui.dialogs import FIELD_NAVIGATION
from tui.dialogs.unsaved import ready_to_save
from tui.widgets.safe_fields import SafeInput

QuickMoodResult = tuple[Mood, str]


class MoodScale(Horizontal, can_focus=True):
    """The five moods; focused first, so 1–5 pick one (in the text box they are text)."""


class QuickMood(ModalScreen[QuickMoodResult | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *FIELD_NAVIGATION,
        *(
            Binding(str(int(mood)), f"pick({int(mood)})", mood.label, id=f"mood.{mood.label}")
            for mood in Mood
        ),
        Binding("left,h", "step(-1)", "Worse", show=False),
        Binding("right,l", "step(1)", "Better", show=False),
        Binding("enter", "save", "Save", id="mood.save"),
        Binding("escape", "cancel", "Cancel", id="mood.cancel"),
    ]

    AUTO_FOCUS = "#mood-scale"
    mood: reactive[Mood] = reactive(Mood.OKAY)

    def __init__(self, answer: QuickMoodResult | None = None) -> None:
        """``answer``: a mood and words given before, whose save failed."""
        super().__init__()
        self.text = ""
        if answer is not None:
            self.set_reactive(QuickMood.mood, answer[0])
            self.text = answer[1]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="quick-mood"):
            yield Static("How are you, right now?", classes="dialog-title")
            with MoodScale(id="mood-scale"):
                for mood in Mood:
                    yield Static(id=f"mood-{int(mood)}", classes="mood-choice")
            yield SafeInput(
                self.text, placeholder="a few words, if you like (tab)", compact=True,
                id="mood-text",
            )  # fmt: skip
            yield Static("1–5 pick · enter save · esc cancel", classes="dialog-note")

    def on_mount(self) -> None:
        self._draw()

    def watch_mood(self) -> None:
        if self.is_mounted:
            self._draw()

    def _draw(self) -> None:
        for mood in Mood:
            choice = self.query_one(f"#mood-{int(mood)}", Static)
            choice.update(Text(f"{int(mood)} {MOOD_GLYPHS[mood]} {mood.label}"))
            choice.set_class(mood is self.mood, "-chosen")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the text box has the focus, digits and h/l are text.
        return not (action in ("pick", "step") and isinstance(self.focused, Input))

    def action_pick(self, mood: int) -> None:
        self.mood = Mood(mood)

    def action_step(self, step: int) -> None:
        self.mood = Mood(min(max(int(self.mood) + step, 1), 5))

    def action_save(self) -> None:
        # Saved by the Journal once this has closed: it stays while the data file is gone.
        if ready_to_save(self.app):
            self.dismiss((self.mood, self.query_one("#mood-text", Input).value))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()
