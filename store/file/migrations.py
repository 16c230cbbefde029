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
from uuid import NAMESPACE_URL, uuid5

from store.models import SCHEMA_VERSION as SCHEMA_VERSION
from store.models import MaterialKind

Tables = dict[str, dict[str, Any]]
Migration = Callable[[Tables], Tables]


def materials_from_names(tables: Tables) -> Tables:
    """Version 1 to 2: each résumé and cover letter named on an application becomes a
    material of its own (spelled as last sent, dated from when it was first sent).

    A migration rather than materials worked out from the names each time: a material
    is then a record the user owns, so one they delete while its name stays on the
    applications stays deleted."""
    # A damaged application (not an object, no date) is left as it is: the open reports it.
    applications = sorted(
        (
            doc
            for doc in tables.get("applications", {}).values()
            if isinstance(doc, dict) and isinstance(doc.get("created_at"), str)
        ),
        key=lambda doc: str(doc["created_at"]),
    )
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for doc in applications:
        for kind in MaterialKind:
            name = doc.get(kind.field)
            if not isinstance(name, str) or not name.strip():
                continue
            name = name.strip()
            key = (kind.value, name.casefold())
            if key in found:
                found[key]["name"] = name
                continue
            found[key] = {
                # An id from the name: migrating the same file twice gives the same ids.
                "id": str(uuid5(NAMESPACE_URL, f"bounceback:material:{kind.value}:{name}")),
                "rev": 1,
                "kind": kind.value,
                "name": name,
                "path": "",
                "created_at": doc["created_at"],
            }
    materials = tables.setdefault("materials", {})
    taken = (int(doc_id) for doc_id in materials if str(doc_id).isdigit())
    for doc_id, material in enumerate(found.values(), max(taken, default=0) + 1):
        materials[str(doc_id)] = material
    return tables


MIGRATIONS: dict[int, Migration] = {1: materials_from_names}


def migrate(tables: Tables, found: int) -> Tables:
    for version in range(found, SCHEMA_VERSION):
        tables = MIGRATIONS[version](tables)
    return tables
