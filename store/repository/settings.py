"""The search's settings, kept in the data file."""

from __future__ import annotations

from typing import Any

from store import timer
from store.file.tables import SETTINGS, SINGLETON_ID, TIMER
from store.models import Settings, TimerSettings, TimerState
from store.repository.core import Core, validated


class SettingsRepository:
    def __init__(self, core: Core) -> None:
        self._core = core

    def get(self) -> Settings:
        return self._core.singleton(SETTINGS, Settings)

    def update(self, **changes: Any) -> Settings:
        """Change settings; new timer lengths apply at once to a phase not yet started."""
        core = self._core
        with core.transaction():
            # Strict here: saving over a damaged settings record would lose the rest of it.
            stored = core.stored(SETTINGS).get(str(SINGLETON_ID))
            current = validated(Settings, stored) if stored is not None else Settings()
            settings = validated(Settings, {**current.model_dump(), **changes})
            core.write_singleton(SETTINGS, settings)
            state = core.stored_singleton(TIMER, TimerState)
            if (adjusted := timer.with_settings(state, settings.timer)) != state:
                core.write_singleton(TIMER, adjusted)
        return settings

    def update_timer(self, **fields: Any) -> TimerSettings:
        """Change the timer's settings; errors name the timer's own fields."""
        current = self.get().timer
        timer_settings = validated(TimerSettings, {**current.model_dump(), **fields})
        return self.update(timer=timer_settings).timer
