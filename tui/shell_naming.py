"""Naming an application from the shell (an id prefix, or its company and role), and
the store's API in few places, for every shell command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from store import (
    Application,
    Store,
    StoreError,
)
from store.models import Record
from tui.widgets.safe_text import printable

if TYPE_CHECKING:  # the rules of import and export load when a command needs them
    from store.exporting import Everything

EXIT_OK = 0
EXIT_BAD_INPUT = 2
ID_PREFIX_MIN = 4


class NoSuchApplication(StoreError):
    """The name given matches no application, or more than one."""


# --- naming an application -------------------------------------------------------------


def describe(application: Application) -> str:
    archived = ", archived" if application.archived else ""
    return (
        f"{str(application.id)[:8]}  {printable(application.company)} — "
        f"{printable(application.role)} ({application.stage.label}{archived})"
    )


def find_application(applications: list[Application], name: str) -> Application:
    """The one application ``name`` means: an id prefix (four characters or more), the
    company, or the company and role. Raises :class:`NoSuchApplication`, listing the
    candidates, when it means none or several."""

    # Compared as printed: a name copied from `bounceback list`, its control characters
    # shown as their pictures, names the card it was copied from.
    def plain(text: str) -> str:
        return " ".join(printable(text).split()).casefold()

    wanted = plain(name)
    if not wanted:
        raise NoSuchApplication("name the application: an id prefix or its company")

    def names(a: Application) -> tuple[str, ...]:
        company, role = plain(a.company), plain(a.role)
        return (company, f"{company} {role}", f"{company} — {role}", f"{company} - {role}")

    exact = [a for a in applications if wanted in names(a)]
    # The company and the role together say more than the company alone.
    whole = [a for a in exact if wanted != plain(a.company)]
    named = (
        whole if len(whole) == 1 else exact or [a for a in applications if wanted in names(a)[1]]
    )
    by_id = [a for a in applications if str(a.id).startswith(wanted)]
    if len(wanted) < ID_PREFIX_MIN:
        by_id = []
    candidates = list({a.id: a for a in (*by_id, *named)}.values())
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NoSuchApplication(f"no application matches {printable(name)!r}")
    listed = "\n".join(f"  {describe(a)}" for a in candidates[:20])
    raise NoSuchApplication(
        f"{printable(name)!r} matches {len(candidates)} applications; "
        f"name one by its id or company and role:\n{listed}"
    )


# --- the store, in few places ---------------------------------------------------------


def all_applications(store: Store) -> list[Application]:
    return store.applications.on_board() + store.applications.archived()


def everything_in(store: Store) -> Everything:
    from store.exporting import Everything
    from store.imports.export_file import SECTIONS

    records: dict[str, Sequence[Record]] = {
        "applications": all_applications(store),
        "journal": store.journal.entries(),
        "affirmations": store.affirmations.all(),
        "timer_sessions": store.timer.sessions(),
        "goals": store.goals.all(),
        "wins": store.wins.all(),
        "contacts": store.people.contacts(),
        "materials": store.materials.all(),
    }
    assert set(records) == set(SECTIONS)
    return Everything(records=records, settings=store.settings.get())


def the_application(store: Store, args: argparse.Namespace) -> Application:
    return find_application(all_applications(store), args.app)


def done(args: argparse.Namespace, what: str, application: Application) -> int:
    if args.json:
        print(json.dumps(application.model_dump(mode="json"), indent=2))
    else:
        print(f"{what} {printable(application.company)} — {printable(application.role)}.")
    return EXIT_OK


def bad(args: argparse.Namespace, message: str) -> int:
    print(f"bounceback {args.command}: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT
