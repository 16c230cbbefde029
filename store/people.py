"""People: when each contact was last spoken to, who is due a message, who is part of what."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from uuid import UUID

from store.models import Contact, ContactKind, ContactLink, Conversation

FEEDBACK_ADDRESSEES = (ContactKind.HIRING_MANAGER, ContactKind.RECRUITER)
"""Who a request for feedback on a rejection goes to, first choice first."""


def last_contacted(contact: Contact) -> datetime | None:
    return max((c.at for c in contact.conversations), default=None)


def due_since(contact: Contact, now: datetime) -> datetime | None:
    """When the contact became due a message by their cadence (None: not due)."""
    if contact.cadence_weeks is None:
        return None
    last = last_contacted(contact)
    if last is None:
        return now  # a cadence and no conversation yet: due now
    due = last + timedelta(weeks=contact.cadence_weeks)
    return due if due <= now else None


def is_due(contact: Contact, now: datetime) -> bool:
    return due_since(contact, now) is not None


def contact_matches(contact: Contact, query: str) -> bool:
    """Every word of ``query`` appears in the name, company, role, how you met or notes."""
    haystack = " ".join(
        (contact.name, contact.company, contact.role, contact.how_we_met, contact.notes,
         contact.email, contact.kind.label)
    ).casefold()  # fmt: skip
    return all(word in haystack for word in query.casefold().split())


def linked_to(
    contacts: Iterable[Contact], application_id: UUID
) -> list[tuple[Contact, ContactLink]]:
    """The people in an application, with their role in it."""
    return [
        (contact, link)
        for contact in contacts
        for link in contact.links
        if link.application_id == application_id
    ]


def feedback_addressee(contacts: Iterable[Contact], application_id: UUID) -> Contact | None:
    """The hiring manager linked to the application, else the recruiter, else nobody."""
    people = linked_to(contacts, application_id)
    for role in FEEDBACK_ADDRESSEES:
        for contact, link in people:
            if link.role is role:
                return contact
    return None


def unlinked(contact: Contact, application_id: UUID) -> tuple[Contact, tuple[ContactLink, ...]]:
    """``contact`` without its links to the application, and the links it loses."""
    gone = tuple(link for link in contact.links if link.application_id == application_id)
    kept = tuple(link for link in contact.links if link not in gone)
    return contact.model_copy(update={"links": kept, "rev": contact.rev + 1}), gone


def linked(contact: Contact, application_id: UUID, role: ContactKind) -> Contact:
    """``contact`` part of the application in ``role`` (replacing an older role)."""
    links = [link for link in contact.links if link.application_id != application_id]
    links.append(ContactLink(application_id=application_id, role=role))
    return contact.model_copy(update={"links": tuple(links), "rev": contact.rev + 1})


def with_conversation(contact: Contact, conversation: Conversation) -> Contact:
    return contact.model_copy(
        update={"conversations": (*contact.conversations, conversation), "rev": contact.rev + 1}
    )
