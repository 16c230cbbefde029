"""The rules for materials: the order the form offers them in, the checks a name and a
path must pass, and what the file on disk looks like now."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from store.models import Application, Material, MaterialKind


def name_key(name: str) -> str:
    """Two names are one material when they differ only in case or surrounding spaces."""
    return name.strip().casefold()


def named_on(application: Application, kind: MaterialKind) -> str:
    name: str = getattr(application, kind.field)
    return name


def last_sent(applications: Iterable[Application]) -> dict[tuple[MaterialKind, str], datetime]:
    """When each material was last put on an application, by kind and name."""
    when: dict[tuple[MaterialKind, str], datetime] = {}
    for application in applications:
        for kind in MaterialKind:
            if name := named_on(application, kind):
                key = (kind, name_key(name))
                if key not in when or when[key] < application.created_at:
                    when[key] = application.created_at
    return when


def in_offer_order(
    materials: Iterable[Material], applications: Iterable[Application]
) -> list[Material]:
    """The last used first, then those not used yet, by name."""
    when = last_sent(applications)

    def order(material: Material) -> tuple[bool, float, str]:
        used = when.get((material.kind, name_key(material.name)))
        return (used is None, -used.timestamp() if used else 0.0, name_key(material.name))

    return sorted(materials, key=order)


def uses(material: Material, applications: Iterable[Application]) -> list[Application]:
    """The applications that name ``material``."""
    key = name_key(material.name)
    return [a for a in applications if name_key(named_on(a, material.kind)) == key]


def path_problem(path: str) -> str | None:
    """Why a path cannot name the file sent, if it cannot. A file not there (yet, or any
    more) is fine: the material is the name, the path only a note of where it lives."""
    if path and Path(path).expanduser().is_dir():
        return "is a folder: give the file itself"
    return None


def file_missing(material: Material) -> bool:
    """A path was given, and nothing is there now."""
    if not material.path:
        return False
    try:
        return not Path(material.path).expanduser().exists()
    except OSError:  # a name too long, a folder that cannot be read
        return True


def materials_named(
    applications: Iterable[Application], known: Iterable[Material], at: datetime
) -> list[Material]:
    """The résumé and cover letter names on ``applications`` that no material in ``known``
    has yet, each once, as new materials (an import brings names with its applications)."""
    seen = {(m.kind, name_key(m.name)) for m in known}
    found = []
    for application in applications:
        for kind in MaterialKind:
            name = named_on(application, kind).strip()
            if name and (kind, name_key(name)) not in seen:
                seen.add((kind, name_key(name)))
                found.append(Material(kind=kind, name=name, created_at=at))
    return found
