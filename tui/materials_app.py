"""The palette's way to the materials and the channels, wherever the user is."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from tui.app import BouncebackApp


def open_materials(app: BouncebackApp) -> None:
    from tui.dialogs.materials import MaterialsDialog  # when chosen, not at start

    # A rename or a name taken off applications changes the board and What works.
    app.push_screen(MaterialsDialog(app.store), lambda _: app.reload_panes())


def open_channels(app: BouncebackApp) -> None:
    from tui.dialogs.channels import ChannelsForm

    app.push_screen(ChannelsForm(app.store))


def commands(app: BouncebackApp) -> Iterable[SystemCommand]:
    yield SystemCommand(
        "Materials…",
        "Your résumé and cover letter versions: name them, say where each file is",
        lambda: open_materials(app),
    )
    yield SystemCommand(
        "Channels…",
        "Where you find jobs: the list the application form offers as “Found via”",
        lambda: open_channels(app),
    )
