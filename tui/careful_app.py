"""What the app does for every screen, whatever it shows: the text it draws never drives
the terminal, a paste is never read as keys, the field in use is marked and kept clear
of toasts, and keys typed ahead reach the screen they were typed for, in the order they
were typed."""

from __future__ import annotations

import asyncio
from collections import deque

from textual import events, on
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.widgets import Input

from tui.paste_guard import guard_pastes
from tui.widgets.safe_text import printable

KEY_PASSES = 2
"""How often a key's path is followed up to the app before the next key goes out: once
for the key itself (whose binding runs at the app), once more for the message that
binding posts (an Input's Submitted, a Button's Pressed), handled on the way back up."""
KEY_WAIT_LIMIT = 1.0
"""Seconds after which the next key goes out anyway, should a widget on the key's path
close before it answers: a key held back is better late than lost."""


class CarefulApp(App[None]):
    """The base of ``BouncebackApp``: nothing here knows the store."""

    def __init__(self) -> None:
        super().__init__()
        self._typed_ahead: deque[events.Key | events.Paste] = deque()
        self._key_in_flight = 0  # a number for each key sent, 0 when none is on its way
        self._keys_sent = 0

    async def action_quit(self) -> None:
        """ctrl+q, asked first when a dialog holds words not saved."""
        from tui.dialogs.unsaved import LeaveUnsaved, unsaved  # with the dialogs, not the app

        asking = self.screen if isinstance(self.screen, LeaveUnsaved) else None
        if asking is not None and asking.quitting:
            return  # asked already: a second ctrl+q (or one held down) is not a yes
        if unsaved(self.screen_stack):
            if asking is not None:  # "close without saving?" becomes "quit without saving?"
                asking.dismiss(False)

            def answered(leave: bool | None) -> None:
                if leave:
                    self.exit()

            self.push_screen(LeaveUnsaved(quitting=True), answered)
            return
        await super().action_quit()

    def get_driver_class(self) -> type[Driver]:
        return guard_pastes(super().get_driver_class())  # see tui/paste_guard.py

    # --- nothing shown drives the terminal ------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every toast (ours and Textual's) shows its text as it is: control characters as
        their pictures, and never parsed as markup, as a toast often names a record."""
        super().notify(
            printable(message, keep_newlines=True),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def action_help_quit(self) -> None:
        """ctrl+c, which many press to quit: say which key does. Textual's own notice is
        written in markup, which our toasts show as it is."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(f"Press {key} to quit the app.", title="Do you want to quit?")
                return

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        self._mark_the_row_in_use(event.widget)
        self.call_after_refresh(self._keep_toasts_clear)

    def _mark_the_row_in_use(self, focused: DOMNode) -> None:
        """The form row holding the focused field gets ``-in-use`` (its label stands out).
        A class, as Textual does not restyle a label when focus enters its sibling."""
        if not focused.is_attached:
            return  # its dialog closed before the news of its focus came
        for row in focused.screen.query(".form-row.-in-use"):
            row.remove_class("-in-use")
        for node in focused.ancestors_with_self:
            if node.has_class("form-row"):
                node.add_class("-in-use")
                break

    def _keep_toasts_clear(self) -> None:
        """While a field is typed in, toasts keep to the half of the screen away from it:
        the top while it is in the lower half, else the bottom. With no field in use
        they may take more: held to half the screen, the newest went below its edge."""
        from textual.widgets import TextArea  # at the first focus, after the first frame

        field, height = self.focused, self.screen.size.height
        typing = isinstance(field, Input | TextArea)
        low = (
            isinstance(field, Input | TextArea)
            and field.region.y + field.region.height / 2 > height / 2
        )
        self.screen.set_class(typing, "-typing")
        self.screen.set_class(low, "-toasts-top")

    def validate_title(self, title: object) -> str:
        return printable(str(title))

    def validate_sub_title(self, sub_title: object) -> str:
        return printable(str(sub_title))

    # --- keys in the order they were typed -------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Hand each key from the terminal on only once the one before it has done all it
        does. Textual forwards every key at once to the widget focused when it arrives;
        a binding such as ctrl+s runs only when the key has bubbled back up to the app.
        In a burst ("ctrl+s L" in one read over SSH), the L reached the form's field
        before the save had closed the form: saved as "ZetaL", and the move never made.
        A paste waits its turn with the keys: typed "Acme" then pasted, it is not put in
        after the "A"."""
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            self._typed_ahead.append(event)
            if not self._key_in_flight:
                await self._send_next_key()
            return
        await super().on_event(event)

    async def _send_next_key(self) -> None:
        while self._typed_ahead and not self._key_in_flight:
            key = self._typed_ahead.popleft()
            self._keys_sent += 1
            self._key_in_flight = sent = self._keys_sent
            # The palette's enter picks from its list of commands, which answers with one
            # more message: the choice, whose command then runs at the app.
            in_palette = isinstance(self.screen, CommandPalette)
            await super().on_event(key)  # priority bindings, else to the focused widget
            limit = asyncio.get_running_loop().call_later(
                KEY_WAIT_LIMIT, self.call_later, self._key_done, sent
            )
            self._follow_key(sent, KEY_PASSES, limit, then_the_choice=in_palette)

    def _follow_key(
        self, sent: int, passes: int, limit: asyncio.TimerHandle, then_the_choice: bool = False
    ) -> None:
        """Pass a token up the path the key takes, from the focused widget to the app:
        each widget handles what it was sent before the token, the key included, and
        passes the key up before it passes the token. With ``then_the_choice``, one pass
        more follows the palette's choice up from its list, if the palette is still open."""
        start: DOMNode = self.focused or self.screen
        if passes == 0 and isinstance(self.screen, CommandPalette):
            start = self.screen.query_one(CommandList)
        path: list[DOMNode] = start.ancestors_with_self

        def hop(index: int) -> None:
            if index == len(path):
                if passes > 1 or (passes == 1 and then_the_choice):
                    self._follow_key(sent, passes - 1, limit, then_the_choice)
                else:
                    limit.cancel()
                    self._key_done(sent)
            elif not path[index].call_later(hop, index + 1):
                hop(index + 1)  # closed: nothing more passes through it

        hop(0)

    def _key_done(self, sent: int) -> None:
        if self._key_in_flight == sent:
            self._key_in_flight = 0
            self.call_later(self._send_next_key)
