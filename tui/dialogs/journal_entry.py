"""A journal entry, and the thought record: catch a negative thought, name the trap, reframe it."""

from __future__ import annotations

from typing import Any, ClassVar
from uuid import UUID

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, SelectionList, Static, TextArea

from store import ConflictError, InvalidInput, JournalEntry, Mood, Store, StoreError
from store.journal import EXAMPLE_REFRAMES, MOOD_GLYPHS, THINKING_TRAPS, own_traps
from tui.dialogs import FIELD_NAVIGATION, field_row
from tui.dialogs.conflict import ask_which_version
from tui.dialogs.unsaved import KeepsWhatWasTyped, ready_to_save
from tui.widgets.check_box import TickList
from tui.widgets.safe_fields import SafeInput, SafeSelect, SafeTextArea
from tui.widgets.safe_text import paragraph, printable


class JournalEntryForm(KeepsWhatWasTyped, ModalScreen[JournalEntry | None]):
    """New or edited entry; dismisses with the saved entry."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *FIELD_NAVIGATION,
        Binding("escape", "cancel", "Cancel", id="entry.cancel"),
        # Not priority: a save must come after the keys typed before it.
        Binding("ctrl+s", "save", "Save", id="entry.save"),
        Binding("ctrl+e", "example", "Example reframe", priority=True, id="entry.example"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        editing: JournalEntry | None = None,
        application_id: UUID | None = None,
        text: str = "",
    ) -> None:
        super().__init__()
        self.store = store
        self.editing = editing
        self.application_id = editing.application_id if editing else application_id
        self.text = editing.text if editing else text
        self.example = -1
        # Read here, not in compose: a file fault met while opening is the opening
        # key's, told by the app, rather than the screen's, which would end it.
        self.applications = sorted(
            store.applications.on_board() + store.applications.archived(),
            key=lambda a: a.company.casefold(),
        )
        self.own_traps = own_traps(store.journal.entries())

    def compose(self) -> ComposeResult:
        e = self.editing
        applications = self.applications
        linked = (
            self.application_id if any(a.id == self.application_id for a in applications) else None
        )
        with Vertical(classes="dialog", id="journal-entry"):
            yield Static("Edit entry" if e else "New journal entry", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                # A new entry has no mood until the user gives it one: none is made up.
                mood = SafeSelect(
                    [(f"{int(m)} {MOOD_GLYPHS[m]} {m.label}", m) for m in Mood],
                    value=e.mood if e else Select.NULL,
                    prompt="choose a mood",
                    allow_blank=e is None,
                    compact=True,
                    id="entry-mood",
                )
                yield field_row("Mood", mood)
                yield field_row(
                    "What happened",
                    Vertical(
                        SafeTextArea(self.text, compact=True, soft_wrap=True, id="entry-text"),
                        classes="text-box",
                    ),
                )
                yield field_row(
                    "The thought",
                    SafeInput(
                        e.negative_thought if e else "",
                        placeholder="the voice that says “I'm not good enough”",
                        compact=True,
                        id="entry-thought",
                    ),
                )
                chosen = e.traps if e else ()
                builtin = [
                    (f"{name} — {why}", key, key in chosen)
                    for key, (name, why) in THINKING_TRAPS.items()
                ]
                own = [(printable(t), t, t in chosen) for t in self.own_traps]
                yield field_row(
                    "Traps", TickList[str](*builtin, *own, compact=True, id="entry-traps")
                )
                yield field_row(
                    "Your own trap",
                    SafeInput(
                        placeholder="one that is not in the list", compact=True, id="entry-own-trap"
                    ),
                )
                yield field_row("", Static(id="thought-echo", classes="dialog-note"))
                yield field_row(
                    "Reframe",
                    Vertical(
                        SafeTextArea(
                            e.reframe if e else "", compact=True, soft_wrap=True, id="entry-reframe"
                        ),
                        classes="text-box",
                    ),
                )
                yield field_row(
                    "Tags",
                    SafeInput(
                        ", ".join(e.tags) if e else "",
                        placeholder="comma separated",
                        compact=True,
                        id="entry-tags",
                    ),
                )
                yield field_row("About", SafeSelect(
                    [(a.company + " — " + a.role, a.id) for a in applications],
                    value=linked if linked is not None else Select.NULL,
                    prompt="no application", compact=True, id="entry-application",
                ))  # fmt: skip
            yield Static(classes="field-error", id="entry-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save", compact=True)
                yield Button("Example reframe  ctrl+e", id="example", compact=True)
                yield Button("Cancel  esc", id="cancel", compact=True)

    def on_mount(self) -> None:
        self._echo_thought()
        self.query_one("#entry-text").focus()

    @on(Input.Changed, "#entry-thought")
    def _echo_thought(self) -> None:
        """Keep the thought in view beside the reframe being written."""
        thought = self.query_one("#entry-thought", Input).value.strip()
        echo = self.query_one("#thought-echo", Static)
        echo.update(
            paragraph(f"You wrote: “{thought}”. What would you tell a friend?" if thought else "")
        )

    def action_example(self) -> None:
        """Offer the next example reframe as a starting point (the user's words replace it)."""
        self.example = (self.example + 1) % len(EXAMPLE_REFRAMES)
        thought, reframe = EXAMPLE_REFRAMES[self.example]
        thought_input = self.query_one("#entry-thought", Input)
        if not thought_input.value.strip():
            thought_input.value = thought
        area = self.query_one("#entry-reframe", TextArea)
        area.text = reframe
        area.focus()

    def _fields(self) -> dict[str, Any]:
        application = self.query_one("#entry-application", Select).value
        return {
            "mood": self.query_one("#entry-mood", Select).value,
            "text": self.query_one("#entry-text", TextArea).text,
            "negative_thought": self.query_one("#entry-thought", Input).value,
            "traps": (
                *self.query_one("#entry-traps", SelectionList).selected,
                *filter(None, [self.query_one("#entry-own-trap", Input).value.strip()]),
            ),
            "reframe": self.query_one("#entry-reframe", TextArea).text,
            "tags": tuple(self.query_one("#entry-tags", Input).value.split(",")),
            "application_id": None if application is Select.NULL else application,
        }

    def action_save(self) -> None:
        if not ready_to_save(self.app):
            return
        fields = self._fields()
        if fields["mood"] is Select.NULL:
            self._error("Please choose a mood first: how do you feel?")
            self.query_one("#entry-mood").focus()
            return
        try:
            if self.editing is None:
                saved = self.store.journal.add(**fields)
            else:
                saved = self.store.journal.update(self.editing.model_copy(update=fields))
        except InvalidInput as error:
            self._error("; ".join(f"{field}: {message}" for field, message in error.errors.items()))
            return
        except ConflictError as conflict:
            self._resolve(conflict.current, fields)
            return
        except StoreError as error:
            self._error(str(error))
            return
        self.dismiss(saved)

    def _resolve(self, theirs: JournalEntry, mine: dict[str, Any]) -> None:
        """Show both versions; the user keeps theirs or their own, or goes back to editing."""
        labels = {
            "mood": "Mood", "text": "What happened", "negative_thought": "The thought",
            "traps": "Traps", "reframe": "Reframe", "tags": "Tags",
        }  # fmt: skip
        normal = JournalEntry.model_validate({**theirs.model_dump(), **mine})
        differences = {
            label: (getattr(theirs, field), getattr(normal, field))
            for field, label in labels.items()
            if getattr(theirs, field) != getattr(normal, field)
        }
        ask_which_version(self, theirs, differences, self._save_over)

    def _save_over(self, theirs: JournalEntry) -> None:
        self.editing = theirs  # save on top of the version now on disk
        self.action_save()

    def _error(self, message: str) -> None:
        error = self.query_one("#entry-error", Static)
        error.update(paragraph(message))
        error.display = True

    def action_cancel(self) -> None:
        self.leave()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#example")
    def _example_pressed(self) -> None:
        self.action_example()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
