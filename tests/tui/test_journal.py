"""The Journal pane, driven by the keys a user presses; asserts on the store and the screen."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from textual.widgets import ContentSwitcher, Input, Select, SelectionList, Static, TextArea

from store import Mood, RejectionReason, Stage, Store
from store.journal import EXAMPLE_REFRAMES
from store.sample import SAMPLE_NOW
from tui.app import BouncebackApp
from tui.dialogs.journal_entry import JournalEntryForm
from tui.dialogs.journal_filter import JournalFilterDialog
from tui.dialogs.quick_mood import QuickMood
from tui.dialogs.reflection import ReflectionDialog
from tui.panes.board import BoardPane
from tui.widgets.record_list import RecordList

from .test_cli import run


def rows(app: BouncebackApp) -> list[str]:
    records = app.query_one("#journal-list", RecordList)
    return [str(records._describe(r)) for r in records.records]


def text_of(app: BouncebackApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_m_logs_a_mood_in_two_keys(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        before = len(app.store.journal.entries())
        await pilot.press("2", "m")
        assert isinstance(app.screen, QuickMood)
        await pilot.press("5", "enter")
        await pilot.pause()
        newest = app.store.journal.entries()[0]
        assert (newest.mood, newest.text, newest.at) == (Mood.GREAT, "", SAMPLE_NOW)
        assert len(app.store.journal.entries()) == before + 1
        assert "great" in rows(app)[0]


async def test_quick_mood_takes_a_line_of_text_and_digits_in_it_are_text(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "m", "2", "tab", *"3 rejections today", "enter")
        await pilot.pause()
        newest = app.store.journal.entries()[0]
        assert (newest.mood, newest.text) == (Mood.BAD, "3 rejections today")


async def test_escape_leaves_quick_mood_without_saving(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.store.journal.entries()
        await pilot.press("2", "m", "1", "escape")
        await pilot.pause()
        assert app.store.journal.entries() == before


async def test_a_thought_record_end_to_end(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("2", "n")
        form = app.screen
        assert isinstance(form, JournalEntryForm)
        await pilot.press(*"Rejected after the final round", "tab")
        await pilot.press(*"I'll never get hired")
        assert "I'll never get hired" in text_of(app, "#thought-echo"), "kept in view"
        form.query_one("#entry-traps", SelectionList).select("fortune_telling")
        await pilot.press("ctrl+e")  # an example reframe as a starting point
        reframe = form.query_one("#entry-reframe", TextArea)
        assert reframe.text == EXAMPLE_REFRAMES[0][1]
        reframe.text = "One no. I got to a final round, which I could not do a year ago."
        form.query_one("#entry-tags", Input).value = "rejection, final round"
        form.query_one("#entry-mood", Select).value = Mood.BAD
        await pilot.press("ctrl+s")
        await pilot.pause()
        entry = app.store.journal.entries()[0]
        assert entry.text == "Rejected after the final round"
        assert entry.negative_thought == "I'll never get hired"
        assert entry.traps == ("fortune_telling",)
        assert entry.reframe.startswith("One no.")
        assert entry.tags == ("rejection", "final round")


async def test_enter_opens_and_e_edits_an_entry(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("2")
        first = app.store.journal.entries()[0]
        await pilot.press("enter")
        assert isinstance(app.screen, JournalEntryForm)
        assert app.screen.query_one("#entry-text", TextArea).text == first.text
        await pilot.press("escape", "e")
        app.screen.query_one("#entry-text", TextArea).text = "Rewritten"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = app.store.journal.entries()[0]
        assert (saved.id, saved.text, saved.rev) == (first.id, "Rewritten", first.rev + 1)


async def test_d_deletes_and_u_restores(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        first = app.store.journal.entries()[0]
        await pilot.press("d")
        assert first.id not in {e.id for e in app.store.journal.entries()}
        await pilot.press("u")
        assert app.store.journal.entries()[0] == first


async def test_slash_searches_text_and_tags(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "slash", *"cover letters", "enter")
        assert rows(app)
        assert all("cover letters" in row for row in rows(app))
        assert "matching “cover letters”" in text_of(app, "#journal-showing")
        await pilot.press("escape")
        assert len(rows(app)) == len(app.store.journal.entries())


async def test_f_filters_by_mood_and_by_application(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "f")
        assert isinstance(app.screen, JournalFilterDialog)
        await pilot.press("down", "down", "enter")  # everything, awful, bad
        await pilot.pause()
        bad = [e for e in app.store.journal.entries() if e.mood is Mood.BAD]
        assert len(rows(app)) == len(bad)
        await pilot.press("f", "end", "enter")  # the last choice: about an application
        await pilot.pause()
        linked = app.store.journal.entries()
        shown = app.query_one("#journal-list", RecordList).records
        assert shown
        assert {e.application_id for e in shown} == {shown[0].application_id}
        assert len(shown) < len(linked)


async def test_a_rejection_leads_straight_to_a_linked_entry_that_says_what_happened(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("l", "l")  # Interviewing
        card = app.query_one(BoardPane).current
        assert card is not None
        await pilot.press("r")
        assert isinstance(app.screen, ReflectionDialog)
        app.screen.query_one("#reason", Select).value = RejectionReason.SKILLS_GAP
        app.screen.query_one("#lesson", Input).value = "Practise system design"
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert app.store.applications.get(card.id).stage is Stage.REJECTED
        assert app.query_one(ContentSwitcher).current == "journal"
        form = app.screen
        assert isinstance(form, JournalEntryForm)
        happened = form.query_one("#entry-text", TextArea).text
        assert happened.splitlines() == [
            f"A “no” from {card.company} for {card.role}. I got as far as interviewing.",
            "Reason: skills gap.",
            "Next time: Practise system design",
        ]
        form.query_one("#entry-mood", Select).value = Mood.BAD
        await pilot.press("ctrl+s")
        await pilot.pause()
        entry = app.store.journal.entries()[0]
        assert (entry.application_id, entry.text, entry.mood) == (card.id, happened, Mood.BAD)
        assert card.company in rows(app)[0]


async def test_a_new_entry_asks_for_a_mood_and_saves_none_the_user_did_not_choose(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(100, 36)) as pilot:
        before = app.store.journal.entries()
        await pilot.press("2", "n", *"A slow day")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalEntryForm), "not saved"
        assert "choose a mood" in text_of(app, "#entry-error")
        assert app.store.journal.entries() == before
        app.screen.query_one("#entry-mood", Select).value = Mood.GOOD
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = app.store.journal.entries()[0]
        assert (saved.text, saved.mood) == ("A slow day", Mood.GOOD)


async def test_a_card_renamed_while_the_journal_is_hidden_shows_renamed_when_it_is_shown(
    app: BouncebackApp,
) -> None:
    linked = next(e for e in app.store.journal.entries() if e.application_id is not None)
    assert linked.application_id is not None
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "1")  # drawn once, then hidden
        card = app.store.applications.get(linked.application_id)
        app.store.applications.update(card.model_copy(update={"company": "Renamed Works"}))
        await pilot.press("2")
        assert any("Renamed Works" in row for row in rows(app))


async def test_an_empty_journal_says_how_to_start(empty_app: BouncebackApp) -> None:
    async with empty_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        assert "Press m to log how you feel" in text_of(empty_app, "#journal-empty")
        await pilot.press("m", "3", "enter")
        await pilot.pause()
        assert "1 entry so far" in text_of(empty_app, "#journal-trend")


def test_log_and_journal_from_a_shell(tmp_path: Path) -> None:
    db = str(tmp_path / "shell.json")
    logged = run("--db", db, "log", "--mood", "2", "Rough", "day", "--tag", "rejection")
    assert (logged.returncode, logged.stdout.strip()) == (0, "Logged: bad.")
    (entry,) = json.loads(run("--db", db, "journal", "--json").stdout)
    assert (entry["mood"], entry["text"], entry["tags"]) == (2, "Rough day", ["rejection"])
    assert "bad    Rough day" in run("--db", db, "journal", "--since=-1w").stdout


def test_bad_journal_input_from_a_shell_exits_2(tmp_path: Path) -> None:
    db = str(tmp_path / "shell.json")
    Store.open(db)
    for args, message in [
        (["log", "--mood", "9"], "say awful, bad, okay, good, great or 1-5"),
        (["log", "--mood", "0", "text"], "say awful, bad, okay, good, great or 1-5"),
        (["journal", "--since", "someday"], "use YYYY-MM-DD"),
    ]:
        result = run("--db", db, *args)
        assert result.returncode == 2, args
        assert message in result.stderr
    assert Store.open(db).journal.entries() == []


async def test_a_trap_of_the_users_own_is_kept_and_offered_next_time(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("2", "n", *"Slow week", "tab", *"I should be further along")
        app.screen.query_one("#entry-own-trap", Input).value = "comparing to my old self"
        app.screen.query_one("#entry-mood", Select).value = Mood.OKAY
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.journal.entries()[0].traps == ("comparing to my old self",)
        await pilot.press("n")
        traps = app.screen.query_one("#entry-traps", SelectionList)
        assert "comparing to my old self" in [
            traps.get_option_at_index(i).value for i in range(traps.option_count)
        ]


async def test_a_keeps_a_line_for_hard_days(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "a", *"I have done hard things before", "enter")
        await pilot.pause()
        assert [a.text for a in app.store.affirmations.all()] == ["I have done hard things before"]
        assert "1 kept for hard days" in text_of(app, "#journal-trend")
        await pilot.press("a", *"not this one", "escape")
        assert len(app.store.affirmations.all()) == 1


async def test_an_entry_edited_in_two_sessions_shows_both(app: BouncebackApp) -> None:
    from tui.dialogs.conflict import ConflictDialog

    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("2")
        first = app.store.journal.entries()[0]
        await pilot.press("e")
        app.screen.query_one("#entry-text", TextArea).text = "Mine"
        Store.open(app.store.path).journal.update(first.model_copy(update={"text": "Theirs"}))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert app.screen.differences == {"What happened": ("Theirs", "Mine")}
        await pilot.press("m")
        await pilot.pause()
        assert app.store.journal.entries()[0].text == "Mine"


async def test_A_lists_the_lines_kept_for_hard_days_to_reword_or_delete(
    app: BouncebackApp,
) -> None:
    from tui.dialogs.affirmations import AffirmationsDialog

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a", *"I have done hard things before", "enter")
        await pilot.press("a", *"One step a day", "enter")
        await pilot.press("A")
        assert isinstance(app.screen, AffirmationsDialog)
        listed = app.screen.query_one(RecordList)
        assert [a.text for a in listed.records] == [
            "I have done hard things before",
            "One step a day",
        ]
        await pilot.press("j", "e")
        assert app.screen.query_one(Input).value == "One step a day"
        await pilot.press(*" at a time", "enter")
        await pilot.pause()
        assert [a.text for a in app.store.affirmations.all()] == [
            "I have done hard things before",
            "One step a day at a time",
        ]
        await pilot.press("k", "d")
        assert [a.text for a in app.store.affirmations.all()] == ["One step a day at a time"]
        await pilot.press("u")
        assert len(app.store.affirmations.all()) == 2
        await pilot.press("escape")
        assert not isinstance(app.screen, AffirmationsDialog)
        assert "2 kept for hard days" in text_of(app, "#journal-trend")


async def test_u_undoes_an_edit_of_an_entry(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.press("2")
        first = app.store.journal.entries()[0]
        await pilot.press("e")
        app.screen.query_one("#entry-text", TextArea).text = "Rewritten"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.journal.entries()[0].text == "Rewritten"
        await pilot.press("u")
        assert app.store.journal.entries()[0].text == first.text


async def test_an_entry_from_last_year_shows_its_year_not_a_day_still_to_come(
    app: BouncebackApp,
) -> None:
    year_ago = SAMPLE_NOW - timedelta(days=350)  # its day and month are still to come
    app.store.journal.add(mood=Mood.OKAY, text="The old job's last day", at=year_ago)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        (row,) = [row for row in rows(app) if "The old job's last day" in row]
        assert row.startswith(f" {year_ago:%d %b} ’{year_ago:%y}  ")
        newest = app.store.journal.entries()[0].at
        assert rows(app)[0].startswith(f" {newest:%a %d %b}  "), "this week's as before"
