"""The break timer: its state, its commands and the sessions it records."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import ValidationError

from store import timer
from store.errors import InvalidInput
from store.file.tables import SETTINGS, TIMER
from store.models import Settings, TimerSession, TimerSettings, TimerState
from store.repository.core import Core, friendly_errors, validated

Command = Callable[[TimerState, TimerSettings, datetime], timer.Step]


class TimerRepository:
    def __init__(self, core: Core) -> None:
        self._core = core

    def state(self) -> TimerState:
        """The timer as last saved; ``timer.advance`` brings it up to the clock."""
        return self._core.singleton(TIMER, TimerState)

    def sessions(self) -> list[TimerSession]:
        """Oldest first."""
        return self._core.in_order(TimerSession)

    def _step(self, command: Command) -> timer.Step:
        """Run a timer command on the state as it is on disk now, under the lock.

        The state and the records of the phases that ended are written together; two
        sessions that see the same phase end record it once, because the second one
        finds it already done.
        """
        core = self._core
        with core.transaction() as changes:
            state = core.stored_singleton(TIMER, TimerState)
            settings = core.stored_singleton(SETTINGS, Settings)
            step = command(state, settings.timer, core.clock())
            if step.state != state:
                core.write_singleton(TIMER, step.state)
            for session in step.sessions:
                core.insert(changes, session)
        return step

    def tick(self) -> timer.Step:
        """Record the phases that have run out (writes only when one has)."""
        return self._step(timer.advance)

    def toggle(self) -> timer.Step:
        """Start, pause or resume."""
        return self._step(timer.toggle)

    def skip(self) -> timer.Step:
        return self._step(timer.skip)

    def reset(self) -> timer.Step:
        return self._step(timer.reset)

    def adjust(self, minutes: int) -> timer.Step:
        return self._step(lambda state, settings, now: timer.adjust(state, settings, now, minutes))

    def label(self, label: str) -> timer.Step:
        def relabel(state: TimerState, settings: TimerSettings, now: datetime) -> timer.Step:
            try:
                return timer.Step(timer.relabel(state, label))
            except ValidationError as error:
                raise InvalidInput(friendly_errors(error)) from None

        return self._step(relabel)

    def add_session(self, **fields: Any) -> TimerSession:
        return self._core.add(validated(TimerSession, fields))

    def record_recharge(self, session_id: UUID, text: str) -> TimerSession:
        """What the user actually did in a break."""
        session = self._core.get(TimerSession, session_id)
        return self._core.save(session.model_copy(update={"recharge": text}))
