"""Rules of the board that need no storage: time in a stage, staleness, due dates, search."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import TypeVar

from store.models import Application, Rejection, Stage, StageChange

K = TypeVar("K")

TAKEN_BACK_WITHIN = timedelta(minutes=10)
"""A move reversed this soon was a slip (``L`` then ``H``): it leaves no trace in the
history, and a win it alone earned is taken back."""

_RELATIVE = re.compile(r"^([+-])\s*(\d{1,4})\s*([dw])$")


def parse_date(text: str, today: date) -> date | None:
    """A date as people type it: ``2026-03-20``, ``today``, ``yesterday``, ``tomorrow``,
    ``+3d``, ``-1w``. Blank means no date. Raises ``ValueError`` with a message for the user.
    """
    value = text.strip().lower()
    if not value:
        return None
    named = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if value in named:
        return today + timedelta(days=named[value])
    if match := _RELATIVE.match(value):
        sign, amount, unit = match.groups()
        days = int(amount) * (7 if unit == "w" else 1)
        return today + timedelta(days=days if sign == "+" else -days)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError("use YYYY-MM-DD, today, yesterday, tomorrow, or +3d / -1w") from None


def days_in_stage(application: Application, now: datetime) -> int:
    """Calendar days in the stage, in the zone of ``now``: moved yesterday at 23:00 is one
    day by 08:00 today."""
    since = application.stage_since.astimezone(now.tzinfo).date()
    return max(0, (now.date() - since).days)


def is_stale(application: Application, now: datetime, after_days: int) -> bool:
    """Applied, and nothing has happened for ``after_days``: likely ghosted."""
    return application.stage is Stage.APPLIED and days_in_stage(application, now) >= after_days


def next_action_due(application: Application, today: date) -> bool:
    """The next action is due today or overdue, on a card still in play: a rejected,
    ghosted or archived one has nothing left to chase."""
    if application.stage is Stage.REJECTED or application.archived is not None:
        return False
    return application.next_action_due is not None and application.next_action_due <= today


def matches(application: Application, query: str) -> bool:
    """Case-insensitive search across company, role, tags, notes and the posting; every
    word must match."""
    a = application
    haystack = " ".join((a.company, a.role, " ".join(a.tags), a.notes, a.posting)).casefold()
    return all(word in haystack for word in query.casefold().split())


def stage_before_rejection(application: Application) -> Stage:
    """How far an application got: the last pipeline stage in its history."""
    for change in reversed(application.history):
        if change.stage is not Stage.REJECTED:
            return change.stage
    return Stage.APPLIED


def feedback_request(application: Application, contact_name: str = "") -> str:
    """A short, polite request for feedback after a rejection, ready to send."""
    greeting = f"Dear {contact_name}," if contact_name else "Hello,"
    return (
        f"{greeting}\n\n"
        f"Thank you for considering me for the {application.role} role at "
        f"{application.company}, and for letting me know your decision.\n\n"
        "I am working to improve, and I would be grateful for any feedback on my "
        "application or interviews — even a sentence or two would help me a great deal.\n\n"
        "Thank you for your time, and I hope our paths cross again.\n"
    )


def top_position(positions: Iterable[float]) -> float:
    """A position above every one of ``positions``: where a card lands in a column."""
    return min(positions, default=1.0) - 1.0


def moved(current: Application, stage: Stage, now: datetime, position: float) -> Application:
    """``current`` moved to ``stage``: history, rejection record and column position.

    Moving to Rejected starts a rejection record with the stage it reached; moving out
    of Rejected removes it. Moving straight back within ``TAKEN_BACK_WITHIN`` removes
    the last move from the history instead of adding one.
    """
    rejection = None
    if stage is Stage.REJECTED:
        rejection = current.rejection or Rejection(reached=stage_before_rejection(current))
    history = current.history
    if _takes_back(current, stage, now):
        history = history[:-1]
    else:
        history = (*history, StageChange(stage=stage, at=now))
    return current.model_copy(
        update={
            "stage": stage,
            "history": history,
            "rejection": rejection,
            "position": position,
            "rev": current.rev + 1,
            "updated_at": now,
        }
    )


def _takes_back(current: Application, stage: Stage, now: datetime) -> bool:
    """Whether moving ``current`` to ``stage`` reverses its last move, made moments ago."""
    history = current.history
    return (
        len(history) >= 2
        and history[-1].stage is current.stage
        and history[-2].stage is stage
        and timedelta(0) <= now - history[-1].at <= TAKEN_BACK_WITHIN
    )


def reordered(column: Sequence[tuple[K, float]], moving: K, offset: int) -> dict[K, float]:
    """The new positions of the cards that change place when ``moving`` goes ``offset``
    places up (negative) or down in ``column`` (``(card, position)`` in column order).

    The column keeps its set of positions, so only the cards that changed place move;
    positions that tie are first spread out as 0, 1, 2…
    """
    cards = [card for card, _ in column]
    index = cards.index(moving)
    target = min(max(index + offset, 0), len(cards) - 1)
    if target == index:
        return {}
    cards.insert(target, cards.pop(index))
    positions = [position for _, position in column]
    if len(set(positions)) < len(positions):
        positions = [float(n) for n in range(len(positions))]
    before = dict(column)
    return {
        card: position
        for card, position in zip(cards, positions, strict=True)
        if before[card] != position
    }
