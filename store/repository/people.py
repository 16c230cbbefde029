"""People: contacts, the conversations with them, and their part in applications."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from store import people
from store.file.tables import TABLES
from store.models import Application, Contact, ContactKind, Conversation
from store.repository.core import Core, validated


class PeopleRepository:
    def __init__(self, core: Core) -> None:
        self._core = core

    def contacts(self) -> list[Contact]:
        """By name."""
        records = self._core.records(Contact).values()
        return sorted(records, key=lambda c: c.name.casefold())

    def get(self, contact_id: UUID) -> Contact:
        return self._core.get(Contact, contact_id)

    def add(self, **fields: Any) -> Contact:
        return self._core.add(validated(Contact, fields))

    def update(self, edited: Contact) -> Contact:
        """Save an edited contact; raises ``ConflictError`` if it changed meanwhile."""
        return self._core.save(edited)

    def delete(self, contact_id: UUID) -> Contact:
        """Delete and return it (its links go with it), so the caller can offer undo."""
        return self._core.delete(Contact, contact_id)

    def restore(self, contact: Contact) -> Contact:
        """Put back a deleted contact exactly as it was."""
        return self._core.restore(contact)

    def _conversation_now(self, channel: str, notes: str) -> Conversation:
        fields = {"at": self._core.clock(), "channel": channel, "notes": notes}
        return validated(Conversation, fields)

    def add_conversation(self, contact_id: UUID, *, channel: str = "", notes: str = "") -> Contact:
        """A conversation now: updates "last contacted" and counts for the networking goal."""
        conversation = self._conversation_now(channel, notes)
        with self._core.transaction() as changes:
            doc_id, current = self._core.fresh(Contact, contact_id)
            updated = people.with_conversation(current, conversation)
            self._core.replace(changes, doc_id, updated)
        return updated

    def log_conversation(self, name: str, *, channel: str = "", notes: str = "") -> Contact:
        """A conversation today with someone, found by name or added as a new contact."""
        conversation = self._conversation_now(channel, notes)
        wanted = validated(Contact, {"name": name}).name
        with self._core.transaction() as changes:
            for doc_id, doc in self._core.stored(TABLES[Contact]).items():
                if str(doc.get("name", "")).casefold() == wanted.casefold():
                    updated = people.with_conversation(validated(Contact, doc), conversation)
                    self._core.replace(changes, doc_id, updated)
                    return updated
            contact = Contact(name=wanted, conversations=(conversation,))
            self._core.insert(changes, contact)
        return contact

    def link(self, contact_id: UUID, application_id: UUID, role: ContactKind) -> Contact:
        """Make the contact part of an application, in ``role`` (replacing an older role)."""
        with self._core.transaction() as changes:
            self._core.fresh(Application, application_id)  # it must exist
            doc_id, current = self._core.fresh(Contact, contact_id)
            updated = people.linked(current, application_id, role)
            self._core.replace(changes, doc_id, updated)
        return updated

    def unlink(self, contact_id: UUID, application_id: UUID) -> Contact:
        with self._core.transaction() as changes:
            doc_id, current = self._core.fresh(Contact, contact_id)
            updated, _ = people.unlinked(current, application_id)
            self._core.replace(changes, doc_id, updated)
        return updated
