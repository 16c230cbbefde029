"""The shell does what the board does, and brings files in and out: each command as a
user types it, checked on what it prints and on the data file afterwards."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from store import ArchiveReason, RejectionReason, Stage, Store
from tui import cli

FIXTURES = Path(__file__).parent.parent / "store" / "fixtures" / "imports"


def bounceback(
    store: Store | Path, *args: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    db = store.path if isinstance(store, Store) else store
    status = cli.main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return status, out, err


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def two_acmes(store: Store) -> Store:
    store.applications.add(company="Acme", role="Backend Developer", stage=Stage.APPLIED)
    store.applications.add(company="Acme", role="Data Engineer", stage=Stage.APPLIED)
    store.applications.add(company="Globex", role="SRE", stage=Stage.WISHLIST)
    return store


def by_role(store: Store) -> dict[str, object]:
    reopened = Store.open(store.path)
    return {a.role: a for a in reopened.applications.on_board() + reopened.applications.archived()}


def test_move_names_the_card_by_its_company(
    two_acmes: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bounceback(two_acmes, "move", "globex", "applied", capsys=capsys)
    assert status == 0
    assert out == "Moved to Applied: Globex — SRE.\n"
    (sre,) = [a for a in Store.open(two_acmes.path).applications.on_board() if a.role == "SRE"]
    assert [c.stage for c in sre.history] == [Stage.WISHLIST, Stage.APPLIED]


def test_a_name_that_fits_two_cards_lists_them_and_changes_nothing(
    two_acmes: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sha256(two_acmes.path)
    status, _out, err = bounceback(two_acmes, "move", "Acme", "offer", capsys=capsys)
    assert status == 2
    assert "'Acme' matches 2 applications" in err
    assert "Acme — Backend Developer (Applied)" in err
    assert "Acme — Data Engineer (Applied)" in err
    assert sha256(two_acmes.path) == before


def test_company_and_role_or_an_id_prefix_name_one_card(
    two_acmes: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        bounceback(two_acmes, "move", "acme data engineer", "interviewing", capsys=capsys)[0] == 0
    )
    backend = next(a for a in two_acmes.applications.on_board() if a.role == "Backend Developer")
    status, out, _ = bounceback(two_acmes, "move", str(backend.id)[:6], "offer", capsys=capsys)
    assert (status, out) == (0, "Moved to Offer: Acme — Backend Developer.\n")
    stages = {a.role: a.stage for a in Store.open(two_acmes.path).applications.on_board()}
    assert stages["Data Engineer"] is Stage.INTERVIEWING
    assert stages["Backend Developer"] is Stage.OFFER


def test_an_unknown_name_exits_2(two_acmes: Store, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = bounceback(two_acmes, "delete", "Initech", capsys=capsys)
    assert status == 2
    assert "no application matches 'Initech'" in err


def test_reject_records_the_reflection(
    two_acmes: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bounceback(
        two_acmes, "reject", "Globex", "--reason", "skills_gap",
        "--feedback", "More Go, please", "--lesson", "Build a Go side project", capsys=capsys,
    )  # fmt: skip
    assert (status, out) == (0, "Rejected after Wishlist: Globex — SRE.\n")
    sre = by_role(two_acmes)["SRE"]
    assert sre.stage is Stage.REJECTED  # type: ignore[attr-defined]
    rejection = sre.rejection  # type: ignore[attr-defined]
    assert (rejection.reason, rejection.feedback, rejection.lesson) == (
        RejectionReason.SKILLS_GAP, "More Go, please", "Build a Go side project"
    )  # fmt: skip


def test_edit_changes_the_fields_given_and_prints_json_for_scripts(
    two_acmes: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bounceback(
        two_acmes, "edit", "globex", "--salary", "90k", "--tag", "remote", "--tag", "go",
        "--excitement", "5", "--next-action", "Email Sam", "--due", "2026-03-20", "--json",
        capsys=capsys,
    )  # fmt: skip
    assert status == 0
    printed = json.loads(out)
    assert (printed["salary"], printed["tags"], printed["next_action_due"]) == (
        "90k", ["remote", "go"], "2026-03-20"
    )  # fmt: skip
    sre = by_role(two_acmes)["SRE"]
    assert (sre.excitement, sre.next_action) == (5, "Email Sam")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--excitement", "9"], "excitement must be less than or equal to 5"),
        (["--url", "javascript:alert(1)"], "url must start with http"),
        (["--due", "soonish"], "--due use YYYY-MM-DD"),
        ([], "nothing to change"),
    ],
)
def test_edit_refuses_bad_input_and_changes_nothing(
    two_acmes: Store, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = sha256(two_acmes.path)
    status, _, err = bounceback(two_acmes, "edit", "globex", *args, capsys=capsys)
    assert status == 2
    assert message in err
    assert sha256(two_acmes.path) == before


def test_add_takes_the_same_field_options(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, _ = bounceback(
        store, "add", "Initech", "Dev", "--location", "Austin", "--tag", "onsite", capsys=capsys
    )
    assert status == 0
    (dev,) = Store.open(store.path).applications.on_board()
    assert (dev.location, dev.tags) == ("Austin", ("onsite",))


def test_archive_undo_and_delete(two_acmes: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        bounceback(two_acmes, "archive", "globex", "--reason", "withdrawn", capsys=capsys)[0] == 0
    )
    assert by_role(two_acmes)["SRE"].archived is ArchiveReason.WITHDRAWN  # type: ignore[attr-defined]
    assert bounceback(two_acmes, "archive", "globex", "--undo", capsys=capsys)[0] == 0
    assert by_role(two_acmes)["SRE"].archived is None  # type: ignore[attr-defined]
    status, out, _ = bounceback(two_acmes, "delete", "globex", capsys=capsys)
    assert (status, out) == (0, "Deleted Globex — SRE.\n")
    assert "SRE" not in by_role(two_acmes)


@pytest.mark.parametrize("mood", ["great", "Great", "5"])
def test_log_takes_a_mood_by_its_name_or_its_number(
    store: Store, mood: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bounceback(store, "log", "--mood", mood, "an offer call", capsys=capsys)
    assert (status, out) == (0, "Logged: great.\n")
    (entry,) = Store.open(store.path).journal.entries()
    assert (entry.mood.label, entry.text) == ("great", "an offer call")


def test_log_refuses_a_mood_it_does_not_know_and_writes_nothing(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as refused:
        bounceback(store, "log", "--mood", "meh", capsys=capsys)
    assert refused.value.code == 2
    assert "say awful, bad, okay, good, great or 1-5" in capsys.readouterr().err
    assert Store.open(store.path).journal.entries() == []


def test_list_prints_one_line_a_card_whatever_its_fields_hold(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.applications.add(company="Acme\nHoldings", role="Dev\r\x1b[2J", stage=Stage.APPLIED)
    store.people.add(name="Sam\nLee", company="Acme\x1b]52;c;aGk=\x07")
    store.applications.add(company="Globex", role="SRE", stage=Stage.APPLIED)
    _, listed, _ = bounceback(store, "list", capsys=capsys)
    _, people, _ = bounceback(store, "contacts", capsys=capsys)
    assert any(line.endswith("Acme␊Holdings — Dev␍␛[2J") for line in listed.splitlines())
    assert len(listed.splitlines()) == 2
    assert len(people.splitlines()) == 1
    assert "Sam␊Lee" in people
    assert "\x1b" not in people


def test_a_name_copied_from_list_names_its_card_whatever_its_fields_hold(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.applications.add(company="Ctrl\x07Chars\x1b[31m", role="Role\x00X", stage=Stage.APPLIED)
    _, listed, _ = bounceback(store, "list", capsys=capsys)
    copied = re.split(r"\d+d  ", listed, maxsplit=1)[1].strip()
    assert copied == "Ctrl␇Chars␛[31m — Role␀X"
    status, out, _ = bounceback(store, "move", copied, "interviewing", capsys=capsys)
    assert status == 0
    assert out.startswith("Moved to Interviewing:")


# --- import ----------------------------------------------------------------------------


def test_a_dry_run_previews_and_changes_nothing(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sha256(store.path)
    status, out, _ = bounceback(
        store, "import", str(FIXTURES / "spreadsheet-cp1252-semicolon.csv"), "--dayfirst",
        "--dry-run", capsys=capsys,
    )  # fmt: skip
    assert status == 0
    assert out.splitlines() == [
        "spreadsheet: 2 new, 0 already there, 1 not understood.",
        "  note: read as Windows-1252 (it is not UTF-8): check the accents came out right",
        "  line 4: '31/02/2026' is not a date I can read",
        "Dry run: nothing was changed.",
    ]
    assert sha256(store.path) == before


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    linkedin = str(FIXTURES / "Job Applications.csv")
    assert bounceback(store, "import", linkedin, capsys=capsys)[:2] == (
        0, "LinkedIn job applications: 3 new, 0 already there, 0 not understood.\nImported 3.\n"
    )  # fmt: skip
    status, out, _ = bounceback(store, "import", linkedin, "--json", capsys=capsys)
    assert status == 0
    assert json.loads(out)["already_there"] == 3
    assert len(Store.open(store.path).applications.on_board()) == 3


def test_a_card_another_session_adds_while_an_import_is_planned_is_not_doubled(
    store: Store,
) -> None:
    from tui.shell_transfer import apply_plan, known_records, plan_file

    plan = plan_file(FIXTURES / "Job Applications.csv", known_records(store), store.clock())
    lucerne = next(a for a in plan.new if a.company == "Lucerne Publishing")
    other_session = Store.open(store.path)
    other_session.applications.add(company=lucerne.company, role=lucerne.role, url=lucerne.url)
    added = apply_plan(store, plan)
    companies = sorted(a.company for a in Store.open(store.path).applications.on_board())
    assert companies == ["Adventure Works", "Lucerne Publishing", "Proseware, Inc."]
    assert added == 2


def test_the_resumes_an_import_names_become_materials_once(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(2):
        bounceback(store, "import", str(FIXTURES / "Job Applications.csv"), capsys=capsys)
    names = [m.name for m in Store.open(store.path).materials.all()]
    sent = {a.resume for a in Store.open(store.path).applications.on_board() if a.resume}
    assert sent
    assert sorted(names) == sorted(sent)


def test_imported_cards_count_in_the_funnel_from_their_own_dates(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    bounceback(store, "import", str(FIXTURES / "jobsync.csv"), capsys=capsys)
    _status, out, _ = bounceback(store, "stats", "--json", capsys=capsys)
    assert json.loads(out)["funnel"]["all_time"]["applied"] == 4


def test_a_daylio_export_becomes_journal_entries(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    bounceback(store, "import", str(FIXTURES / "daylio.csv"), capsys=capsys)
    entries = Store.open(store.path).journal.entries()
    assert len(entries) == 4
    assert {tag for e in entries for tag in e.tags} >= {"friends", "walk", "job search"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x7fELF\x02\x01\x01" + bytes(500), "not a CSV or JSON file"),
        (b"colour,size\nred,9\n", "no column for the company"),
        (b"Company,Title,Date Applied\nAcme,Dev,1900-01-01\n", "out of range"),
    ],
    ids=["binary", "no company column", "date in 1900"],
)
def test_a_file_it_cannot_import_exits_2_and_the_data_file_is_unchanged(
    two_acmes: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    message: str,
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(content)
    before = sha256(two_acmes.path)
    status, out, err = bounceback(two_acmes, "import", str(source), capsys=capsys)
    assert status == 2
    assert message in out + err
    assert sha256(two_acmes.path) == before


def test_a_100_mb_file_is_refused_before_it_is_read(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.write(b"Company,Title\n")
        handle.truncate(100 * 1024 * 1024)  # sparse: no 100 MB written to the test disk
    before = sha256(store.path)
    status, _, err = bounceback(store, "import", str(huge), capsys=capsys)
    assert status == 2
    assert "is 100 MB; bounceback imports files up to 20 MB" in err
    assert sha256(store.path) == before


def test_hostile_text_is_stored_exactly_and_printed_inertly(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = "Evil\x1b]52;c;aGk=\x07 [bold]Corp[/] \x00"
    source = tmp_path / "hostile.csv"
    source.write_text(f'Company,Title,Date Applied\n"{hostile}",Dev,nope\n"{hostile}",Dev,\n')
    status, out, _ = bounceback(store, "import", str(source), capsys=capsys)
    assert status == 0
    assert "\x1b" not in out
    assert "\x00" not in out
    (card,) = Store.open(store.path).applications.on_board()
    assert card.company == hostile.strip()
    status, out, _ = bounceback(store, "move", "evil", "applied", capsys=capsys)
    assert out == "Moved to Applied: Evil␛]52;c;aGk=␇ [bold]Corp[/] ␀ — Dev.\n"


# --- export ----------------------------------------------------------------------------


def test_json_round_trip_through_import_and_export(
    sample_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "search.json"
    status, out, _ = bounceback(sample_store, "export", "--output", str(exported), capsys=capsys)
    assert (status, out) == (0, f"Exported to {exported} (json).\n")
    fresh = tmp_path / "fresh" / "bounceback.json"
    assert bounceback(fresh, "import", str(exported), capsys=capsys)[0] == 0
    original = json.loads(exported.read_text())
    again = json.loads(bounceback(fresh, "export", capsys=capsys)[1])
    # A new data file starts with a goal for each metric: those stay, none is doubled.
    goals = again.pop("goals")
    assert sorted(g["metric"] for g in goals) == sorted(g["metric"] for g in original.pop("goals"))
    assert again == original
    status, out, _ = bounceback(fresh, "import", str(exported), capsys=capsys)
    assert out.startswith("bounceback export: 0 new,")


def test_an_export_brings_its_settings_into_a_new_data_file(
    sample_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample_store.settings.update(stale_after_days=30, news_after_days=9)
    exported = tmp_path / "search.json"
    bounceback(sample_store, "export", "--output", str(exported), capsys=capsys)
    fresh = tmp_path / "fresh" / "bounceback.json"
    assert bounceback(fresh, "import", str(exported), capsys=capsys)[0] == 0
    settings = Store.open(fresh).settings.get()
    assert (settings.stale_after_days, settings.news_after_days) == (30, 9)


def test_csv_exports_one_table_at_a_time(
    sample_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bounceback(sample_store, "export", "--format", "csv", capsys=capsys)
    assert status == 0
    assert out.startswith("id,company,role,stage,")
    status, _, err = bounceback(
        sample_store, "export", "--format", "csv", "--what", "all", capsys=capsys
    )
    assert status == 2
    assert "one table" in err


def test_an_export_is_written_in_the_format_its_file_name_says(
    sample_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, starts in (("report.md", "# "), ("cards.csv", "id,company,"), ("all.json", "{")):
        status, out, _ = bounceback(sample_store, "export", "-o", str(tmp_path / name),
                                    capsys=capsys)  # fmt: skip
        assert status == 0
        assert (tmp_path / name).read_text().startswith(starts), name
    _, out, _ = bounceback(sample_store, "export", "--format", "md", capsys=capsys)
    assert out.startswith("# ")


def test_an_export_never_writes_over_the_data_file(
    sample_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sha256(sample_store.path)
    status, _, err = bounceback(sample_store, "export", "-o", str(sample_store.path), capsys=capsys)
    assert status == 2
    assert "is your data file" in err
    assert sha256(sample_store.path) == before
    assert os.stat(sample_store.path).st_size > 0


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_know_the_commands(
    shell: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = bounceback(tmp_path / "unused.json", "completion", shell, capsys=capsys)
    assert status == 0
    for word in ("import", "export", "reject", "dry-run"):
        assert word in out
    assert not (tmp_path / "unused.json").exists()


async def test_the_open_app_shows_a_move_from_the_shell(sample_store: Store) -> None:
    from tui.app import BouncebackApp
    from tui.widgets.card_column import CardColumn

    wishlist = [a for a in sample_store.applications.on_board() if a.stage is Stage.WISHLIST]
    target = wishlist[0]
    app = BouncebackApp(sample_store)
    async with app.run_test(size=(80, 24)) as pilot:
        assert cli.main(["--db", str(sample_store.path), "move", str(target.id)[:8], "offer"]) == 0
        await pilot.pause(1.3)
        cards = app.query_one("#cards-offer", CardColumn).cards
        assert target.company in {card.company for card in cards}


def test_a_name_that_is_also_an_id_prefix_lists_both(store: Store) -> None:
    from uuid import UUID

    from tui.shell_naming import NoSuchApplication, find_application

    cafe = store.applications.add(company="Cafe", role="Barista")
    globex = store.applications.add(company="Globex", role="SRE")
    globex = globex.model_copy(update={"id": UUID("cafe0000-0000-4000-8000-000000000000")})
    with pytest.raises(NoSuchApplication, match="'cafe' matches 2 applications"):
        find_application([cafe, globex], "cafe")
    assert find_application([cafe, globex], "cafe barista") == cafe


def test_what_is_for_csv_only(sample_store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = bounceback(sample_store, "export", "--what", "journal", capsys=capsys)
    assert status == 2
    assert "json holds everything" in err


def test_the_import_formats_offered_are_the_ones_import_reads() -> None:
    from store.imports.formats import Format
    from tui.shell_transfer import IMPORT_FORMATS

    assert tuple(f.value for f in Format) == IMPORT_FORMATS


def test_starting_the_app_does_not_load_the_import_and_export_rules() -> None:
    import subprocess
    import sys

    check = (
        "import sys, tui.cli; tui.cli.build_parser(); "
        "print(sorted(m for m in sys.modules if m.startswith(('store.import', 'store.exporting'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
