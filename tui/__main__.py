"""``python -m tui`` and the ``bounceback`` command."""

import gc
import sys


def main() -> int:
    # No cyclic garbage collection while the app starts: the imports and the first
    # screen make some 130,000 objects and little garbage (5,000), and each collection
    # the allocations set off walks them all again: 50-70 ms before the first frame on
    # a slow machine, against 20-25 ms in a bare Textual app. The app collects once,
    # when its start is done, and turns collection back on then
    # (_freeze_what_the_start_made); a one-shot command ends first.
    gc.disable()
    from tui.cli import main as run_command

    return run_command()


if __name__ == "__main__":
    sys.exit(main())
