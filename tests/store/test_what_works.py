"""What works: answer and interview shares by channel, résumé, cover letter and tag, and a
lever named only when the counts support it."""

from __future__ import annotations

from store import Stage, Store
from store.what_works import MIN_GROUP, Dimension, Group, groups, lever


def sent(store: Store, count: int, answered: int, **fields: object) -> None:
    """``count`` applications sent with ``fields``; the first ``answered`` got an interview."""
    for n in range(count):
        card = store.applications.add(company=f"Co {n}", role="Dev", stage=Stage.APPLIED, **fields)
        if n < answered:
            store.applications.move(card.id, Stage.INTERVIEWING)


def test_each_group_counts_the_applications_sent_answered_and_interviewed(store: Store) -> None:
    sent(store, 3, 1, source="referral", tags=("remote", "fintech"))
    sent(store, 2, 0, source="job board", tags=("remote",))
    store.applications.add(company="Not sent", role="Dev", source="referral")  # wishlist
    on_board = store.applications.on_board()
    assert groups(on_board, Dimension.SOURCE) == [
        Group("referral", 3, 1, 1),
        Group("job board", 2, 0, 0),
    ]
    assert groups(on_board, Dimension.TAG) == [
        Group("remote", 5, 1, 1),
        Group("fintech", 3, 1, 1),
    ]


def test_a_lever_is_named_when_the_counts_support_it(store: Store) -> None:
    sent(store, 12, 7, resume="CV short")
    sent(store, 15, 2, resume="CV 2026 data")
    found = lever(groups(store.applications.on_board(), Dimension.RESUME))
    assert found is not None
    assert (found.better.name, found.worse.name) == ("CV short", "CV 2026 data")
    assert found.sentence(Dimension.RESUME).startswith(
        "CV short gets answers 4 times as often as CV 2026 data (7 of 12 against 2 of 15)"
    )


def test_no_lever_when_the_difference_could_be_chance(store: Store) -> None:
    sent(store, 10, 5, source="company site")
    sent(store, 10, 4, source="job board")
    assert lever(groups(store.applications.on_board(), Dimension.SOURCE)) is None


def test_a_group_one_short_of_the_minimum_is_too_early_to_compare(store: Store) -> None:
    sent(store, MIN_GROUP - 1, MIN_GROUP - 1, source="referral")
    sent(store, 20, 0, source="job board")
    found = groups(store.applications.on_board(), Dimension.SOURCE)
    assert [g.enough for g in found] == [True, False]
    assert lever(found) is None
    sent(store, 1, 1, source="referral")  # now at the minimum
    now_found = lever(groups(store.applications.on_board(), Dimension.SOURCE))
    assert now_found is not None
    assert now_found.sentence(Dimension.SOURCE).startswith(
        "referral gets answers and job board none yet (8 of 8 against 0 of 20)"
    )
