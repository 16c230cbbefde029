"""What the app does when the data file fails under it (deleted, unreadable, a full or
read-only disk): the fault is told once, in words that say what to do, and what is on
screen stays."""

from __future__ import annotations

import errno
from collections.abc import Callable, Mapping
from typing import TypeVar

from textual.actions import ActionParseResult
from textual.dom import DOMNode

from store import Store
from store.errors import FileGoneError, WriteFailedError
from tui.careful_app import CarefulApp
from tui.panes.base import FILE_FAULTS

T = TypeVar("T")

FILE_GONE = "The data file is gone"


class FileFaultApp(CarefulApp):
    """The base of ``BouncebackApp``: every way in to the store (a key, a click, the
    palette, the once-a-second look) meets a file fault here."""

    store: Store

    def __init__(self) -> None:
        super().__init__()
        self._fault_told: str | None = None  # the kind of file fault told, until it clears

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every key, click and palette choice runs through here: a fault of the data file
        that an action meets (a move on a file deleted a moment ago) is told, and the app
        stays up with what is on screen."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except FILE_FAULTS as fault:
            self._tell_file_fault(fault)
            return True

    def told_once(self, step: Callable[[], object]) -> None:
        """Run ``step``; a fault of the data file is told once, however often it recurs."""
        try:
            step()
        except FILE_FAULTS as fault:
            self._tell_file_fault(fault)

    def _tell_file_fault(self, fault: BaseException) -> None:
        """Say what happened to the file and what to do: once for each kind of fault."""
        if self._file_is_gone():
            title = FILE_GONE
            advice = (
                "What is on screen is kept. "
                "Restore a backup, or press ctrl+s (or choose 'Save again' in ctrl+p) "
                "to write what is on screen back."
            )
        elif isinstance(fault, WriteFailedError | PermissionError) or (
            isinstance(fault, OSError) and fault.errno in (errno.EROFS, errno.ENOSPC)
        ):
            title = "Nothing can be saved"
            advice = "What is on screen is kept; changes are not saved until the disk takes them."
        else:
            title = "Cannot read the data file"
            advice = (
                "What is on screen is kept, and nothing is written over the file. In a "
                "shell, bounceback backup --list shows the backups, and bounceback restore "
                "FILE puts one back (the damaged file is kept beside it)."
            )
        if title == self._fault_told:
            return
        self._fault_told = title
        self.refresh_bindings()
        message = str(fault) or type(fault).__name__
        if isinstance(fault, FileGoneError):  # what happened, as the advice says what to do
            message = f"{fault.path} {fault.problem}."
        elif title == FILE_GONE:
            message = f"{self.store.path} was deleted or replaced."
        self.notify(f"{message}\n{advice}", title=title, severity="error", timeout=30)

    def _file_is_gone(self) -> bool:
        """Deleted, or something other than a file (a folder) now at its path."""
        return not self.store.path.is_file()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_again":
            return self._fault_told is not None and self._file_is_gone()
        return True

    def ready_to_save(self) -> bool:
        """Before a dialog saves what the user typed in it. With the data file gone, a
        save would fail and the words go with the dialog: the user is told first, and
        the dialog stays. Once told, a save is the ctrl+s the notice promised: what is on
        screen is written back, and the dialog's save lands in it."""
        if not self._file_is_gone():
            return True
        if self._fault_told != FILE_GONE:
            self._tell_file_fault(FileNotFoundError(self.store.path))
            return False
        self.action_save_again()
        return not self._file_is_gone()

    def action_save_again(self) -> None:
        """Write the version this session last read or wrote back to the data file's path."""
        try:
            self.store.save_again()
        except FILE_FAULTS as fault:
            # It says what to do now; the notice it answers would push it off a small screen.
            self.clear_notifications()
            self.notify(str(fault), title="Not saved", severity="error", timeout=10)
            return
        self._fault_told = None
        self.refresh_bindings()
        # The notice that the file is gone stays up for half a minute: no longer true.
        self.clear_notifications()
        self.notify(f"Saved what is on screen to {self.store.path}.", title="Saved again")

    def guard(self, operation: Callable[[], T]) -> T | None:
        """Run a store operation; a failure is shown to the user, never a crash."""
        try:
            return operation()
        except FILE_FAULTS as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10, markup=False)
            return None
