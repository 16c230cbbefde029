"""What works: the share of applications that got an answer and reached an interview, by
channel, résumé, cover letter and tag, and the lever the counts can name.

Groups are never ranked by their rates alone. Two groups are compared only when each holds
``MIN_GROUP`` applications and a 95% interval for the difference of their answer rates
(Newcombe's, from two Wilson score intervals) lies wholly above zero.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from math import sqrt

from store.funnel import RANK, applied_at, first_response_at, furthest_stage
from store.models import DEFAULT_CHANNELS, Application, Stage

MIN_GROUP = 8
"""Applications a group needs before its share means anything."""
Z_95 = 1.96

CHANNELS = DEFAULT_CHANNELS
"""Offered as the channel ("Found via") beside the user's own, so channels can be counted."""


def offered_channels(listed: Iterable[str], applications: Iterable[Application]) -> list[str]:
    """The user's list of channels, then those already on applications that it does not
    hold (the last used first): a source typed before the list existed is still a choice,
    and choosing it again counts it with the others."""
    offered = {name.casefold(): name for name in listed}
    newest_first = sorted(applications, key=lambda a: a.created_at, reverse=True)
    for application in newest_first:
        if application.source:
            offered.setdefault(application.source.casefold(), application.source)
    return list(offered.values())


class Dimension(StrEnum):
    SOURCE = "source"
    RESUME = "resume"
    COVER_LETTER = "cover-letter"
    TAG = "tag"

    @property
    def label(self) -> str:
        return DIMENSION_LABELS[self]


DIMENSION_LABELS = {
    Dimension.SOURCE: "channel",
    Dimension.RESUME: "résumé",
    Dimension.COVER_LETTER: "cover letter",
    Dimension.TAG: "tag",
}

_NAMES: dict[Dimension, Callable[[Application], tuple[str, ...]]] = {
    Dimension.SOURCE: lambda a: (a.source,) if a.source else (),
    Dimension.RESUME: lambda a: (a.resume,) if a.resume else (),
    Dimension.COVER_LETTER: lambda a: (a.cover_letter,) if a.cover_letter else (),
    Dimension.TAG: lambda a: a.tags,
}


@dataclass(frozen=True)
class Group:
    name: str
    sent: int
    answered: int
    interviewed: int

    @property
    def enough(self) -> bool:
        return self.sent >= MIN_GROUP

    @property
    def answer_rate(self) -> float:
        return self.answered / self.sent


def groups(applications: Iterable[Application], by: Dimension) -> list[Group]:
    """Each group's counts, over the applications sent; the largest group first."""
    return _grouped(_outcomes(applications), by)


def every_grouping(applications: Iterable[Application]) -> dict[Dimension, list[Group]]:
    """``groups`` by every dimension, each application's outcome worked out once."""
    outcomes = _outcomes(applications)
    return {by: _grouped(outcomes, by) for by in Dimension}


def _outcomes(applications: Iterable[Application]) -> list[tuple[Application, bool, bool]]:
    """Each application sent, whether it was answered and whether it reached an interview."""
    found = []
    for application in applications:
        if applied_at(application) is None:
            continue
        interviewed = RANK[furthest_stage(application)] >= RANK[Stage.INTERVIEWING]
        answered = interviewed or first_response_at(application) is not None
        found.append((application, answered, interviewed))
    return found


def _grouped(outcomes: list[tuple[Application, bool, bool]], by: Dimension) -> list[Group]:
    counts: dict[str, list[int]] = {}
    names = _NAMES[by]
    for application, answered, interviewed in outcomes:
        for name in names(application):
            count = counts.setdefault(name, [0, 0, 0])
            count[0] += 1
            count[1] += answered
            count[2] += interviewed
    found = [Group(name, *count) for name, count in counts.items()]
    return sorted(found, key=lambda g: (-g.sent, g.name.casefold()))


def wilson(successes: int, trials: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a share: honest for small counts and for 0 or all."""
    p = successes / trials
    spread = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / spread
    half = z * sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / spread
    return centre - half, centre + half


def clearly_more(better: Group, worse: Group) -> bool:
    """Whether ``better``'s answer rate is above ``worse``'s beyond what chance explains."""
    if not (better.enough and worse.enough):
        return False
    p1, p2 = better.answer_rate, worse.answer_rate
    low1, _ = wilson(better.answered, better.sent)
    _, high2 = wilson(worse.answered, worse.sent)
    return p1 - p2 - sqrt((p1 - low1) ** 2 + (high2 - p2) ** 2) > 0


@dataclass(frozen=True)
class Lever:
    better: Group
    worse: Group

    def sentence(self, by: Dimension) -> str:
        b, w = self.better, self.worse
        counts = f"{b.answered} of {b.sent} against {w.answered} of {w.sent}"
        if w.answered == 0:
            how = f"{b.name} gets answers and {w.name} none yet"
        else:
            times = b.answer_rate / w.answer_rate
            how = (
                f"{b.name} gets answers {times:.0f} times as often as {w.name}"
                if times >= 2
                else f"{b.name} gets more answers than {w.name}"
            )
        return f"{how} ({counts}): {_ADVICE[by].format(better=b.name)}"


_ADVICE = {
    Dimension.SOURCE: "send more of your applications that way",
    Dimension.RESUME: "send {better} where you can",
    Dimension.COVER_LETTER: "send {better} where you can",
    Dimension.TAG: "roles like these answer you: look for more of them",
}


def lever(found: list[Group]) -> Lever | None:
    """The best and worst answered of the groups large enough, if the counts support
    the difference."""
    ready = [g for g in found if g.enough]
    if len(ready) < 2:
        return None
    better = max(ready, key=lambda g: g.answer_rate)
    worse = min(ready, key=lambda g: g.answer_rate)
    return Lever(better, worse) if clearly_more(better, worse) else None


LEVER_ORDER = (Dimension.RESUME, Dimension.COVER_LETTER, Dimension.SOURCE, Dimension.TAG)
"""Where the funnel's diagnosis looks for a lever first: what the user sends, then where
and what they apply for."""


def diagnosis_lever(applications: Iterable[Application]) -> str | None:
    """The sentence naming the first lever the counts support, for the funnel's findings."""
    return first_lever(every_grouping(applications))


def first_lever(grouped: Mapping[Dimension, list[Group]]) -> str | None:
    """``diagnosis_lever`` from groups already counted (see ``every_grouping``)."""
    for by in LEVER_ORDER:
        if (found := lever(grouped[by])) is not None:
            return f"{found.sentence(by)}."
    return None
