"""Writing the search out: a spreadsheet that runs no formulas, JSON that imports again
with nothing lost, and the report for a mentor."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

from syrupy.assertion import SnapshotAssertion

from store import Application, JournalEntry, Mood, Rejection, Settings, Stage
from store.exporting import (
    Everything,
    applications_csv,
    journal_csv,
    markdown_report,
    to_json,
)
from store.importing import plan_import
from store.imports.export_file import SECTIONS
from store.imports.plan import Existing, Options
from store.models import SCHEMA_VERSION, Pay, PayPeriod, Record, StageChange
from store.sample import SAMPLE_NOW, sample_records


def everything(records: list[Record], settings: Settings | None = None) -> Everything:
    sections = {name: [r for r in records if type(r) is model] for name, model in SECTIONS.items()}
    return Everything(records=sections, settings=settings or Settings())


def card(company: str, role: str = "Developer", **fields: object) -> Application:
    at = SAMPLE_NOW - timedelta(days=10)
    stage = fields.pop("stage", Stage.APPLIED)
    history = fields.pop("history", (StageChange(stage=stage, at=at),))  # type: ignore[arg-type]
    return Application(
        company=company, role=role, stage=stage, history=history, created_at=at,
        updated_at=at, **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def test_cells_that_a_spreadsheet_would_run_are_text() -> None:
    hostile = card("=HYPERLINK(\"http://evil.example\",\"click\")", "+1 Developer",
                   notes="@SUM(A1:A9)", salary="-5000")  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(applications_csv([hostile]))))
    assert rows[0]["company"] == '\'=HYPERLINK("http://evil.example","click")'
    assert rows[0]["role"] == "'+1 Developer"
    assert rows[0]["notes"] == "'@SUM(A1:A9)"
    assert rows[0]["salary"] == "'-5000"


def test_the_applications_csv_has_each_stage_date_and_the_reflection() -> None:
    applied = SAMPLE_NOW - timedelta(days=20)
    rejected = card(
        "Acme",
        stage=Stage.REJECTED,
        history=(StageChange(stage=Stage.APPLIED, at=applied),
                 StageChange(stage=Stage.REJECTED, at=SAMPLE_NOW)),
        rejection=Rejection(reached=Stage.APPLIED, lesson="Shorter cover letter"),
    )  # fmt: skip
    (row,) = csv.DictReader(io.StringIO(applications_csv([rejected])))
    assert row["applied_at"] == applied.isoformat()
    assert row["rejected_at"] == SAMPLE_NOW.isoformat()
    assert (row["stage"], row["rejection_lesson"]) == ("rejected", "Shorter cover letter")


def test_the_applications_csv_has_the_pay_as_numbers_and_the_materials_sent() -> None:
    read = card("Acme", salary="£55-65k", resume="CV short", cover_letter="generic")
    typed = card("Initech", salary="competitive", pay=Pay(minimum=450, maximum=550.5,
                 currency="EUR", period=PayPeriod.DAY))  # fmt: skip
    rows = {r["company"]: r for r in csv.DictReader(io.StringIO(applications_csv([read, typed])))}
    pay = ("pay_min", "pay_max", "pay_currency", "pay_period")
    assert [rows["Acme"][c] for c in pay] == ["55000", "65000", "GBP", "year"]
    assert [rows["Initech"][c] for c in pay] == ["450", "550.5", "EUR", "day"]
    assert (rows["Acme"]["resume"], rows["Acme"]["cover_letter"]) == ("CV short", "generic")
    assert rows["Initech"]["salary"] == "competitive"


def test_one_row_per_journal_entry() -> None:
    entries = [JournalEntry(at=SAMPLE_NOW, mood=Mood.GOOD, text="=1+1", tags=("walk", "sun"))]
    (row,) = csv.DictReader(io.StringIO(journal_csv(entries)))
    assert (row["mood"], row["text"], row["tags"]) == ("4", "'=1+1", "walk, sun")


def test_the_json_export_imports_again_with_nothing_lost() -> None:
    sample = everything(sample_records())
    exported = to_json(sample)
    plan = plan_import(exported.encode(), Existing(), SAMPLE_NOW, Options())
    assert plan.skipped == ()
    assert to_json(everything(list(plan.new), plan.settings)) == exported
    assert json.loads(exported)["schema_version"] == SCHEMA_VERSION


def test_a_json_export_imported_twice_adds_nothing() -> None:
    records = sample_records()
    exported = to_json(everything(records)).encode()
    again = plan_import(exported, Existing.of(records), SAMPLE_NOW, Options())
    assert again.new == ()
    assert again.already_there == len(records)


def test_the_report_for_a_mentor(snapshot: SnapshotAssertion) -> None:
    assert markdown_report(everything(sample_records()), SAMPLE_NOW) == snapshot


def test_the_report_keeps_markup_in_the_users_text_literal() -> None:
    hostile = card("*Bold* [link](http://x) <script>", notes="# not a heading\x1b[2J")
    report = markdown_report(everything([hostile]), SAMPLE_NOW)
    assert "### \\*Bold\\* \\[link\\](http://x) \\<script\\>" in report
    assert "> \\# not a heading\\[2J" in report
    assert "\x1b" not in report


def test_a_line_break_or_a_tab_in_a_name_keeps_its_heading_whole_and_its_words_apart() -> None:
    report = markdown_report(everything([card("Acme\nHoldings", role="Data\tEngineer")]),
                             SAMPLE_NOW)  # fmt: skip
    assert "### Acme Holdings — Data Engineer" in report.splitlines()
