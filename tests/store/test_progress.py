"""Goals, streaks, the funnel and its diagnosis, wins: hand-built histories on a fixed clock."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from store import (
    Application,
    ArchiveReason,
    Goal,
    InvalidInput,
    Metric,
    Period,
    Rejection,
    RejectionReason,
    Stage,
    Store,
    TimerKind,
    TimerSession,
)
from store.clock import MovableClock
from store.models import Contact, Conversation, JournalEntry, Mood, StageChange
from store.progress import (
    DEFAULT_GOALS,
    LOW_INTERVIEW_RATE,
    LOW_RESPONSE_RATE,
    MIN_APPLIED_FOR_DIAGNOSIS,
    MIN_INTERVIEWS_FOR_OFFERS,
    MIN_RESPONSES_FOR_SCREENING,
    Activity,
    enough_for_diagnosis,
    funnel,
    goal_progress,
    lessons,
    rejections_total,
    weeks_beside,
)
from store.wins import WinFinder

# Wednesday 18 March 2026, noon UTC: the week began on Monday the 16th.
NOW = datetime(2026, 3, 18, 12, 0, tzinfo=UTC)
MONDAY = datetime(2026, 3, 16, 0, 0, tzinfo=UTC)


def app(
    *moves: tuple[Stage, datetime], rejection: Rejection | None = None, **extra: object
) -> Application:
    """An application with the given history, oldest first."""
    first = moves[0][1]
    return Application(
        company=str(extra.pop("company", "Acme")),
        role="Developer",
        stage=moves[-1][0],
        history=tuple(StageChange(stage=stage, at=at) for stage, at in moves),
        rejection=rejection,
        created_at=first,
        updated_at=moves[-1][1],
        **extra,  # type: ignore[arg-type]
    )


def sent(at: datetime, *later: tuple[Stage, datetime], **extra: object) -> Application:
    return app((Stage.WISHLIST, at - timedelta(days=1)), (Stage.APPLIED, at), *later, **extra)


def days(n: float) -> timedelta:
    return timedelta(days=n)


# --- goals -----------------------------------------------------------------------------


def test_applications_sent_counts_moves_into_applied_this_week_only() -> None:
    goal = Goal(metric=Metric.APPLICATIONS_SENT, target=3)
    activity = Activity(
        applications=[
            sent(MONDAY + timedelta(hours=9)),
            sent(MONDAY + days(2)),
            sent(MONDAY - timedelta(minutes=1)),  # Sunday night: last week
            app((Stage.WISHLIST, MONDAY)),  # never sent
        ]
    )
    progress = goal_progress(goal, activity, NOW)
    assert (progress.done, progress.met, progress.days_left) == (2, False, 5)
    assert progress.period_start == date(2026, 3, 16)


def test_the_week_is_the_users_week_in_their_time_zone() -> None:
    tokyo = NOW.astimezone(ZoneInfo("Asia/Tokyo"))
    # 23:30 UTC on Sunday is 08:30 on Monday in Tokyo: this week there, last week in UTC.
    late_sunday = MONDAY - timedelta(minutes=30)
    activity = Activity(applications=[sent(late_sunday)])
    goal = Goal(metric=Metric.APPLICATIONS_SENT, target=1)
    assert goal_progress(goal, activity, NOW).done == 0
    assert goal_progress(goal, activity, tokyo).done == 1


def test_empty_data_is_zero_with_the_whole_period_left() -> None:
    goal = Goal(metric=Metric.JOURNAL_ENTRIES, target=4, period=Period.MONTH)
    progress = goal_progress(goal, Activity(applications=[]), NOW)
    assert (progress.done, progress.streak, progress.days_left) == (0, 0, 14)


def test_learning_minutes_come_from_focus_blocks_labelled_learning() -> None:
    def block(label: str, minutes: int, kind: TimerKind = TimerKind.FOCUS) -> TimerSession:
        return TimerSession(
            kind=kind,
            label=label,
            started_at=MONDAY + days(1),
            planned_seconds=25 * 60,
            actual_seconds=minutes * 60,
            completed=minutes == 25,
        )

    sessions = [block("Learning", 25), block("learning", 10), block("applications", 25)]
    activity = Activity(applications=[], sessions=sessions)
    learning = goal_progress(Goal(metric=Metric.LEARNING_MINUTES, target=60), activity, NOW)
    focus = goal_progress(Goal(metric=Metric.FOCUS_BLOCKS, target=5), activity, NOW)
    assert learning.done == 35, "cut-short learning still counts its minutes"
    assert focus.done == 2, "only finished blocks count as blocks"


def test_networking_counts_conversations_this_month() -> None:
    contact = Contact(
        name="Sam",
        conversations=(
            Conversation(at=NOW - days(3)),
            Conversation(at=NOW - days(20)),  # February
        ),
    )
    goal = Goal(metric=Metric.NETWORKING_CONVERSATIONS, target=4, period=Period.MONTH)
    assert goal_progress(goal, Activity(applications=[], contacts=[contact]), NOW).done == 1


def test_a_streak_counts_periods_on_target_and_a_rest_week_does_not_break_it() -> None:
    weeks_ago = [1, 2, 4]  # on target; week 3 ago was a rest week; week 5 ago missed
    applications = [sent(MONDAY - timedelta(weeks=n) + days(1)) for n in weeks_ago]
    rest_week = (MONDAY - timedelta(weeks=3)).date()
    goal = Goal(metric=Metric.APPLICATIONS_SENT, target=1, rest_periods=(rest_week,))
    progress = goal_progress(goal, Activity(applications=applications), NOW)
    assert progress.streak == 3, "this week is not over: it does not break the streak yet"
    without_rest = goal.model_copy(update={"rest_periods": ()})
    assert goal_progress(without_rest, Activity(applications=applications), NOW).streak == 2


def test_a_streak_includes_this_period_once_it_is_on_target() -> None:
    applications = [sent(MONDAY + days(1)), sent(MONDAY - days(6))]
    goal = Goal(metric=Metric.APPLICATIONS_SENT, target=1)
    assert goal_progress(goal, Activity(applications=applications), NOW).streak == 2


# --- the funnel ------------------------------------------------------------------------


def test_the_funnel_reads_histories_not_current_stages() -> None:
    day = NOW - days(40)
    applications = [
        # Interviewed, then rejected: counts as applied, response and interview.
        sent(
            day,
            (Stage.INTERVIEWING, day + days(4)),
            (Stage.REJECTED, day + days(10)),
            rejection=Rejection(reached=Stage.INTERVIEWING, reason=RejectionReason.SKILLS_GAP),
        ),
        # Ghosted: applied, a "no", but no response.
        sent(
            day,
            (Stage.REJECTED, day + days(30)),
            rejection=Rejection(reached=Stage.APPLIED, reason=RejectionReason.NO_RESPONSE),
        ),
        # An explicit "no" from Applied: a response.
        sent(
            day,
            (Stage.REJECTED, day + days(2)),
            rejection=Rejection(reached=Stage.APPLIED, reason=RejectionReason.POSITION_FILLED),
        ),
        sent(day, (Stage.INTERVIEWING, day + days(6)), (Stage.OFFER, day + days(20))),
        sent(day),
        app((Stage.WISHLIST, day)),
    ]
    f = funnel(applications, NOW)
    assert (f.applied, f.responses, f.interviews, f.offers) == (5, 3, 2, 1)
    assert f.rejections == 3, "silence is a no too"
    assert f.rejected_at == {Stage.INTERVIEWING: 1, Stage.APPLIED: 2}
    assert f.median_days_to_response == 4, "of 4, 2 and 6 days; silence has no answer time"
    assert rejections_total(applications) == 3


def test_the_funnel_windows_count_applications_sent_in_them() -> None:
    applications = [sent(NOW - days(10)), sent(NOW - days(60)), sent(NOW - days(200))]
    assert [funnel(applications, NOW, d).applied for d in (30, 90, None)] == [1, 2, 3]


def test_an_application_added_straight_to_interviewing_was_sent() -> None:
    f = funnel([app((Stage.INTERVIEWING, NOW - days(3)))], NOW)
    assert (f.applied, f.responses, f.interviews) == (1, 1, 1)


def many(count: int, *later: tuple[Stage, timedelta]) -> list[Application]:
    at = NOW - days(50)
    return [sent(at, *((stage, at + delta) for stage, delta in later)) for _ in range(count)]


def rejected_from(stage: Stage, count: int) -> list[Application]:
    at = NOW - days(50)
    moves = [(Stage.APPLIED, at)]
    if stage is Stage.INTERVIEWING:
        moves.append((Stage.INTERVIEWING, at + days(3)))
    moves.append((Stage.REJECTED, at + days(9)))
    rejection = Rejection(reached=stage, reason=RejectionReason.UNKNOWN)
    return [app(*moves, rejection=rejection) for _ in range(count)]


def test_too_few_applications_say_nothing_yet() -> None:
    f = funnel(many(MIN_APPLIED_FOR_DIAGNOSIS - 1), NOW)
    assert not enough_for_diagnosis(f)
    assert enough_for_diagnosis(funnel(many(MIN_APPLIED_FOR_DIAGNOSIS), NOW))


def test_few_responses_suggest_tailoring_the_resume_on_one_side_of_the_line_only() -> None:
    # 1 in 10 exactly is not "few"; 1 in 11 is.
    at_line = many(9) + rejected_from(Stage.APPLIED, 1)
    assert funnel(at_line, NOW).response_rate == LOW_RESPONSE_RATE
    assert funnel(at_line, NOW).findings() == []
    below = many(10) + rejected_from(Stage.APPLIED, 1)
    [finding] = funnel(below, NOW).findings()
    assert "résumé" in finding.advice


def test_answers_without_interviews_point_at_the_screening_conversation() -> None:
    # 10 answers, 3 interviews: 0.30 is not below the line; 2 interviews is.
    at_line = rejected_from(Stage.APPLIED, 7) + many(3, (Stage.INTERVIEWING, days(3)))
    assert funnel(at_line, NOW).interview_rate == LOW_INTERVIEW_RATE
    assert all("conversation" not in f.advice for f in funnel(at_line, NOW).findings())
    below = rejected_from(Stage.APPLIED, 8) + many(2, (Stage.INTERVIEWING, days(3)))
    assert any("first conversation" in f.advice for f in funnel(below, NOW).findings())
    few = rejected_from(Stage.APPLIED, MIN_RESPONSES_FOR_SCREENING - 1)
    assert funnel(few + many(20), NOW).responses < MIN_RESPONSES_FOR_SCREENING
    assert all("conversation" not in f.advice for f in funnel(few + many(6), NOW).findings())


def test_interviews_without_offers_suggest_practising_interviews() -> None:
    short = rejected_from(Stage.INTERVIEWING, MIN_INTERVIEWS_FOR_OFFERS - 1) + many(4)
    assert all("mock" not in f.advice for f in funnel(short, NOW).findings())
    enough = rejected_from(Stage.INTERVIEWING, MIN_INTERVIEWS_FOR_OFFERS) + many(4)
    assert any("mock interviews" in f.advice for f in funnel(enough, NOW).findings())
    with_offer = enough + many(1, (Stage.INTERVIEWING, days(2)), (Stage.OFFER, days(9)))
    assert all("mock" not in f.advice for f in funnel(with_offer, NOW).findings())


def test_a_declined_offer_suggests_revisiting_what_you_want() -> None:
    at = NOW - days(30)
    declined = sent(
        at,
        (Stage.INTERVIEWING, at + days(3)),
        (Stage.OFFER, at + days(9)),
        archived=ArchiveReason.WITHDRAWN,
        archived_at=at + days(12),
    )
    f = funnel([declined], NOW)
    assert f.declined_offers == 1
    assert any("looking for" in finding.advice for finding in f.findings())


def test_applications_per_interview_come_from_the_users_own_rates() -> None:
    applications = many(14) + many(2, (Stage.INTERVIEWING, days(3)))
    f = funnel(applications, NOW)
    assert f.applications_per(f.interviews) == 8
    assert f.applications_per(f.offers) is None, "no offers yet: no guess"


def test_lessons_group_reasons_and_keep_the_users_words() -> None:
    at = NOW - days(20)

    def no(reason: RejectionReason, lesson: str, days_later: int) -> Application:
        rejection = Rejection(reached=Stage.APPLIED, reason=reason, lesson=lesson)
        return sent(at, (Stage.REJECTED, at + days(days_later)), rejection=rejection)

    grouped = lessons(
        [
            no(RejectionReason.SKILLS_GAP, "Learn Kubernetes", 1),
            no(RejectionReason.SKILLS_GAP, "Practise system design", 5),
            no(RejectionReason.POSITION_FILLED, "Learn Kubernetes", 3),
        ]
    )
    assert grouped.reasons == [("Skills gap", 2), ("Position filled", 1)]
    assert grouped.lessons == ["Practise system design", "Learn Kubernetes"]


def test_mood_sits_beside_applications_and_noes_week_by_week() -> None:
    entries = [
        JournalEntry(at=MONDAY + days(1), mood=Mood.GOOD),
        JournalEntry(at=MONDAY + days(2), mood=Mood.GREAT),
        JournalEntry(at=MONDAY - days(3), mood=Mood.BAD),
    ]
    applications = [
        sent(MONDAY - days(4), (Stage.REJECTED, MONDAY - days(2)),
             rejection=Rejection(reached=Stage.APPLIED)),
    ]  # fmt: skip
    weeks = weeks_beside(Activity(applications=applications, journal=entries), NOW, weeks=3)
    assert [(w.mood, w.applied, w.rejections) for w in weeks] == [
        (None, 0, 0),
        (2.0, 1, 1),
        (4.5, 0, 0),
    ]


def test_the_first_week_beside_the_mood_starts_at_monday_midnight_where_the_user_is() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    first_monday = datetime(2026, 3, 2, 0, 0, tzinfo=tokyo)  # three weeks back from NOW
    entries = [
        JournalEntry(at=(first_monday - timedelta(minutes=1)).astimezone(UTC), mood=Mood.BAD),
        JournalEntry(at=first_monday.astimezone(UTC), mood=Mood.GREAT),
    ]
    weeks = weeks_beside(Activity(applications=[], journal=entries), NOW.astimezone(tokyo), 3)
    assert weeks[0].start == first_monday.date()
    assert weeks[0].mood == Mood.GREAT, "Sunday 23:59 is the week before"


# --- wins ------------------------------------------------------------------------------


def test_wins_are_recognised_from_the_records() -> None:
    at = NOW - days(20)
    zed = sent(at, (Stage.INTERVIEWING, at + days(5)), (Stage.OFFER, at + days(15)))
    applications = [*many(9), zed]
    keys = [
        e.key for e in WinFinder().events(Activity(applications), [], NOW, daily_focus_target=6)
    ]
    assert "applied-count:10" in keys
    assert {f"response:{zed.id}", f"interview:{zed.id}", f"offer:{zed.id}"} <= set(keys)
    assert len(keys) == len(set(keys))


def test_a_day_of_focus_blocks_and_a_week_on_target_are_wins() -> None:
    blocks = [
        TimerSession(
            kind=TimerKind.FOCUS,
            started_at=MONDAY + timedelta(hours=9 + n),
            planned_seconds=1500,
            actual_seconds=1500,
            completed=True,
        )
        for n in range(3)
    ]
    goal = Goal(metric=Metric.FOCUS_BLOCKS, target=2)
    events = WinFinder().events(
        Activity(applications=[], sessions=blocks), [goal], NOW, daily_focus_target=3
    )
    by_key = {e.key: e for e in events}
    assert by_key["focus-day:2026-03-16"].at == MONDAY + timedelta(hours=11, minutes=25)
    assert by_key[f"goal:{goal.id}:2026-03-16"].at == blocks[1].started_at, "when it was reached"


def test_the_store_records_each_win_once_even_from_two_sessions(db_path: Path) -> None:
    clock = MovableClock(NOW)
    first = Store.open(db_path, clock=clock)
    second = Store.open(db_path, clock=clock)
    added = first.applications.add(company="Acme", role="Dev")
    first.applications.move(added.id, Stage.APPLIED)
    new = first.wins.recognise()
    assert [w.event_key for w in new] == [f"applied:{added.id}"]
    assert second.wins.recognise() == [], "the other session finds it recorded"
    assert first.wins.recognise() == []
    first.applications.move(added.id, Stage.WISHLIST)
    first.applications.move(added.id, Stage.APPLIED)
    assert first.wins.recognise() == [], "the same application sent again is the same win"
    assert len(first.wins.all()) == 1


def test_each_kind_of_change_in_a_long_session_brings_its_own_wins(db_path: Path) -> None:
    """After a save a session works out again only the wins the changed records can
    bring, not every record's: each kind of change must still bring every win it makes,
    and leave none for a fresh look to find."""
    clock = MovableClock(NOW)
    store = Store.open(db_path, clock=clock)
    goals = {metric: store.goals.add(metric=metric, target=1) for metric in Metric}
    store.wins.recognise()

    def new_wins() -> set[str]:
        return {win.event_key for win in store.wins.recognise()}

    def on_target(*metrics: Metric) -> set[str]:
        return {f"goal:{goals[metric].id}:2026-03-16" for metric in metrics}

    card = store.applications.add(company="Acme", role="Dev")
    assert new_wins() == set(), "a wish is not a win yet"
    store.applications.move(card.id, Stage.APPLIED)  # the same number of applications
    assert new_wins() == {f"applied:{card.id}"} | on_target(Metric.APPLICATIONS_SENT)
    store.people.log_conversation("Ana")
    assert new_wins() == on_target(Metric.NETWORKING_CONVERSATIONS)
    store.timer.add_session(
        kind=TimerKind.FOCUS,
        label="learning",
        started_at=NOW - timedelta(hours=1),
        planned_seconds=1500,
        actual_seconds=1500,
        completed=True,
    )
    assert new_wins() == on_target(Metric.LEARNING_MINUTES, Metric.FOCUS_BLOCKS)
    entry = store.journal.add(
        text="Hard day.",
        mood=Mood.BAD,
        negative_thought="I'm not good enough",
        reframe="I am learning",
    )
    assert new_wins() == {f"reframe:{entry.id}"} | on_target(Metric.JOURNAL_ENTRIES)
    store.settings.update_timer(daily_focus_target=1)
    assert new_wins() == {"focus-day:2026-03-18"}

    assert Store.open(db_path, clock=clock).wins.recognise() == [], "nothing was missed"


def test_the_tenth_application_sent_in_a_long_session_is_celebrated_once(db_path: Path) -> None:
    """A session works out again only the wins of the cards that changed, and counts the
    applications sent from the times sent: the move that sends the tenth must still
    bring that win, once; an undo, or a slip put right at once, takes it back; and the
    tenth sent from another session is found too."""
    clock = MovableClock(NOW)
    store = Store.open(db_path, clock=clock)
    cards = [store.applications.add(company=f"Company {n}", role="Dev") for n in range(11)]
    for card in cards[:9]:
        store.applications.move(card.id, Stage.APPLIED)
    store.wins.recognise()

    def new_wins() -> set[str]:
        return {win.event_key for win in store.wins.recognise()}

    def kept() -> set[str]:
        return {win.event_key for win in store.wins.all()}

    clock.advance(minutes=1)
    moved = store.applications.move(cards[9].id, Stage.APPLIED)
    assert new_wins() == {f"applied:{cards[9].id}", "applied-count:10"}
    store.applications.move(cards[0].id, Stage.INTERVIEWING)
    assert "applied-count:10" not in new_wins(), "celebrated once"
    store.applications.revert(cards[9], moved.rev)  # the board's undo
    assert new_wins() == set(), "taken back quietly"
    assert "applied-count:10" not in kept()
    store.applications.move(cards[10].id, Stage.APPLIED)
    store.applications.move(cards[10].id, Stage.WISHLIST)  # a slip, put right at once
    assert new_wins() == set()
    assert "applied-count:10" not in kept()

    other = Store.open(db_path, clock=clock)  # another session, or a script
    added = other.applications.add(company="Elsewhere", role="Dev", stage=Stage.APPLIED)
    assert new_wins() == {f"applied:{added.id}"}, "the tenth was told in this session"
    assert "applied-count:10" in kept(), "but it is on record again"
    assert other.wins.recognise() == [], "the other session finds them recorded"


def test_goals_read_in_a_long_session_count_each_change_after(db_path: Path) -> None:
    """A session counts a goal's periods again only when the records it counts have
    changed (a goal of focus blocks walks every timer session, 7 ms at 10,000 records):
    each change, and each change of how they are counted, must still show."""
    clock = MovableClock(NOW)
    store = Store.open(db_path, clock=clock)
    goals = {metric: store.goals.add(metric=metric, target=9) for metric in Metric}
    ours = {goal.id for goal in goals.values()}

    def done() -> dict[Metric, int]:
        return {p.goal.metric: p.done for p in store.goals.progress() if p.goal.id in ours}

    def block(at: datetime, label: str = "", session: Store = store) -> None:
        session.timer.add_session(
            kind=TimerKind.FOCUS,
            label=label,
            started_at=at,
            planned_seconds=1800,
            actual_seconds=1800,
            completed=True,
        )

    block(MONDAY - days(2))  # Saturday, the week before
    store.journal.add(mood=Mood.OKAY, at=MONDAY - timedelta(hours=4))  # Sunday, 20:00
    assert set(done().values()) == {0}

    card = store.applications.add(company="Acme", role="Dev")
    store.applications.move(card.id, Stage.APPLIED)
    store.people.log_conversation("Ana")
    block(NOW - timedelta(hours=2), label="learning")
    entry = store.journal.add(mood=Mood.GOOD)
    assert done() == {
        Metric.APPLICATIONS_SENT: 1,
        Metric.NETWORKING_CONVERSATIONS: 1,
        Metric.LEARNING_MINUTES: 30,
        Metric.FOCUS_BLOCKS: 1,
        Metric.JOURNAL_ENTRIES: 1,
    }

    block(NOW - timedelta(hours=1), session=Store.open(db_path, clock=clock))
    store.journal.delete(entry.id)
    assert done()[Metric.FOCUS_BLOCKS] == 2, "another session's block"
    assert done()[Metric.JOURNAL_ENTRIES] == 0

    focus = goals[Metric.FOCUS_BLOCKS]
    store.goals.update(focus.model_copy(update={"period": Period.MONTH}))
    assert done()[Metric.FOCUS_BLOCKS] == 3, "the month counts the Saturday before Monday"

    store.clock = MovableClock(NOW.astimezone(ZoneInfo("Asia/Tokyo")))
    assert done()[Metric.JOURNAL_ENTRIES] == 1, "Sunday 20:00 in UTC is Monday in Tokyo"


def test_a_new_file_starts_with_the_default_goals_and_never_gets_them_twice(
    store: Store, tmp_path: Path
) -> None:
    assert [g.metric for g in store.goals.all()] == [m for m, _, _ in DEFAULT_GOALS]
    assert store.goals.ensure_defaults() == []
    # A file from before goals had defaults: the app sets them up once.
    older = tmp_path / "older.json"
    raw = json.loads(store.path.read_text())
    raw["goals"] = {}
    older.write_text(json.dumps(raw))
    reopened = Store.open(older)
    assert len(reopened.goals.ensure_defaults()) == len(DEFAULT_GOALS)
    assert reopened.goals.ensure_defaults() == []
    goal = reopened.goals.all()[0]
    reopened.goals.update(goal.model_copy(update={"active": False}))
    assert reopened.goals.ensure_defaults() == [], "a goal switched off is not set up again"


def test_logging_a_conversation_finds_the_contact_by_name(store: Store) -> None:
    store.people.log_conversation("Sam Okafor", channel="phone")
    contact = store.people.log_conversation("  sam okafor ", notes="talked about Lumen Grid")
    assert len(store.people.contacts()) == 1
    assert [c.notes for c in contact.conversations] == ["", "talked about Lumen Grid"]


@pytest.mark.parametrize("name", ["", "   "])
def test_a_conversation_needs_a_name(store: Store, name: str) -> None:
    with pytest.raises(InvalidInput, match="required"):
        store.people.log_conversation(name)
    assert store.people.contacts() == []


def test_raising_a_target_keeps_the_streak_the_old_one_earned(db_path: Path) -> None:
    """Three weeks on target, then the bar goes up: those weeks were on target as it was
    then, and the streak is still theirs."""
    clock = MovableClock(MONDAY - timedelta(weeks=3) + days(1))
    store = Store.open(db_path, clock=clock)
    goal = store.goals.add(metric=Metric.APPLICATIONS_SENT, target=2)
    for week in range(3):
        for n in range(2):
            store.applications.add(company=f"Week {week} #{n}", role="Dev", stage=Stage.APPLIED)
        clock.advance(days=7)
    clock.now = NOW
    store.wins.recognise()  # as the app does each second
    (progress,) = [p for p in store.goals.progress() if p.goal.id == goal.id]
    assert progress.streak == 3

    store.goals.update(goal.model_copy(update={"target": 5}))

    reopened = Store.open(db_path, clock=clock)
    (progress,) = [p for p in reopened.goals.progress() if p.goal.id == goal.id]
    assert progress.streak == 3
    assert (progress.done, progress.goal.target) == (0, 5), "this week is judged by the new bar"
