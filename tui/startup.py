"""Knobs for the app's start, in one place: what it holds off until its first screen is up.

The store is a plain library and sets none of these; the ``bounceback`` command does.
"""

from __future__ import annotations

import gc


def hold_collection() -> None:
    """No cyclic garbage collection while the app starts.

    The imports, the parsed file, its models and the first screen make a great many
    objects and little garbage, and each collection their allocations set off walks
    them all again. The app collects once when its start is done, freezes what survived
    and turns collection back on (``BouncebackApp._freeze_what_the_start_made``); a
    one-shot command ends first.
    """
    gc.disable()
