"""What every form shares: where the focus is and what is ticked read in every theme."""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES
from textual.widgets import Checkbox, Input, Label, SelectionList, Static

from tui.app import BouncebackApp
from tui.dialogs.goals import GoalsForm

from .waiting import until


async def test_a_tick_shows_by_its_mark_not_only_its_colour(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "g")
        await until(pilot, lambda: isinstance(app.screen, GoalsForm), "the goals form")
        boxes = list(app.screen.query(Checkbox))
        assert {box.value for box in boxes} == {True, False}, "the sample has both"
        for theme in BUILTIN_THEMES:
            app.theme = theme
            await pilot.pause()
            for box in boxes:
                assert ("X" in box.render_line(0).text) is box.value, (theme, box.id)
        box = boxes[0]
        box.focus()
        await pilot.press("space")
        assert ("X" in box.render_line(0).text) is box.value


async def test_the_focused_fields_label_stands_out_by_more_than_colour(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: app.focused is not None, "the form's first field")
        app.screen.query_one("#field-role").focus()
        for theme in BUILTIN_THEMES:
            app.theme = theme
            await pilot.pause()
            for label in app.screen.query(".form-row > .form-label").results(Label):
                row = label.parent
                focused = row is not None and app.focused in row.query("*")
                marked = any(
                    segment.style is not None and bool(segment.style.reverse)
                    for segment in label.render_line(0)
                    if segment.text.strip()
                )
                assert marked is focused, (theme, label.render_line(0).text)


def shown_errors(app: BouncebackApp) -> dict[str, str]:
    return {
        str(message.id).removeprefix("error-"): message.render_line(0).text.strip()
        for message in app.screen.query(".field-error").results(Static)
        if message.display
    }


async def test_every_invalid_field_is_shown_at_once_and_each_error_goes_when_fixed(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: app.focused is not None, "the form's first field")
        app.screen.query_one("#field-excitement", Input).value = "lots"
        app.screen.query_one("#field-url", Input).value = "not a link"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: shown_errors(app), "the errors")
        assert {"company", "role", "url", "excitement"} <= set(shown_errors(app))
        app.screen.query_one("#field-company", Input).value = "Acme"
        await pilot.pause()
        assert "company" not in shown_errors(app)  # valid now: its error is gone
        assert {"role", "url", "excitement"} <= set(shown_errors(app))  # the others stay
        app.screen.query_one("#field-excitement", Input).value = "4"
        await pilot.pause()
        assert "excitement" not in shown_errors(app)


async def test_a_chosen_thinking_trap_shows_by_its_mark(app: BouncebackApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "n")
        await until(pilot, lambda: app.screen.query("#entry-traps"), "the entry form")
        traps = app.screen.query_one("#entry-traps", SelectionList)
        traps.focus()
        await pilot.press("space")  # chooses the first trap
        await pilot.pause()
        marks = [traps.render_line(y).text[1] for y in range(2)]
        assert marks == ["X", " "]
