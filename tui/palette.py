"""The app's commands in the palette (ctrl+p): each pane, every key of every pane by
name, saving again, import and export, and the agenda's."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.binding import Binding

from tui import agenda_app, materials_app

if TYPE_CHECKING:
    from tui.app import BouncebackApp


def system_commands(app: BouncebackApp) -> Iterable[SystemCommand]:
    """The commands of the app itself; Textual's own (theme, quit…) come after them."""
    from tui.app import PANES, pane_kinds

    for pane, key, title in PANES:
        yield SystemCommand(
            f"Go to {title}",
            f"Show the {title} pane (key {key})",
            lambda pane=pane: app.action_show_pane(pane),
        )
    # Every key of every pane, by name: nobody has to remember a key, nor which pane
    # it is on. Choosing one goes to its pane and runs it there.
    kinds = pane_kinds()
    for pane, _, title in PANES:
        seen = set()
        for binding in Binding.make_bindings(kinds[pane].BINDINGS):
            if binding.action in seen:
                continue
            seen.add(binding.action)
            # What it does first (the tooltip), then its name in the footer, so either
            # finds it.
            what = binding.tooltip or binding.description
            name = binding.description if binding.description != what else ""
            yield SystemCommand(
                " · ".join(filter(None, (f"{title}: {what}", name))),
                f"key {binding.key_display or binding.key} on the {title} pane",
                partial(app.run_on_pane, pane, binding.action),
            )
    if app.check_action("save_again", ()):
        yield SystemCommand(
            "Save again",
            "Write what is on screen back to the data file (key ctrl+s)",
            app.action_save_again,
        )
    from tui.dialogs.transfer import transfer_commands  # when the palette opens, not at start

    others = (
        *transfer_commands(app, app.store, after_import=app.reload_panes),
        *agenda_app.commands(app),
        *materials_app.commands(app),
    )
    # The palette calls these itself, not through an action: a file fault met as one
    # opens its dialog (which reads the store) is told here, as a key's would be.
    for command in others:
        yield command._replace(callback=partial(app.told_once, command.callback))
