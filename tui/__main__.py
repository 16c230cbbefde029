"""``python -m tui`` and the ``bounceback`` command."""

import sys


def main() -> int:
    from tui import startup

    startup.hold_off_collection()  # before the imports that make most of the start's objects
    from tui.cli import main as run_command

    return run_command()


if __name__ == "__main__":
    sys.exit(main())
