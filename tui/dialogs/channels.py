"""The channels: where the user finds jobs, one a line, offered as "Found via" choices so
What works can count them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from store import InvalidInput, Store, StoreError
from store.what_works import offered_channels
from tui.dialogs import field_row, show_field_errors
from tui.dialogs.form import Form
from tui.widgets.safe_fields import SafeTextArea


class ChannelsForm(Form[tuple[str, ...] | None]):
    """Dismisses with the saved list, or None."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        # Read as the dialog is opened, not as it is drawn: a file fault met then is told
        # by the app like any key's, where one met while drawing would end the app.
        applications = [*store.applications.on_board(), *store.applications.archived()]
        # Sources typed before there was a list are on it from the start, so they stay choices.
        self.listed = offered_channels(store.settings.get().channels, applications)

    def compose(self) -> ComposeResult:
        listed = self.listed
        with Vertical(classes="dialog", id="channels"):
            yield Static("Where you find jobs", classes="dialog-title")
            channels = SafeTextArea("\n".join(listed), compact=True, id="field-channels")
            error = Static(classes="field-error", id="error-channels")
            yield field_row(
                "Channels", Vertical(Vertical(channels, classes="text-box"), error,
                                     classes="form-field")
            )  # fmt: skip
            yield Static(
                "One a line. The application form offers them as “Found via”, so What works "
                "can count each one.",
                classes="dialog-note",
            )
            yield from self.form_end()

    def on_mount(self) -> None:
        self.query_one("#field-channels").focus()

    def action_save(self) -> None:
        lines = tuple(self.query_one("#field-channels", TextArea).text.splitlines())
        try:
            saved = self.store.settings.update(channels=lines).channels
        except InvalidInput as error:
            show_field_errors(self, error.errors)
            return
        except StoreError as error:
            show_field_errors(self, {"form": str(error)})
            return
        self.dismiss(saved)
