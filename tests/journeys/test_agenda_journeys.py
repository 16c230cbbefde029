"""Interviews and the agenda, walked in a real terminal on the year-long search: an
interview booked from a second shell while the app is open, its reminder, noting how it
went and thanking; and the morning, when the app opens on the day's agenda."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from store import Stage
from store.follow_ups import FollowUpKind
from store.models import FollowUpStatus, InterviewOutcome
from tests.journeys import data
from tests.journeys.steps import SMALL, OpenApp, board
from tests.journeys.terminal import BOUNCEBACK, Terminal


def shell(db: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BOUNCEBACK, "--db", db, *command], capture_output=True, text=True, timeout=30,
        check=False,
    )  # fmt: skip


def at(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


def cursor_rows(terminal: Terminal) -> tuple[tuple[str, str], ...]:
    """Each row's background and text at its left: where the cursor is, which the text
    does not show, and the lines in view, which a scroll changes under a cursor that
    stays put (a notice on the right, or the clock, leave both alone)."""
    lines = terminal.text().split("\n")
    rows = terminal.screen.buffer
    return tuple((str(rows[y][2].bg), lines[y][:30]) for y in range(terminal.lines))


NOTICE_EDGE = "▌"
"""The left edge of a notice, drawn over the right of the rows under it."""


def cursor_on(terminal: Terminal, text: str) -> bool:
    """Whether the row under the cursor shows ``text``, or as much of it as a notice
    drawn over the row leaves in view (the cursor row can be under one as it scrolls)."""
    for line in terminal.text().split("\n"):
        x = line.find(text[:20])
        shown = line[x:].split(NOTICE_EDGE)[0].rstrip()
        whole_or_cut = shown.startswith(text) or text.startswith(shown)
        if x >= 0 and whole_or_cut and terminal.highlighted(shown):
            return True
    return False


def cursor_to(terminal: Terminal, text: str, key: str = "j") -> None:
    """Move the agenda's cursor a line at a time, as the user reads, until ``text`` is
    highlighted (a move within the screen changes only colours, so each is waited for)."""
    for _ in range(400):
        if cursor_on(terminal, text):
            return
        before = cursor_rows(terminal)
        terminal.press(key)
        moved = lambda before=before: cursor_rows(terminal) != before  # noqa: E731
        terminal.wait_until(moved, "the cursor moved")
        terminal.settle()
    raise AssertionError(f"never highlighted: {text!r}\n{terminal.framed()}")


def test_an_interview_is_booked_reminded_held_and_followed_up(open_app: OpenApp, db: Path) -> None:
    now = datetime.now().astimezone()
    earlier, soon = now - timedelta(minutes=75), now + timedelta(minutes=20)
    if not earlier.date() == now.date() == soon.date():
        pytest.skip("the journey needs an hour either side of now within one day")
    first, second = data.applications(db, Stage.APPLIED)[:2]
    terminal = board(open_app, SMALL, db)

    # Booked from another shell while the app is open, twenty minutes from now.
    booked = shell(
        db, "interview", str(first.id)[:8], "--at", at(soon), "--kind", "technical",
        "--length", "45", "--with", "Dana Reyes", "--where", "https://meet.example.com/r",
    )  # fmt: skip
    assert booked.returncode == 0, booked.stderr
    assert "The card is in Interviewing." in booked.stdout
    terminal.wait_for("Technical with", "minutes")  # the reminder, with the bell

    # One held an hour ago, logged after the fact.
    held = shell(db, "interview", str(second.id)[:8], "--at", at(earlier), "--length", "60")
    assert "That time has passed" in held.stdout

    terminal.press("6")
    terminal.wait_for("Follow-ups", "held")
    terminal.press("end")
    cursor_to(terminal, "How did it go?", key="k")
    terminal.press("o")
    terminal.wait_for("How did the interview at")
    terminal.type("Good rapport; revise system design", "enter")
    terminal.wait_for("Noted. Well done for going.")
    terminal.wait_gone("How did it go?")
    terminal.wait_for("Interview held:")  # a small win
    cursor_to(terminal, "Send a thank-you")  # listed after "How did it go?", both due today
    terminal.press("t")
    terminal.wait_for("Copied a thank-you note")
    terminal.wait_gone("Send a thank-you")
    terminal.wait_for("Sent a thank-you:")  # and another
    terminal.quit()

    (interview,) = data.application(db, second.id).interviews
    assert interview.how_it_went == "Good rapport; revise system design"
    assert interview.outcome is InterviewOutcome.WAITING
    assert interview.thank_you_sent_at is not None
    coming = data.application(db, first.id)
    assert coming.stage is Stage.INTERVIEWING
    assert [c.name for c in data.contacts(db) if c.name == "Dana Reyes"] == ["Dana Reyes"]
    texts = [w.text for w in data.wins(db)]
    assert f"Interview held: {second.role} at {second.company}" in texts
    assert f"Sent a thank-you: {second.company}" in texts


def test_the_morning_agenda(open_app: OpenApp, db: Path) -> None:
    now = datetime.now().astimezone()
    started = now - timedelta(minutes=5)
    if started.date() != now.date():
        pytest.skip("the interview under way must have started today")
    job = data.applications(db, Stage.INTERVIEWING)[0]
    booked = shell(
        db, "interview", str(job.id)[:8], "--at", at(started), "--length", "120",
        "--kind", "panel", "--prep", "Three stories: the migration, the outage, the mentee",
    )  # fmt: skip
    assert booked.returncode == 0, booked.stderr
    chases = [f for f in data.follow_ups(db) if f.kind is FollowUpKind.FOLLOW_UP]
    first, second = chases[:2]  # the two oldest cards to chase for news

    terminal = open_app(SMALL)  # no key pressed: the app opens on the day's agenda
    terminal.wait_for(f"Today, {now:%A %d %B}", "1 interview today", "panel:")
    terminal.wait_for("Three stories: the migration")  # the prep of the line under the cursor

    cursor_to(terminal, first.text[:60])
    terminal.press("s")
    terminal.wait_for("Snooze until")
    terminal.press("enter")  # tomorrow, as offered
    terminal.wait_for("Snoozed until")
    cursor_to(terminal, second.text[:60])
    terminal.press("x")
    terminal.wait_gone(second.text[:60])
    terminal.quit()

    states = data.follow_up_states(db)
    assert states[first.key].status is FollowUpStatus.SNOOZED
    assert states[first.key].until == now.date() + timedelta(days=1)
    assert states[second.key].status is FollowUpStatus.DONE
    listed = shell(db, "agenda").stdout
    assert f"panel: {job.role} at {job.company}" in listed
    assert first.text not in listed
    assert second.text not in listed
