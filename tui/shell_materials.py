"""The shell's ``materials`` command: list, add and remove the résumé and cover letter
versions (registered by ``tui/cli.py``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from store import InvalidInput, Store
from store.materials import file_missing, name_key
from store.models import Material, MaterialKind
from tui.widgets.safe_text import printable
from tui.wording import counted

EXIT_OK = 0
EXIT_REFUSED = 2
OPTIONS = {"name": "the name", "path": "--path"}
"""The store's field names as the command's words, for its messages."""


def say(text: str, file: Any = None) -> None:
    print(printable(text), file=file or sys.stdout)


def add_parsers(commands: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    materials = commands.add_parser(
        "materials",
        parents=[common],
        help="your résumé and cover letter versions: list, add or remove one",
        description="With no action, lists them, the last sent first. Removing one keeps "
        "its name on the applications sent with it unless --take-name-off is given.",
    )
    materials.add_argument("action", nargs="?", choices=("list", "add", "remove"), default="list")
    materials.add_argument("name", nargs="?", help='the version\'s name, e.g. "CV short"')
    kinds = "|".join(kind.value for kind in MaterialKind)
    materials.add_argument("--kind", choices=[k.value for k in MaterialKind], metavar=kinds,
                           help="resume (the default for add) or cover-letter")  # fmt: skip
    materials.add_argument("--path", default="", help="where its file is on disk (kept as a path)")
    materials.add_argument("--take-name-off", action="store_true",
                           help="on remove: take its name off the applications too")  # fmt: skip


def _line(store: Store, material: Material) -> str:
    sent = len(store.materials.uses(material))
    line = f"{material.kind.label:<13} {material.name:<28} "
    line += f"sent {sent}" if sent else "not sent yet"
    if material.path:
        missing = " (file missing)" if file_missing(material) else ""
        line += f"   {material.path}{missing}"
    return line


def _refused(message: str) -> int:
    say(f"bounceback materials: {message}; nothing was changed.", file=sys.stderr)
    return EXIT_REFUSED


def materials(store: Store, args: argparse.Namespace) -> int:
    kind = MaterialKind(args.kind) if args.kind else None
    if args.action == "list":
        found = [m for k in MaterialKind for m in store.materials.all(k) if kind in (None, k)]
        for material in found:
            say(_line(store, material))
        if not found:
            say('None yet. Add one: bounceback materials add "CV short" --path ~/cv/short.pdf')
        return EXIT_OK
    if not args.name:
        return _refused(f"{args.action} needs the name of the version")
    if args.action == "add":
        try:
            added = store.materials.add(kind or MaterialKind.RESUME, args.name, args.path)
        except InvalidInput as error:
            return _refused("; ".join(f"{OPTIONS.get(f, f)} {m}" for f, m in error.errors.items()))
        say(f"Added the {added.kind.label} {added.name}.")
        return EXIT_OK
    key = name_key(args.name)
    named = [m for m in store.materials.all(kind) if name_key(m.name) == key]
    if not named:
        return _refused(f"no material is called {args.name}")
    if len(named) > 1:
        return _refused(f"a résumé and a cover letter are both called {args.name}: add --kind")
    deleted = store.materials.remove(named[0].id, keep_names=not args.take_name_off)
    sent = len(store.materials.uses(deleted.material))
    if deleted.cleared:
        say(f"Removed {deleted.material.name}, and its name from "
            f"{counted(len(deleted.cleared), 'application')}.")  # fmt: skip
    elif sent:
        say(f"Removed {deleted.material.name}; its name stays on "
            f"{counted(sent, 'application')}.")  # fmt: skip
    else:
        say(f"Removed {deleted.material.name}.")
    return EXIT_OK


COMMANDS: dict[str, Callable[[Store, argparse.Namespace], int]] = {"materials": materials}
