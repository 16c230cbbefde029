"""Materials: the named versions of the résumé and cover letter the user sends."""

from __future__ import annotations

from enum import StrEnum

from pydantic import AwareDatetime

from store.models.base import Record, RequiredText, ShortText


class MaterialKind(StrEnum):
    RESUME = "resume"
    COVER_LETTER = "cover-letter"

    @property
    def label(self) -> str:
        return "résumé" if self is MaterialKind.RESUME else "cover letter"

    @property
    def field(self) -> str:
        """The application's field that names the version sent."""
        return "resume" if self is MaterialKind.RESUME else "cover_letter"


class Material(Record):
    """One version, by the name the applications give it."""

    kind: MaterialKind
    name: RequiredText
    path: ShortText = ""
    """Where the file is on disk, as the user gave it: never read, copied or required."""
    created_at: AwareDatetime
