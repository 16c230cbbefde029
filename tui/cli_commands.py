"""The shell commands that read the file or add to it as the app would: add, list, log,
journal, settings, contacts, stats and backup. ``tui/shell.py`` has the ones that do
what the board does, and import and export."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import TextIO

from store import (
    Stage,
    Store,
    people,
    progress,
)
from store.board import days_in_stage, parse_date
from store.journal import MOOD_GLYPHS
from store.what_works import Dimension, diagnosis_lever, groups, lever
from tui import shell
from tui.widgets.safe_text import printable
from tui.wording import counted

EXIT_OK = 0
EXIT_DATA_PROBLEM = 2


def say(text: str, file: TextIO | None = None) -> None:
    """Print a line for the user. Paths, messages and records may hold any character:
    control characters are shown as their pictures, never sent to the terminal."""
    print(printable(text, keep_newlines=True), file=file or sys.stdout)


def add(store: Store, args: argparse.Namespace) -> int:
    added = store.applications.add(
        company=args.company,
        role=args.role,
        stage=args.stage,
        url=args.url,
        notes=args.note,
        **shell.field_values(args, store.clock().date()),
    )
    say(f"Added {printable(added.company)} — {printable(added.role)} to {added.stage.label}.")
    return EXIT_OK


def list_applications(store: Store, args: argparse.Namespace) -> int:
    applications = store.applications.archived() if args.archived else store.applications.on_board()
    if args.stage:
        applications = [a for a in applications if a.stage.value == args.stage]
    if args.json:
        say(json.dumps([a.model_dump(mode="json") for a in applications], indent=2))
        return EXIT_OK
    now = store.clock()
    order = {stage: n for n, stage in enumerate(Stage)}
    for a in sorted(applications, key=lambda a: order[a.stage]):
        # One line a card, whatever its fields hold: a line break shows as its picture.
        name = f"{printable(a.company)} — {printable(a.role)}"
        say(f"{a.stage.label:<13} {days_in_stage(a, now):>4}d  {name}")
    if not applications:
        say("No applications.", file=sys.stderr)
    return EXIT_OK


def log(store: Store, args: argparse.Namespace) -> int:
    entry = store.journal.add(mood=args.mood, text=" ".join(args.text), tags=args.tag)
    say(f"Logged: {entry.mood.label}.")
    return EXIT_OK


def journal(store: Store, args: argparse.Namespace) -> int:
    now = store.clock()
    entries = store.journal.entries()
    if args.since:
        try:
            since = parse_date(args.since, now.date())
        except ValueError as error:
            say(f"bounceback journal: --since: {error}", file=sys.stderr)
            return EXIT_DATA_PROBLEM
        if since is not None:
            entries = [e for e in entries if e.at.astimezone(now.tzinfo).date() >= since]
    if args.json:
        say(json.dumps([e.model_dump(mode="json") for e in entries], indent=2))
        return EXIT_OK
    for e in entries:
        at = e.at.astimezone(now.tzinfo)
        first = (e.text or e.negative_thought or e.reframe).strip().splitlines()
        line = first[0] if first else ""
        say(f"{at:%Y-%m-%d %H:%M}  {MOOD_GLYPHS[e.mood]} {e.mood.label:<5}  {line}")
    if not entries:
        say("No journal entries.", file=sys.stderr)
    return EXIT_OK


def settings(store: Store, args: argparse.Namespace) -> int:
    if args.stale_after_days is not None:
        store.settings.update(stale_after_days=args.stale_after_days)
    if args.news_after_days is not None:
        store.settings.update(news_after_days=args.news_after_days)
    settings = store.settings.get()
    say(f"stale after days: {settings.stale_after_days}")
    say(f"news after days:  {settings.news_after_days}")
    say(f"theme:            {settings.theme}")
    return EXIT_OK


def contacts(store: Store, args: argparse.Namespace) -> int:
    now = store.clock()
    contacts = [c for c in store.people.contacts() if not args.due or people.is_due(c, now)]
    if args.json:
        say(json.dumps([c.model_dump(mode="json") for c in contacts], indent=2))
        return EXIT_OK
    for c in contacts:
        last = people.last_contacted(c)
        when = f"{last.astimezone(now.tzinfo):%Y-%m-%d}" if last else "never"
        due = "  due" if people.is_due(c, now) else ""
        company = f"  {printable(c.company)}" if c.company else ""
        say(f"{printable(c.name):<24} {c.kind.label:<16} last {when}{due}{company}")
    if not contacts:
        say("Nobody is due a message." if args.due else "No contacts yet.", file=sys.stderr)
    return EXIT_OK


def what_works(store: Store, by: Dimension, as_json: bool) -> int:
    found = groups(store.goals.activity().applications, by)
    named = lever(found)
    if as_json:
        rows = [{**asdict(g), "enough": g.enough} for g in found]
        sentence = named.sentence(by) if named else None
        print(json.dumps({"by": by.value, "groups": rows, "lever": sentence}, indent=2))
        return EXIT_OK
    print(f"What works, by {by.label}")
    if not found:
        print("  Nothing sent with one yet.")
    for g in found:
        share = f"{g.answer_rate:.0%} answered" if g.enough else "too early to tell"
        print(f"  {printable(g.name):<24} {g.answered} of {g.sent} answered, "
              f"{g.interviewed} interviewed  ({share})")  # fmt: skip
    if named is not None:
        print(f"\n{printable(named.sentence(by))}.")
    elif found:
        print(f"\nNo {by.label} stands out yet beyond what chance could explain.")
    return EXIT_OK


def stats(store: Store, args: argparse.Namespace) -> int:
    if args.by:
        return what_works(store, Dimension(args.by), args.json)
    now = store.clock()
    activity = store.goals.activity()
    if args.json:
        say(json.dumps(progress.summary(activity, store.goals.all(), now), indent=2))
        return EXIT_OK
    say("Goals")
    goals = store.goals.progress()
    if not goals:
        say("  None switched on: press g on the Progress pane of the app.")
    for p in goals:
        left = f"{counted(p.days_left, 'day')} left"
        state = "on target" if p.met else left
        period = p.goal.period.value
        streak = f", {p.streak} {period}s in a row" if p.streak > 1 else ""
        say(f"  {p.name:<26} {p.done:>5} of {p.goal.target:<5} this {period}"
              f"  ({state}{streak})")  # fmt: skip
    everything = progress.funnel(activity.applications, now)
    for days in (None, 90, 30):
        f = progress.funnel(activity.applications, now, days)
        span = "all time" if days is None else f"last {days} days"
        say(f"\nFunnel, {span}")
        say(f"  applied {f.applied}, answered {f.responses}, interviewed {f.interviews}, "
              f"offers {f.offers}")  # fmt: skip
    say("")
    if not progress.enough_for_diagnosis(everything):
        needed = progress.MIN_APPLIED_FOR_DIAGNOSIS - everything.applied
        say(f"Too early to say where the search is stuck: {counted(needed, 'more application')}.")
    elif findings := everything.findings(diagnosis_lever(activity.applications)):
        for finding in findings:
            say(f"{finding.title}. {finding.advice}")
    else:
        say("Nothing stands out as stuck. Keep going: the numbers are on your side.")
    noes = progress.rejections_total(activity.applications)
    say(f"\n{noes} “no”s collected, each one a step closer to a yes.")
    if per := everything.applications_per(everything.interviews):
        say(f"About 1 in {per} of your applications leads to an interview.")
    return EXIT_OK


def backup(store: Store, args: argparse.Namespace) -> int:
    if args.list:
        for backup in store.backups():
            size = backup.path.stat().st_size
            when = f"{backup.taken_at:%Y-%m-%d %H:%M:%S} UTC"
            say(f"{when}  {backup.tag:<18} {size:>9,} B  {backup.path}")
        return EXIT_OK
    taken = store.backup()
    say(f"Backed up to {taken.path}")
    return EXIT_OK


COMMANDS = {
    "add": add,
    "list": list_applications,
    "log": log,
    "journal": journal,
    "settings": settings,
    "backup": backup,
    "stats": stats,
    "contacts": contacts,
}
"""The commands of this module, by their name on the command line."""
