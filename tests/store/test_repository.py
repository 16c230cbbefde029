"""The repository API: what each operation does to the user's data."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
from tinydb import Query, TinyDB

from store import (
    ConflictError,
    InvalidInput,
    Mood,
    NotFoundError,
    Rejection,
    RejectionReason,
    Stage,
    Store,
    TimerKind,
    fixed_clock,
)
from store.clock import MovableClock
from store.sample import SAMPLE_NOW
from tests.whitespace import WHITE_SPACE


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_added_application_starts_its_history_and_reads_back(store: Store) -> None:
    added = store.applications.add(company="  Fernhill Labs ", role="Backend Engineer")

    reopened = Store.open(store.path, clock=store.clock)
    (application,) = reopened.applications.on_board()
    assert application == added
    assert application.company == "Fernhill Labs"  # surrounding space trimmed
    assert application.stage is Stage.WISHLIST
    assert [(c.stage, c.at) for c in application.history] == [(Stage.WISHLIST, SAMPLE_NOW)]
    assert application.rev == 1


def test_a_one_line_field_loses_the_white_space_around_it_and_nothing_else(
    store: Store,
) -> None:
    """Every Unicode White_Space character goes, from both ends, before the length is
    counted; the \x1c-\x1f controls, which str.strip() would eat, stay as typed."""
    company = WHITE_SPACE + "\x1c" + "A" * 298 + "\x1f" + WHITE_SPACE
    added = store.applications.add(company=company, role=f"\u3000Dev{WHITE_SPACE}")
    stored = Store.open(store.path, clock=store.clock).applications.get(added.id)
    assert (stored.company, stored.role) == ("\x1c" + "A" * 298 + "\x1f", "Dev")
    with pytest.raises(InvalidInput) as refused:
        store.applications.add(company="A", role=WHITE_SPACE)
    assert refused.value.errors == {"role": "is required"}


def test_new_cards_go_to_the_top_of_their_column(store: Store) -> None:
    first = store.applications.add(company="A", role="r", stage=Stage.APPLIED)
    second = store.applications.add(company="B", role="r", stage=Stage.APPLIED)
    assert [a.id for a in store.applications.on_board()] == [second.id, first.id]


def test_move_appends_to_history_with_the_clock_time(db_path: Path) -> None:
    times = iter([SAMPLE_NOW, SAMPLE_NOW + timedelta(days=3)])
    store = Store.open(db_path, clock=lambda: next(times, SAMPLE_NOW + timedelta(days=3)))
    added = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)

    moved = store.applications.move(added.id, Stage.INTERVIEWING)

    assert moved.stage is Stage.INTERVIEWING
    assert [(c.stage, c.at) for c in moved.history][-1] == (
        Stage.INTERVIEWING,
        SAMPLE_NOW + timedelta(days=3),
    )
    assert moved.rev == added.rev + 1
    assert Store.open(db_path, clock=store.clock).applications.get(added.id) == moved


def test_rejecting_records_the_stage_reached_and_undoing_it_clears_it(store: Store) -> None:
    added = store.applications.add(company="Acme", role="Dev", stage=Stage.INTERVIEWING)

    rejected = store.applications.move(added.id, Stage.REJECTED)
    assert rejected.rejection == Rejection(reached=Stage.INTERVIEWING)

    back = store.applications.move(added.id, Stage.INTERVIEWING)
    assert back.rejection is None
    assert [c.stage for c in back.history] == [Stage.INTERVIEWING], "taken straight back"


def test_moving_to_the_same_stage_changes_nothing(store: Store) -> None:
    added = store.applications.add(company="Acme", role="Dev")
    before = sha256(store.path)
    assert store.applications.move(added.id, Stage.WISHLIST) == added
    assert sha256(store.path) == before


def test_invalid_input_is_refused_with_messages_per_field_and_nothing_changes(
    store: Store,
) -> None:
    store.applications.add(company="Acme", role="Dev")
    before = sha256(store.path)

    with pytest.raises(InvalidInput) as raised:
        store.applications.add(company="   ", role="x" * 301, url="ftp://acme", excitement=9)

    assert raised.value.errors == {
        "company": "is required",
        "role": "is too long (at most 300 characters)",
        "url": "must start with http:// or https:// and name a host",
        "excitement": "must be less than or equal to 5",
    }
    assert sha256(store.path) == before


def test_an_edit_saves_with_a_new_rev(store: Store) -> None:
    added = store.applications.add(company="Acme", role="Dev")
    saved = store.applications.update(added.model_copy(update={"notes": "Met them at PyCon"}))
    assert saved.rev == 2
    assert store.applications.get(added.id).notes == "Met them at PyCon"


def test_a_changed_copy_of_a_reflection_leaves_the_others_as_they_were() -> None:
    # Models with the same given fields share one set of their names (it saves memory);
    # a copy with changes must get its own, or every other model would seem changed.
    first = Rejection(reached=Stage.APPLIED)
    second = Rejection(reached=Stage.INTERVIEWING)
    changed = first.model_copy(update={"feedback": "Strong on design."})

    assert changed.model_dump(exclude_unset=True) == {
        "reached": Stage.APPLIED,
        "feedback": "Strong on design.",
    }
    assert first.model_dump(exclude_unset=True) == {"reached": Stage.APPLIED}
    assert second.model_dump(exclude_unset=True) == {"reached": Stage.INTERVIEWING}


def test_an_edit_that_fails_validation_changes_nothing(store: Store) -> None:
    added = store.applications.add(company="Acme", role="Dev")
    before = sha256(store.path)
    with pytest.raises(InvalidInput) as raised:
        store.applications.update(added.model_copy(update={"company": ""}))
    assert raised.value.errors == {"company": "is required"}
    assert sha256(store.path) == before


def test_an_edit_from_an_older_version_is_a_conflict_not_an_overwrite(
    store: Store,
) -> None:
    added = store.applications.add(company="Acme", role="Dev")
    other_session = Store.open(store.path, clock=store.clock)
    theirs = other_session.applications.update(added.model_copy(update={"notes": "theirs"}))

    with pytest.raises(ConflictError) as raised:
        store.applications.update(added.model_copy(update={"notes": "mine"}))

    assert raised.value.current == theirs
    assert store.applications.get(added.id).notes == "theirs"


def test_delete_returns_the_record_and_restore_puts_it_back_exactly(store: Store) -> None:
    added = store.applications.add(company="Acme", role="Dev", tags=("python",))
    deleted = store.applications.delete(added.id)
    assert store.applications.on_board() == []
    with pytest.raises(NotFoundError):
        store.applications.get(added.id)

    store.applications.restore(deleted)
    assert store.applications.on_board() == [added]


def test_operations_on_a_record_deleted_elsewhere_say_so(store: Store) -> None:
    added = store.applications.add(company="Acme", role="Dev")
    Store.open(store.path, clock=store.clock).applications.delete(added.id)
    with pytest.raises(NotFoundError, match="deleted in another session"):
        store.applications.move(added.id, Stage.APPLIED)


def test_two_stores_on_one_file_see_each_others_writes(store: Store) -> None:
    other = Store.open(store.path, clock=store.clock)
    assert other.applications.on_board() == []  # caches its (empty) view

    mine = store.applications.add(company="Mine", role="r")
    theirs = other.applications.add(company="Theirs", role="r")  # no duplicate-id error
    moved = other.applications.move(mine.id, Stage.APPLIED)

    assert {a.company for a in store.applications.on_board()} == {"Mine", "Theirs"}
    assert store.applications.get(mine.id) == moved
    assert store.applications.get(theirs.id) == theirs
    store.applications.delete(theirs.id)
    assert [a.id for a in other.applications.on_board()] == [mine.id]


def test_lists_by_time_read_before_a_change_show_it_after(
    store: Store, clock: MovableClock
) -> None:
    store.clock = clock
    other = Store.open(store.path, clock=clock)
    first = store.journal.add(mood=Mood.OKAY)
    assert store.journal.entries() == [first]
    assert store.timer.sessions() == []
    assert store.wins.all() == []

    clock.advance(minutes=1)
    mine = store.journal.add(mood=Mood.GOOD)
    earlier = store.timer.add_session(
        kind=TimerKind.FOCUS,
        started_at=SAMPLE_NOW - timedelta(hours=1),
        planned_seconds=1500,
        actual_seconds=1500,
        completed=True,
    )
    win = store.wins.add("Sent three applications")
    assert store.journal.entries() == [mine, first]
    assert store.timer.sessions() == [earlier]
    assert store.wins.all() == [win]

    clock.advance(minutes=1)
    theirs = other.journal.add(mood=Mood.GREAT)  # another session, on the same file
    assert store.journal.entries() == [theirs, mine, first]
    store.journal.delete(mine.id)
    assert store.journal.entries() == [theirs, first]


def test_changed_on_disk_notices_only_other_writers(store: Store) -> None:
    store.applications.on_board()
    assert not store.changed_on_disk()
    store.applications.add(company="Mine", role="r")
    assert not store.changed_on_disk()
    Store.open(store.path, clock=store.clock).applications.add(company="Theirs", role="r")
    assert len(store.applications.on_board()) == 2
    assert store.changed_on_disk(), "a read in between (the timer's tick) does not hide it"
    assert not store.changed_on_disk()


def test_archived_applications_leave_the_board(sample_store: Store) -> None:
    board = sample_store.applications.on_board()
    archived = sample_store.applications.archived()
    assert len(board) == 38
    assert len(archived) == 2
    assert all(a.archived is not None for a in archived)


def test_journal_entries_validate_mood_and_come_newest_first(store: Store) -> None:
    with pytest.raises(InvalidInput) as raised:
        store.journal.add(mood=9)
    assert set(raised.value.errors) == {"mood"}

    older = store.journal.add(mood=Mood.BAD, at=SAMPLE_NOW - timedelta(days=1))
    newer = store.journal.add(mood=Mood.GOOD, text="A recruiter called back")
    assert store.journal.entries() == [newer, older]


def test_a_win_for_the_same_event_is_recorded_once(store: Store) -> None:
    first = store.wins.add("First interview!", event_key="first-interview")
    again = Store.open(store.path, clock=store.clock).wins.add(
        "First interview!", event_key="first-interview"
    )
    assert again == first
    assert store.wins.all() == [first]


def test_settings_persist_and_reject_bad_values(store: Store) -> None:
    assert store.settings.get().theme == "textual-dark"
    store.settings.update(theme="nord", stale_after_days=14)
    reopened = Store.open(store.path, clock=store.clock)
    assert (reopened.settings.get().theme, reopened.settings.get().stale_after_days) == ("nord", 14)
    with pytest.raises(InvalidInput):
        store.settings.update(stale_after_days=0)


def test_rejection_reason_has_a_readable_label() -> None:
    assert RejectionReason.NO_RESPONSE.label == "No response (ghosted)"


def test_the_store_needs_an_aware_clock() -> None:
    with pytest.raises(ValueError, match="aware"):
        fixed_clock(SAMPLE_NOW.replace(tzinfo=None))


def test_the_file_stays_a_tinydb_database_that_tinydb_itself_reads(store: Store) -> None:
    first = store.applications.add(company="Acme", role="Dev")
    gone = store.applications.add(company="Gone", role="Dev")
    store.applications.delete(gone.id)
    last = store.applications.add(company="Zed", role="Dev")
    with TinyDB(store.path, access_mode="r") as db:
        table = db.table("applications")
        assert [doc["company"] for doc in table.all()] == ["Acme", "Zed"]
        assert [doc.doc_id for doc in table.all()] == [1, 2], "numbered as TinyDB numbers"
        assert table.get(Query().id == str(last.id)) is not None
        assert table.get(doc_id=1)["id"] == str(first.id)
