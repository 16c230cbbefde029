from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from store import Store
from tui.app import BouncebackApp


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make pictures depend on timing: keep it lit."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture
def app(sample_store: Store) -> BouncebackApp:
    # As for someone who has opened the app before: the wins the data shows are on
    # record, so the app's quiet first look writes nothing during a test.
    sample_store.wins.recognise()
    return BouncebackApp(sample_store)


@pytest.fixture
def empty_app(store: Store) -> BouncebackApp:
    return BouncebackApp(store)
