"""The Board pane, driven by the keys a user presses; asserts on the store and the screen."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os

import pytest
from textual import events
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from store import Application, RejectionReason, Stage, Store
from store.models import StageChange
from store.sample import SAMPLE_NOW
from tui.app import BouncebackApp
from tui.dialogs.application_form import ApplicationForm
from tui.dialogs.conflict import ConflictDialog
from tui.dialogs.details import ApplicationDetails
from tui.dialogs.reflection import ReflectionDialog
from tui.panes.board import BoardPane
from tui.widgets.card_column import CardColumn
from tui.widgets.column_title import ColumnTitle

from .waiting import until


def board(app: BouncebackApp) -> BoardPane:
    return app.query_one(BoardPane)


def column_companies(app: BouncebackApp, stage: Stage) -> list[str]:
    return [card.company for card in app.query_one(f"#cards-{stage.value}", CardColumn).cards]


def sha256(store: Store) -> str:
    return hashlib.sha256(store.path.read_bytes()).hexdigest()


def screen_text(app: BouncebackApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static) if s.region.area)


def widget_text(widget: Widget) -> str:
    """What a widget draws, as plain text (all of it, not only what is scrolled into view)."""
    region = Region(0, 0, widget.size.width, widget.virtual_size.height or widget.size.height)
    return "\n".join(strip.text for strip in widget.render_lines(region))


def on_screen(column: CardColumn) -> list[str]:
    """The lines a column draws in its place on screen, as plain text."""
    region = Region(0, 0, column.size.width, column.size.height)
    return [strip.text for strip in column.render_lines(region)]


def highlighted(column: CardColumn) -> str | None:
    """The company drawn in the cursor's colours on screen, as shown (maybe shortened)."""
    cursor = column.get_component_rich_style("card-column--cursor").bgcolor
    region = Region(0, 0, column.size.width, column.size.height)
    for strip in column.render_lines(region):
        if any(segment.style and segment.style.bgcolor == cursor for segment in strip):
            return strip.text.strip()
    return None


def assert_cursor_card_on_screen(app: BouncebackApp) -> None:
    pane = board(app)
    card = pane.current
    assert card is not None
    column = app.query_one(f"#cards-{pane.stage.value}", CardColumn)
    shown = highlighted(column)
    assert shown is not None, f"no card highlighted in {pane.stage.label}"
    assert card.company.startswith(shown.removesuffix("…")), (shown, card.company)
    above, below = column.hidden_above, column.hidden_below
    assert above + len(column.shown) + below == len(pane.cards[pane.stage])
    counts = " ".join(on_screen(column)[-1].split())
    expected = " ".join(f"{arrow} {n}" for arrow, n in (("↑", above), ("↓", below)) if n)
    assert counts == expected


@pytest.fixture
def crowded_store(store: Store) -> Store:
    """45 applications in Applied: far more than a column shows at once."""
    history = [StageChange(stage=Stage.APPLIED, at=SAMPLE_NOW)]
    store.insert_all(
        Application(
            company=f"Company {n:02}",
            role="Developer",
            stage=Stage.APPLIED,
            position=n,
            history=history,
            created_at=SAMPLE_NOW,
            updated_at=SAMPLE_NOW,
        )
        for n in range(45)
    )
    return store


async def test_a_column_longer_than_the_screen_scrolls_to_the_cursors_card(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        await pilot.press(*"j" * 8)
        title = app.query_one("#column-applied .board-column-title", ColumnTitle)
        assert "9/12" in str(title.render())
        assert_cursor_card_on_screen(app)
        assert on_screen(app.query_one("#cards-applied", CardColumn))[-1].strip() == "↑ 5  ↓ 3"


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_every_key_keeps_the_cursors_card_on_screen_in_a_long_column(
    crowded_store: Store, size: tuple[int, int]
) -> None:
    app = BouncebackApp(crowded_store)
    async with app.run_test(size=size) as pilot:
        pane = board(app)
        while pane.current != pane.cards[Stage.APPLIED][-1]:
            await pilot.press("j")
            assert_cursor_card_on_screen(app)
        for key in ("home", "pagedown", "pagedown", "pageup", "end", "k", "pageup"):
            await pilot.press(key)
            assert_cursor_card_on_screen(app)
        await pilot.press("end", "L")  # the last card moves to the top of the next column
        assert pane.stage is Stage.INTERVIEWING
        assert_cursor_card_on_screen(app)
        await pilot.press("u")  # back at the bottom of Applied
        assert pane.current == pane.cards[Stage.APPLIED][-1]
        assert_cursor_card_on_screen(app)
        await pilot.press("slash", *"3", "enter")  # 03, 13, 23, 30 to 39, 43
        assert len(pane.cards[Stage.APPLIED]) == 14
        assert_cursor_card_on_screen(app)
        await pilot.press("escape")
        assert_cursor_card_on_screen(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert_cursor_card_on_screen(app)


async def test_cursor_keys_move_between_cards_and_columns(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        pane = board(app)
        assert pane.stage is Stage.APPLIED
        first = pane.current
        await pilot.press("j")
        assert pane.current is not None
        assert pane.current != first
        await pilot.press("k", "l")
        assert pane.stage is Stage.INTERVIEWING
        await pilot.press("right", "left", "h", "h", "h")  # stops at the first column
        assert pane.stage is Stage.WISHLIST
        await pilot.press("end")
        assert pane.current == pane.cards[Stage.WISHLIST][-1]
        title = app.query_one("#column-wishlist .board-column-title", ColumnTitle)
        assert "6/6" in str(title.render())
        await pilot.press("home")
        assert pane.current == pane.cards[Stage.WISHLIST][0]


async def test_a_narrow_column_shortens_its_stage_name_never_its_count(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        await pilot.press("l", "j")
        title = app.query_one("#column-interviewing .board-column-title", ColumnTitle)
        count = len(board(app).cards[Stage.INTERVIEWING])
        drawn = str(title.render())
        assert drawn == f"Interview… 2/{count}"
        assert len(drawn) <= title.content_region.width
        await pilot.resize_terminal(160, 24)
        await pilot.pause()
        assert str(title.render()) == f"Interviewing 2/{count}"


async def test_L_and_H_move_the_card_and_record_the_history(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        pane = board(app)
        card = pane.current
        assert card is not None
        await pilot.press("L")
        moved = app.store.applications.get(card.id)
        assert moved.stage is Stage.INTERVIEWING
        assert (moved.history[-1].stage, moved.history[-1].at) == (Stage.INTERVIEWING, SAMPLE_NOW)
        assert column_companies(app, Stage.INTERVIEWING)[0] == card.company
        assert pane.current is not None
        assert pane.current.id == card.id, "the cursor follows"
        await pilot.press("shift+left")
        assert app.store.applications.get(card.id).stage is Stage.APPLIED


async def test_a_move_is_drawn_before_it_is_saved_and_saved_after_the_frame(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        pane = board(app)
        card = pane.current
        assert card is not None
        pane.action_move(1)
        assert column_companies(app, Stage.INTERVIEWING)[0] == card.company
        assert app.store.applications.get(card.id).stage is Stage.APPLIED, "not saved yet"
        await pilot.pause()
        assert app.store.applications.get(card.id).stage is Stage.INTERVIEWING
        assert column_companies(app, Stage.INTERVIEWING)[0] == card.company


async def test_a_move_saved_below_a_card_another_session_added_shows_the_stored_order(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        card = board(app).current
        assert card is not None
        board(app).action_move(1)  # drawn at the top of Interviewing, not saved yet
        other = Store.open(app.store.path, clock=app.store.clock)
        other.applications.add(company="Elsewhere Ltd", role="Analyst", stage=Stage.INTERVIEWING)
        await pilot.pause()
        stored = [
            a.company for a in app.store.applications.on_board() if a.stage is Stage.INTERVIEWING
        ]
        assert stored[:2] == [card.company, "Elsewhere Ltd"]
        assert column_companies(app, Stage.INTERVIEWING) == stored


async def test_a_key_straight_after_a_move_sees_it_saved(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        card = board(app).current
        assert card is not None
        # One burst, as keys arrive over a slow link: "u" comes before the next frame.
        app.post_message(events.Key("L", "L"))
        app.post_message(events.Key("u", "u"))
        await pilot.pause()
        restored = app.store.applications.get(card.id)
        assert restored.stage is Stage.APPLIED
        assert restored.history == card.history
        assert column_companies(app, Stage.APPLIED)[0] == card.company


async def test_leaving_straight_after_a_move_keeps_it(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        card = board(app).current
        assert card is not None
        board(app).action_move(1)
        app.exit()
    assert app.store.applications.get(card.id).stage is Stage.INTERVIEWING


async def test_u_undoes_a_move_without_a_trace_in_the_history(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        card = board(app).current
        assert card is not None
        await pilot.press("shift+right", "u")
        restored = app.store.applications.get(card.id)
        assert restored.stage is Stage.APPLIED
        assert restored.history == card.history


async def test_J_and_K_reorder_within_the_column_and_it_persists(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        before = column_companies(app, Stage.APPLIED)
        await pilot.press("J")
        after = column_companies(app, Stage.APPLIED)
        assert after[:2] == [before[1], before[0]]
        stored = [a.company for a in Store.open(app.store.path).applications.on_board()]
        assert [c for c in stored if c in after] == after
        await pilot.press("K")
        assert column_companies(app, Stage.APPLIED) == before


async def test_n_adds_an_application_to_the_current_column(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        await pilot.press("n")
        assert isinstance(app.screen, ApplicationForm)
        await pilot.press(*"Northwind", "tab", *"Data Engineer", "tab", *"https://nw.example")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ApplicationForm)
        added = [a for a in app.store.applications.on_board() if a.company == "Northwind"]
        assert [(a.role, a.stage, a.url) for a in added] == [
            ("Data Engineer", Stage.APPLIED, "https://nw.example")
        ]
        assert column_companies(app, Stage.APPLIED)[0] == "Northwind"


async def test_the_form_shows_errors_next_to_the_fields_and_saves_nothing(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        before = sha256(app.store)
        await pilot.press("n")
        form = app.screen
        form.query_one("#field-url", Input).value = "ftp://nope"
        form.query_one("#field-next_action_due", Input).value = "next week"
        form.query_one("#field-excitement", Input).value = "9"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationForm)

        def error(field: str) -> str:
            return str(form.query_one(f"#error-{field}", Static).render())

        assert "YYYY-MM-DD" in error("next_action_due")
        form.query_one("#field-next_action_due", Input).value = "+3d"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error("company") == "is required"
        assert error("role") == "is required"
        assert "http" in error("url")
        assert "5" in error("excitement")
        assert sha256(app.store) == before


async def test_escape_cancels_the_form_and_nothing_changes(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        before = sha256(app.store)
        await pilot.press("n", *"Half typed", "escape")
        assert not isinstance(app.screen, ApplicationForm)
        assert sha256(app.store) == before


async def test_e_edits_the_card_under_the_cursor(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = board(app).current
        assert card is not None
        await pilot.press("e")
        role = app.screen.query_one("#field-role", Input)
        assert role.value == card.role
        role.value = "Staff Engineer"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = app.store.applications.get(card.id)
        assert (saved.role, saved.rev) == ("Staff Engineer", card.rev + 1)


async def test_enter_shows_details_with_the_history(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 36)) as pilot:
        pane = board(app)
        await pilot.press("l", "l", "l", "l")  # Rejected: a card with a reflection
        card = pane.current
        assert card is not None
        assert card.rejection is not None
        await pilot.press("enter")
        assert isinstance(app.screen, ApplicationDetails)
        content = widget_text(app.screen.query_one("#details-content", Static))
        text = widget_text(app.screen.query_one("#details-title", Static)) + content
        assert card.company in text
        for change in card.history:
            assert f"{change.at:%Y-%m-%d}" in content
        assert card.rejection.reason.label in content
        await pilot.press("escape")
        assert not isinstance(app.screen, ApplicationDetails)


async def test_d_deletes_and_u_brings_it_back(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        card = board(app).current
        assert card is not None
        await pilot.press("d")
        assert card.id not in {a.id for a in app.store.applications.on_board()}
        assert card.company not in column_companies(app, Stage.APPLIED)
        await pilot.press("u")
        assert app.store.applications.get(card.id) == card
        assert card.company in column_companies(app, Stage.APPLIED)


async def test_a_archives_and_A_shows_the_archive(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        card = board(app).current
        assert card is not None
        await pilot.press("a")
        assert app.store.applications.get(card.id).archived is not None
        assert card.company not in column_companies(app, Stage.APPLIED)
        await pilot.press("A")
        assert card.company in column_companies(app, Stage.APPLIED)
        assert "archived" in str(app.query_one("#column-applied .board-column-title").render())
        board(app)._put_cursor_on(card.id)
        await pilot.press("a")  # put it back
        await pilot.press("A")
        assert app.store.applications.get(card.id).archived is None
        assert card.company in column_companies(app, Stage.APPLIED)


async def test_r_opens_the_reflection_and_saves_what_the_user_learned(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        await pilot.press("l")  # Interviewing
        card = board(app).current
        assert card is not None
        await pilot.press("r")
        assert isinstance(app.screen, ReflectionDialog)
        dialog = app.screen
        assert dialog.query_one("#reached", Select).value is Stage.INTERVIEWING
        dialog.query_one("#reason", Select).value = RejectionReason.SKILLS_GAP
        dialog.query_one("#lesson", Input).focus()
        await pilot.press(*"Practise system design")
        await pilot.press("ctrl+s")
        await pilot.pause()
        rejected = app.store.applications.get(card.id)
        assert rejected.stage is Stage.REJECTED
        assert rejected.rejection is not None
        assert rejected.rejection.reached is Stage.INTERVIEWING
        assert rejected.rejection.reason is RejectionReason.SKILLS_GAP
        assert rejected.rejection.lesson == "Practise system design"
        assert column_companies(app, Stage.REJECTED)[0] == card.company


async def test_moving_into_rejected_asks_for_a_reflection_and_escape_cancels_it(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "l", "l")  # Offer
        card = board(app).current
        assert card is not None
        before = sha256(app.store)
        await pilot.press("L")
        assert isinstance(app.screen, ReflectionDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReflectionDialog)
        assert app.store.applications.get(card.id) == card, "still an offer"
        assert sha256(app.store) == before
        assert board(app).current == card


@pytest.mark.parametrize("width", [80, 60])
async def test_rejecting_without_notes_is_a_named_choice_on_screen(
    app: BouncebackApp, width: int
) -> None:
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press("l", "l", "l")  # Offer
        card = board(app).current
        assert card is not None
        await pilot.press("L")
        button = app.screen.query_one("#without-notes", Button)
        assert str(button.label) == "Reject without notes  ctrl+n"
        assert app.screen.region.contains_region(button.region)
        assert button.region.width == len(str(button.label)) + 2, "the label is not cut"
        await pilot.press("ctrl+n")
        await pilot.pause()
        rejected = app.store.applications.get(card.id)
        assert rejected.stage is Stage.REJECTED
        assert rejected.rejection is not None
        assert rejected.rejection.reached is Stage.OFFER
        assert rejected.rejection.reason is RejectionReason.UNKNOWN


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("asked", [False, True], ids=["", "feedback asked for"])
async def test_every_button_of_the_reflection_shows_its_whole_label(
    app: BouncebackApp, width: int, asked: bool
) -> None:
    if asked:  # a reflection reopened, which says when feedback was asked for
        for card in app.store.applications.on_board():
            if card.stage is Stage.REJECTED:
                app.store.applications.record_feedback_request(card.id)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press(*(["l"] * 4 if asked else ["l", "l"]), "r")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionDialog)
        note = str(app.screen.query_one("#feedback-status", Static).render())
        assert ("Feedback asked for on" in note) is asked
        dialog = app.screen.query_one("#reflection")
        for button in app.screen.query(Button):
            label = str(button.label)
            assert dialog.content_region.contains_region(button.region), f"{label!r} is cut"
            assert button.region.width >= len(label) + 2, f"{label!r} is cut"


@pytest.mark.parametrize("width", [80, 60])
async def test_the_feedback_draft_leaves_every_button_of_the_reflection_in_view(
    app: BouncebackApp, width: int
) -> None:
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press("l", "l", "r", "ctrl+f")
        await pilot.pause()
        note = str(app.screen.query_one("#feedback-status", Static).render())
        assert "Copied to your clipboard" in note
        screen = app.screen.region
        for button in app.screen.query(Button):
            assert screen.contains_region(button.region), f"{button.label!s} is off the screen"


async def test_asking_for_feedback_copies_a_draft_and_records_the_date(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = board(app).current
        assert card is not None
        await pilot.press("r", "ctrl+f")
        assert card.company in app.clipboard
        assert card.role in app.clipboard
        await pilot.press("ctrl+s")
        await pilot.pause()
        rejection = app.store.applications.get(card.id).rejection
        assert rejection is not None
        assert rejection.feedback_requested_at == SAMPLE_NOW


async def test_g_marks_a_stale_application_as_ghosted(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        pane = board(app)
        card = pane.current
        assert card is not None
        assert card.stage is Stage.APPLIED
        await pilot.press("g")
        ghosted = app.store.applications.get(card.id)
        assert ghosted.rejection is not None
        assert ghosted.rejection.reason is RejectionReason.NO_RESPONSE
        assert notifications(app) == [
            f"{card.company} marked as ghosted: moved to Rejected, no response. Press u to undo."
        ]
        await pilot.press("u")
        assert app.store.applications.get(card.id).stage is Stage.APPLIED


async def test_slash_filters_every_column_and_escape_clears(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"fern")
        shown = [c for stage in Stage for c in column_companies(app, stage)]
        assert shown == ["Fernhill Labs"]
        await pilot.press("enter")  # back to the board, filter kept
        assert app.focused is board(app)
        await pilot.press("escape")
        assert len([c for stage in Stage for c in column_companies(app, stage)]) == 38


async def test_a_filter_that_empties_the_cursors_column_puts_it_on_a_card_shown(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        assert board(app).stage is Stage.WISHLIST
        await pilot.press("slash", *"data", "enter")  # no wishlist card is about data
        assert board(app).stage is Stage.APPLIED
        assert_cursor_card_on_screen(app)


async def test_markup_and_escape_sequences_in_names_are_shown_literally(store: Store) -> None:
    store.applications.add(company="[bold]Acme[/] \x1b[2J", role="[red]Dev", stage=Stage.APPLIED)
    app = BouncebackApp(store)
    async with app.run_test(size=(200, 24)):
        column = app.query_one("#cards-applied", CardColumn)
        line = "".join(segment.text for segment in column.render_line(0))
        assert "[bold]Acme[/] ␛[2J" in line


async def test_an_edit_that_meets_a_newer_version_shows_both_and_lets_the_user_choose(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(100, 36)) as pilot:
        card = board(app).current
        assert card is not None
        await pilot.press("e")
        app.screen.query_one("#field-role", Input).value = "Mine: Staff Engineer"
        other = Store.open(app.store.path)
        theirs = other.applications.update(card.model_copy(update={"role": "Theirs: Lead"}))

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert app.screen.differences == {"Role": ("Theirs: Lead", "Mine: Staff Engineer")}
        assert app.store.applications.get(card.id) == theirs, "nothing overwritten yet"

        await pilot.press("escape")  # back to editing: the form and my text are still there
        assert isinstance(app.screen, ApplicationForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert app.store.applications.get(card.id).role == "Theirs: Lead"

        await pilot.press("e")
        app.screen.query_one("#field-role", Input).value = "Mine again"
        other.applications.update(
            other.applications.get(card.id).model_copy(update={"salary": "£1"})
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        saved = app.store.applications.get(card.id)
        assert (saved.role, saved.salary) == ("Mine again", card.salary)


def notifications(app: BouncebackApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_disk_full_save_is_reported_changes_nothing_and_the_app_goes_on(
    app: BouncebackApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # to Applied, from the first column
        card = board(app).current
        assert card is not None
        before = sha256(app.store)

        def disk_full(*args: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "replace", disk_full)
        await pilot.press("L")
        await pilot.pause()
        assert any("No space left on device" in n for n in notifications(app))
        assert sha256(app.store) == before
        assert not list(app.store.path.parent.glob(".*.tmp"))
        assert column_companies(app, Stage.APPLIED)[0] == card.company, "the board shows the truth"

        monkeypatch.undo()
        await pilot.press("L")
        assert app.store.applications.get(card.id).stage is Stage.INTERVIEWING


async def test_a_lock_held_elsewhere_is_reported_and_nothing_changes(
    sample_store: Store,
) -> None:
    app = BouncebackApp(Store.open(sample_store.path, lock_timeout=0.2))
    async with app.run_test(size=(80, 24)) as pilot:
        before = sha256(app.store)
        held = os.open(app.store._storage.lock_path, os.O_RDWR)
        fcntl.flock(held, fcntl.LOCK_EX)  # another session mid-write, for longer than the timeout
        try:
            await pilot.press("L")
        finally:
            os.close(held)
        assert any("Another bounceback session held the lock" in n for n in notifications(app))
        assert sha256(app.store) == before
        await pilot.press("L")  # the lock is free again
        assert sha256(app.store) != before


async def test_the_cursor_starts_on_the_only_card_so_L_moves_it(store: Store) -> None:
    only = store.applications.add(company="Acme", role="Dev", stage=Stage.WISHLIST)
    app = BouncebackApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("L")
        assert app.store.applications.get(only.id).stage is Stage.APPLIED


async def test_the_cursor_starts_where_it_was_when_the_app_last_closed(
    sample_store: Store,
) -> None:
    app = BouncebackApp(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", *"j" * 10)  # Applied's 11th card, below the first screen
        left_on = board(app).current
    assert left_on is not None
    again = BouncebackApp(Store.open(sample_store.path, clock=sample_store.clock))
    async with again.run_test(size=(80, 24)):
        assert board(again).current == left_on
        assert_cursor_card_on_screen(again)
    sample_store.applications.delete(left_on.id)
    gone = BouncebackApp(Store.open(sample_store.path, clock=sample_store.clock))
    async with gone.run_test(size=(80, 24)):
        assert board(gone).current == board(gone).cards[Stage.WISHLIST][0]


async def test_u_u_after_two_moves_takes_back_both_and_the_cursor_follows(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # Applied
        card = board(app).current
        assert card is not None
        await pilot.press("L", "L")
        assert app.store.applications.get(card.id).stage is Stage.OFFER
        await pilot.press("u")
        assert app.store.applications.get(card.id).stage is Stage.INTERVIEWING
        await pilot.press("u")
        restored = app.store.applications.get(card.id)
        assert (restored.stage, restored.history) == (Stage.APPLIED, card.history)
        assert not any("another session" in n for n in notifications(app))
        assert board(app).current is not None
        assert board(app).current.id == card.id
        assert_cursor_card_on_screen(app)


async def test_undo_goes_back_through_edits_archives_deletes_and_rejections(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(100, 36)) as pilot:
        pane = board(app)
        await pilot.press("l")  # Applied
        edited, archived, deleted, rejected = pane.cards[Stage.APPLIED][:4]
        await pilot.press("e")
        app.screen.query_one("#field-role", Input).value = "Staff Engineer"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("j", "a", "d", "g")  # each leaves the cursor on the next card
        assert app.store.applications.get(edited.id).role == "Staff Engineer"
        assert app.store.applications.get(rejected.id).stage is Stage.REJECTED
        await pilot.press("u")
        assert app.store.applications.get(rejected.id).stage is Stage.APPLIED
        await pilot.press("u")
        assert app.store.applications.get(deleted.id) == deleted
        assert pane.current == deleted, "the cursor is on the card that came back"
        await pilot.press("u")
        assert app.store.applications.get(archived.id).archived is None
        await pilot.press("u")
        assert app.store.applications.get(edited.id).role == edited.role
        assert pane.current is not None
        assert pane.current.id == edited.id
        before = sha256(app.store)
        await pilot.press("u")  # nothing left to undo
        assert sha256(app.store) == before


async def test_an_edit_made_from_the_details_is_undone_with_u_as_one_from_the_board(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        pane = board(app)
        card = pane.current
        assert card is not None
        await pilot.press("enter", "e")
        await until(pilot, lambda: app.screen.query("#field-role"), "the form")
        app.screen.query_one("#field-role", Input).value = "Staff Engineer"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ApplicationDetails), "the details")
        await pilot.press("escape")
        await until(pilot, lambda: app.store.applications.get(card.id).role == "Staff Engineer",
                    "the edit saved")  # fmt: skip
        await pilot.press("u")
        await until(pilot, lambda: app.store.applications.get(card.id).role == card.role,
                    "the edit undone")  # fmt: skip
