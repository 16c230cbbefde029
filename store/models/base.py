"""The ground every record stands on: the schema version, text limits and the base models."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit
from uuid import UUID, uuid4

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

SCHEMA_VERSION = 2
"""The layout of the records below, as a data file and an export record it. Version 1 is
the first released layout; version 2 adds the materials (named résumé and cover letter
versions). A change to it is a migration in store/file/migrations.py."""

SHORT_TEXT_MAX = 300
"""Names, titles, one-line fields."""
LONG_TEXT_MAX = 1_048_576
"""Notes and journal text: a whole essay fits; a pasted 10 MB log does not."""

# Text is stored exactly as typed (any script, emoji, brackets, control characters); only
# the white space around a one-line field is trimmed. pydantic-core's strip trims exactly
# Unicode's White_Space characters (str.strip() would also eat the \x1c-\x1f controls),
# before the length is checked, and in Rust: a Python validator called for each field of
# each record would slow reading the file.
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=SHORT_TEXT_MAX)]
RequiredText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=SHORT_TEXT_MAX)
]
LongText = Annotated[str, StringConstraints(max_length=LONG_TEXT_MAX)]


def _http_url(value: str) -> str:
    if not value:
        return value
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("must start with http:// or https:// and name a host")
    return value


Url = Annotated[ShortText, AfterValidator(_http_url)]


def _tags(values: tuple[str, ...]) -> tuple[str, ...]:
    # Drop blanks and repeats, keep the order the user gave.
    cleaned = (value.strip() for value in values)
    return tuple(dict.fromkeys(tag for tag in cleaned if tag))


Tag = Annotated[str, StringConstraints(max_length=60)]
Tags = Annotated[tuple[Tag, ...], AfterValidator(_tags)]


_FIELD_NAME_SETS: dict[frozenset[str], set[str]] = {}


class Model(BaseModel):
    # Each model's validator is built when the model is first used, not when the store is
    # imported: the first screen needs only a few of them (the applications, settings,
    # the timer), and the rest are built after it, as their records are read.
    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True, defer_build=True)

    def model_post_init(self, context: Any, /) -> None:
        # Pydantic gives every model its own set of the field names it was given: half of
        # a timer session's memory, for the same few sets. Models with the same names
        # share one. It is
        # never changed in place: models are frozen, and pydantic copies it to copy one.
        names = self.__pydantic_fields_set__
        shared = _FIELD_NAME_SETS.setdefault(frozenset(names), names)
        object.__setattr__(self, "__pydantic_fields_set__", shared)


class Record(Model):
    id: UUID = Field(default_factory=uuid4)
    rev: int = Field(default=1, ge=1)
