"""Board rules and operations: stages, order, rejections, archive, undo."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from uuid import UUID

import pytest

from store import (
    ArchiveReason,
    ConflictError,
    InvalidInput,
    Rejection,
    RejectionReason,
    Stage,
    Store,
    fixed_clock,
)
from store.board import days_in_stage, is_stale, matches, next_action_due, parse_date
from store.clock import MovableClock
from store.funnel import funnel
from store.sample import SAMPLE_NOW

TODAY = SAMPLE_NOW.date()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-04-01", date(2026, 4, 1)),
        ("today", TODAY),
        (" Yesterday ", TODAY - timedelta(days=1)),
        ("tomorrow", TODAY + timedelta(days=1)),
        ("+3d", TODAY + timedelta(days=3)),
        ("-1w", TODAY - timedelta(weeks=1)),
        ("+ 2 w", TODAY + timedelta(weeks=2)),
        ("", None),
    ],
)
def test_dates_as_people_type_them(typed: str, expected: date | None) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize("typed", ["next week", "2026-13-01", "+3m", "32/1/2026", "+99999d"])
def test_a_date_that_is_not_one_says_what_would_be(typed: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date(typed, TODAY)


def test_days_in_stage_stale_and_due(store: Store) -> None:
    applied = store.applications.add(
        company="Acme", role="Dev", stage=Stage.APPLIED, next_action_due=TODAY
    )
    later = SAMPLE_NOW + timedelta(days=21)
    assert days_in_stage(applied, later) == 21
    assert not is_stale(applied, later - timedelta(days=1), after_days=21)
    assert is_stale(applied, later, after_days=21)
    assert next_action_due(applied, TODAY)
    assert not next_action_due(applied, TODAY - timedelta(days=1))
    wish = store.applications.add(company="Acme", role="Dev")
    assert not is_stale(wish, later, after_days=21), "only Applied goes stale"


def test_search_matches_every_word_across_fields(store: Store) -> None:
    application = store.applications.add(
        company="Fernhill Labs", role="Data Engineer", tags=("climate",), notes="Met at PyCon"
    )
    assert matches(application, "fernhill")
    assert matches(application, "DATA climate")
    assert matches(application, "pycon labs")
    assert not matches(application, "fernhill finance")
    assert matches(application, "")


def column(store: Store, stage: Stage) -> list[str]:
    return [a.company for a in store.applications.on_board() if a.stage is stage]


def test_reorder_within_a_column_persists(store: Store) -> None:
    for name in "CBA":
        store.applications.add(company=name, role="r")
    assert column(store, Stage.WISHLIST) == ["A", "B", "C"]
    a = store.applications.on_board()[0]

    store.applications.reorder(a.id, +1)
    assert column(store, Stage.WISHLIST) == ["B", "A", "C"]
    store.applications.reorder(a.id, +1)
    store.applications.reorder(a.id, +1)  # already last: nothing changes
    assert column(Store.open(store.path), Stage.WISHLIST) == ["B", "C", "A"]
    store.applications.reorder(a.id, -2)
    assert column(store, Stage.WISHLIST) == ["A", "B", "C"]


def test_reorder_ignores_other_columns_and_archived_cards(store: Store) -> None:
    store.applications.add(company="Other column", role="r", stage=Stage.APPLIED)
    hidden = store.applications.add(company="Archived", role="r")
    store.applications.archive(hidden.id)
    second = store.applications.add(company="Second", role="r")
    first = store.applications.add(company="First", role="r")
    store.applications.reorder(first.id, +1)
    assert column(store, Stage.WISHLIST) == ["Second", "First"]
    assert second.id in {a.id for a in store.applications.on_board()}


def test_reject_with_a_reflection_moves_and_records_it(store: Store) -> None:
    added = store.applications.add(company="Acme", role="Dev", stage=Stage.INTERVIEWING)
    reflection = Rejection(
        reached=Stage.INTERVIEWING,
        reason=RejectionReason.SKILLS_GAP,
        feedback="Wanted more Kubernetes",
        lesson="Build the k8s side project",
    )
    rejected = store.applications.reject(added.id, reflection)
    assert rejected.stage is Stage.REJECTED
    assert rejected.rejection == reflection
    assert [c.stage for c in rejected.history] == [Stage.INTERVIEWING, Stage.REJECTED]

    # Editing the reflection later does not add another stage change.
    again = store.applications.reject(added.id, reflection.model_copy(update={"lesson": "k8s"}))
    assert len(again.history) == 2
    assert again.rejection is not None
    assert again.rejection.lesson == "k8s"


def test_ghosted_is_a_rejection_with_no_response(store: Store) -> None:
    added = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    ghosted = store.applications.mark_ghosted(added.id)
    assert ghosted.stage is Stage.REJECTED
    assert ghosted.rejection == Rejection(reached=Stage.APPLIED, reason=RejectionReason.NO_RESPONSE)


def test_asking_for_feedback_is_dated(db_path: object, store: Store) -> None:
    added = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    with pytest.raises(InvalidInput):
        store.applications.record_feedback_request(added.id)
    store.applications.move(added.id, Stage.REJECTED)
    later = Store.open(store.path, clock=fixed_clock(SAMPLE_NOW + timedelta(days=1)))
    asked = later.applications.record_feedback_request(added.id)
    assert asked.rejection is not None
    assert asked.rejection.feedback_requested_at == SAMPLE_NOW + timedelta(days=1)


def test_archive_and_unarchive(store: Store) -> None:
    added = store.applications.add(company="Acme", role="Dev")
    archived = store.applications.archive(added.id, ArchiveReason.WITHDRAWN)
    assert store.applications.on_board() == []
    assert store.applications.archived() == [archived]
    assert archived.archived_at == SAMPLE_NOW
    store.applications.archive(added.id, None)
    assert [a.id for a in store.applications.on_board()] == [added.id]


def test_undo_of_a_move_restores_the_previous_version_and_history(store: Store) -> None:
    added = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    moved = store.applications.move(added.id, Stage.INTERVIEWING)
    undone = store.applications.revert(added, moved.rev)
    assert undone.stage is Stage.APPLIED
    assert undone.history == added.history, "an undone move leaves no trace in the funnel"
    assert undone.rev == moved.rev + 1


def test_undo_refuses_when_another_session_changed_the_record(store: Store) -> None:
    added = store.applications.add(company="Acme", role="Dev")
    moved = store.applications.move(added.id, Stage.APPLIED)
    Store.open(store.path).applications.move(added.id, Stage.INTERVIEWING)
    with pytest.raises(ConflictError):
        store.applications.revert(added, moved.rev)
    assert store.applications.get(added.id).stage is Stage.INTERVIEWING


def test_a_move_taken_back_within_minutes_leaves_no_trace_in_the_history(
    store: Store, clock: MovableClock
) -> None:
    store.clock = clock
    card = store.applications.add(company="Acme", role="Dev")
    clock.advance(days=2)
    store.applications.move(card.id, Stage.APPLIED)  # `L` by mistake…
    clock.advance(minutes=3)
    back = store.applications.move(card.id, Stage.WISHLIST)  # …and `H` straight after
    assert back.history == card.history
    assert funnel([back], clock()).applied == 0, "the funnel never saw it sent"
    assert days_in_stage(back, clock()) == 2
    store.applications.move(card.id, Stage.APPLIED)
    clock.advance(hours=1)
    again = store.applications.move(card.id, Stage.WISHLIST)
    assert [change.stage for change in again.history] == [
        Stage.WISHLIST,
        Stage.APPLIED,
        Stage.WISHLIST,
    ], "a move back after a while is history"


def test_a_win_earned_only_by_a_move_taken_back_is_taken_back(
    store: Store, clock: MovableClock
) -> None:
    store.clock = clock
    card = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    store.wins.recognise()
    clock.advance(days=1)
    store.applications.move(card.id, Stage.INTERVIEWING)
    assert f"interview:{card.id}" in {win.event_key for win in store.wins.recognise()}
    clock.advance(minutes=2)
    store.applications.move(card.id, Stage.APPLIED)
    assert store.wins.recognise() == [], "taken back quietly: nothing new to celebrate"
    kept = {win.event_key for win in store.wins.all()}
    assert f"interview:{card.id}" not in kept
    assert f"applied:{card.id}" in kept, "the wins the data still shows stay"


def test_a_win_taken_back_and_earned_again_is_celebrated_once(
    store: Store, clock: MovableClock
) -> None:
    store.clock = clock
    card = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    store.wins.recognise()
    clock.advance(days=1)
    store.applications.move(card.id, Stage.INTERVIEWING)
    assert f"interview:{card.id}" in {win.event_key for win in store.wins.recognise()}
    clock.advance(minutes=1)
    store.applications.move(card.id, Stage.APPLIED)  # a slip, put right
    store.wins.recognise()
    clock.advance(minutes=1)
    store.applications.move(card.id, Stage.INTERVIEWING)  # and the move made again
    assert store.wins.recognise() == [], "celebrated once"
    assert f"interview:{card.id}" in {win.event_key for win in store.wins.all()}, "on record"


def test_a_moves_win_is_saved_with_the_move(store: Store, clock: MovableClock) -> None:
    """Saved in the move's own write, not in a second one at the next look: a session
    that ends (or is killed) right after the move still has it on record."""
    store.clock = clock
    card = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    store.wins.recognise()
    clock.advance(days=1)
    store.applications.move(card.id, Stage.INTERVIEWING, with_wins=True)  # as the board does
    reopened = Store.open(store.path, clock=clock)
    assert f"interview:{card.id}" in {win.event_key for win in reopened.wins.all()}
    assert reopened.wins.recognise() == [], "nothing left for the next look"
    assert f"interview:{card.id}" in {win.event_key for win in store.wins.recognise()}, (
        "the session that made the move celebrates it"
    )


def test_a_move_from_the_shell_leaves_its_win_for_the_open_app_to_celebrate(
    store: Store, clock: MovableClock
) -> None:
    store.clock = clock
    card = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    store.wins.recognise()  # the app, open
    clock.advance(days=1)
    Store.open(store.path, clock=clock).applications.move(card.id, Stage.INTERVIEWING)
    assert f"interview:{card.id}" in {win.event_key for win in store.wins.recognise()}


def test_an_undone_move_takes_its_win_back(store: Store, clock: MovableClock) -> None:
    store.clock = clock
    card = store.applications.add(company="Acme", role="Dev", stage=Stage.INTERVIEWING)
    store.wins.recognise()
    clock.advance(days=1)
    moved = store.applications.move(card.id, Stage.OFFER)
    assert f"offer:{card.id}" in {win.event_key for win in store.wins.recognise()}
    store.applications.revert(card, moved.rev)  # the board's undo
    store.wins.recognise()
    assert f"offer:{card.id}" not in {win.event_key for win in store.wins.all()}
    clock.advance(days=3)
    store.applications.delete(card.id)
    store.wins.recognise()
    assert f"applied:{card.id}" in {win.event_key for win in store.wins.all()}, (
        "a win from days ago stays when its record goes"
    )


def test_days_in_stage_counts_the_users_calendar_days(db_path: Path) -> None:
    zone = timezone(timedelta(hours=2))
    moved_late = datetime(2026, 3, 17, 23, 0, tzinfo=zone)
    store = Store.open(db_path, clock=fixed_clock(moved_late))
    card = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    next_morning = datetime(2026, 3, 18, 8, 0, tzinfo=zone)
    assert days_in_stage(card, next_morning) == 1, "moved yesterday evening: 1 day"
    assert days_in_stage(card, moved_late + timedelta(minutes=90)) == 1, "past midnight"
    assert days_in_stage(card, moved_late.replace(hour=23, minute=59)) == 0


def test_a_card_that_is_over_is_never_due(store: Store) -> None:
    def due_card() -> UUID:
        return store.applications.add(
            company="Acme", role="Dev", stage=Stage.APPLIED, next_action_due=TODAY
        ).id

    rejected = store.applications.reject(due_card(), Rejection(reached=Stage.APPLIED))
    ghosted = store.applications.mark_ghosted(due_card())
    archived = store.applications.archive(due_card(), ArchiveReason.WITHDRAWN)
    for card in (rejected, ghosted, archived):
        assert not next_action_due(card, TODAY), card.stage
    assert next_action_due(store.applications.get(due_card()), TODAY), "an open one is due"
