"""The network and the support around the search."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import AfterValidator, AwareDatetime, Field

from store.models.base import LongText, Model, Record, RequiredText, ShortText, Url


class ContactKind(StrEnum):
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    REFERRER = "referrer"
    COLLEAGUE = "colleague"
    MENTOR = "mentor"
    FRIEND_FAMILY = "friend_family"
    OTHER = "other"

    @property
    def label(self) -> str:
        return (
            "friend or family"
            if self is ContactKind.FRIEND_FAMILY
            else self.value.replace("_", " ")
        )


EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE = re.compile(r"\+?[\d\s().\-/]+")


def _email(value: str) -> str:
    if value and not EMAIL.fullmatch(value):
        raise ValueError("must look like name@example.com")
    return value


def _phone(value: str) -> str:
    if value and (not PHONE.fullmatch(value) or sum(c.isdigit() for c in value) < 5):
        raise ValueError("must be digits, with spaces, +, -, ( ) if you like")
    return value


Email = Annotated[ShortText, AfterValidator(_email)]
Phone = Annotated[ShortText, AfterValidator(_phone)]


class Conversation(Model):
    at: AwareDatetime
    channel: ShortText = ""
    notes: ShortText = ""


class ContactLink(Model):
    application_id: UUID
    role: ContactKind


class Contact(Record):
    name: RequiredText
    kind: ContactKind = ContactKind.OTHER
    company: ShortText = ""
    role: ShortText = ""
    email: Email = ""
    phone: Phone = ""
    profile_url: Url = ""
    how_we_met: ShortText = ""
    notes: LongText = ""
    cadence_weeks: int | None = Field(default=None, ge=1, le=104)
    """Keep in touch every this many weeks (None: no reminder)."""
    conversations: tuple[Conversation, ...] = ()
    """Oldest first."""
    links: tuple[ContactLink, ...] = ()
    """The applications this person is part of, and their role there."""
