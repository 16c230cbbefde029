"""The app walked as its users walk it: the real ``bounceback`` command in a real terminal,
on a search at real size, asserting what the user sees and what is on disk afterwards.

Each field is typed as one burst with the key that ends it (tab, ctrl+s, enter), as SSH
delivers quick typing; where the user would look at the screen before the next key (a
list opening, a dialog appearing), the journey waits for it, as they would.
"""

from __future__ import annotations

import re
import subprocess
import time
from datetime import datetime
from pathlib import Path

import pytest

from store import Stage
from store.models import ContactKind, RejectionReason, TimerKind, TimerStatus
from store.sample_text import THOUGHTS
from tests.journeys import data
from tests.journeys.steps import LARGE, SMALL, OpenApp, board, day, scroll_until
from tests.journeys.terminal import BOUNCEBACK

# --- 1. the board at real size ----------------------------------------------------------


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x36"])
def test_find_the_30th_card_open_edit_move_and_undo(
    open_app: OpenApp, db: Path, size: tuple[int, int]
) -> None:
    applied = data.applications(db, Stage.APPLIED)
    interviewing = len(data.applications(db, Stage.INTERVIEWING))
    card = applied[29]
    shown = card.company[:12]  # as much of the name as an 80-column card shows
    wins_before = {w.text for w in data.wins(db)}
    terminal = board(open_app, size, db)

    terminal.type("j" * 29)
    terminal.wait_for(f"Applied 30/{len(applied)}")
    terminal.wait_until(lambda: terminal.highlighted(shown), f"{card.company} highlighted")

    terminal.press("enter")
    terminal.wait_for(f"{card.company} — {card.role}", "e edit · p people · esc close")
    terminal.press("e")
    terminal.wait_for(f"Edit {card.company}")
    terminal.type("\tSenior Data Engineer", "ctrl+s")  # the role, in place of the old one
    terminal.wait_for(f"{card.company} — Senior Data Engineer")
    terminal.press("escape")
    terminal.wait_gone("e edit · p people · esc close")

    terminal.press("L")
    terminal.wait_for(f"Applied {len(applied) - 1}", f"1/{interviewing + 1}")
    terminal.wait_until(lambda: terminal.highlighted(shown), "the moved card highlighted")

    terminal.press("u")
    terminal.wait_for(f"Undid the move of {card.company}", f"Applied 30/{len(applied)}")
    terminal.wait_until(lambda: terminal.highlighted(shown), "the card back, highlighted")
    terminal.quit()

    saved = data.application(db, card.id)
    assert (saved.stage, saved.role) == (Stage.APPLIED, "Senior Data Engineer")
    assert saved.history == card.history, "the undone move leaves no trace in the history"
    assert data.applications(db, Stage.APPLIED)[29].id == card.id, "back in its place"
    assert {w.text for w in data.wins(db)} == wins_before, (
        "a win earned only by a move that was undone is taken back"
    )


# --- 2. a "no" that teaches -------------------------------------------------------------


def test_a_no_becomes_a_reflection_a_journal_entry_and_a_lesson_on_progress(
    open_app: OpenApp, db: Path
) -> None:
    card = data.applications(db, Stage.APPLIED)[0]
    terminal = board(open_app, LARGE, db)

    terminal.press("r")
    terminal.wait_for(f"A “no” from {card.company}")
    terminal.press("enter")  # the reason's list
    terminal.wait_for("Skills gap", "Position filled")
    terminal.type("Skills", "enter")
    terminal.wait_gone("Position filled")
    terminal.type(
        "\tThey wanted Kafka in production.\tBuild a small Kafka pipeline and write it up",
        "ctrl+j",
    )
    terminal.wait_for("New journal entry", f"A “no” from {card.company} for {card.role}.")
    terminal.press("shift+tab", "enter")  # the mood is the user's to choose: none is made up
    terminal.wait_for("2 ☹  bad")
    terminal.press("down", "down", "enter")
    terminal.wait_gone("5 ☺☺ great")
    terminal.type(  # before what the rejection says happened, kept as it was filled in
        "\tRead the email twice. Went for a walk. \tI'm not good enough for data roles.\t\t\t"
        "One team wanted Kafka. I can learn it in a month.",
        "ctrl+s",
    )
    terminal.wait_gone("New journal entry")
    terminal.wait_for("Read the email twice. Went for a walk.")

    terminal.press("4")
    terminal.wait_for("The funnel")
    for _ in range(60):  # down Progress, as a reader scrolls, to the lessons
        if "• Build a small Kafka pipeline and write it up" in terminal.text():
            break
        terminal.press("j")
        time.sleep(0.05)  # a reader's pace: each line drawn before the next key
    terminal.wait_for(
        "What you decided to change:", "• Build a small Kafka pipeline and write it up"
    )
    terminal.quit()

    rejected = data.application(db, card.id)
    assert rejected.stage is Stage.REJECTED
    assert rejected.rejection is not None
    assert rejected.rejection.reason is RejectionReason.SKILLS_GAP
    assert rejected.rejection.feedback == "They wanted Kafka in production."
    assert rejected.rejection.lesson == "Build a small Kafka pipeline and write it up"
    entry = data.journal(db)[0]
    assert entry.application_id == card.id
    assert entry.mood == 2
    assert entry.text.startswith("Read the email twice. Went for a walk. A “no” from ")
    assert entry.negative_thought == "I'm not good enough for data roles."
    assert entry.reframe == "One team wanted Kafka. I can learn it in a month."


# --- 3. the journal ---------------------------------------------------------------------


def test_a_mood_and_a_thought_record_found_again_by_search(open_app: OpenApp, db: Path) -> None:
    entries = len(data.journal(db))
    terminal = board(open_app, SMALL, db)
    terminal.press("2")
    terminal.wait_for("Mood, 30 days")

    terminal.press("m")
    terminal.wait_for("How are you, right now?")
    terminal.press("4")
    terminal.wait_until(
        lambda: terminal.background("4 ☺  good") != terminal.background("1 ☹☹ awful"),
        "good chosen",
    )
    terminal.type("\tCoffee with Priya helped", "enter")
    terminal.wait_gone("How are you, right now?")
    terminal.wait_for("good   Coffee with Priya helped")

    terminal.press("n")
    terminal.wait_for("New journal entry")
    terminal.press("shift+tab", "enter")  # back to the mood, and open its list
    terminal.wait_for("5 ☺☺ great")
    terminal.type("2", "enter")
    terminal.wait_gone("5 ☺☺ great")
    terminal.type(
        "\tThe recruiter from Wren Robotics never called back."
        "\tNobody will ever hire a career changer.\t\t\t"
        "Two teams asked for a second call this month. Career changers get hired.",
        "ctrl+s",
    )
    terminal.wait_gone("New journal entry")

    terminal.press("/")
    terminal.wait_for("search text and tags")
    terminal.type("nobody will ever")
    terminal.wait_for(
        f"Showing 1 of {entries + 2}: matching “nobody will ever”",
        "bad    The recruiter from Wren Robotics never called back.",
    )
    found = "The recruiter from Wren Robotics"
    unfocused = terminal.background(found)
    terminal.press("enter")  # from the search to the list, whose cursor then lights up
    terminal.wait_until(lambda: terminal.background(found) != unfocused, "the list focused")
    terminal.press("enter")
    terminal.wait_for("Edit entry", "Two teams asked for a second call")
    terminal.press("escape")
    terminal.wait_gone("Edit entry")
    terminal.quit()

    thought, mood = data.journal(db)[:2]
    assert (mood.mood, mood.text) == (4, "Coffee with Priya helped")
    assert thought.mood == 2
    assert thought.text == "The recruiter from Wren Robotics never called back."
    assert thought.negative_thought == "Nobody will ever hire a career changer."
    assert thought.reframe == (
        "Two teams asked for a second call this month. Career changers get hired."
    )
    assert len(data.journal(db)) == entries + 2


# --- 4. the timer -----------------------------------------------------------------------


def test_a_focus_block_outlives_the_app_and_a_break_suggests_a_recharge(
    open_app: OpenApp, db: Path
) -> None:
    terminal = board(open_app, LARGE, db)
    terminal.press("3")
    terminal.wait_for("Ready. Space starts the focus block.")
    terminal.press("space")
    terminal.wait_for("Running, then a short break. Space pauses.", "▶ Focus 24:")
    terminal.quit()  # mid-block, a second or more into it
    started = data.timer_state(db)
    assert (started.phase, started.status) == (TimerKind.FOCUS, TimerStatus.RUNNING)

    terminal = board(open_app, LARGE, db)
    header = terminal.wait_for("▶ Focus ").splitlines()[0]
    minutes, seconds = map(int, re.findall(r"▶ Focus (\d\d):(\d\d)", header)[0])
    assert 20 * 60 < minutes * 60 + seconds < 25 * 60, "the block went on, from where it was"
    terminal.press("3")
    terminal.wait_for("Running, then a short break. Space pauses.")

    terminal.press("s")
    screen = terminal.wait_for("Short break", "Recharge: ", "▶ Short break 0")
    (idea,) = re.findall(r"Recharge: (.+)", screen)
    assert idea.strip() in data.recharge_ideas(db)
    own_words = [reframe[:40] for _, _, reframe in THOUGHTS]
    assert any(words in screen.replace("\n", " ") for words in own_words), (
        "the break shows one of the user's own reframes"
    )
    terminal.quit()

    on_break = data.timer_state(db)
    assert (on_break.phase, on_break.status) == (TimerKind.SHORT_BREAK, TimerStatus.RUNNING)
    assert on_break.started_at is not None
    assert started.started_at is not None
    assert on_break.started_at > started.started_at


# --- 5. goals, and applications sent from the shell --------------------------------------


def test_goals_and_wins_move_as_applications_are_sent_from_the_shell(
    open_app: OpenApp, db: Path
) -> None:
    done, _ = data.applications_goal(db)
    target = done + 2
    terminal = board(open_app, SMALL, db)
    terminal.press("4")
    terminal.wait_for("g changes them")
    terminal.press("g")
    terminal.wait_for("Your goals", "Applications sent")
    terminal.type(str(target), "ctrl+s")  # the first target is focused, its text selected
    terminal.wait_gone("Your goals")
    terminal.wait_for(f"{done}/{target} ")

    for n in (1, 2):
        command = ["add", f"Northwind {n}", "Data Engineer", "--stage", "applied"]
        added = subprocess.run(
            [BOUNCEBACK, "--db", db, *command], capture_output=True, text=True, timeout=30,
            check=False,
        )  # fmt: skip
        assert (added.returncode, added.stdout) == (
            0,
            f"Added Northwind {n} — Data Engineer to Applied.\n",
        )
        terminal.wait_for(f"{done + n}/{target} ")
    terminal.wait_for("✓ on target")

    now = datetime.now()
    scroll_until(
        terminal,
        f"{day(now)}  Sent: Data Engineer at Northwind 2",
        f"{day(now)}  Sent: Data Engineer at Northwind 1",
        f"{day(now)}  On target: applications sent this week",
    )
    terminal.quit()

    assert data.applications_goal(db) == (target, target)
    sent = {a.company for a in data.applications(db, Stage.APPLIED)}
    assert {"Northwind 1", "Northwind 2"} <= sent
    texts = [w.text for w in data.wins(db)]
    assert "Sent: Data Engineer at Northwind 2" in texts
    assert "On target: applications sent this week" in texts


# --- 6. people --------------------------------------------------------------------------


def test_a_person_added_linked_and_talked_to_shows_on_people(open_app: OpenApp, db: Path) -> None:
    card = data.applications(db, Stage.APPLIED)[0]
    people = len(data.contacts(db))
    terminal = board(open_app, LARGE, db)
    terminal.press("5")
    terminal.wait_for(f"{people} people")
    terminal.press("n")
    terminal.wait_for("New contact")
    terminal.type("Dana Whitfield\t", "enter")  # the name, then the list of kinds
    terminal.wait_for("Friend or family")
    terminal.type("Rec", "enter")
    terminal.wait_gone("Friend or family")
    terminal.type(f"\t{card.company}\tTalent Partner\tdana@example.com", "ctrl+s")
    terminal.wait_gone("New contact")
    terminal.wait_for(f"{people + 1} people", "Dana Whitfield")

    terminal.press("1")
    terminal.wait_for("Applied 1/")
    terminal.press("p")
    terminal.wait_for(f"Who is part of {card.company}")
    terminal.type("Dan")
    terminal.press("right")  # takes the name suggested
    terminal.press("enter")
    terminal.wait_for(f"Dana Whitfield is linked to {card.company}.")
    terminal.press("enter")
    terminal.wait_for(f"{card.company} — {card.role}", "Dana Whitfield  recruiter")
    terminal.press("escape")
    terminal.wait_gone("e edit · p people · esc close")

    terminal.press("4")
    terminal.wait_for("g changes them")
    terminal.press("c")
    terminal.wait_for("Who did you talk to?")
    terminal.type("Dana Whitfield", "enter")
    terminal.wait_for("Logged a conversation with Dana Whitfield.")

    terminal.press("5")
    terminal.wait_for(f"{people + 1} people")
    terminal.wait_until(
        lambda: "0d ago" in terminal.line_with("Dana Whitfield ", "recruiter"),
        "Dana talked to today",
    )
    terminal.quit()

    (dana,) = [c for c in data.contacts(db) if "Dana" in c.name]
    assert (dana.name, dana.kind, dana.company) == ("Dana Whitfield", ContactKind.RECRUITER,
                                                    card.company)  # fmt: skip
    assert [(link.application_id, link.role) for link in dana.links] == [
        (card.id, ContactKind.RECRUITER)
    ]
    assert len(dana.conversations) == 1
    assert len(data.contacts(db)) == people + 1, "nobody was added twice"


# --- 7. the command palette -------------------------------------------------------------

PALETTE = [
    # (what the user types, the command it finds, what running it shows, which the
    # palette's own list does not)
    ("how you feel", "Journal: Log how you feel", "How are you, right now?"),
    ("resume the timer", "Timer: Start, pause or resume the timer", "▶ Focus"),
    ("change your goals", "Progress: Change your goals", "Your goals"),
    ("add a contact", "People: Add a contact", "New contact"),
    ("new application", "Board: New application", "Company*"),
]


def test_the_command_palette_reaches_an_action_of_every_pane(open_app: OpenApp, db: Path) -> None:
    terminal = board(open_app, SMALL, db)
    for typed, command, shown in PALETTE:
        terminal.press("1")
        terminal.wait_for("Applied ")
        terminal.press("ctrl+p")
        terminal.wait_for("Search for commands")
        terminal.type(typed)
        terminal.wait_for(command)
        terminal.press("enter")
        terminal.wait_for(shown)
        if shown != "▶ Focus":
            terminal.press("escape")
            terminal.wait_gone(shown)
    terminal.quit()

    assert data.timer_state(db).status is TimerStatus.RUNNING
