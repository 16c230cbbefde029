"""Daylio's mood export, read as journal entries."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

import pydantic

from store.imports.cells import error_text, parse_clock_time, parse_moment
from store.imports.formats import Format, Row
from store.imports.plan import CannotImport, Existing, ImportPlan, Options, Skipped, same_key
from store.imports.words import DAYLIO_MOODS
from store.models import JournalEntry, Mood, Record


def _mood_labels(mapping: Mapping[str, str]) -> dict[str, Mood]:
    labels = dict(DAYLIO_MOODS)
    for label, value in mapping.items():
        if not value.strip().isdigit() or not 1 <= int(value) <= 5:
            raise CannotImport(f"--map {label}={value}: a Daylio mood maps onto 1 to 5")
        labels[label.strip().casefold()] = Mood(int(value))
    return labels


def plan_daylio(
    header: Row, body: Sequence[Row], existing: Existing, now: datetime, options: Options
) -> ImportPlan:
    names = {cell.strip(): n for n, cell in enumerate(header[1])}
    labels = _mood_labels(options.mapping)
    new: list[Record] = []
    skipped: list[Skipped] = []
    seen = set(existing.keys)

    def cell(row: list[str], name: str) -> str:
        n = names.get(name)
        return row[n].strip() if n is not None and n < len(row) else ""

    for line, row in body:
        try:
            day = date.fromisoformat(cell(row, "full_date"))
        except ValueError:
            skipped.append(Skipped(line, f"full_date {cell(row, 'full_date')!r} is not YYYY-MM-DD"))
            continue
        label = cell(row, "mood")
        if label.casefold() not in labels:
            known = ", ".join(labels)
            skipped.append(
                Skipped(line, f"the mood {label!r} is not one of {known}: add --map {label}=N")
            )
            continue
        try:
            moment = datetime.combine(day, parse_clock_time(cell(row, "time") or "12:00"))
            at = parse_moment(moment.isoformat(), now)
            title, note = cell(row, "note_title"), cell(row, "note")
            entry = JournalEntry.model_validate(
                {
                    "at": at,
                    "mood": labels[label.casefold()],
                    "text": f"{title}\n\n{note}" if title and note else title or note,
                    "tags": [a for a in cell(row, "activities").split(" | ") if a.strip()],
                }
            )
        except ValueError as error:  # pydantic's ValidationError is one
            why = error_text(error) if isinstance(error, pydantic.ValidationError) else error
            skipped.append(Skipped(line, str(why)))
            continue
        key = same_key(entry)
        if key in seen:
            continue
        seen.add(key)  # type: ignore[arg-type]
        new.append(entry)
    already = len(body) - len(new) - len(skipped)
    return ImportPlan(Format.DAYLIO, tuple(new), already, tuple(skipped))
