"""The Timer pane: focused search blocks and real breaks, with an idea for recharging."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import ClassVar
from uuid import UUID

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Digits, ProgressBar, Static

from store import StoreError, TimerKind, TimerSession
from store.journal import reframes
from store.models import TimerSettings, TimerState, TimerStatus
from store.timer import (
    FOCUS_LABELS,
    advance,
    elapsed,
    focus_blocks_on,
    focus_until_long_break,
    next_phase,
    overtime,
    pick,
    remaining,
)
from tui.panes.base import FILE_FAULTS, Pane
from tui.panes.timer_badge import clock_face
from tui.widgets.safe_text import printable
from tui.wording import counted


def phase_name(state: TimerState) -> str:
    name = state.phase.label
    if state.phase is TimerKind.FOCUS and state.label:
        name = f"Focus · {printable(state.label)}"
    if state.previous_ended_at is not None:
        was = "Break over" if state.phase is TimerKind.FOCUS else "Focus block done"
        return f"{was} · next: {name}"
    return name


def noun(kind: TimerKind) -> str:
    return "focus block" if kind is TimerKind.FOCUS else kind.label.lower()


def last_break(sessions: list[TimerSession]) -> TimerSession | None:
    return next((s for s in reversed(sessions) if s.kind.is_break), None)


KEYS_HINT = "s skip · r reset · +/- a minute · l label · d what you did · c settings"


class TimerPane(Pane):
    PANE_ID = "timer"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "start_pause", "Start/Pause", id="timer.toggle",
                tooltip="Start, pause or resume the timer"),
        Binding("s", "skip", "Skip", id="timer.skip", tooltip="End this phase, go to the next"),
        Binding("r", "reset", "Reset", id="timer.reset",
                tooltip="Back to the start of this phase (twice: a new cycle)"),
        Binding("plus,equals_sign", "adjust(1)", "+1 min", key_display="+", show=False,
                id="timer.longer", tooltip="One minute more"),
        Binding("minus", "adjust(-1)", "-1 min", key_display="-", show=False, id="timer.shorter",
                tooltip="One minute less"),
        Binding("l", "label", "Label", id="timer.label",
                tooltip="What this focus block is for"),
        Binding("d", "recharged", "Did", show=False, id="timer.recharged",
                tooltip="Note what you did in your last break"),
        Binding("c", "settings", "Settings", id="timer.settings",
                tooltip="Timer lengths, auto-start and the recharge ideas"),
    ]  # fmt: skip

    REFRESH_SECONDS = 1.0

    class Changed(Message):
        """The user changed the timer: the header and the other sessions catch up."""

    def compose(self) -> ComposeResult:
        with Vertical(id="timer-face"):
            yield Static(id="timer-phase")
            yield Digits(id="timer-digits")
            yield ProgressBar(show_eta=False, show_percentage=False, id="timer-bar")
            yield Static(id="timer-status")
            yield Static(KEYS_HINT, id="timer-keys")
            yield Static(id="timer-today")
            yield Static(id="timer-recharge")
            yield Static(id="timer-encouragement")
            yield Static(id="timer-last-break")

    def on_mount(self) -> None:  # then Textual runs Pane.on_mount, which shows the timer
        self.set_interval(self.REFRESH_SECONDS, self._tick)

    def _tick(self) -> None:
        if self.region.area:  # on screen: a hidden pane is redrawn when it is shown
            # A file fault: the app tells the user once; the face stays as it was.
            with contextlib.suppress(*FILE_FAULTS):
                self.reload()

    def shown(self) -> None:
        self.reload()

    # --- state -> widgets -------------------------------------------------------------

    def reload(self, select: UUID | None = None) -> None:
        """Draw the timer as of now; reads only (the app records phase ends)."""
        now = self.store.clock()
        settings = self.store.settings.get().timer
        state = advance(self.store.timer.state(), settings, now).state
        sessions = self.store.timer.sessions()
        late = overtime(state, now)
        kind = "overtime" if late is not None else "break" if state.phase.is_break else "focus"
        for name in ("focus", "break", "overtime"):
            self.set_class(kind == name, f"-{name}")

        self.query_one("#timer-phase", Static).update(Text(phase_name(state), style="bold"))
        face = f"+{clock_face(late)}" if late is not None else clock_face(remaining(state, now))
        self.query_one("#timer-digits", Digits).update(face)
        self.query_one("#timer-bar", ProgressBar).update(
            total=state.planned_seconds, progress=min(elapsed(state, now), state.planned_seconds)
        )
        self.query_one("#timer-status", Static).update(self._status(state, settings))
        self.query_one("#timer-today", Static).update(self._today(state, settings, sessions, now))

        in_break = state.phase.is_break and state.status is not TimerStatus.READY
        idea = pick(settings.recharge_ideas, state.started_at) if in_break else None
        recharge = self.query_one("#timer-recharge", Static)
        recharge.update(Text.assemble(("Recharge: ", "bold"), printable(idea or "")))
        recharge.display = idea is not None
        kind_words = self._encouragement(state) if in_break else None
        encouragement = self.query_one("#timer-encouragement", Static)
        encouragement.update(Text(f"“{printable(kind_words or '')}”", style="italic"))
        encouragement.display = kind_words is not None

        previous = last_break(sessions)
        note = self.query_one("#timer-last-break", Static)
        note.display = previous is not None and not in_break
        if previous is not None:
            minutes = max(1, round(previous.actual_seconds / 60))
            if previous.recharge:
                note.update(Text(f"Your last break: {minutes} min, {printable(previous.recharge)}"))
            else:
                note.update(Text(f"Your last break: {minutes} min. What did you do? Press d."))

    def _status(self, state: TimerState, settings: TimerSettings) -> Text:
        this, following = noun(state.phase), noun(next_phase(state, settings))
        if state.status is TimerStatus.RUNNING:
            line = f"Running, then a {following}. Space pauses."
        elif state.status is TimerStatus.PAUSED:
            line = "Paused. Space resumes."
        elif state.previous_ended_at is not None:
            was = "break" if state.phase is TimerKind.FOCUS else "focus block"
            line = f"Your {was} is over. Space starts the {this}."
        else:
            line = f"Ready. Space starts the {this}."
        return Text(line)

    def _today(
        self,
        state: TimerState,
        settings: TimerSettings,
        sessions: list[TimerSession],
        now: datetime,
    ) -> Text:
        done, target = focus_blocks_on(sessions, now), settings.daily_focus_target
        dots = "●" * min(done, target) + "○" * max(0, target - done)
        text = Text.assemble(
            ("Today ", "bold"), dots, f"  {done} of {counted(target, 'focus block')}"
        )
        if done >= target:
            text.append(" · target reached: well done", style="bold")
        if state.phase is TimerKind.FOCUS:
            more = focus_until_long_break(state, settings)
            text.append(f" · long break after {more} more" if more > 1 else " · long break next")
        return text

    def _encouragement(self, state: TimerState) -> str | None:
        """One of the user's own affirmations or reframes, when they have written any."""
        own = [a.text for a in self.store.affirmations.all()] + reframes(
            self.store.journal.entries()
        )
        return pick(own, state.started_at)

    # --- actions ----------------------------------------------------------------------

    def _run(self, command: Callable[[], object]) -> bool:
        """Whether it was saved (a failure is told)."""
        try:
            command()
        except StoreError as error:
            self.app.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        finally:
            self.reload()
            self.post_message(self.Changed())
        return True

    def action_start_pause(self) -> None:
        self._run(self.store.timer.toggle)

    def action_skip(self) -> None:
        self._run(self.store.timer.skip)

    def action_reset(self) -> None:
        self._run(self.store.timer.reset)

    def action_adjust(self, minutes: int) -> None:
        self._run(lambda: self.store.timer.adjust(minutes))

    def action_label(self) -> None:
        from tui.dialogs.text_prompt import TextPrompt

        def chosen(label: str | None) -> None:
            if label is not None:
                self._run(lambda: self.store.timer.label(label))

        self.app.push_screen(
            TextPrompt(
                "What is this focus block for?",
                placeholder=", ".join(FOCUS_LABELS) + " — or your own",
                note="Learning blocks count toward the learning goal on Progress. "
                "Empty clears the label.",
                value=self.store.timer.state().label,
            ),
            chosen,
        )

    def action_recharged(self) -> None:
        from tui.dialogs import ask_until_saved
        from tui.dialogs.text_prompt import TextPrompt

        previous = last_break(self.store.timer.sessions())
        if previous is None:
            self.app.notify("No break yet: take one first.", timeout=4, markup=False)
            return

        def note(text: str) -> bool:
            return self._run(lambda: self.store.timer.record_recharge(previous.id, text))

        suggestion = pick(self.store.settings.get().timer.recharge_ideas, previous.started_at)

        def prompt(text: str | None) -> TextPrompt:
            return TextPrompt(
                "What did you do in your break?",
                placeholder="a walk, a call, nothing at all…",
                note="Knowing what recharges you helps you pick it next time.",
                value=previous.recharge or suggestion or "" if text is None else text,
                replace_value=text is None,
            )

        ask_until_saved(self.app, prompt, note)

    def action_settings(self) -> None:
        from tui.dialogs.timer_settings import TimerSettingsForm

        def saved(settings: TimerSettings | None) -> None:
            if settings is not None:
                self.reload()
                self.post_message(self.Changed())

        self.app.push_screen(TimerSettingsForm(self.store), saved)
