"""What the application form offers for "Found via", the résumé and the cover letter:
the user's channels and materials, the last used first, and the way to manage them."""

from __future__ import annotations

from textual.suggester import SuggestFromList

from store import Store
from store.models import MaterialKind
from store.what_works import offered_channels

KINDS = {kind.field: kind for kind in MaterialKind}
"""The application's fields that name a material, and its kind."""


def offered(store: Store, field: str) -> list[str]:
    """The names offered for ``field`` of an application; none for another field."""
    if field == "source":
        applications = [*store.applications.on_board(), *store.applications.archived()]
        return offered_channels(store.settings.get().channels, applications)
    if (kind := KINDS.get(field)) is not None:
        return [m.name for m in store.materials.all(kind)]
    return []


def suggester(store: Store, field: str) -> SuggestFromList | None:
    """Completes what is typed from :func:`offered` (→ accepts), so one channel or
    version is typed the same way each time and counts as one."""
    names = offered(store, field)
    return SuggestFromList(names, case_sensitive=False) if names else None
