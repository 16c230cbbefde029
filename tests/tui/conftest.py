from __future__ import annotations

import pytest

from store import Store
from tui.app import BouncebackApp


@pytest.fixture
def app(sample_store: Store) -> BouncebackApp:
    return BouncebackApp(sample_store)


@pytest.fixture
def empty_app(store: Store) -> BouncebackApp:
    return BouncebackApp(store)
