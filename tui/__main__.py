"""``python -m tui`` and the ``bounceback`` command."""

import gc
import sys


def main() -> int:
    # No cyclic garbage collection while the app starts: the imports and the first
    # screen make objects by the hundred thousand and almost no garbage, and each
    # collection the allocations set off walks them all (60 ms of a 1 s start on a
    # slow machine, against 20 ms in a bare Textual app). The app collects once and
    # turns collection back on when its start is done (_freeze_what_the_start_made);
    # a one-shot command ends first.
    gc.disable()
    from tui.cli import main as run_command

    return run_command()


if __name__ == "__main__":
    sys.exit(main())
