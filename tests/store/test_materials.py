"""Materials: named résumé and cover letter versions, the order they are offered in,
the input refused, a delete that keeps or takes the names, and the files it reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import InvalidInput, Store
from store.clock import MovableClock
from store.materials import file_missing
from store.models import MaterialKind
from store.sample import SAMPLE_NOW
from store.what_works import offered_channels

RESUME, COVER = MaterialKind.RESUME, MaterialKind.COVER_LETTER


def names(store: Store, kind: MaterialKind) -> list[str]:
    return [m.name for m in store.materials.all(kind)]


def test_the_last_used_is_offered_first_then_those_not_used_by_name(db_path: Path) -> None:
    clock = MovableClock(SAMPLE_NOW)
    store = Store.open(db_path, clock=clock)
    store.materials.add(RESUME, "CV unused")
    store.materials.add(RESUME, "CV also unused")
    store.applications.add(company="A", role="Dev", resume="CV 2026 data")
    clock.advance(days=1)
    store.applications.add(company="B", role="Dev", resume="CV short")
    assert names(store, RESUME) == ["CV short", "CV 2026 data", "CV also unused", "CV unused"]
    clock.advance(days=1)
    store.applications.add(company="C", role="Dev", resume="cv 2026 DATA")  # same one
    assert names(store, RESUME)[:2] == ["CV 2026 data", "CV short"]
    assert names(store, COVER) == []


@pytest.mark.parametrize(
    ("name", "field", "message"),
    [
        ("   ", "name", "is required"),
        ("cv SHORT", "name", "is taken: you have a résumé called CV short"),
    ],
)
def test_a_material_without_a_name_of_its_own_is_refused_and_nothing_saved(
    store: Store, name: str, field: str, message: str
) -> None:
    store.materials.add(RESUME, "CV short")
    before = store.path.read_bytes()
    with pytest.raises(InvalidInput) as refused:
        store.materials.add(RESUME, name)
    assert refused.value.errors[field] == message
    assert store.path.read_bytes() == before


def test_one_name_may_serve_a_resume_and_a_cover_letter(store: Store) -> None:
    store.materials.add(RESUME, "2026")
    store.materials.add(COVER, "2026")
    assert names(store, RESUME) == names(store, COVER) == ["2026"]


def test_a_folder_is_refused_as_the_path_and_a_missing_file_is_only_shown(
    store: Store, tmp_path: Path
) -> None:
    with pytest.raises(InvalidInput) as refused:
        store.materials.add(RESUME, "CV short", path=str(tmp_path))
    assert refused.value.errors == {"path": "is a folder: give the file itself"}
    assert store.materials.all() == []
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(b"%PDF")
    material = store.materials.add(RESUME, "CV short", path=str(cv))
    assert not file_missing(material)
    cv.unlink()
    assert file_missing(store.materials.get(material.id))
    assert names(store, RESUME) == ["CV short"]


def test_a_new_name_on_an_application_becomes_a_material(store: Store) -> None:
    card = store.applications.add(company="Acme", role="Dev", resume="CV short")
    assert names(store, RESUME) == ["CV short"]
    store.applications.update(card.model_copy(update={"cover_letter": "generic"}))
    assert names(store, COVER) == ["generic"]


def test_a_damaged_material_in_the_file_stops_no_card_from_being_saved(store: Store) -> None:
    store.materials.add(MaterialKind.RESUME, "CV short")
    data = json.loads(store.path.read_text())
    (doc,) = data["materials"].values()
    doc["name"] = "x" * 400  # longer than any name: written by hand, or by a newer version
    store.path.write_text(json.dumps(data))
    reopened = Store.open(store.path)
    card = reopened.applications.add(company="Acme", role="Dev", resume="CV long")
    edited = reopened.applications.update(card.model_copy(update={"resume": "CV other"}))
    assert edited.resume == "CV other"
    names = {m.name for m in Store.open(store.path).materials.all()}
    assert {"CV long", "CV other"} <= names


def test_deleting_keeps_the_name_on_the_applications_and_editing_them_does_not_bring_it_back(
    store: Store,
) -> None:
    card = store.applications.add(company="Acme", role="Dev", resume="CV old")
    material = store.materials.all(RESUME)[0]
    assert [a.company for a in store.materials.uses(material)] == ["Acme"]
    deleted = store.materials.remove(material.id)
    assert store.applications.get(card.id).resume == "CV old"
    assert deleted.cleared == ()
    edited = store.applications.get(card.id).model_copy(update={"cover_letter": "generic"})
    store.applications.update(edited)
    assert names(store, RESUME) == []
    assert names(store, COVER) == ["generic"]
    store.materials.restore(deleted)
    assert names(store, RESUME) == ["CV old"]


def test_deleting_with_the_names_takes_them_off_and_undo_puts_them_back(store: Store) -> None:
    sent = store.applications.add(company="Acme", role="Dev", resume="CV old")
    other = store.applications.add(company="Beta", role="Dev", resume="CV new")
    old = next(m for m in store.materials.all(RESUME) if m.name == "CV old")
    deleted = store.materials.remove(old.id, keep_names=False)
    assert store.applications.get(sent.id).resume == ""
    assert store.applications.get(other.id).resume == "CV new"
    store.materials.restore(deleted)
    assert store.applications.get(sent.id).resume == "CV old"
    assert names(store, RESUME) == ["CV new", "CV old"]


def test_a_renamed_material_carries_its_applications_with_it(store: Store) -> None:
    card = store.applications.add(company="Acme", role="Dev", resume="CV short")
    material = store.materials.all(RESUME)[0]
    store.materials.update(material.model_copy(update={"name": "CV short 2"}))
    assert store.applications.get(card.id).resume == "CV short 2"
    assert names(store, RESUME) == ["CV short 2"]


def test_the_names_on_a_version_1_file_become_materials_when_it_is_opened(
    store: Store, db_path: Path
) -> None:
    store.applications.add(company="Acme", role="Dev", resume="CV short", cover_letter="generic")
    store.applications.add(company="Beta", role="Dev", resume="CV short")
    store.applications.add(company="Gamma", role="Dev", resume="CV 2026 data")
    data = json.loads(db_path.read_bytes())
    del data["materials"]
    data["_meta"]["1"]["schema_version"] = 1
    db_path.write_text(json.dumps(data))
    reopened = Store.open(db_path, clock=store.clock)
    assert names(reopened, RESUME) == ["CV 2026 data", "CV short"]
    assert names(reopened, COVER) == ["generic"]
    assert reopened.schema_version() == 2


def test_the_channel_list_refuses_one_channel_twice_and_offers_the_sources_stored(
    store: Store,
) -> None:
    before = store.path.read_bytes()
    with pytest.raises(InvalidInput) as refused:
        store.settings.update(channels=("LinkedIn", "meetup", "linkedin "))
    assert refused.value.errors == {"channels": "'LinkedIn' is listed twice"}
    assert store.path.read_bytes() == before
    store.settings.update(channels=("LinkedIn", "", "meetup"))
    store.applications.add(company="Acme", role="Dev", source="a friend")
    store.applications.add(company="Beta", role="Dev", source="linkedin")
    listed = store.settings.get().channels
    assert listed == ("LinkedIn", "meetup")
    offered = offered_channels(listed, store.applications.on_board())
    assert offered == ["LinkedIn", "meetup", "a friend"]
