"""What was typed in a dialog is not thrown away without asking: escape and ctrl+q ask
once something was typed; untouched, the dialog closes at once."""

from __future__ import annotations

from textual.widgets import SelectionList, TextArea

from tui.app import BouncebackApp
from tui.dialogs.journal_entry import JournalEntryForm
from tui.dialogs.unsaved import LeaveUnsaved

from .waiting import until

THOUGHT = "I'm not good enough"


async def write_a_thought(app: BouncebackApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("2", "n")
    await until(pilot, lambda: isinstance(app.screen, JournalEntryForm), "the entry form")
    app.screen.query_one("#entry-thought").focus()
    await pilot.press(*THOUGHT)


async def test_escape_on_words_written_asks_and_escape_again_goes_back_to_them(
    app: BouncebackApp,
) -> None:
    entries = len(app.store.journal.entries())
    async with app.run_test(size=(80, 24)) as pilot:
        await write_a_thought(app, pilot)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LeaveUnsaved), "the question")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, JournalEntryForm), "back to the form")
        assert app.screen.query_one("#entry-thought").value == THOUGHT  # type: ignore[attr-defined]
        # Typed on before the question was seen: back to the words, with what was typed.
        await pilot.press("escape", *" and so")
        await until(pilot, lambda: isinstance(app.screen, JournalEntryForm), "back to the form")
        assert app.screen.query_one("#entry-thought").value == THOUGHT + " and so"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LeaveUnsaved), "the question")
        await pilot.press("ctrl+d")
        await until(pilot, lambda: not isinstance(app.screen, JournalEntryForm | LeaveUnsaved),
                    "the form closed")  # fmt: skip
    assert len(app.store.journal.entries()) == entries, "nothing saved"


async def test_a_dialog_left_as_it_opened_closes_at_once(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")  # a new application, nothing typed
        await pilot.pause()
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.id == "_default", "the board again")


async def test_ctrl_q_on_words_written_asks_and_ctrl_d_quits(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await write_a_thought(app, pilot)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, LeaveUnsaved), "the question")
        assert app.is_running
        await pilot.press("ctrl+q")  # again, or held down: not a yes
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+d")
        await until(pilot, lambda: not app.is_running, "the app closed")


async def test_ctrl_q_while_asked_about_closing_asks_about_quitting(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await write_a_thought(app, pilot)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LeaveUnsaved), "the question")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: getattr(app.screen, "quitting", False), "asked about quitting")
        assert app.is_running
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, JournalEntryForm), "back to the form")
        assert app.screen.query_one("#entry-thought").value == THOUGHT  # type: ignore[attr-defined]


async def test_thinking_traps_ticked_alone_are_asked_about(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n")
        await until(pilot, lambda: isinstance(app.screen, JournalEntryForm), "the entry form")
        await pilot.pause()
        app.screen.query_one("#entry-traps", SelectionList).select_all()
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LeaveUnsaved), "the question")


async def test_a_reflection_typed_asks_before_it_is_thrown_away(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: app.screen.query("#feedback"), "the reflection")
        app.screen.query_one("#feedback", TextArea).focus()
        await pilot.press(*"They said the team chose someone internal")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LeaveUnsaved), "the question")
