"""A dialog asks before it throws away what was typed in it.

Escape is pressed out of habit, and ctrl+q to leave for the day: a journal entry just
written about a hard "no", or a reflection, was gone without a word. A dialog that
keeps what was typed asks first, once anything differs from how it opened; escape (or
enter) goes back to the words, ctrl+d leaves them.
"""

from __future__ import annotations

from typing import Any, ClassVar, Protocol, runtime_checkable

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Checkbox, Input, Select, SelectionList, Static, TextArea

from tui.widgets.safe_text import paragraph

Typed = tuple[tuple[str | None, object], ...]


@runtime_checkable
class SavesCarefully(Protocol):
    """The app, as a dialog that saves what was typed sees it."""

    def ready_to_save(self) -> bool: ...


def ready_to_save(app: App[Any]) -> bool:
    """Whether a dialog may go on with a save: False keeps it open, with what was typed
    (the app has told why: the data file is gone)."""
    return app.ready_to_save() if isinstance(app, SavesCarefully) else True


class KeepsWhatWasTyped(ModalScreen[Any]):
    """A dialog whose fields are worth asking about before they are thrown away. Its
    cancel calls :meth:`leave`; the app's quit asks through :func:`unsaved`."""

    _as_opened: Typed | None = None
    holds_words_already = False
    """Opened again with words whose save failed: they are not saved, whatever is typed."""

    def on_mount(self) -> None:
        # After the subclass has filled in its fields (on mount, too).
        self.call_after_refresh(self._remember_as_opened)

    def _remember_as_opened(self) -> None:
        if self._as_opened is None:
            self._as_opened = self._typed()

    def _typed(self) -> Typed:
        fields: list[tuple[str | None, object]] = []
        for widget in self.query("Input, TextArea, Select, Checkbox, SelectionList"):
            if isinstance(widget, TextArea):
                fields.append((widget.id, widget.text))
            elif isinstance(widget, SelectionList):  # the journal's thinking traps
                fields.append((widget.id, frozenset(widget.selected)))
            elif isinstance(widget, Input | Select | Checkbox):
                fields.append((widget.id, widget.value))
        return tuple(fields)

    def has_unsaved_words(self) -> bool:
        if self.holds_words_already:
            return True
        return self._as_opened is not None and self._typed() != self._as_opened

    def leave(self) -> None:
        """Close without saving: at once if nothing was typed, else once the user says so."""
        if not self.has_unsaved_words():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(LeaveUnsaved(), answered)


class LeaveUnsaved(ModalScreen[bool]):
    """Dismisses with True to throw away what was typed, False to go back to it."""

    CSS_PATH = "dialogs.tcss"
    # Discarding takes a key nobody types in a sentence: words typed on after an escape
    # pressed out of habit reach this question first.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+d", "answer(True)", "Discard", id="unsaved.discard"),
        Binding("escape,enter", "answer(False)", "Go back", id="unsaved.keep"),
    ]

    def __init__(self, quitting: bool = False) -> None:
        super().__init__()
        self.quitting = quitting

    def compose(self) -> ComposeResult:
        question = "Quit without saving?" if self.quitting else "Close without saving?"
        discards = "ctrl+d discards it and quits" if self.quitting else "ctrl+d discards it"
        note = f"What you wrote or chose here is not saved yet. escape goes back to it · {discards}"
        with Vertical(classes="dialog", id="text-prompt"):
            yield Static(paragraph(question), classes="dialog-title")
            yield Static(paragraph(note), classes="dialog-note")

    def action_answer(self, discard: bool) -> None:
        self.dismiss(discard)

    def on_key(self, event: events.Key) -> None:
        """Words typed on after an escape pressed out of habit, before this was seen: back
        to them, with the key (the keys after it follow it there)."""
        if not event.is_printable:
            return
        event.stop()
        field = self.app.screen_stack[-2].focused
        self.dismiss(False)
        if field is not None:
            field.post_message(events.Key(event.key, event.character))


def unsaved(screens: list[Screen[Any]]) -> bool:
    """Whether any of ``screens`` holds words that are not saved."""
    return any(isinstance(s, KeepsWhatWasTyped) and s.has_unsaved_words() for s in screens)
