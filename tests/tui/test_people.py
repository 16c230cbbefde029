"""The People pane and the board's links to people, driven by keys."""

from __future__ import annotations

import io
import json

from rich.console import Console
from textual.widgets import Input, Select, Static

from store import Store, system_clock
from store.models import ContactKind
from store.people import is_due, linked_to
from store.sample import SAMPLE_NOW
from tui.app import BouncebackApp
from tui.dialogs.conflict import ConflictDialog
from tui.dialogs.contact_details import ContactDetails
from tui.dialogs.contact_form import ContactForm
from tui.dialogs.link_contact import LinkContactDialog
from tui.panes.board import BoardPane
from tui.widgets.record_list import RecordList

from .test_cli import run


def rows(app: BouncebackApp) -> list[str]:
    records = app.query_one("#people-list", RecordList)
    return [str(records._describe(r)) for r in records.records]


def summary(app: BouncebackApp) -> str:
    return str(app.query_one("#people-summary", Static).render())


async def test_the_list_puts_the_people_due_a_message_first(app: BouncebackApp) -> None:
    app.store.people.add(name="Jo Never Due")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        listed = rows(app)
        due = [c.name for c in app.store.people.contacts() if is_due(c, SAMPLE_NOW)]
        assert len(due) == 2
        assert len(listed) == 5
        assert sorted(name for name in due for row in listed[:2] if name in row) == sorted(due)
        assert "due" not in listed[-1]
        assert f"{len(due)} due a message" in summary(app)
        await pilot.press("f")
        assert len(rows(app)) == len(due)
        await pilot.press("escape")
        assert len(rows(app)) == 5


async def test_n_adds_a_contact_and_bad_details_are_explained(empty_app: BouncebackApp) -> None:
    app = empty_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        assert app.query_one("#people-empty").display
        await pilot.press("n")
        assert isinstance(app.screen, ContactForm)
        await pilot.press(*"Priya Raman", "tab")
        app.screen.query_one("#field-email", Input).value = "priya-at-example"
        app.screen.query_one("#field-cadence_weeks", Input).value = "4"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ContactForm), "stays open with the error"
        error = app.screen.query_one("#error-email", Static)
        assert "name@example.com" in str(error.render())
        app.screen.query_one("#field-email", Input).value = "priya@example.com"
        await pilot.press("ctrl+s")
        [priya] = app.store.people.contacts()
        assert (priya.email, priya.cadence_weeks) == ("priya@example.com", 4)
        assert "Priya Raman" in rows(app)[0]


async def test_c_logs_a_conversation_and_the_contact_is_no_longer_due(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        first = app.query_one("#people-list", RecordList).current
        await pilot.press("c", *"coffee", "tab", *"talked about the Slate Cloud role", "enter")
        contact = app.store.people.get(first.id)
        talk = contact.conversations[-1]
        assert (talk.channel, talk.notes) == ("coffee", "talked about the Slate Cloud role")
        assert "1 due a message" in summary(app)
        assert "0d ago" in next(r for r in rows(app) if contact.name in r)


async def test_enter_shows_the_applications_and_conversations_e_edits(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "slash", *"jonas", "enter", "enter")
        assert isinstance(app.screen, ContactDetails)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.screen.content(app.screen.record))
        content = console.export_text()
        assert "Lumen Grid" in content
        assert "as recruiter" in content
        assert "email" in content, "the conversation log"
        await pilot.press("e")
        app.screen.query_one("#field-role", Input).value = "Senior recruiter"
        await pilot.press("ctrl+s", "escape")
        assert [c.role for c in app.store.people.contacts() if c.name == "Jonas Weber"] == [
            "Senior recruiter"
        ]


async def test_d_deletes_and_u_brings_back_with_the_links(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "slash", *"jonas", "enter")
        jonas = app.query_one("#people-list", RecordList).current
        await pilot.press("d")
        assert all(c.id != jonas.id for c in app.store.people.contacts())
        await pilot.press("u")
        assert app.store.people.get(jonas.id).links == jonas.links


async def test_p_on_the_board_links_a_known_person_by_name(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.query_one(BoardPane).current
        await pilot.press("p")
        assert isinstance(app.screen, LinkContactDialog)
        app.screen.query_one("#field-role", Select).value = ContactKind.HIRING_MANAGER
        await pilot.press(*"priya raman", "enter")
        people = {
            (c.name, link.role) for c, link in linked_to(app.store.people.contacts(), card.id)
        }
        assert ("Priya Raman", ContactKind.HIRING_MANAGER) in people
        assert len(app.store.people.contacts()) == 4, "found, not added again"


async def test_p_with_a_new_name_adds_the_person_then_links_them(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.query_one(BoardPane).current
        await pilot.press("p", *"Dana Fox", "enter")
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#field-name", Input).value == "Dana Fox"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [(dana, link)] = [
            (c, link)
            for c, link in linked_to(app.store.people.contacts(), card.id)
            if c.name == "Dana Fox"
        ]
        assert link.role is ContactKind.RECRUITER
        assert dana.kind is ContactKind.RECRUITER


async def test_the_feedback_request_is_addressed_to_the_linked_recruiter(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # Applied
        card = app.query_one(BoardPane).current
        assert card.company == "Lumen Grid"  # Jonas Weber recruits for it in the sample
        await pilot.press("r", "ctrl+f")
        assert app.clipboard.startswith("Dear Jonas Weber,")


async def test_deleting_a_card_unlinks_its_people_and_undo_links_them_again(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # Applied
        card = app.query_one(BoardPane).current
        assert linked_to(app.store.people.contacts(), card.id)
        await pilot.press("d")
        assert linked_to(app.store.people.contacts(), card.id) == []
        await pilot.press("u")
        assert [c.name for c, _ in linked_to(app.store.people.contacts(), card.id)] == [
            "Jonas Weber"
        ]


def test_contacts_from_a_shell(sample_store: Store) -> None:
    listed = run("contacts", "--db", str(sample_store.path))
    assert listed.returncode == 0
    assert "Jonas Weber" in listed.stdout
    assert "recruiter" in listed.stdout
    due = run("contacts", "--due", "--json", "--db", str(sample_store.path))
    names = [c["name"] for c in json.loads(due.stdout)]
    now = system_clock()  # the command runs on the real clock
    assert names == [c.name for c in sample_store.people.contacts() if is_due(c, now)]


async def test_a_contact_edited_in_two_sessions_shows_both_and_the_user_chooses(
    app: BouncebackApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "slash", *"jonas", "enter", "e")
        assert isinstance(app.screen, ContactForm)
        jonas = app.screen.editing
        other = Store.open(app.store.path, clock=app.store.clock)
        other.people.update(jonas.model_copy(update={"role": "Head of talent"}))
        app.screen.query_one("#field-role", Input).value = "Senior recruiter"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("m")  # keep mine, saved over their version
        await pilot.pause()
        saved = app.store.people.get(jonas.id)
        assert saved.role == "Senior recruiter"
        assert saved.rev == jonas.rev + 2, "written on top of theirs, not instead of it"


async def test_u_undoes_an_edit_then_a_delete_one_step_at_a_time(app: BouncebackApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "slash", *"jonas", "enter")
        jonas = app.query_one("#people-list", RecordList).current
        await pilot.press("e")
        app.screen.query_one("#field-role", Input).value = "Senior recruiter"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("d")
        assert jonas.id not in {c.id for c in app.store.people.contacts()}
        await pilot.press("u")
        assert app.store.people.get(jonas.id).role == "Senior recruiter"
        await pilot.press("u")
        assert app.store.people.get(jonas.id).role == jonas.role
        assert app.query_one("#people-list", RecordList).current.id == jonas.id
