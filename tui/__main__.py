"""``python -m tui`` and the ``bounceback`` command."""

import sys


def main() -> int:
    from tui.startup import hold_collection

    hold_collection()  # before the imports: they are most of what the start allocates
    from tui.cli import main as run_command

    return run_command()


if __name__ == "__main__":
    sys.exit(main())
