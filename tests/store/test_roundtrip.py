"""Whatever the user types is stored and read back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import InvalidInput, Store, fixed_clock
from store.models import LONG_TEXT_MAX
from store.sample import SAMPLE_NOW
from tests.whitespace import trimmed

# Any Unicode, including control characters, escape sequences and Rich markup.
any_text = st.text(st.characters(codec="utf-8"), max_size=200)
markup_like = st.sampled_from(["[bold]", "[/]", "[red]x[/red]", "\x1b[2J", "\x1b]52;c;aGk=\x07"])
text = st.one_of(any_text, markup_like, st.lists(markup_like | any_text).map("".join))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(company=text.filter(lambda s: 0 < len(trimmed(s)) <= 300), notes=text)
def test_text_round_trips_through_the_file(tmp_path: Path, company: str, notes: str) -> None:
    store = Store.open(tmp_path / "roundtrip.json", clock=fixed_clock(SAMPLE_NOW))
    added = store.applications.add(company=company, role="Dev", notes=notes)
    reread = Store.open(store.path, clock=store.clock).applications.get(added.id)
    assert reread.company == trimmed(company)
    assert reread.notes == notes
    store.applications.delete(added.id)


def test_a_megabyte_of_notes_fits_and_more_is_refused(store: Store) -> None:
    megabyte = "é" * LONG_TEXT_MAX
    added = store.applications.add(company="Acme", role="Dev", notes=megabyte)
    assert Store.open(store.path).applications.get(added.id).notes == megabyte
    with pytest.raises(InvalidInput) as raised:
        store.applications.add(company="Acme", role="Dev", notes=megabyte + "!")
    assert raised.value.errors == {"notes": f"is too long (at most {LONG_TEXT_MAX:,} characters)"}
