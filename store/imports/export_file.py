"""bounceback's own JSON export, read back: every section's records and the settings."""

from __future__ import annotations

import pydantic

from store.imports.cells import error_text
from store.imports.formats import Format
from store.imports.plan import CannotImport, Existing, ImportPlan, Skipped, same_key
from store.models import (
    Affirmation,
    Application,
    Contact,
    Goal,
    JournalEntry,
    Material,
    Record,
    Settings,
    TimerSession,
    Win,
)

SECTIONS: dict[str, type[Record]] = {
    "applications": Application,
    "journal": JournalEntry,
    "affirmations": Affirmation,
    "timer_sessions": TimerSession,
    "goals": Goal,
    "wins": Win,
    "contacts": Contact,
    "materials": Material,
}
"""The record lists of bounceback's JSON export, by their key in the file."""
EXPORT_MARKER = "bounceback_export"


def plan_json(text: str, existing: Existing) -> ImportPlan:
    import json

    from store.models import SCHEMA_VERSION

    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise CannotImport(f"it is not valid JSON ({error})") from None
    if not isinstance(data, dict) or EXPORT_MARKER not in data:
        raise CannotImport("it is JSON, but not a bounceback export")
    version = data.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise CannotImport(
            f"it was written by a newer bounceback (schema {version}); "
            f"this one reads up to {SCHEMA_VERSION}"
        )
    new: list[Record] = []
    skipped: list[Skipped] = []
    already = 0
    seen_ids, seen_keys = set(existing.ids), set(existing.keys)
    for section, model in SECTIONS.items():
        records = data.get(section, [])
        if not isinstance(records, list):
            raise CannotImport(f"its {section!r} is not a list")
        for n, raw in enumerate(records, start=1):
            try:
                record = model.model_validate(raw)
            except pydantic.ValidationError as error:
                skipped.append(Skipped(n, f"{section} record {n}: {error_text(error)}"))
                continue
            key = same_key(record)
            if str(record.id) in seen_ids or (key is not None and key in seen_keys):
                already += 1
                continue
            seen_ids.add(str(record.id))
            if key is not None:
                seen_keys.add(key)
            new.append(record)
    settings = None
    if isinstance(data.get("settings"), dict):
        try:
            settings = Settings.model_validate(data["settings"])
        except pydantic.ValidationError as error:
            skipped.append(Skipped(0, f"settings: {error_text(error)}"))
    return ImportPlan(Format.BOUNCEBACK, tuple(new), already, tuple(skipped), (), settings)
