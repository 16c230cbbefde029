"""Goals, the progress towards them, and the wins worth celebrating."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from typing import Any

from store import board, progress, wins
from store.errors import ConflictError
from store.file.disk import Signature
from store.file.tables import SETTINGS, TABLES
from store.models import SHORT_TEXT_MAX, Goal, Settings, Win
from store.repository.core import Changes, Core, dump, validated

WINS = TABLES[Win]


class GoalRepository:
    def __init__(self, core: Core) -> None:
        self._core = core

    def all(self) -> list[Goal]:
        return list(self._core.records(Goal).values())

    def add(self, **fields: Any) -> Goal:
        return self._core.add(validated(Goal, fields))

    def update(self, edited: Goal) -> Goal:
        """Save an edited goal; raises ``ConflictError`` if it changed meanwhile."""
        return self._core.save(edited)

    def update_all(self, edited: Iterable[Goal]) -> list[Goal]:
        """Save several goals together, or none: each must still be as it was read."""
        checked = [validated(Goal, goal.model_dump()) for goal in edited]
        saved = []
        with self._core.transaction() as changes:
            for goal in checked:
                doc_id, current = self._core.fresh(Goal, goal.id)
                if current.rev != goal.rev:
                    raise ConflictError(current)
                if current != goal:
                    goal = goal.model_copy(update={"rev": current.rev + 1})
                    self._core.replace(changes, doc_id, goal)
                saved.append(goal)
        return saved

    def ensure_defaults(self) -> list[Goal]:
        """Set up the default goals once, on a file that has never had any."""
        with self._core.transaction() as changes:
            if self._core.stored(TABLES[Goal]):
                return []
            goals = [
                Goal(metric=metric, target=target, period=period)
                for metric, target, period in progress.DEFAULT_GOALS
            ]
            for goal in goals:
                self._core.insert(changes, goal)
        return goals

    def activity(self) -> progress.Activity:
        """What the goals, the funnel and the wins count: everything, the archive included."""
        return self._core.activity()

    def progress(self) -> list[progress.GoalProgress]:
        """Each goal switched on, as far as it is this period, with its streak."""
        now, counted, memo = self._core.clock(), self.activity(), self._core.progress_memo
        won = list(self._core.records(Win).values())
        return [
            progress.goal_progress(g, counted, now, memo, wins.periods_on_target(g.id, won))
            for g in self.all()
            if g.active
        ]


class WinRepository:
    def __init__(self, core: Core) -> None:
        self._core = core
        self._looked_at: Signature | None = None
        """The file last looked at for wins."""
        self._untold: list[Win] = []
        """Wins recorded with a change this session saved, for ``recognise`` to return."""
        self._told: set[str | None] = set()
        """The events of the wins returned: one earned again (a card sent, taken back
        and sent again) is recorded again, but is not news."""

    def all(self) -> list[Win]:
        """Newest first."""
        return self._core.in_order(Win)

    def add(self, text: str, *, event_key: str | None = None) -> Win:
        """Record a win; a win for an event already celebrated is returned, not repeated."""
        win = validated(Win, {"at": self._core.clock(), "text": text, "event_key": event_key})
        with self._core.transaction() as changes:
            if event_key is not None:
                for stored in self._core.stored(WINS).values():
                    if stored.get("event_key") == event_key:
                        return validated(Win, stored)
            self._core.insert(changes, win)
        return win

    def recognise(self) -> list[Win]:
        """Record the wins the data shows that were not recorded yet; returns the new ones
        (and those recorded with a change saved by ``saved_with`` since the last call).

        A win recognised moments ago whose event the data no longer shows (the move
        that earned it was undone or reversed) is taken back, quietly.

        Cheap when nothing changed (one ``stat``). Each event has a key, so a win is
        never recorded twice, not even by two sessions seeing it at the same moment.
        """
        core = self._core
        signature = core.storage.stat_signature()
        if signature != self._looked_at:
            now = core.clock()
            settings = core.singleton(SETTINGS, Settings)
            events = self._events(core.activity(), settings, now)
            shown = {event.key for event in events}
            if self._anything_to_record(shown, now):
                with core.transaction() as changes:
                    added = self._record(changes, events, shown, now)
                self._untold += added
                signature = core.storage.stat_signature()
            self._looked_at = signature
        told = [win for win in self._untold if win.event_key not in self._told]
        self._untold = []
        self._told.update(win.event_key for win in told)
        return told

    @contextlib.contextmanager
    def saved_with(self) -> Iterator[Changes]:
        """A transaction whose changes to the applications bring their wins (and take
        back those they took away) in the same save, instead of a second save at the
        next look; ``recognise`` returns them."""
        core, added = self._core, None
        with core.transaction() as changes:
            yield changes
            if core.models_as_read():  # else the next look, at the file as it is, does it
                now = core.clock()
                settings = core.stored_singleton(SETTINGS, Settings)
                events = self._events(core.activity(changes), settings, now)
                shown = {event.key for event in events}
                added = []
                if self._anything_to_record(shown, now):
                    added = self._record(changes, events, shown, now)
        if added is not None:
            self._untold += added
            self._looked_at = core.models_signature  # the file just written, looked at

    def _events(
        self, activity: progress.Activity, settings: Settings, now: datetime
    ) -> list[wins.WinEvent]:
        core = self._core
        return core.win_finder.events(
            activity,
            list(core.records(Goal).values()),
            now,
            daily_focus_target=settings.timer.daily_focus_target,
        )

    def _anything_to_record(self, shown: set[str], now: datetime) -> bool:
        """Whether a win is new or to be taken back (``shown``: the events' keys), from
        the models: when none is, no need to take the lock and re-read the file. In no
        order: a move changes the wins table, and sorting it again cost more than the
        rest of the look."""
        recorded = self._core.records(Win).values()
        known = {win.event_key for win in recorded}
        if not shown <= known:
            return True
        gone = known - shown
        gone.discard(None)
        return any(_taken_back(win, shown, now) for win in recorded if win.event_key in gone)

    def _record(
        self, changes: Changes, events: list[wins.WinEvent], shown: set[str], now: datetime
    ) -> list[Win]:
        """Inside a transaction: take back the wins whose events are gone, record the new
        ones (``shown``: the events' keys); returns those recorded."""
        core = self._core
        for doc_id, doc in list(core.stored(WINS).items()):
            key = doc.get("event_key")
            if key is None or (isinstance(key, str) and key.strip() in shown):
                continue  # its event is still shown (or it has none): never taken back
            win = validated(Win, doc)
            if _taken_back(win, shown, now):
                core.remove(changes, Win, doc_id, win.id)
                # Not news any more (a move put right before the win was told).
                self._untold = [told for told in self._untold if told.id != win.id]
        seen = {doc.get("event_key") for doc in core.stored(WINS).values()}
        added: list[Win] = []
        for event in wins.oldest_first((e for e in events if e.key not in seen), now):
            if event.key not in seen:
                seen.add(event.key)
                text = event.text[:SHORT_TEXT_MAX]
                added.append(Win(at=event.at, text=text, event_key=event.key))
        if added:
            # One insert for all: a first look at years of data finds thousands.
            core.insert_documents(WINS, [dump(win) for win in added])
            changes.setdefault(WINS, {}).update({win.id: win for win in added})
        return added


def _taken_back(win: Win, shown: set[str], now: datetime) -> bool:
    """A win recognised from an event the records no longer show, within moments of it."""
    return (
        win.event_key is not None
        and win.event_key not in shown
        and timedelta(0) <= now - win.at <= board.TAKEN_BACK_WITHIN
    )
