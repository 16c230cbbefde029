"""Schema versions of the data file and the pure functions that move a file forward.

``MIGRATIONS[v]`` turns a version-``v`` file (the whole ``{table: {id: doc}}`` dict)
into a version ``v + 1`` file. The store applies them in order after taking a
backup, and writes the result in one atomic replace: a file is either fully
migrated or untouched. Every historical version keeps a fixture under
``tests/store/fixtures/`` that must migrate and validate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from store.models import SCHEMA_VERSION as SCHEMA_VERSION

Tables = dict[str, dict[str, Any]]
Migration = Callable[[Tables], Tables]

MIGRATIONS: dict[int, Migration] = {}


def migrate(tables: Tables, found: int) -> Tables:
    for version in range(found, SCHEMA_VERSION):
        tables = MIGRATIONS[version](tables)
    return tables
