"""How the app starts: what the first frame waits for and what follows it, in one place.

Each knob says why it is set as it is; what each is worth is measured by ``make bench``.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported by the command before Textual is: collection is off first
    from textual.app import App

FIRST_PANE = "board"
"""The only pane mounted with the first frame; the others follow it in the background,
or come at once when the user asks for one."""

FOCUS_AT_START = "#board"
"""Focus goes once, straight to where the user starts: each change of focus restyles the
whole screen, a cost the first frame would otherwise pay more than once."""

STEP_GAP = 1 / 30
"""Seconds between two steps of work in the background: time for a key pressed during
one to pass from the app to its widget and be drawn."""


def hold_collection() -> None:
    """No cyclic garbage collection while the app starts.

    The imports, the parsed file, its models and the first screen make a great many
    objects and little garbage, and each collection their allocations set off walks
    them all again. The app collects once when its start is done, freezes what survived
    and turns collection back on (:func:`freeze_what_the_start_made`); a one-shot
    command ends first. The store is a plain library and sets none of these knobs; the
    ``bounceback`` command does.
    """
    gc.disable()


def freeze_what_the_start_made() -> None:
    """Collect what the start left behind, then keep every object alive now (records,
    widgets) out of later collections: each full collection walked them all, a stall a
    key could meet every few seconds of use. Collection is on from here."""
    gc.collect()
    gc.freeze()
    gc.enable()


def thaw() -> None:
    """The app is gone: what it froze can be collected again."""
    gc.unfreeze()


def run_in_steps(app: App[Any], *steps: Callable[[], object]) -> None:
    """Run ``steps`` in turn, each after a pause and the screen's next refresh: a key
    pressed while one runs is answered and drawn before the next, not after them all."""
    if not steps:
        return
    first, *rest = steps

    def step() -> None:
        if app.is_running:  # else the user left before the steps were needed
            first()
            run_in_steps(app, *rest)

    app.set_timer(STEP_GAP, partial(app.call_after_refresh, step))
