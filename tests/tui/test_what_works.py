"""What works, on Progress and in the form: the résumé sent with each application, and the
counts by channel, résumé, cover letter and tag."""

from __future__ import annotations

import json

from textual.widgets import Input, Static

from store import Stage, Store
from tui.app import BouncebackApp
from tui.panes.board import BoardPane

from .test_cli import run


def what_works(app: BouncebackApp) -> str:
    return str(app.query_one("#progress-works", Static).render())


async def test_progress_names_the_resume_that_gets_answers_with_the_counts(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        shown = what_works(app)
        assert "15 of 17 answered" in shown
        assert "CV short gets answers 3 times as often as CV 2026 data" in shown
        assert "(15 of 17 against 5 of 16)" in shown


async def test_small_groups_show_counts_and_say_it_is_too_early(store: Store) -> None:
    for n in range(5):
        card = store.applications.add(
            company=f"Co {n}", role="Dev", stage=Stage.APPLIED, source="referral"
        )
        if n < 4:
            store.applications.move(card.id, Stage.INTERVIEWING)
    app = BouncebackApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        shown = what_works(app)
        assert "4 of 5  answered" in shown
        assert "too early to tell" in shown
        assert "%" not in shown
        assert "No group stands out yet" in shown


async def test_the_form_keeps_the_resume_sent_and_suggests_the_ones_used(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.query_one(BoardPane).current
        assert card is not None
        await pilot.press("e")
        resume = app.screen.query_one("#field-resume", Input)
        resume.value = ""
        resume.focus()
        await pilot.press(*"CV s")
        await pilot.pause()
        await pilot.press("right")  # accepts the suggestion
        assert resume.value == "CV short"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.applications.get(card.id).resume == "CV short"


def test_the_shell_prints_what_works_by_resume_and_records_the_resume_sent(
    sample_store: Store,
) -> None:
    db = str(sample_store.path)
    printed = run("stats", "--by", "resume", "--db", db)
    assert printed.returncode == 0
    assert "CV short" in printed.stdout
    assert "15 of 17 answered, 13 interviewed" in printed.stdout
    assert "CV short gets answers 3 times as often as CV 2026 data" in printed.stdout
    as_json = json.loads(run("stats", "--by", "tag", "--json", "--db", db).stdout)
    assert as_json["lever"] is None
    assert {g["name"] for g in as_json["groups"]} >= {"remote", "fintech"}
    assert not any(g["enough"] for g in as_json["groups"])

    added = run("add", "Northwind", "Dev", "--stage", "applied", "--resume", "CV short",
                "--db", db)  # fmt: skip
    assert added.returncode == 0
    fresh = Store.open(sample_store.path).applications.on_board()
    assert next(a for a in fresh if a.company == "Northwind").resume == "CV short"


async def test_the_channel_offers_the_usual_ones_and_those_already_used(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        source = app.screen.query_one("#field-source", Input)
        source.focus()
        await pilot.press(*"recruiter c")
        await pilot.pause()
        await pilot.press("right")
        assert source.value == "recruiter came to me"
        source.value = ""
        await pilot.press(*"mee")  # the sample's own channel
        await pilot.pause()
        await pilot.press("right")
        assert source.value == "meetup"


async def test_a_channel_s_whole_name_on_one_row_at_80_columns(store: Store) -> None:
    """The app's own channel "recruiter came to me", and a group too small to judge,
    each on one row of its own at 80 columns, the name whole."""
    for n in range(12):
        source = "recruiter came to me" if n < 9 else "job board"
        store.applications.add(company=f"Co {n}", role="Dev", stage=Stage.APPLIED, source=source)
    app = BouncebackApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        shown = what_works(app)
        rows = [row for row in shown.splitlines() if "answered" in row]
        assert any("recruiter came to me " in row for row in rows), rows
        assert any("too early to tell" in row for row in rows), rows
        part = app.query_one("#progress-works", Static)
        assert part.size.height == len(shown.splitlines()), "a row wrapped"
