"""Journal rules: trends over days (with gaps, time zones and the day boundary), reframes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from store import ConflictError, InvalidInput, Mood, Stage, Store
from store.journal import (
    EXAMPLE_REFRAMES,
    THINKING_TRAPS,
    entry_matches,
    mood_trend,
    own_traps,
    reframes,
)
from store.models import JournalEntry
from store.sample import SAMPLE_NOW

MONDAY = date(2026, 3, 16)
TOKYO = timezone(timedelta(hours=9))


def entry(at: datetime, mood: int, **fields: object) -> JournalEntry:
    return JournalEntry(at=at, mood=Mood(mood), **fields)  # type: ignore[arg-type]


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def test_daily_averages_leave_days_without_entries_empty() -> None:
    entries = [
        entry(noon(MONDAY), 2),
        entry(noon(MONDAY), 4),
        entry(noon(MONDAY - timedelta(days=2)), 5),
    ]
    trend = mood_trend(entries, [], today=MONDAY, tz=UTC, window_days=3)
    assert trend.days == [
        (MONDAY - timedelta(days=2), 5.0),
        (MONDAY - timedelta(days=1), None),
        (MONDAY, 3.0),
    ]
    assert trend.entries == 3


def test_an_entry_counts_on_the_users_local_day() -> None:
    # 23:30 UTC on Sunday is 08:30 on Monday in Tokyo.
    late = datetime(2026, 3, 15, 23, 30, tzinfo=UTC)
    in_tokyo = mood_trend([entry(late, 1)], [], today=MONDAY, tz=TOKYO, window_days=2)
    in_utc = mood_trend([entry(late, 1)], [], today=MONDAY, tz=UTC, window_days=2)
    assert in_tokyo.days == [(MONDAY - timedelta(days=1), None), (MONDAY, 1.0)]
    assert in_utc.days == [(MONDAY - timedelta(days=1), 1.0), (MONDAY, None)]


def test_this_week_runs_from_monday_and_last_week_is_the_seven_days_before() -> None:
    wednesday = MONDAY + timedelta(days=2)
    entries = [
        entry(noon(MONDAY), 4),
        entry(noon(wednesday), 2),
        entry(noon(MONDAY - timedelta(days=1)), 1),  # Sunday: last week
        entry(noon(MONDAY - timedelta(days=7)), 3),  # last Monday
        entry(noon(MONDAY - timedelta(days=8)), 5),  # two weeks ago: neither
    ]
    trend = mood_trend(entries, [], today=wednesday, tz=UTC)
    assert trend.this_week == 3.0
    assert trend.last_week == 2.0


def test_empty_and_sparse_journals_have_no_averages() -> None:
    trend = mood_trend([], [], today=MONDAY, tz=UTC)
    assert (trend.this_week, trend.last_week, trend.entries) == (None, None, 0)
    assert all(mood is None for _, mood in trend.days)
    assert trend.on_rejection_days is None


def test_mood_on_rejection_days_against_other_days(store: Store) -> None:
    application = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    rejected = store.applications.move(application.id, Stage.REJECTED)
    rejection_day = rejected.history[-1].at.date()
    entries = [
        entry(noon(rejection_day), 1),
        entry(noon(rejection_day) + timedelta(hours=3), 2),
        entry(noon(rejection_day - timedelta(days=1)), 4),
        entry(noon(rejection_day - timedelta(days=3)), 5),
    ]
    trend = mood_trend(entries, [rejected], today=rejection_day, tz=UTC)
    assert trend.on_rejection_days == 1.5
    assert trend.on_other_days == 4.5


def test_reframes_are_the_users_own_newest_first_without_repeats() -> None:
    entries = [
        entry(noon(MONDAY), 2, reframe="One decision, not my worth."),
        entry(noon(MONDAY - timedelta(days=1)), 2, reframe="  "),
        entry(noon(MONDAY - timedelta(days=2)), 2, reframe="I can practise this."),
        entry(noon(MONDAY - timedelta(days=3)), 2, reframe="One decision, not my worth."),
    ]
    assert reframes(entries) == ["One decision, not my worth.", "I can practise this."]


def test_search_covers_text_thought_reframe_and_tags() -> None:
    e = entry(
        noon(MONDAY), 2, text="Rough day", negative_thought="Nobody wants me",
        reframe="Two recruiters replied", tags=("rejection",),
    )  # fmt: skip
    assert entry_matches(e, "rough recruiters")
    assert entry_matches(e, "REJECTION")
    assert not entry_matches(e, "offer")


def test_every_trap_and_example_is_explained() -> None:
    assert len(THINKING_TRAPS) >= 10
    assert all(name and explanation for name, explanation in THINKING_TRAPS.values())
    assert all(thought and reframe for thought, reframe in EXAMPLE_REFRAMES)


@pytest.mark.parametrize("mood", [0, 6, 9, -1])
def test_a_mood_outside_1_to_5_is_refused(store: Store, mood: int) -> None:
    with pytest.raises(InvalidInput) as raised:
        store.journal.add(mood=mood)
    assert set(raised.value.errors) == {"mood"}
    assert store.journal.entries() == []


def test_the_users_own_traps_are_remembered_in_order() -> None:
    entries = [
        entry(noon(MONDAY), 2, traps=("labelling", "comparing my week to LinkedIn")),
        entry(noon(MONDAY - timedelta(days=1)), 2, traps=("waiting for perfect",)),
        entry(noon(MONDAY - timedelta(days=2)), 2, traps=("comparing my week to LinkedIn",)),
    ]
    assert own_traps(entries) == ["comparing my week to LinkedIn", "waiting for perfect"]


def test_affirmations_are_kept_newest_first_and_never_blank(db_path: Path) -> None:
    times = iter([SAMPLE_NOW, SAMPLE_NOW + timedelta(hours=1)])
    store = Store.open(db_path, clock=lambda: next(times, SAMPLE_NOW + timedelta(hours=2)))
    first = store.affirmations.add("I have done hard things before")
    second = store.affirmations.add("  One no is not every no  ")
    assert [a.text for a in Store.open(db_path).affirmations.all()] == [
        "One no is not every no",
        "I have done hard things before",
    ]
    with pytest.raises(InvalidInput):
        store.affirmations.add("   ")
    store.affirmations.delete(first.id)
    assert store.affirmations.all() == [second]


def test_an_affirmation_can_be_reworded_and_an_edit_made_meanwhile_is_kept(
    db_path: Path,
) -> None:
    store = Store.open(db_path)
    line = store.affirmations.add("One no is not every no")
    reworded = store.affirmations.update(line.model_copy(update={"text": "  One no is one no  "}))
    assert [a.text for a in Store.open(db_path).affirmations.all()] == ["One no is one no"]
    with pytest.raises(ConflictError):
        store.affirmations.update(line.model_copy(update={"text": "from an older copy"}))
    with pytest.raises(InvalidInput):
        store.affirmations.update(reworded.model_copy(update={"text": "   "}))
    assert store.affirmations.all() == [reworded]
