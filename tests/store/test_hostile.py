"""Hostile files and a file that changes under a running session: each is refused with a
message, nothing is written over it, and what the session holds is never lost."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from store import (
    Store,
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_a_lock_file_others_can_read_is_made_private(store: Store) -> None:
    store._storage.lock_path.chmod(0o666)
    store.add_application(company="Acme", role="Dev")
    assert stat.S_IMODE(store._storage.lock_path.stat().st_mode) == 0o600
