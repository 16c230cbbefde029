"""The words other trackers use: the column names of each field, the status words of
each stage, and Daylio's moods."""

from __future__ import annotations

from store.models import ArchiveReason, Mood, Stage

SYNONYMS: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organization", "organisation"),
    "role": ("role", "title", "job title", "jobtitle", "position", "job position"),
    "stage": ("stage", "status", "list", "state", "application status"),
    "date": (
        "date applied",
        "application date",
        "applied date",
        "applied on",
        "applieddate",
        "applied at",
        "date",
    ),
    "created": ("created", "created at", "createdat", "date saved", "saved date", "date added"),
    "url": ("url", "job url", "link", "job link", "posting", "posting url", "job posting url"),
    "location": ("location", "city", "job location"),
    "salary": ("salary", "pay", "compensation", "salary range"),
    "source": ("source", "job source", "jobsource", "found on", "found via"),
    "notes": ("notes", "note", "comments", "description"),
    "tags": ("tags", "tag", "labels"),
    "excitement": ("excitement", "interest"),
}
"""Each field bounceback reads from a spreadsheet, and the column names that mean it
(compared without case, spaces or punctuation at either end)."""
FIELDS = tuple(SYNONYMS)

STAGE_WORDS: dict[str, Stage] = {
    **dict.fromkeys(
        ("wishlist", "saved", "bookmarked", "interested", "draft", "applying", "to apply"),
        Stage.WISHLIST,
    ),
    **dict.fromkeys(("applied", "submitted", "sent"), Stage.APPLIED),
    **dict.fromkeys(
        (
            "interview",
            "interviewing",
            "interviews",
            "phone screen",
            "screening",
            "screen",
            "assessment",
            "on-site",
            "onsite",
        ),
        Stage.INTERVIEWING,
    ),
    **dict.fromkeys(("offer", "offered", "negotiating", "accepted"), Stage.OFFER),
    **dict.fromkeys(
        ("rejected", "rejection", "declined", "not selected", "no response", "ghosted"),
        Stage.REJECTED,
    ),
}
ARCHIVE_WORDS: dict[str, ArchiveReason] = {
    "withdrawn": ArchiveReason.WITHDRAWN,
    "withdrew": ArchiveReason.WITHDRAWN,
    "i withdrew": ArchiveReason.WITHDRAWN,
    "archived": ArchiveReason.OTHER,
    "expired": ArchiveReason.TOO_OLD,
}
SILENT_WORDS = frozenset(("no response", "ghosted"))

DAYLIO_MOODS: dict[str, Mood] = {
    "rad": Mood.GREAT,
    "good": Mood.GOOD,
    "meh": Mood.OKAY,
    "bad": Mood.BAD,
    "awful": Mood.AWFUL,
}
"""Daylio's default mood labels; users who renamed theirs say so with ``--map LABEL=N``."""
