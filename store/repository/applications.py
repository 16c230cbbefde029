"""Applications: the board's cards, their moves, rejections and the archive."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from store import board, people
from store.errors import InvalidInput, NotFoundError
from store.file.tables import TABLES
from store.models import (
    Application,
    ArchiveReason,
    Contact,
    ContactLink,
    OfferOutcome,
    Rejection,
    RejectionReason,
    Stage,
)
from store.repository.core import Core, validated
from store.repository.goals import WinRepository
from store.repository.materials import remember_names

APPLICATIONS = TABLES[Application]


@dataclass(frozen=True)
class DeletedApplication:
    """What a delete took away, to put back on undo."""

    application: Application
    links: tuple[tuple[UUID, ContactLink], ...]


class ApplicationRepository:
    def __init__(self, core: Core, wins: WinRepository) -> None:
        self._core = core
        self._wins = wins

    # --- reading ----------------------------------------------------------------------

    def _listed(self, *, archived: bool) -> list[Application]:
        records = self._core.records(Application).values()
        return sorted(
            (a for a in records if (a.archived is not None) == archived),
            key=lambda a: (a.position, a.created_at),
        )

    def on_board(self) -> list[Application]:
        """The applications on the board, in column order."""
        return self._listed(archived=False)

    def archived(self) -> list[Application]:
        return self._listed(archived=True)

    def get(self, application_id: UUID) -> Application:
        return self._core.get(Application, application_id)

    # --- commands ---------------------------------------------------------------------

    def _top_of(self, stage: Stage) -> float:
        """A position above every card now in ``stage`` (read inside a transaction)."""
        docs, wanted = self._core.stored(APPLICATIONS).values(), stage.value
        return board.top_position(
            doc.get("position", 0.0) for doc in docs if doc.get("stage") == wanted
        )

    def add(self, **fields: Any) -> Application:
        """Add an application; it starts at the top of its stage's column."""
        now = self._core.clock()
        stage = fields.pop("stage", Stage.WISHLIST)
        data = {"stage": stage, "created_at": now, "updated_at": now, **fields}
        data["history"] = [{"stage": stage, "at": now}]
        draft = validated(Application, data)
        with self._core.transaction() as changes:
            application = draft.model_copy(update={"position": self._top_of(draft.stage)})
            self._core.insert(changes, application)
            remember_names(self._core, changes, application)
        return application

    def move(self, application_id: UUID, stage: Stage, *, with_wins: bool = False) -> Application:
        """Move to ``stage`` (recorded in the history); it lands at the top of that column.
        ``with_wins``: the wins the move brings (or takes back) are saved with it, for a
        session that tells them (``wins.recognise`` returns them); without, they are left
        for the next look of whichever session tells them (the app, after the shell's
        ``bounceback move``)."""
        transaction = self._wins.saved_with if with_wins else self._core.transaction
        with transaction() as changes:
            doc_id, current = self._core.fresh(Application, application_id)
            if current.stage is stage:
                return current
            moved = board.moved(current, stage, self._core.clock(), self._top_of(stage))
            self._core.replace(changes, doc_id, moved)
        return moved

    def move_preview(self, application: Application, stage: Stage) -> Application:
        """``application`` as :meth:`move` will save it, worked out from what this session
        last read, without the lock or the disk: a board shows the move at once and saves
        it after the frame. The saved record may differ (its position, or another
        session's change), so the board redraws from the store once it is saved.
        """
        in_stage = self._core.records(Application).values()
        top = board.top_position(a.position for a in in_stage if a.stage is stage)
        return board.moved(application, stage, self._core.clock(), top)

    def reject(self, application_id: UUID, reflection: Rejection) -> Application:
        """Record a "no" and what the user takes from it, moving the card to Rejected."""
        now = self._core.clock()
        with self._core.transaction() as changes:
            doc_id, current = self._core.fresh(Application, application_id)
            if current.stage is not Stage.REJECTED:
                top = self._top_of(Stage.REJECTED)
                current = board.moved(current, Stage.REJECTED, now, top)
            rejected = current.model_copy(
                update={"rejection": reflection, "rev": current.rev + 1, "updated_at": now}
            )
            rejected = validated(Application, rejected.model_dump())
            self._core.replace(changes, doc_id, rejected)
        return rejected

    def mark_ghosted(self, application_id: UUID) -> Application:
        """No answer after applying: a rejection with reason "no response"."""
        current = self.get(application_id)
        reached = (
            current.rejection.reached
            if current.rejection
            else board.stage_before_rejection(current)
        )
        return self.reject(
            application_id, Rejection(reached=reached, reason=RejectionReason.NO_RESPONSE)
        )

    def record_feedback_request(self, application_id: UUID) -> Application:
        """Note that the user asked for feedback on a rejection, and when."""
        now = self._core.clock()
        with self._core.transaction() as changes:
            doc_id, current = self._core.fresh(Application, application_id)
            if current.rejection is None:
                raise InvalidInput({"rejection": "only a rejected application has feedback"})
            rejection = current.rejection.model_copy(update={"feedback_requested_at": now})
            updated = current.model_copy(
                update={"rejection": rejection, "rev": current.rev + 1, "updated_at": now}
            )
            self._core.replace(changes, doc_id, updated)
        return updated

    def decide_offer(
        self, application_id: UUID, outcome: OfferOutcome, reason: str = "", pay: str = ""
    ) -> Application:
        """Record what became of an offer: accepted, declined (and why) or expired."""
        now = self._core.clock()
        with self._core.transaction() as changes:
            doc_id, current = self._core.fresh(Application, application_id)
            if current.stage is not Stage.OFFER:
                raise InvalidInput({"outcome": "only an application at Offer has an outcome"})
            decision = {"outcome": outcome, "at": now, "reason": reason, "pay": pay}
            updated = validated(
                Application,
                {
                    **current.model_dump(),
                    "offer_decision": decision,
                    "rev": current.rev + 1,
                    "updated_at": now,
                },
            )
            self._core.replace(changes, doc_id, updated)
        return updated

    def archive_all_but(self, application_id: UUID, reason: ArchiveReason) -> list[Application]:
        """Take every other card off the board (an offer accepted: the search is over)."""
        now = self._core.clock()
        archived = []
        with self._core.transaction() as changes:
            for doc_id, doc in list(self._core.stored(APPLICATIONS).items()):
                if doc.get("archived") is not None or doc.get("id") == str(application_id):
                    continue
                record = validated(Application, doc)
                update = {"archived": reason, "archived_at": now, "rev": record.rev + 1,
                          "updated_at": now}  # fmt: skip
                archived.append(record.model_copy(update=update))
                self._core.replace(changes, doc_id, archived[-1])
        return archived

    def archive(
        self, application_id: UUID, reason: ArchiveReason | None = ArchiveReason.OTHER
    ) -> Application:
        """Take an application off the board (``reason=None`` puts it back)."""
        now = self._core.clock()
        with self._core.transaction() as changes:
            doc_id, current = self._core.fresh(Application, application_id)
            updated = current.model_copy(
                update={
                    "archived": reason,
                    "archived_at": now if reason is not None else None,
                    "rev": current.rev + 1,
                    "updated_at": now,
                }
            )
            self._core.replace(changes, doc_id, updated)
        return updated

    def reorder(self, application_id: UUID, offset: int) -> Application:
        """Move a card ``offset`` places up (negative) or down within its column."""
        with self._core.transaction() as changes:
            _, current = self._core.fresh(Application, application_id)
            wanted = current.stage.value
            column = sorted(
                (
                    (doc_id, doc)
                    for doc_id, doc in self._core.stored(APPLICATIONS).items()
                    if doc.get("stage") == wanted and doc.get("archived") is None
                ),
                key=lambda pair: (pair[1]["position"], pair[1]["created_at"]),
            )
            moving = next(doc_id for doc_id, doc in column if doc["id"] == str(application_id))
            positions = [(doc_id, doc["position"]) for doc_id, doc in column]
            places = board.reordered(positions, moving, offset)
            if not places:
                return current
            docs = dict(column)
            for doc_id, position in places.items():
                record = validated(Application, docs[doc_id])
                update = {"position": position, "rev": record.rev + 1}
                self._core.replace(changes, doc_id, record.model_copy(update=update))
            moved = changes[APPLICATIONS][application_id]
        assert isinstance(moved, Application)
        return moved

    def revert(self, previous: Application, current_rev: int) -> Application:
        """Undo: put back ``previous`` if the card is still at ``current_rev``."""
        return self._core.revert(previous, current_rev)

    def update(self, edited: Application) -> Application:
        """Save an edited application; raises ``ConflictError`` if it changed meanwhile."""
        return self._core.save(
            edited,
            also=lambda changes, saved, before: remember_names(self._core, changes, saved, before),
        )

    def delete(self, application_id: UUID) -> DeletedApplication:
        """Delete it and every contact's link to it, together; undo with :meth:`restore`."""
        with self._core.transaction() as changes:
            doc_id, application = self._core.fresh(Application, application_id)
            self._core.remove(changes, Application, doc_id, application_id)
            links: list[tuple[UUID, ContactLink]] = []
            for contact_doc_id, doc in list(self._core.stored(TABLES[Contact]).items()):
                contact = validated(Contact, doc)
                updated, gone = people.unlinked(contact, application_id)
                if gone:
                    links += [(contact.id, link) for link in gone]
                    self._core.replace(changes, contact_doc_id, updated)
        return DeletedApplication(application, tuple(links))

    def restore(self, deleted: DeletedApplication) -> Application:
        """Undo a delete: the application and its contacts' links, as they were."""
        application = validated(Application, deleted.application.model_dump())
        with self._core.transaction() as changes:
            self._core.insert(changes, application)
            for contact_id, link in deleted.links:
                try:
                    doc_id, contact = self._core.fresh(Contact, contact_id)
                except NotFoundError:
                    continue  # the contact was deleted since: nothing to link
                links = (*contact.links, link)
                update = {"links": links, "rev": contact.rev + 1}
                self._core.replace(changes, doc_id, contact.model_copy(update=update))
        return application
