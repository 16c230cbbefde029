"""Reading other trackers' exports: each format, its dates and statuses, and bad files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from store import Application, ArchiveReason, JournalEntry, Mood, RejectionReason, Stage
from store.importing import plan_import
from store.imports.cells import parse_moment
from store.imports.formats import Format
from store.imports.plan import CannotImport, Existing, ImportPlan, Options
from store.progress import funnel
from store.sample import SAMPLE_NOW

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def plan(
    name_or_bytes: str | bytes, existing: Existing | None = None, **options: object
) -> ImportPlan:
    raw = (
        (FIXTURES / name_or_bytes).read_bytes() if isinstance(name_or_bytes, str) else name_or_bytes
    )
    return plan_import(raw, existing or Existing(), SAMPLE_NOW, Options(**options))  # type: ignore[arg-type]


def applications(p: ImportPlan) -> dict[str, Application]:
    return {a.company: a for a in p.new if isinstance(a, Application)}


def test_jobsync_statuses_become_stages_and_the_applied_date_the_history() -> None:
    p = plan("jobsync.csv")
    assert p.format is Format.JOBSYNC
    assert p.summary() == "5 new, 0 already there, 0 not understood"
    cards = applications(p)
    assert {c: a.stage for c, a in cards.items()} == {
        "Northwind Traders": Stage.APPLIED,
        "Contoso": Stage.INTERVIEWING,
        "Fabrikam": Stage.REJECTED,
        "Tailspin Toys": Stage.WISHLIST,
        "Wide World Importers": Stage.OFFER,
    }
    northwind = cards["Northwind Traders"]
    assert northwind.history[-1].at == datetime(2026, 2, 21, tzinfo=UTC)
    assert northwind.created_at == datetime(2026, 2, 20, 9, 12, 44, 512000, tzinfo=UTC)
    assert (northwind.location, northwind.source) == ("Berlin", "LinkedIn")


def test_a_rejected_row_is_a_rejection_waiting_for_its_reflection() -> None:
    fabrikam = applications(plan("jobsync.csv"))["Fabrikam"]
    assert fabrikam.rejection is not None
    assert fabrikam.rejection.reached is Stage.APPLIED
    assert (fabrikam.rejection.lesson, fabrikam.rejection.feedback) == ("", "")


def test_linkedin_applications_are_applied_on_their_date() -> None:
    p = plan("Job Applications.csv")
    assert p.format is Format.LINKEDIN
    cards = applications(p)
    assert set(cards) == {"Lucerne Publishing", "Adventure Works", "Proseware, Inc."}
    lucerne = cards["Lucerne Publishing"]
    assert lucerne.stage is Stage.APPLIED
    assert lucerne.history[-1].at == datetime(2026, 3, 10, 15, 4, tzinfo=UTC)
    assert lucerne.url == "https://www.linkedin.com/jobs/view/3912345678"


def test_linkedin_applications_keep_the_resume_that_was_sent() -> None:
    cards = applications(plan("Job Applications.csv"))
    assert {company: card.resume for company, card in cards.items()} == {
        "Lucerne Publishing": "Resume-2026.pdf",
        "Adventure Works": "CV short.pdf",
        "Proseware, Inc.": "Resume-2026.pdf",
    }


def test_linkedin_saved_jobs_go_to_the_wishlist() -> None:
    p = plan("Saved Jobs.csv")
    assert p.format is Format.LINKEDIN_SAVED
    assert {a.stage for a in applications(p).values()} == {Stage.WISHLIST}
    assert applications(p)["Litware"].created_at == datetime(2026, 3, 15, 8, 41, tzinfo=UTC)


def test_a_wishlist_row_with_a_date_is_saved_that_day_not_sent() -> None:
    p = plan(b"Company,Role,Date Applied,Status\nAcme,Dev,2026-03-01,Wishlist\n")
    card = applications(p)["Acme"]
    assert [change.stage for change in card.history] == [Stage.WISHLIST]
    assert card.created_at == datetime(2026, 3, 1, tzinfo=UTC)
    assert funnel([card], SAMPLE_NOW).applied == 0


def test_huntr_lists_are_read_by_their_synonyms() -> None:
    p = plan("huntr.csv")
    assert p.format is Format.SPREADSHEET
    cards = applications(p)
    assert cards["Blue Yonder Airlines"].stage is Stage.WISHLIST
    assert cards["Coho Winery"].salary == "€60k"
    assert cards["Graphic Design Institute"].stage is Stage.INTERVIEWING
    assert [c.stage for c in cards["Graphic Design Institute"].history] == [
        Stage.APPLIED,
        Stage.INTERVIEWING,
    ]
    assert cards["Margie's Travel"].stage is Stage.OFFER


def test_teal_statuses_include_silence_and_withdrawal() -> None:
    cards = applications(plan("teal.csv"))
    assert cards["Alpine Ski House"].stage is Stage.WISHLIST
    assert cards["Alpine Ski House"].excitement == 4
    ghosted = cards["First Up Consultants"]
    assert ghosted.rejection is not None
    assert ghosted.rejection.reason is RejectionReason.NO_RESPONSE
    assert cards["Trey Research"].archived is ArchiveReason.WITHDRAWN


def test_a_windows_1252_semicolon_sheet_with_day_first_dates() -> None:
    p = plan("spreadsheet-cp1252-semicolon.csv", dayfirst=True)
    cards = applications(p)
    assert cards["Café Müller"].notes == "Grüße an Jürgen"
    assert cards["Café Müller"].history[-1].at.date().isoformat() == "2026-03-20"
    assert any("Windows-1252" in note for note in p.notes)
    assert [(s.line, "31/02/2026" in s.why) for s in p.skipped] == [(4, True)]


def test_day_first_dates_without_the_flag_say_so_and_a_date_of_neither_kind_does_not() -> None:
    p = plan("spreadsheet-cp1252-semicolon.csv")
    hints = {s.why.split("'")[1]: "day first" in s.why for s in p.skipped}
    assert hints["20/03/2026"]
    assert not hints["31/02/2026"], "no date read either way: the hint would mislead"


def test_daylio_moods_times_and_activities() -> None:
    p = plan("daylio.csv")
    assert p.format is Format.DAYLIO
    entries = sorted((e for e in p.new if isinstance(e, JournalEntry)), key=lambda e: e.at)
    assert [e.mood for e in entries] == [Mood.GREAT, Mood.AWFUL, Mood.OKAY, Mood.GOOD]
    assert entries[-1].at == datetime(2026, 3, 15, 20, 30, tzinfo=UTC)
    assert entries[-1].tags == ("friends", "walk")
    assert entries[1].text == "Another no\n\nFabrikam said no after the final round."


def test_daylio_renamed_moods_need_a_map_and_then_read() -> None:
    unmapped = plan("daylio-scales.csv")
    assert len(unmapped.new) == 1
    assert "--map Excited=N" in unmapped.skipped[0].why
    mapped = plan("daylio-scales.csv", mapping={"Excited": "5", "so-so": "3"})
    assert mapped.summary() == "3 new, 0 already there, 0 not understood"
    moods = {e.at.hour: e.mood for e in mapped.new if isinstance(e, JournalEntry)}
    assert moods == {21: Mood.GREAT, 8: Mood.OKAY, 12: Mood.GOOD}


def test_what_is_there_already_is_not_imported_again() -> None:
    first = plan("huntr.csv")
    again = plan("huntr.csv", Existing.of(first.new))
    assert again.summary() == "0 new, 5 already there, 0 not understood"


def test_the_same_row_twice_in_one_file_is_one_card() -> None:
    raw = b"Company,Title\nAcme,Dev\nAcme,Dev\nacme,dev\n"
    assert plan(raw).summary() == "1 new, 2 already there, 0 not understood"


def test_a_map_names_a_column_the_synonyms_miss() -> None:
    raw = b"Firm,Gig\nAcme,Dev\n"
    with pytest.raises(CannotImport, match="no column for the company or the role"):
        plan(raw)
    p = plan(raw, mapping={"Firm": "company", "Gig": "role"})
    assert [a.company for a in applications(p).values()] == ["Acme"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-20", datetime(2026, 3, 20, tzinfo=UTC)),
        ("3/20/26, 3:04 PM", datetime(2026, 3, 20, 15, 4, tzinfo=UTC)),
        ("2026-03-20T10:00:00+01:00", datetime(2026, 3, 20, 9, tzinfo=UTC)),
        ("2026-03-20T10:00:00.000Z", datetime(2026, 3, 20, 10, tzinfo=UTC)),
    ],
)
def test_dates_in_the_forms_trackers_write(text: str, expected: datetime) -> None:
    assert parse_moment(text, SAMPLE_NOW) == expected


@pytest.mark.parametrize("text", ["1900-01-01", "3000-01-01", "yesterday-ish"])
def test_unbelievable_dates_are_refused_with_a_reason(text: str) -> None:
    p = plan(f"Company,Title,Date Applied\nAcme,Dev,{text}\n".encode())
    assert p.new == ()
    assert p.skipped[0].line == 2
    assert text in p.skipped[0].why


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "not a CSV or JSON"),
        (b"PK\x03\x04" + bytes(100), "save it as CSV"),
        (b"", "empty"),
        (b"colour,size\nred,9\n", "no column for the company"),
        (b"{not json", "not valid JSON"),
        (b'{"applications": []}', "not a bounceback export"),
        (b",".join([b"c%d" % n for n in range(10_000)]) + b"\n", "10,000 columns"),
        (b"Company,Title\n" + b"x" * (21 * 1024 * 1024), "it is over 20 MB; .* up to 20 MB"),
    ],
    ids=[
        "binary",
        "xlsx",
        "empty",
        "no company column",
        "broken json",
        "other json",
        "10,000 columns",
        "too big",
    ],
)
def test_a_file_that_cannot_be_read_says_why(raw: bytes, message: str) -> None:
    with pytest.raises(CannotImport, match=message):
        plan(raw)


def test_a_row_with_10000_cells_is_skipped_and_the_rest_imported() -> None:
    wide = b"Acme,Dev," + b",".join(b"x" for _ in range(10_000))
    p = plan(b"Company,Title\n" + wide + b"\nGlobex,Ops\n")
    assert [a.company for a in applications(p).values()] == ["Globex"]
    assert p.skipped[0].line == 2
    assert "10,002 cells" in p.skipped[0].why


def test_hostile_text_in_cells_is_kept_exactly() -> None:
    hostile = "\x1b]52;c;aGk=\x07[bold red]Evil[/] \x00Corp"
    raw = f'Company,Title\n"{hostile}",Dev\n'.encode()
    (card,) = applications(plan(raw)).values()
    assert card.company == hostile


def test_a_tab_separated_sheet_with_a_byte_order_mark() -> None:
    raw = "\ufeffCompany\tJob Title\tStatus\nAcme\tDev\tApplied\n".encode()
    p = plan(raw)
    assert [(a.company, a.stage) for a in applications(p).values()] == [("Acme", Stage.APPLIED)]
    assert p.notes == ()


def test_daylio_entries_already_imported_are_not_repeated() -> None:
    first = plan("daylio.csv")
    assert plan("daylio.csv", Existing.of(first.new)).summary() == (
        "0 new, 4 already there, 0 not understood"
    )


def test_an_export_brings_no_second_copy_of_a_card_imported_from_a_tracker() -> None:
    from store.exporting import Everything, to_json
    from store.models import Settings

    from_tracker = plan("huntr.csv").new
    again = plan("huntr.csv").new  # the same rows, read again: new ids
    exported = to_json(Everything({"applications": list(again)}, Settings())).encode()
    p = plan(exported, Existing.of(from_tracker))
    assert p.summary() == "0 new, 5 already there, 0 not understood"


def test_a_row_without_a_role_says_so() -> None:
    p = plan(b"Company,Title\nAcme,\n")
    assert [(s.line, s.why) for s in p.skipped] == [(2, "the role is empty")]


def test_a_sheets_own_scales_and_bare_links_do_not_cost_the_row() -> None:
    raw = b"Company,Title,Excitement,Link\nAcme,Dev,8,jobs.acme.example/42\nGlobex,Ops,4,\n"
    cards = applications(plan(raw))
    assert (cards["Acme"].excitement, cards["Acme"].url) == (3, "https://jobs.acme.example/42")
    assert cards["Globex"].excitement == 4
