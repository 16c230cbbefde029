"""Contacts: cadence and "due" over a fixed clock, links to applications, deletes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store import ConflictError, InvalidInput, NotFoundError, Store
from store.clock import MovableClock
from store.models import ContactKind
from store.people import due_since, feedback_addressee, is_due, last_contacted, linked_to


def test_a_contact_with_a_cadence_is_due_once_it_has_passed(
    store: Store, clock: MovableClock
) -> None:
    store.clock = clock
    sam = store.people.add(name="Sam", cadence_weeks=2)
    assert is_due(sam, clock()), "a cadence and no conversation yet: due now"
    sam = store.people.add_conversation(sam.id, channel="phone")
    assert last_contacted(sam) == clock()
    clock.advance(weeks=2, seconds=-1)
    assert not is_due(sam, clock())
    clock.advance(seconds=1)
    assert due_since(sam, clock()) == clock()


def test_a_contact_without_a_cadence_is_never_due(store: Store, clock: MovableClock) -> None:
    priya = store.people.add(name="Priya")
    clock.advance(weeks=500)
    assert not is_due(priya, clock())


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "priya-at-example"), ("phone", "call me"), ("profile_url", "linkedin/priya")],
)
def test_contact_details_that_have_a_form_are_checked(store: Store, field: str, value: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        store.people.add(name="Priya", **{field: value})
    assert field in refused.value.errors
    assert store.people.contacts() == []


def test_links_name_the_role_and_one_contact_has_one_role_per_application(store: Store) -> None:
    job = store.applications.add(company="Acme", role="Dev")
    jo = store.people.add(name="Jo")
    store.people.link(jo.id, job.id, ContactKind.RECRUITER)
    jo = store.people.link(jo.id, job.id, ContactKind.HIRING_MANAGER)
    assert [(c.name, link.role) for c, link in linked_to(store.people.contacts(), job.id)] == [
        ("Jo", ContactKind.HIRING_MANAGER)
    ]
    jo = store.people.unlink(jo.id, job.id)
    assert jo.links == ()


def test_linking_to_an_application_that_is_gone_is_refused(store: Store) -> None:
    job = store.applications.add(company="Acme", role="Dev")
    jo = store.people.add(name="Jo")
    store.applications.delete(job.id)
    with pytest.raises(NotFoundError):
        store.people.link(jo.id, job.id, ContactKind.RECRUITER)


def test_deleting_an_application_leaves_no_dangling_link_and_undo_restores_them(
    store: Store,
) -> None:
    job = store.applications.add(company="Acme", role="Dev")
    other = store.applications.add(company="Other", role="Dev")
    jo, sam = store.people.add(name="Jo"), store.people.add(name="Sam")
    store.people.link(jo.id, job.id, ContactKind.RECRUITER)
    store.people.link(jo.id, other.id, ContactKind.REFERRER)
    store.people.link(sam.id, job.id, ContactKind.INTERVIEWER)

    deleted = store.applications.delete(job.id)
    application_ids = {a.id for a in store.applications.on_board()}
    for contact in store.people.contacts():
        assert {link.application_id for link in contact.links} <= application_ids
    assert [link.role for link in store.people.get(jo.id).links] == [ContactKind.REFERRER]

    store.applications.restore(deleted)
    roles = {(c.name, link.role) for c, link in linked_to(store.people.contacts(), job.id)}
    assert roles == {("Jo", ContactKind.RECRUITER), ("Sam", ContactKind.INTERVIEWER)}


def test_deleting_a_contact_takes_its_links_with_it(store: Store) -> None:
    job = store.applications.add(company="Acme", role="Dev")
    jo = store.people.add(name="Jo")
    store.people.link(jo.id, job.id, ContactKind.RECRUITER)
    gone = store.people.delete(jo.id)
    assert linked_to(store.people.contacts(), job.id) == []
    store.people.restore(gone)
    assert [c.name for c, _ in linked_to(store.people.contacts(), job.id)] == ["Jo"]


def test_feedback_goes_to_the_hiring_manager_then_the_recruiter(store: Store) -> None:
    job = store.applications.add(company="Acme", role="Dev")
    assert feedback_addressee(store.people.contacts(), job.id) is None
    rec = store.people.add(name="Rec")
    store.people.link(rec.id, job.id, ContactKind.RECRUITER)
    assert feedback_addressee(store.people.contacts(), job.id).name == "Rec"  # type: ignore[union-attr]
    boss = store.people.add(name="Boss")
    store.people.link(boss.id, job.id, ContactKind.HIRING_MANAGER)
    assert feedback_addressee(store.people.contacts(), job.id).name == "Boss"  # type: ignore[union-attr]


def test_an_edit_from_an_older_version_is_refused(store: Store) -> None:
    jo = store.people.add(name="Jo")
    store.people.update(jo.model_copy(update={"company": "Acme"}))
    with pytest.raises(ConflictError):
        store.people.update(jo.model_copy(update={"company": "Other"}))
    assert store.people.get(jo.id).company == "Acme"


def test_a_conversation_counts_from_the_moment_it_is_logged(
    store: Store, clock: MovableClock
) -> None:
    store.clock = clock
    jo = store.people.add(name="Jo", cadence_weeks=1)
    clock.advance(days=3)
    jo = store.people.add_conversation(jo.id, notes="coffee, talked about the Acme role")
    assert jo.conversations[-1].at == clock()
    clock.advance(weeks=1, days=-1)
    assert not is_due(jo, clock())
    assert is_due(jo, clock() + timedelta(days=1))
