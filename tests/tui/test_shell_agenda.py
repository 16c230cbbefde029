"""`bounceback interview`, `agenda` and `calendar` from a shell, on the sample's fixed clock."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from store import Stage, Store, fixed_clock
from store.calendar import follow_up_uid
from store.sample import SAMPLE_NOW
from tui import cli, shell_agenda


@pytest.fixture
def shell(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """A store the commands open on the sample's clock, with two Acme applications."""
    opened = Store.open.__func__  # type: ignore[attr-defined]

    def on_the_sample_clock(cls: type[Store], path: Path, **options: object) -> Store:
        return opened(cls, path, **{**options, "clock": fixed_clock(SAMPLE_NOW)})  # type: ignore[no-any-return]

    monkeypatch.setattr(Store, "open", classmethod(on_the_sample_clock))
    store = Store.open(db_path, clock=fixed_clock(SAMPLE_NOW))
    store.applications.add(company="Acme", role="Developer", stage=Stage.APPLIED)
    store.applications.add(company="Acme Labs", role="Tester")
    store.applications.add(company="Initech", role="Analyst", stage=Stage.APPLIED)
    return store


def bounceback(db_path: Path, *args: str) -> int:
    return cli.main([*args, "--db", str(db_path)])


def card(store: Store, company: str):  # type: ignore[no-untyped-def]
    return next(a for a in store.applications.on_board() if a.company == company)


def test_an_interview_booked_from_the_shell_is_on_the_card_which_moves_to_interviewing(
    shell: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = bounceback(
        db_path, "interview", "initech", "--at", "2026-03-19 14:00", "--kind", "technical",
        "--length", "45", "--with", "Sam Lee", "--where", "https://meet.example.com/abc",
    )  # fmt: skip
    assert code == 0
    assert "Booked (technical): Initech" in capsys.readouterr().out
    initech = card(Store.open(db_path), "Initech")
    assert initech.stage is Stage.INTERVIEWING
    (interview,) = initech.interviews
    assert interview.at == datetime(2026, 3, 19, 14, tzinfo=SAMPLE_NOW.tzinfo)
    assert (interview.minutes, interview.where) == (45, "https://meet.example.com/abc")
    assert [c.name for c in Store.open(db_path).people.contacts()] == ["Sam Lee"]


def test_an_application_named_ambiguously_or_not_at_all_exits_2_listing_the_candidates(
    shell: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bounceback(db_path, "interview", "acm", "--at", "2026-03-19 14:00") == 2
    err = capsys.readouterr().err
    assert "matches 2 applications" in err
    assert "Acme — Developer" in err
    assert "Acme Labs — Tester" in err
    assert bounceback(db_path, "interview", "Globex", "--at", "2026-03-19 14:00") == 2
    assert "no application matches 'Globex'" in capsys.readouterr().err
    # An exact company name, or an id prefix, is one application.
    assert bounceback(db_path, "interview", "acme", "--at", "2026-03-19 14:00") == 0
    prefix = str(card(shell, "Acme Labs").id)[:6]
    assert bounceback(db_path, "interview", prefix, "--at", "2026-03-19 14:00") == 0


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--at", "2026-02-30 14:00", "--at '2026-02-30 14:00' is not a date and time"),
        ("--kind", "lunch", "--kind 'lunch' is not a kind of interview"),
        ("--length", "0", "--length must be 1 to 720 minutes"),
    ],
)
def test_bad_input_is_refused_beside_the_option_and_nothing_is_saved(
    shell: Store, db_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str,
    said: str,
) -> None:  # fmt: skip
    before = db_path.read_bytes()
    args = {"--at": "2026-03-19 14:00", option: value}
    assert bounceback(db_path, "interview", "initech", *(x for kv in args.items() for x in kv)) == 2
    assert said in capsys.readouterr().err
    assert db_path.read_bytes() == before


def test_an_archived_application_is_refused_with_a_clear_message(
    shell: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shell.applications.archive(card(shell, "Initech").id)
    before = db_path.read_bytes()
    assert bounceback(db_path, "interview", "initech", "--at", "2026-03-19 14:00") == 2
    assert "application is archived" in capsys.readouterr().err
    assert db_path.read_bytes() == before


def test_a_time_that_has_passed_is_kept_with_a_note(
    shell: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bounceback(db_path, "interview", "initech", "--at", "yesterday 10:00") == 0
    assert "That time has passed" in capsys.readouterr().out


def test_the_agenda_lists_today_the_week_the_follow_ups_and_the_goals(
    shell: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shell.interviews.book(
        card(shell, "Initech").id, at=SAMPLE_NOW.replace(hour=15, minute=0), prep="Read the blog"
    )
    shell.interviews.book(card(shell, "Acme").id, at=SAMPLE_NOW + timedelta(days=2))
    shell.people.add(name="Priya", cadence_weeks=2)
    assert bounceback(db_path, "agenda") == 0
    out = capsys.readouterr().out
    assert "  15:00–16:00  interview: Analyst at Initech" in out
    assert "prep (Initech): Read the blog" in out
    assert "Wed 18 09:30–10:30  interview: Developer at Acme" in out
    assert "People due a message\n  Write to Priya" in out
    assert "Applications sent: 2 of 5 this week" in out
    assert bounceback(db_path, "agenda", "--days", "1", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [i["company"] for i in data["interviews"]] == ["Initech"]
    assert [f["kind"] for f in data["follow_ups"]] == ["person"]


def test_the_calendar_file_holds_every_interview_as_the_store_has_it_with_stable_uids(
    shell: Store,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    initech = card(shell, "Initech")
    shell.interviews.book(
        initech.id, at=SAMPLE_NOW + timedelta(days=3), minutes=45, where="1 Main St, Leeds"
    )
    shell.interviews.book(card(shell, "Acme").id, at=SAMPLE_NOW - timedelta(hours=3))
    output = tmp_path / "out" / "search.ics"
    output.parent.mkdir()
    assert bounceback(db_path, "calendar", "--output", str(output)) == 0
    assert f"Wrote {output}: 2 interview(s)" in capsys.readouterr().out
    first = icalendar.Calendar.from_ical(output.read_bytes())
    assert (str(first["VERSION"]), str(first["PRODID"])) == ("2.0", shell_agenda_prodid())
    assert [tz["TZID"] for tz in first.walk("VTIMEZONE")] == ["Europe/London"]
    events = {str(e["UID"]): e for e in first.walk("VEVENT")}
    for booking in shell.agenda.interviews():
        event = events.pop(f"interview-{booking.interview.id}@bounceback")
        for required in ("DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert required in event
        assert event.start == booking.interview.at
        assert event.start.tzinfo == ZoneInfo("Europe/London")
        assert event.end == booking.interview.ends_at
        assert str(event.get("LOCATION", "")) == booking.interview.where
        (alarm,) = event.walk("VALARM")
        assert alarm["TRIGGER"].dt == timedelta(minutes=-30)
        assert str(alarm["ACTION"]) == "DISPLAY"
    follow_ups = shell.agenda.follow_ups()
    assert sorted(events) == sorted(follow_up_uid(f) for f in follow_ups)
    assert follow_ups, "the interview this morning asks how it went"
    # Exported again later: the same events, by the same UIDs.
    assert bounceback(db_path, "calendar", "--output", str(output)) == 0
    again = icalendar.Calendar.from_ical(output.read_bytes())
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == {
        str(e["UID"]) for e in first.walk("VEVENT")
    }
    assert output.stat().st_mode & 0o777 == 0o600


def test_the_calendar_goes_beside_the_data_file_unless_told_otherwise(
    shell: Store, db_path: Path
) -> None:
    assert bounceback(db_path, "calendar") == 0
    assert (db_path.parent / "bounceback.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def shell_agenda_prodid() -> str:
    from store.calendar import PRODID

    assert shell_agenda.CALENDAR_NAME == "bounceback.ics"
    return PRODID


def test_control_characters_in_the_records_never_reach_the_calendar_file(
    shell: Store, db_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    hostile = shell.applications.add(
        company="Evil\x1b]52;c;aGk=\x07 Corp\x1b[2J", role="Dev\x9b", stage=Stage.APPLIED
    )
    shell.interviews.book(
        hostile.id, at=SAMPLE_NOW + timedelta(days=1), where="Room\x1b[31m 4", prep="a\x00b"
    )
    assert bounceback(db_path, "calendar", "--output", "-") == 0
    written = capsysbinary.readouterr().out
    assert written.startswith(b"BEGIN:VCALENDAR")
    assert not any(byte < 0x20 and byte not in b"\r\n" for byte in written)
    assert (
        "Evil\ufffd]52;c;aGk=\ufffd Corp"
        in icalendar.Calendar.from_ical(written).walk("VEVENT")[0]["SUMMARY"]
    )


def test_the_days_before_asking_for_news_are_set_with_the_other_settings(
    shell: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shell.clock = fixed_clock(SAMPLE_NOW - timedelta(days=5))  # booked the week before
    shell.interviews.book(card(shell, "Initech").id, at=SAMPLE_NOW - timedelta(days=4))
    assert bounceback(db_path, "agenda") == 0
    assert "Ask for news: interview at Initech" not in capsys.readouterr().out  # 5 by default
    assert bounceback(db_path, "settings", "--news-after-days", "3") == 0
    assert "news after days:  3" in capsys.readouterr().out
    assert bounceback(db_path, "agenda") == 0
    assert "Ask for news: interview at Initech" in capsys.readouterr().out
    assert bounceback(db_path, "settings", "--news-after-days", "0") == 2
    assert "news_after_days must be greater than or equal to 1" in capsys.readouterr().err
    assert Store.open(db_path).settings.get().news_after_days == 3


def test_the_agenda_asks_about_a_long_silence_last_and_names_the_command_that_closes_it(
    shell: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shell.clock = fixed_clock(SAMPLE_NOW - timedelta(days=50))
    shell.applications.add(company="Orchard Freight", role="Dev", stage=Stage.APPLIED)
    shell.clock = fixed_clock(SAMPLE_NOW - timedelta(days=25))
    shell.applications.add(company="Lantern", role="Dev", stage=Stage.APPLIED)
    assert bounceback(db_path, "agenda") == 0
    out = capsys.readouterr().out.splitlines()
    chase = out.index("  Follow up: Dev at Lantern (25 days, no news)")
    silent = out.index("  No news in 50 days: Dev at Orchard Freight. A silent no?")
    assert chase < out.index("No news for a long time") < silent
    assert "bounceback reject COMPANY --reason no_response" in out[silent + 1]


def test_an_interview_booked_over_another_says_which(
    shell: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bounceback(db_path, "interview", "initech", "--at", "2026-03-19 14:00") == 0
    capsys.readouterr()
    assert bounceback(db_path, "interview", "acme", "--at", "2026-03-19 14:30") == 0
    said = capsys.readouterr().out
    assert "It overlaps Thu 19 Mar 14:00–15:00 " in said
    assert said.rstrip().endswith("Analyst at Initech.")
