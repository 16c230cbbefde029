"""Materials: the résumé and cover letter versions the user names, kept beside the
applications that were sent with them."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from pydantic import ValidationError

from store.errors import InvalidInput, NotFoundError
from store.file.tables import TABLES
from store.materials import in_offer_order, name_key, named_on, path_problem, uses
from store.models import Application, Material, MaterialKind
from store.repository.core import Changes, Core, validated

MATERIALS = TABLES[Material]
APPLICATIONS = TABLES[Application]


@dataclass(frozen=True)
class DeletedMaterial:
    """What a delete took away, to put back on undo."""

    material: Material
    cleared: tuple[UUID, ...]
    """The applications whose name of it was taken off with it."""


def _stored_materials(core: Core) -> list[tuple[str, Material]]:
    """The materials as stored now; one that fails validation is left out here (the open
    reports it), so it cannot stop a card or another material from being saved."""
    found = []
    for doc_id, doc in core.stored(MATERIALS).items():
        with contextlib.suppress(ValidationError):
            found.append((doc_id, Material.model_validate(doc)))
    return found


def _check(core: Core, material: Material) -> None:
    """Refuse a path that is a folder, or a second material of one kind with one name."""
    errors = {}
    if problem := path_problem(material.path):
        errors["path"] = problem
    key = name_key(material.name)
    for _, other in _stored_materials(core):
        if other.id != material.id and other.kind is material.kind and name_key(other.name) == key:
            errors["name"] = f"is taken: you have a {material.kind.label} called {other.name}"
    if errors:
        raise InvalidInput(errors)


def remember_names(
    core: Core, changes: Changes, application: Application, before: Application | None = None
) -> None:
    """A name put on an application that no material has yet becomes one (inside a
    transaction). Only a name that changed: one the user deleted as a material but kept on
    its applications stays deleted when those are edited."""
    if before is not None and all(
        name_key(named_on(application, kind)) == name_key(named_on(before, kind))
        for kind in MaterialKind
    ):
        return
    known = {(m.kind, name_key(m.name)) for _, m in _stored_materials(core)}
    for kind in MaterialKind:
        name = named_on(application, kind)
        if not name or (kind, name_key(name)) in known:
            continue
        if before is not None and name_key(named_on(before, kind)) == name_key(name):
            continue
        material = Material(kind=kind, name=name, created_at=core.clock())
        core.insert(changes, material)


class MaterialRepository:
    def __init__(self, core: Core) -> None:
        self._core = core

    def all(self, kind: MaterialKind | None = None) -> list[Material]:
        """The materials (of ``kind``), the last sent first, then those not sent yet."""
        materials = self._core.records(Material).values()
        chosen = [m for m in materials if kind is None or m.kind is kind]
        return in_offer_order(chosen, self._core.records(Application).values())

    def get(self, material_id: UUID) -> Material:
        return self._core.get(Material, material_id)

    def uses(self, material: Material) -> list[Application]:
        """The applications sent with it, the archive included."""
        return uses(material, self._core.records(Application).values())

    def add(self, kind: MaterialKind, name: str, path: str = "") -> Material:
        data = {"kind": kind, "name": name, "path": path, "created_at": self._core.clock()}
        material = validated(Material, data)
        with self._core.transaction() as changes:
            _check(self._core, material)
            self._core.insert(changes, material)
        return material

    def update(self, edited: Material) -> Material:
        """Save a changed name or path. A new name goes onto the applications sent with it,
        so they stay counted together."""
        edited = validated(Material, edited.model_dump())
        core = self._core
        with core.transaction() as changes:
            doc_id, current = core.fresh(Material, edited.id)
            _check(core, edited)
            saved = edited.model_copy(update={"rev": current.rev + 1, "kind": current.kind})
            core.replace(changes, doc_id, saved)
            if saved.name != current.name:
                self._rename(changes, current, saved.name)
        return saved

    def _rename(self, changes: Changes, material: Material, name: str) -> None:
        key, field, now = name_key(material.name), material.kind.field, self._core.clock()
        for doc_id, doc in list(self._core.stored(APPLICATIONS).items()):
            if name_key(str(doc.get(field, ""))) == key:
                application = validated(Application, doc)
                update: dict[str, Any] = {field: name, "rev": application.rev + 1}
                update["updated_at"] = now
                self._core.replace(changes, doc_id, application.model_copy(update=update))

    def remove(self, material_id: UUID, *, keep_names: bool = True) -> DeletedMaterial:
        """Delete a material. Its name stays on the applications sent with it unless
        ``keep_names`` is False; either way :meth:`restore` puts everything back."""
        core = self._core
        cleared: list[UUID] = []
        with core.transaction() as changes:
            doc_id, material = core.fresh(Material, material_id)
            core.remove(changes, Material, doc_id, material_id)
            if not keep_names:
                key, field = name_key(material.name), material.kind.field
                for app_doc_id, doc in list(core.stored(APPLICATIONS).items()):
                    if name_key(str(doc.get(field, ""))) == key:
                        application = validated(Application, doc)
                        update = {field: "", "rev": application.rev + 1, "updated_at": core.clock()}
                        core.replace(changes, app_doc_id, application.model_copy(update=update))
                        cleared.append(application.id)
        return DeletedMaterial(material, tuple(cleared))

    def restore(self, deleted: DeletedMaterial) -> Material:
        """Undo a delete: the material, and its name on the applications it was taken
        off (those whose field is still empty: a name given since is kept)."""
        material = validated(Material, deleted.material.model_dump())
        core = self._core
        with core.transaction() as changes:
            _check(core, material)
            core.insert(changes, material)
            field = material.kind.field
            for application_id in deleted.cleared:
                try:
                    doc_id, application = core.fresh(Application, application_id)
                except NotFoundError:
                    continue  # deleted since: nothing to put the name back on
                if not getattr(application, field):
                    update = {field: material.name, "rev": application.rev + 1}
                    update["updated_at"] = core.clock()
                    core.replace(changes, doc_id, application.model_copy(update=update))
        return material
