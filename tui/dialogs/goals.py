"""The goals: a target and a period for each metric, on or off, and a rest period."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Select, Static

from store import ConflictError, Goal, Period, Store, StoreError
from store.progress import METRIC_NAMES, period_start
from tui.dialogs import heading, show_field_errors
from tui.dialogs.form import Form
from tui.widgets.check_box import CheckBox
from tui.widgets.safe_fields import SafeInput

PERIODS = [("a week", Period.WEEK), ("a month", Period.MONTH)]
MAX_TARGET = 100_000


class GoalsForm(Form[bool | None]):
    """Dismisses with True when goals were saved."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        order = list(METRIC_NAMES)
        self.goals = sorted(store.goals.all(), key=lambda g: order.index(g.metric))

    def compose(self) -> ComposeResult:
        today = self.store.clock().date()
        with Vertical(classes="dialog", id="goals-form"):
            yield from heading(
                "Your goals",
                "Specific, small and yours: a target you can meet beats one you miss. "
                "Rest marks this period as a rest: it does not break a streak.",
            )
            with VerticalScroll(classes="dialog-body"):
                for goal in self.goals:
                    resting = period_start(goal.period, today) in goal.rest_periods
                    with Horizontal(classes="goal-row"):
                        yield CheckBox(
                            METRIC_NAMES[goal.metric],
                            goal.active,
                            compact=True,
                            id=f"field-{goal.id}-active",
                            classes="goal-active",
                        )
                        yield SafeInput(
                            str(goal.target),
                            type="integer",
                            compact=True,
                            id=f"field-{goal.id}-target",
                            classes="goal-target",
                        )
                        yield Select(
                            PERIODS,
                            value=goal.period,
                            allow_blank=False,
                            compact=True,
                            id=f"field-{goal.id}-period",
                            classes="goal-period",
                        )
                        yield CheckBox("rest", resting, compact=True, id=f"field-{goal.id}-rest")
                    yield Static(classes="field-error", id=f"error-{goal.id}-target")
            yield from self.form_end()

    def on_mount(self) -> None:
        if self.goals:
            self.query_one(f"#field-{self.goals[0].id}-target").focus()

    def _edited(self, goal: Goal) -> tuple[Goal, str | None]:
        """The goal as the form shows it, or what is wrong with it."""
        prefix = f"#field-{goal.id}"
        period = self.query_one(f"{prefix}-period", Select).value
        assert isinstance(period, Period)
        start = period_start(period, self.store.clock().date())
        rest = set(goal.rest_periods) - {start}
        if self.query_one(f"{prefix}-rest", Checkbox).value:
            rest.add(start)
        text = self.query_one(f"{prefix}-target", Input).value.strip()
        target = int(text) if text.isdigit() else 0
        if not 0 < target <= MAX_TARGET:
            problem = f"{METRIC_NAMES[goal.metric]}: the target is a whole number from 1 to 100,000"
            return goal, problem
        edited = goal.model_copy(
            update={
                "active": self.query_one(f"{prefix}-active", Checkbox).value,
                "target": target,
                "period": period,
                "rest_periods": tuple(sorted(rest)),
            }
        )
        return edited, None

    def action_save(self) -> None:
        errors = {}
        edited = []
        for goal in self.goals:
            candidate, problem = self._edited(goal)
            if problem:
                errors[f"{goal.id}-target"] = problem
            edited.append(candidate)
        if errors:
            show_field_errors(self, errors)
            return
        try:
            self.store.goals.update_all(edited)
        except ConflictError:
            show_field_errors(
                self, {"form": "Another session changed your goals. Cancel and open them again."}
            )
            return
        except StoreError as error:
            show_field_errors(self, {"form": str(error)})
            return
        self.dismiss(True)
