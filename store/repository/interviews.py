"""Interviews on applications, the follow-ups' state, and the day's agenda."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any
from uuid import UUID

from pydantic import ValidationError

from store import agenda, follow_ups, interviews, people, progress
from store.errors import InvalidInput, NotFoundError
from store.file.tables import SETTINGS, TABLES
from store.models import (
    Application,
    Contact,
    ContactKind,
    FollowUpState,
    FollowUpStatus,
    Goal,
    Interview,
    InterviewOutcome,
    Settings,
    Stage,
)
from store.repository.core import Changes, Core, validated

APPLICATIONS = TABLES[Application]
FOLLOW_UPS = TABLES[FollowUpState]


@dataclass(frozen=True)
class Booked:
    application: Application
    interview: Interview
    in_the_past: bool
    """Booked after the fact: people log what happened."""
    clashes: tuple[tuple[Application, Interview], ...] = ()
    """The other interviews at the same time, to be told of."""


def _state_or_none(doc: Mapping[str, Any]) -> FollowUpState | None:
    try:
        return FollowUpState.model_validate(doc)
    except ValidationError:
        return None


class InterviewRepository:
    def __init__(self, core: Core) -> None:
        self._core = core

    def book(
        self, application_id: UUID, *, with_names: Iterable[str] = (), **fields: Any
    ) -> Booked:
        """Add an interview (``at``, ``minutes``, ``kind``, ``where``, ``prep``…); the
        people named are found by name, or added, and linked to the application as
        interviewers unless they already have a part in it."""
        now = self._core.clock()
        draft = validated(Interview, fields)
        names = [validated(Contact, {"name": name}).name for name in with_names]
        with self._core.transaction() as changes:
            doc_id, current = self._core.fresh(Application, application_id)
            if current.archived is not None:
                raise InvalidInput(
                    {"application": "is archived: put it back on the board to book an interview"}
                )
            met = [self._linked_contact(changes, name, application_id) for name in names]
            interview = draft.model_copy(update={"contact_ids": (*draft.contact_ids, *met)})
            top = self._top_of(Stage.INTERVIEWING)
            updated = interviews.booked(current, interview, now, top)
            updated = updated.model_copy(update={"rev": current.rev + 1, "updated_at": now})
            self._core.replace(changes, doc_id, validated(Application, updated.model_dump()))
        others = self._core.records(Application).values()
        clashing = tuple(interviews.clashes(others, interview))
        return Booked(updated, interview, in_the_past=interview.at < now, clashes=clashing)

    def _top_of(self, stage: Stage) -> float:
        docs, wanted = self._core.stored(APPLICATIONS).values(), stage.value
        positions = (doc.get("position", 0.0) for doc in docs if doc.get("stage") == wanted)
        return min(positions, default=1.0) - 1.0

    def _linked_contact(self, changes: Changes, name: str, application_id: UUID) -> UUID:
        for doc_id, doc in self._core.stored(TABLES[Contact]).items():
            if str(doc.get("name", "")).casefold() == name.casefold():
                contact = validated(Contact, doc)
                if not any(link.application_id == application_id for link in contact.links):
                    linked = people.linked(contact, application_id, ContactKind.INTERVIEWER)
                    self._core.replace(changes, doc_id, linked)
                return contact.id
        contact = people.linked(
            Contact(name=name, kind=ContactKind.INTERVIEWER),
            application_id,
            ContactKind.INTERVIEWER,
        ).model_copy(update={"rev": 1})
        self._core.insert(changes, contact)
        return contact.id

    def _change(self, application_id: UUID, interview_id: UUID, **update: Any) -> Application:
        now = self._core.clock()
        with self._core.transaction() as changes:
            doc_id, current = self._core.fresh(Application, application_id)
            interview = interviews.find_interview(current, interview_id)
            if interview is None:
                raise NotFoundError("interview", interview_id)
            changed = validated(Interview, {**interview.model_dump(), **update})
            updated = interviews.with_interview(current, changed).model_copy(
                update={"rev": current.rev + 1, "updated_at": now}
            )
            self._core.replace(changes, doc_id, updated)
        return updated

    def update(
        self, application_id: UUID, interview: Interview, *, with_names: Iterable[str] | None = None
    ) -> Application:
        """Save an edited interview (its time, kind, place, people, notes); the people
        named in ``with_names``, if given, are the ones met, found or added as :meth:`book`
        does."""
        if with_names is None:
            return self._change(application_id, interview.id, **interview.model_dump())
        names = [validated(Contact, {"name": name}).name for name in with_names]
        now = self._core.clock()
        with self._core.transaction() as changes:
            doc_id, current = self._core.fresh(Application, application_id)
            if interviews.find_interview(current, interview.id) is None:
                raise NotFoundError("interview", interview.id)
            met = tuple(self._linked_contact(changes, name, application_id) for name in names)
            changed = validated(Interview, {**interview.model_dump(), "contact_ids": met})
            updated = interviews.with_interview(current, changed).model_copy(
                update={"rev": current.rev + 1, "updated_at": now}
            )
            self._core.replace(changes, doc_id, updated)
        return updated

    def record_outcome(
        self,
        application_id: UUID,
        interview_id: UUID,
        outcome: InterviewOutcome | None,
        how_it_went: str = "",
    ) -> Application:
        """After the interview: how it went, in the user's words, and what came of it."""
        return self._change(application_id, interview_id, outcome=outcome, how_it_went=how_it_went)

    def record_thank_you(self, application_id: UUID, interview_id: UUID) -> Application:
        return self._change(application_id, interview_id, thank_you_sent_at=self._core.clock())

    def remove(self, application_id: UUID, interview_id: UUID) -> Application:
        now = self._core.clock()
        with self._core.transaction() as changes:
            doc_id, current = self._core.fresh(Application, application_id)
            kept = tuple(i for i in current.interviews if i.id != interview_id)
            updated = current.model_copy(
                update={"interviews": kept, "rev": current.rev + 1, "updated_at": now}
            )
            self._core.replace(changes, doc_id, updated)
        return updated


class AgendaRepository:
    def __init__(self, core: Core) -> None:
        self._core = core

    def states(self) -> dict[str, FollowUpState]:
        """What the user did with each follow-up, by its key."""
        return {state.key: state for state in self._core.records(FollowUpState).values()}

    def _settings(self) -> Settings:
        return self._core.singleton(SETTINGS, Settings)

    def follow_ups(self) -> list[follow_ups.FollowUp]:
        settings, core = self._settings(), self._core
        return follow_ups.follow_ups(
            core.records(Application).values(),
            core.records(Contact).values(),
            self.states(),
            core.clock(),
            stale_after_days=settings.stale_after_days,
            news_after_days=settings.news_after_days,
        )

    def today(self, days: int = agenda.AGENDA_DAYS) -> agenda.Agenda:
        """Today and the ``days`` from today: interviews, follow-ups, goals not met yet."""
        core, settings, now = self._core, self._settings(), self._core.clock()
        activity = core.activity()
        goals = [
            progress.goal_progress(goal, activity, now, core.progress_memo)
            for goal in core.records(Goal).values()
            if goal.active
        ]
        return agenda.agenda(
            activity.applications,
            activity.contacts,
            self.states(),
            goals,
            now,
            days=days,
            stale_after_days=settings.stale_after_days,
            news_after_days=settings.news_after_days,
        )

    def interviews(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[agenda.Booking]:
        """The interviews on the board not over by ``start`` that begin before ``end``
        (every one, without them), earliest first."""
        core = self._core
        contacts = list(core.records(Contact).values())
        start = start or datetime.min.replace(tzinfo=UTC)
        end = end or datetime.max.replace(tzinfo=UTC)
        return agenda.bookings(core.records(Application).values(), contacts, start, end)

    def calendar(self, *, zone: tzinfo, alarm_minutes: int) -> bytes:
        """Every interview and the follow-ups due, as an iCalendar file's bytes."""
        # Imported here, not with the store: icalendar is the heaviest library the store
        # uses, and only this export needs it.
        from store import calendar

        return calendar.calendar_file(
            self.interviews(),
            self.follow_ups(),
            self._core.clock(),
            zone=zone,
            alarm_minutes=alarm_minutes,
        )

    def mark(self, key: str, status: FollowUpStatus, until: date | None = None) -> FollowUpState:
        """Done, snoozed until a day, or dismissed: one state per follow-up, the last wins.
        The states of follow-ups that cannot come back are forgotten on the way, so the
        table does not grow for ever."""
        core = self._core
        wanted = validated(
            FollowUpState, {"key": key, "status": status, "until": until, "at": core.clock()}
        )
        with core.transaction() as changes:
            stored = {  # a damaged state stays in the file, as every damaged record does
                doc_id: state
                for doc_id, doc in core.stored(FOLLOW_UPS).items()
                if (state := _state_or_none(doc)) is not None
            }
            state = wanted
            for doc_id, current in stored.items():
                if current.key == wanted.key:
                    state = wanted.model_copy(update={"id": current.id, "rev": current.rev + 1})
                    core.replace(changes, doc_id, state)
                    break
            else:
                core.insert(changes, wanted)
            settings = self._settings()
            forget = follow_ups.states_to_forget(
                [s for s in stored.values() if s.key != key],
                list(core.records(Application).values()),
                list(core.records(Contact).values()),
                wanted.at,
                stale_after_days=settings.stale_after_days,
                news_after_days=settings.news_after_days,
            )
            forgotten = {s.id for s in forget}
            for doc_id, current in stored.items():
                if current.id in forgotten:
                    core.remove(changes, FollowUpState, doc_id, current.id)
        return state

    def reopen(self, key: str) -> None:
        """Undo a done, snooze or dismiss."""
        with self._core.transaction() as changes:
            for doc_id, doc in list(self._core.stored(FOLLOW_UPS).items()):
                if doc.get("key") == key:
                    state = validated(FollowUpState, doc)
                    self._core.remove(changes, FollowUpState, doc_id, state.id)
