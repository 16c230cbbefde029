"""Interviews, follow-ups and the agenda, as plain Python on a fixed clock (a Monday)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from store import InvalidInput, Stage, Store, progress
from store.clock import MovableClock
from store.follow_ups import FollowUpKind
from store.interviews import next_interview, parse_kind, parse_when, short_label
from store.models import (
    ArchiveReason,
    ContactKind,
    FollowUpStatus,
    InterviewKind,
    InterviewOutcome,
    Metric,
    Rejection,
    RejectionReason,
)
from store.sample import SAMPLE_NOW

TUESDAY_2PM = datetime(2026, 3, 17, 14, 0, tzinfo=SAMPLE_NOW.tzinfo)


def kinds(store: Store) -> list[FollowUpKind]:
    return [f.kind for f in store.agenda.follow_ups()]


def test_an_interview_on_an_applied_card_moves_it_to_interviewing_and_the_card_shows_it(
    store: Store,
) -> None:
    job = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    booked = store.interviews.book(job.id, at=TUESDAY_2PM, kind=InterviewKind.TECHNICAL)
    card = store.applications.get(job.id)
    assert card.stage is Stage.INTERVIEWING
    assert [c.stage for c in card.history] == [Stage.APPLIED, Stage.INTERVIEWING]
    assert not booked.in_the_past
    coming = next_interview(card, SAMPLE_NOW)
    assert coming is not None
    assert short_label(coming, SAMPLE_NOW.tzinfo) == "Tue 14:00 technical"
    assert progress.funnel([card], SAMPLE_NOW).interviews == 1


def test_an_interview_on_a_card_further_on_leaves_its_stage(store: Store) -> None:
    job = store.applications.add(company="Acme", role="Dev", stage=Stage.OFFER)
    store.interviews.book(job.id, at=TUESDAY_2PM)
    assert store.applications.get(job.id).stage is Stage.OFFER


def test_an_interview_in_the_past_is_kept_and_said_to_be_past(store: Store) -> None:
    job = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    booked = store.interviews.book(job.id, at=SAMPLE_NOW - timedelta(days=2))
    assert booked.in_the_past
    assert len(store.applications.get(job.id).interviews) == 1


@pytest.mark.parametrize(
    ("fields", "field"), [({"minutes": 0}, "minutes"), ({"kind": "lunch"}, "kind")]
)
def test_a_length_of_zero_or_an_unknown_kind_is_refused_and_nothing_is_saved(
    store: Store, fields: dict[str, object], field: str
) -> None:
    job = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    with pytest.raises(InvalidInput) as refused:
        store.interviews.book(job.id, at=TUESDAY_2PM, **fields)
    assert field in refused.value.errors
    assert store.applications.get(job.id) == job


def test_an_interview_on_an_archived_application_is_refused(store: Store) -> None:
    job = store.applications.add(company="Acme", role="Dev")
    job = store.applications.archive(job.id, ArchiveReason.WITHDRAWN)
    with pytest.raises(InvalidInput, match="archived"):
        store.interviews.book(job.id, at=TUESDAY_2PM)
    assert store.applications.get(job.id) == job


def test_a_time_is_read_as_people_type_it_and_an_impossible_one_is_refused() -> None:
    assert parse_when("2026-12-03 14:00", SAMPLE_NOW) == datetime(
        2026, 12, 3, 14, 0, tzinfo=SAMPLE_NOW.tzinfo
    )
    assert parse_when("tomorrow 14:00", SAMPLE_NOW) == TUESDAY_2PM
    for bad in ("2026-02-30 10:00", "2026-12-03 25:00", "2026-12-03", "next week"):
        with pytest.raises(ValueError, match="YYYY-MM-DD HH:MM"):
            parse_when(bad, SAMPLE_NOW)
    assert parse_kind("Phone screen") is InterviewKind.PHONE_SCREEN
    assert parse_kind("take-home") is InterviewKind.TAKE_HOME
    with pytest.raises(ValueError, match="technical"):
        parse_kind("lunch")


def test_the_people_named_are_found_or_added_and_linked_as_interviewers(store: Store) -> None:
    job = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    sam = store.people.add(name="Sam Lee")
    store.people.link(sam.id, job.id, ContactKind.HIRING_MANAGER)
    booked = store.interviews.book(job.id, at=TUESDAY_2PM, with_names=["sam lee", "Ana"])
    by_name = {c.name: c for c in store.people.contacts()}
    assert booked.interview.contact_ids == (sam.id, by_name["Ana"].id)
    assert [link.role for link in by_name["Sam Lee"].links] == [ContactKind.HIRING_MANAGER]
    assert [link.role for link in by_name["Ana"].links] == [ContactKind.INTERVIEWER]
    (booking,) = store.agenda.today().bookings
    assert [(c.name, role) for c, role in booking.people] == [
        ("Sam Lee", ContactKind.HIRING_MANAGER),
        ("Ana", ContactKind.INTERVIEWER),
    ]


def test_an_application_with_no_news_is_to_follow_up_until_done_snoozed_or_dismissed(
    store: Store, clock: MovableClock
) -> None:
    store.clock = clock
    job = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    clock.advance(days=20)
    assert kinds(store) == []
    clock.advance(days=1)
    (follow_up,) = store.agenda.follow_ups()
    assert follow_up.kind is FollowUpKind.FOLLOW_UP
    assert follow_up.application_id == job.id
    store.agenda.mark(follow_up.key, FollowUpStatus.SNOOZED, clock().date() + timedelta(days=2))
    assert kinds(store) == []
    clock.advance(days=2)
    assert kinds(store) == [FollowUpKind.FOLLOW_UP]
    store.agenda.mark(follow_up.key, FollowUpStatus.DONE)
    assert kinds(store) == []
    store.agenda.reopen(follow_up.key)
    assert kinds(store) == [FollowUpKind.FOLLOW_UP]
    store.agenda.mark(follow_up.key, FollowUpStatus.DISMISSED)
    assert kinds(store) == []


def test_after_twice_the_stale_wait_a_follow_up_becomes_the_question_of_a_silent_no(
    store: Store, clock: MovableClock
) -> None:
    """Three weeks without news: follow up. Six weeks, followed up or not: most likely a
    no that will never be said, asked once more as a question, not a chase."""
    store.clock = clock
    job = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    clock.advance(days=21)
    (follow_up,) = store.agenda.follow_ups()
    store.agenda.mark(follow_up.key, FollowUpStatus.DONE)  # followed up
    clock.advance(days=20)
    assert kinds(store) == []
    clock.advance(days=1)
    (silent,) = store.agenda.follow_ups()
    assert silent.kind is FollowUpKind.SILENT_NO
    assert silent.application_id == job.id
    assert silent.text == "No news in 42 days: Dev at Acme. A silent no?"
    store.agenda.mark(silent.key, FollowUpStatus.DISMISSED)  # still hoping: asked no more
    clock.advance(days=30)
    assert kinds(store) == []


def test_a_silent_no_is_not_chased_in_the_calendar(store: Store, clock: MovableClock) -> None:
    store.clock = clock
    store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    store.applications.add(company="Zeta", role="Dev", stage=Stage.APPLIED)
    clock.advance(days=21)
    store.applications.add(company="Later", role="Dev", stage=Stage.APPLIED)
    clock.advance(days=21)
    assert sorted(kinds(store)) == [FollowUpKind.FOLLOW_UP] + [FollowUpKind.SILENT_NO] * 2
    ics = store.agenda.calendar(zone=SAMPLE_NOW.tzinfo, alarm_minutes=30).decode()
    assert "Dev at Later" in ics
    assert "Acme" not in ics
    assert "Zeta" not in ics


def test_what_was_done_with_a_follow_up_is_kept_in_the_file(
    db_path: Path, clock: MovableClock
) -> None:
    store = Store.open(db_path, clock=clock)
    store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    clock.advance(days=30)
    (follow_up,) = store.agenda.follow_ups()
    store.agenda.mark(follow_up.key, FollowUpStatus.DONE)
    assert Store.open(db_path, clock=clock).agenda.follow_ups() == []


def test_after_an_interview_how_it_went_a_thank_you_then_news_are_asked_for(
    store: Store, clock: MovableClock
) -> None:
    store.clock = clock
    job = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    booked = store.interviews.book(job.id, at=TUESDAY_2PM, minutes=45)
    clock.now = TUESDAY_2PM + timedelta(minutes=44)
    assert kinds(store) == []
    clock.now = TUESDAY_2PM + timedelta(minutes=45)
    assert kinds(store) == [FollowUpKind.HOW_IT_WENT, FollowUpKind.THANK_YOU]
    store.interviews.record_thank_you(job.id, booked.interview.id)
    assert kinds(store) == [FollowUpKind.HOW_IT_WENT]
    clock.advance(days=5)
    assert kinds(store) == [FollowUpKind.HOW_IT_WENT, FollowUpKind.ASK_NEWS]
    store.interviews.record_outcome(
        job.id, booked.interview.id, InterviewOutcome.WAITING, "Went well, I think"
    )
    assert kinds(store) == [FollowUpKind.ASK_NEWS], "noted how it went, and still no news"
    store.applications.move(job.id, Stage.OFFER)
    assert kinds(store) == [], "news came: the card moved on"


def test_a_no_after_an_interview_asks_for_feedback_but_silence_does_not(
    store: Store,
) -> None:
    said_no = store.applications.add(company="Acme", role="Dev", stage=Stage.INTERVIEWING)
    store.applications.reject(said_no.id, Rejection(reached=Stage.INTERVIEWING))
    ghosted = store.applications.add(company="Initech", role="Dev", stage=Stage.INTERVIEWING)
    store.applications.reject(
        ghosted.id, Rejection(reached=Stage.INTERVIEWING, reason=RejectionReason.NO_RESPONSE)
    )
    assert [(f.kind, f.application_id) for f in store.agenda.follow_ups()] == [
        (FollowUpKind.ASK_FEEDBACK, said_no.id)
    ]
    store.applications.record_feedback_request(said_no.id)
    assert kinds(store) == []


def test_no_feedback_is_asked_for_a_no_to_the_application_alone_or_one_that_came_with_it(
    store: Store,
) -> None:
    """A long search has dozens of form rejections a month: asking after each buried the
    agenda, and few come with feedback to give."""
    screened_out = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    store.applications.reject(screened_out.id, Rejection(reached=Stage.APPLIED))
    never_sent = store.applications.add(company="Initech", role="QA")
    store.applications.reject(
        never_sent.id, Rejection(reached=Stage.WISHLIST, reason=RejectionReason.POSITION_FILLED)
    )
    told_why = store.applications.add(company="Globex", role="SRE", stage=Stage.INTERVIEWING)
    store.applications.reject(
        told_why.id, Rejection(reached=Stage.INTERVIEWING, feedback="Wanted more Go")
    )
    assert kinds(store) == []


def test_a_due_next_action_a_person_due_and_a_near_take_home_are_follow_ups(
    store: Store, clock: MovableClock
) -> None:
    store.clock = clock
    job = store.applications.add(
        company="Acme", role="Dev", next_action="Send portfolio", next_action_due=date(2026, 3, 17)
    )
    store.people.add(name="Priya", cadence_weeks=2)
    store.interviews.book(job.id, at=SAMPLE_NOW + timedelta(days=4), kind=InterviewKind.TAKE_HOME)
    assert kinds(store) == [FollowUpKind.PERSON]
    clock.advance(days=1)
    assert sorted(kinds(store)) == sorted(
        [FollowUpKind.PERSON, FollowUpKind.NEXT_ACTION, FollowUpKind.TAKE_HOME]
    )


def test_the_agenda_has_today_the_week_and_what_is_left_of_the_weeks_goals(
    store: Store,
) -> None:
    job = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    other = store.applications.add(company="Initech", role="QA", stage=Stage.APPLIED)
    store.interviews.book(job.id, at=SAMPLE_NOW.replace(hour=15), prep="Read their blog")
    store.interviews.book(other.id, at=SAMPLE_NOW + timedelta(days=3))
    store.interviews.book(other.id, at=SAMPLE_NOW + timedelta(days=8))
    day = store.agenda.today()
    assert [b.application.company for b in day.today()] == ["Acme"]
    assert day.today()[0].interview.prep == "Read their blog"
    assert [b.application.company for b in day.later()] == ["Initech"]
    left = {g.goal.metric: (g.done, g.goal.target) for g in day.goals_left}
    assert left[Metric.APPLICATIONS_SENT] == (2, 5)  # the default goal of five a week
    assert len(store.agenda.today(days=14).later()) == 2


def test_an_interview_held_and_a_thank_you_sent_are_wins(store: Store) -> None:
    job = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    booked = store.interviews.book(job.id, at=SAMPLE_NOW - timedelta(hours=2))
    store.wins.recognise()
    store.interviews.record_outcome(job.id, booked.interview.id, InterviewOutcome.WAITING)
    store.interviews.record_thank_you(job.id, booked.interview.id)
    texts = [win.text for win in store.wins.recognise()]
    assert texts == ["Interview held: Dev at Acme", "Sent a thank-you: Acme"]


def test_the_funnel_counts_an_interview_logged_on_a_card_already_turned_down(
    store: Store,
) -> None:
    job = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    store.applications.reject(job.id, Rejection(reached=Stage.APPLIED))
    store.interviews.book(job.id, at=SAMPLE_NOW - timedelta(days=3))
    assert progress.funnel(store.applications.on_board(), SAMPLE_NOW).interviews == 1


def test_what_was_done_with_follow_ups_not_due_for_three_months_is_forgotten_on_a_mark(
    store: Store, clock: MovableClock
) -> None:
    store.clock = clock
    # Waits long enough for a follow-up to stay due past three months, before it turns
    # into the question of a silent no.
    store.settings.update(stale_after_days=200)
    _, deleted, archived, moved = (
        store.applications.add(company=name, role="Dev", stage=Stage.APPLIED)
        for name in ("Kept", "Deleted", "Archived", "Moved")
    )
    clock.advance(days=200)
    key = {store.applications.get(f.application_id).company: f.key
           for f in store.agenda.follow_ups()}  # fmt: skip
    for company in ("Kept", "Deleted", "Archived", "Moved"):
        store.agenda.mark(key[company], FollowUpStatus.DISMISSED)
    store.applications.delete(deleted.id)
    store.applications.archive(archived.id, ArchiveReason.OTHER)
    store.applications.move(moved.id, Stage.INTERVIEWING)

    store.agenda.mark(key["Kept"], FollowUpStatus.DISMISSED)  # any write of a state
    assert set(store.agenda.states()) == set(key.values()), "an archive or a delete can be undone"
    store.applications.archive(archived.id, None)  # back on the board, in Applied
    assert kinds(store) == [], "what was dismissed stays dismissed"

    clock.advance(days=91)  # deleted, moved on: not due for three months
    store.agenda.mark(key["Kept"], FollowUpStatus.DISMISSED)
    assert set(store.agenda.states()) == {key["Kept"], key["Archived"]}
    clock.advance(days=90)  # still in Applied, still dismissed: it stays put away
    store.agenda.mark("person:not-a-key", FollowUpStatus.DONE)
    assert key["Kept"] in store.agenda.states()
    assert kinds(store) == []


def test_a_booking_at_the_time_of_another_interview_names_it_and_a_take_home_clashes_with_none(
    store: Store,
) -> None:
    acme = store.applications.add(company="Acme", role="Dev", stage=Stage.APPLIED)
    globex = store.applications.add(company="Globex", role="SRE", stage=Stage.APPLIED)
    first = store.interviews.book(acme.id, at=TUESDAY_2PM, minutes=60)
    assert first.clashes == ()
    later = store.interviews.book(globex.id, at=TUESDAY_2PM + timedelta(minutes=30), minutes=60)
    assert [(a.company, i.id) for a, i in later.clashes] == [("Acme", first.interview.id)]
    after = store.interviews.book(globex.id, at=TUESDAY_2PM + timedelta(minutes=90), minutes=30)
    assert after.clashes == (), "back to back is no clash"
    take_home = store.interviews.book(
        acme.id, at=TUESDAY_2PM, minutes=60, kind=InterviewKind.TAKE_HOME
    )
    assert take_home.clashes == ()
    store.applications.archive(acme.id, ArchiveReason.WITHDRAWN)
    initech = store.applications.add(company="Initech", role="QA", stage=Stage.APPLIED)
    off_the_board = store.interviews.book(initech.id, at=TUESDAY_2PM, minutes=30)
    assert [a.company for a, _ in off_the_board.clashes] == [], "Acme is archived"
