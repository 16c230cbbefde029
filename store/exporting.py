"""Writing the search out: CSV for a spreadsheet, JSON that imports again, and a Markdown
report for a mentor. Pure functions from records to text; the caller writes the file."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from store import progress
from store.imports.export_file import EXPORT_MARKER, SECTIONS
from store.models import (
    PIPELINE,
    SCHEMA_VERSION,
    Application,
    JournalEntry,
    Pay,
    Record,
    Settings,
    Stage,
)
from store.pay import pay_of

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet runs a cell that starts with one of these as a formula."""


@dataclass(frozen=True)
class Everything:
    """Every record of a data file, by section of the export."""

    records: Mapping[str, Sequence[Record]]
    settings: Settings

    def of(self, section: str) -> list[Record]:
        return list(self.records.get(section, ()))

    @property
    def applications(self) -> list[Application]:
        return [r for r in self.of("applications") if isinstance(r, Application)]

    @property
    def journal(self) -> list[JournalEntry]:
        return [r for r in self.of("journal") if isinstance(r, JournalEntry)]


# --- JSON ------------------------------------------------------------------------------


def to_json(everything: Everything) -> str:
    """Every record and the settings, in a stable order: the same data gives the same file."""
    out: dict[str, object] = {EXPORT_MARKER: 1, "schema_version": SCHEMA_VERSION}
    for section in SECTIONS:
        records = sorted(everything.of(section), key=lambda r: str(r.id))
        out[section] = [r.model_dump(mode="json") for r in records]
    out["settings"] = everything.settings.model_dump(mode="json")
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"


# --- CSV -------------------------------------------------------------------------------


def safe_cell(value: object) -> str:
    """``value`` as a cell a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _when(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else ""


def _stage_dates(application: Application) -> dict[str, str]:
    """When the application first reached each stage."""
    dates: dict[str, str] = {}
    for change in application.history:
        dates.setdefault(f"{change.stage.value}_at", _when(change.at))
    return dates


APPLICATION_COLUMNS = (
    "id", "company", "role", "stage", "archived", "url", "location", "salary",
    "pay_min", "pay_max", "pay_currency", "pay_period", "source", "resume", "cover_letter",
    "tags", "excitement", "next_action", "next_action_due", "notes", "created_at",
    *(f"{stage.value}_at" for stage in (*PIPELINE, Stage.REJECTED)),
    "rejection_reached", "rejection_reason", "rejection_feedback", "rejection_lesson",
    "feedback_requested_at",
)  # fmt: skip
JOURNAL_COLUMNS = ("id", "at", "mood", "text", "negative_thought", "traps", "reframe", "tags")


def _csv(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(row.get(column)) for column in columns])
    return out.getvalue()


def _pay_columns(pay: Pay | None) -> dict[str, object]:
    """The pay as numbers (entered by hand, else read from the salary), for a spreadsheet."""
    if pay is None:
        return {}

    def amount(value: float) -> object:
        return int(value) if value.is_integer() else value

    return {
        "pay_min": amount(pay.minimum),
        "pay_max": amount(pay.maximum),
        "pay_currency": pay.currency,
        "pay_period": pay.period.value,
    }


def applications_csv(applications: Iterable[Application]) -> str:
    def row(a: Application) -> dict[str, object]:
        r = a.rejection
        return {
            **a.model_dump(
                include={
                    "id",
                    "company",
                    "role",
                    "url",
                    "location",
                    "salary",
                    "source",
                    "resume",
                    "cover_letter",
                    "excitement",
                    "next_action",
                    "notes",
                }
            ),
            **_pay_columns(pay_of(a)),
            "stage": a.stage.value,
            "archived": a.archived.value if a.archived else "",
            "tags": ", ".join(a.tags),
            "next_action_due": a.next_action_due.isoformat() if a.next_action_due else "",
            "created_at": _when(a.created_at),
            **_stage_dates(a),
            "rejection_reached": r.reached.value if r else "",
            "rejection_reason": r.reason.label if r else "",
            "rejection_feedback": r.feedback if r else "",
            "rejection_lesson": r.lesson if r else "",
            "feedback_requested_at": _when(r.feedback_requested_at) if r else "",
        }

    ordered = sorted(applications, key=lambda a: (a.created_at, str(a.id)))
    return _csv(APPLICATION_COLUMNS, (row(a) for a in ordered))


def journal_csv(entries: Iterable[JournalEntry]) -> str:
    def row(e: JournalEntry) -> dict[str, object]:
        return {
            "id": e.id,
            "at": _when(e.at),
            "mood": int(e.mood),
            "text": e.text,
            "negative_thought": e.negative_thought,
            "traps": ", ".join(e.traps),
            "reframe": e.reframe,
            "tags": ", ".join(e.tags),
        }

    return _csv(JOURNAL_COLUMNS, (row(e) for e in sorted(entries, key=lambda e: e.at)))


# --- the Markdown report ---------------------------------------------------------------


def _md(text: str) -> str:
    """User text inside Markdown: characters that would start markup are escaped, and
    control characters dropped, so the report reads the same as text and rendered."""
    spaced = text.replace("\t", " ")  # a tab is a space between words, not a control
    cleaned = "".join(c for c in spaced if c == "\n" or (ord(c) >= 0x20 and ord(c) != 0x7F))
    for char in "\\`*_[]<>#|":
        cleaned = cleaned.replace(char, "\\" + char)
    return cleaned.strip()


def _md_line(text: str) -> str:
    """User text on one line of Markdown (a heading): a line break in it would end it."""
    return " ".join(_md(text).split())


def _quote(text: str) -> list[str]:
    return [f"> {line}".rstrip() for line in _md(text).splitlines()]


def _percent(rate: float | None) -> str:
    return f"{rate:.0%}" if rate is not None else "–"


def markdown_report(everything: Everything, now: datetime) -> str:
    """The search for a mentor or coach: numbers, each application, lessons, thoughts."""
    applications = sorted(everything.applications, key=lambda a: (a.created_at, str(a.id)))
    zone = now.tzinfo
    lines = [f"# My job search, as of {now:%Y-%m-%d}", "", "## The search in numbers", ""]
    f = progress.funnel(applications, now)
    lines += [
        "| stage | count | rate |",
        "|---|---:|---:|",
        f"| applied | {f.applied} | |",
        f"| answered | {f.responses} | {_percent(f.response_rate)} of applications |",
        f"| interviewed | {f.interviews} | {_percent(f.interview_rate)} of answers |",
        f"| offers | {f.offers} | {_percent(f.offer_rate)} of interviews |",
        "",
        f"“No”s collected so far: {progress.rejections_total(applications)}.",
        "",
    ]
    if not progress.enough_for_diagnosis(f):
        needed = progress.MIN_APPLIED_FOR_DIAGNOSIS - f.applied
        lines.append(f"Too early to say where the search is stuck: {needed} more applications.")
    elif findings := f.findings():
        lines += [f"- **{finding.title}.** {finding.advice}" for finding in findings]
    else:
        lines.append("Nothing stands out as stuck.")
    lines += ["", "## Applications", ""]
    for a in applications:
        archived = f", archived ({a.archived.value.replace('_', ' ')})" if a.archived else ""
        lines += [f"### {_md_line(a.company)} — {_md_line(a.role)}", "",
                  f"{a.stage.label}{archived}."]  # fmt: skip
        history = ", ".join(f"{c.stage.label} {c.at.astimezone(zone):%Y-%m-%d}" for c in a.history)
        lines += ["", f"History: {history}."]
        if a.url:
            lines += ["", f"Posting: <{a.url}>"]
        if r := a.rejection:
            lines += ["", f"Rejected after {r.reached.label}; reason: {r.reason.label}."]
            if r.feedback:
                lines += ["", "Feedback:", "", *_quote(r.feedback)]
            if r.lesson:
                lines += ["", "Lesson:", "", *_quote(r.lesson)]
        if a.notes:
            lines += ["", "Notes:", "", *_quote(a.notes)]
        lines.append("")
    if not applications:
        lines += ["None yet.", ""]
    learned = progress.lessons(applications)
    lines += ["## Lessons", ""]
    if learned.reasons:
        reasons = ", ".join(f"{label} ({count})" for label, count in learned.reasons)
        lines += [f"Reasons given: {reasons}.", ""]
    lines += [f"- {_md(lesson)}".replace("\n", " ") for lesson in learned.lessons]
    if not learned.lessons:
        lines.append("No lessons written down yet.")
    lines += ["", "## Thought records", ""]
    records = [e for e in sorted(everything.journal, key=lambda e: e.at) if e.negative_thought]
    for e in records:
        lines += [f"### {e.at.astimezone(zone):%Y-%m-%d %H:%M}, mood {e.mood.label}", ""]
        lines += ["Thought:", "", *_quote(e.negative_thought), ""]
        if e.traps:
            lines += [f"Thinking traps: {_md(', '.join(e.traps))}.", ""]
        if e.reframe:
            lines += ["Reframe:", "", *_quote(e.reframe), ""]
    if not records:
        lines += ["None yet.", ""]
    return "\n".join(lines).rstrip() + "\n"
