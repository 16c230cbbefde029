"""The break and recharge timer."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Self

from pydantic import AwareDatetime, Field, model_validator

from store.models.base import Model, Record, RequiredText, ShortText


class TimerKind(StrEnum):
    FOCUS = "focus"
    SHORT_BREAK = "short_break"
    LONG_BREAK = "long_break"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def is_break(self) -> bool:
        return self is not TimerKind.FOCUS


class TimerSession(Record):
    """One finished or cut-short focus block or break."""

    kind: TimerKind
    label: ShortText = ""
    started_at: AwareDatetime
    planned_seconds: int = Field(gt=0)
    actual_seconds: int = Field(ge=0)
    completed: bool
    recharge: ShortText = ""
    """What the user actually did in a break."""


DEFAULT_RECHARGE_IDEAS: tuple[str, ...] = (
    "Take a ten-minute walk, and leave the phone behind.",
    "Stand up and stretch: back, shoulders, neck.",
    "Drink a glass of water.",
    "Call or message someone who is on your side.",
    "Step outside for fresh air and daylight.",
    "Spend the break on a hobby you enjoy.",
    "Make a cup of tea and drink it away from the screen.",
    "Look out of a window at something far away.",
    "Put on a song you love, loud.",
    "Tidy one small thing near you.",
)


class TimerSettings(Model):
    focus_minutes: int = Field(default=25, ge=1, le=240)
    short_break_minutes: int = Field(default=5, ge=1, le=120)
    long_break_minutes: int = Field(default=15, ge=1, le=240)
    long_break_every: int = Field(default=4, ge=1, le=12)
    auto_start_break: bool = True
    auto_start_focus: bool = False
    """Off by default: starting work is a conscious choice."""
    daily_focus_target: int = Field(default=6, ge=1, le=30)
    recharge_ideas: Annotated[tuple[RequiredText, ...], Field(max_length=100)] = (
        DEFAULT_RECHARGE_IDEAS
    )
    """What a break suggests; the user edits the list."""


class TimerStatus(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"


class TimerState(Model):
    """The running timer, as wall-clock facts rather than ticks.

    Any session, in any process, computes the same remaining time from these, and
    they change only when the user acts or a phase ends: never once a second.
    """

    phase: TimerKind = TimerKind.FOCUS
    status: TimerStatus = TimerStatus.READY
    planned_seconds: int = Field(default=25 * 60, ge=60, le=240 * 60)
    """This phase's length, with the user's +/- adjustments."""
    started_at: AwareDatetime | None = None
    """When this phase was first started (it may have been paused since)."""
    running_since: AwareDatetime | None = None
    """The latest start or resume; None while paused or ready."""
    elapsed_before: float = Field(default=0.0, ge=0)
    """Seconds run before ``running_since``."""
    previous_ended_at: AwareDatetime | None = None
    """Set when the previous phase ran out and this one waits to be started: overtime."""
    focus_in_cycle: int = Field(default=0, ge=0)
    """Focus blocks finished since the last long break."""
    label: ShortText = ""
    """What the focus blocks are for; it stays for the next block."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        running = self.status is TimerStatus.RUNNING
        if running != (self.running_since is not None):
            raise ValueError("running_since is set exactly when the timer runs")
        if (self.status is TimerStatus.READY) != (self.started_at is None):
            raise ValueError("started_at is set exactly when the phase has started")
        return self
