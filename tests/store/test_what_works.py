"""What works: answer and interview shares by channel, résumé, cover letter and tag, and a
lever named only when the counts support it."""

from __future__ import annotations

from store import Stage, Store
from store.funnel import funnel
from store.what_works import MIN_GROUP, Dimension, Group, diagnosis_lever, groups, lever


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


def diagnosis(store: Store) -> list[tuple[str, str]]:
    applications = store.applications.on_board()
    findings = funnel(applications, store.clock()).findings(diagnosis_lever(applications))
    return [(f.title, f.advice) for f in findings]


def test_the_funnel_names_the_lever_in_place_of_the_general_advice_on_answers(
    store: Store,
) -> None:
    sent(store, MIN_GROUP, 4, resume="CV short")
    sent(store, 40, 0, resume="CV 2026 data")  # 4 answers in 48: few
    title, advice = diagnosis(store)[0]
    assert title == "Many applications, few answers"
    assert advice == (
        "CV short gets answers and CV 2026 data none yet (4 of 8 against 0 of 40): "
        "send CV short where you can."
    )


def test_one_application_short_of_a_comparison_the_general_advice_stays(store: Store) -> None:
    sent(store, MIN_GROUP - 1, 4, resume="CV short")
    sent(store, 40, 0, resume="CV 2026 data")
    title, advice = diagnosis(store)[0]
    assert title == "Many applications, few answers"
    assert advice.startswith("Tailor the résumé and cover letter to each posting")


def test_a_lever_comes_first_when_answers_are_not_where_the_search_is_stuck(
    store: Store,
) -> None:
    sent(store, 12, 7, source="referral")
    sent(store, 15, 2, source="job board")
    assert diagnosis(store)[0] == (
        "What gets you answers",
        "referral gets answers 4 times as often as job board (7 of 12 against 2 of 15): "
        "send more of your applications that way.",
    )


def test_no_lever_no_finding_about_it(store: Store) -> None:
    sent(store, 10, 5, source="company site")
    sent(store, 10, 4, source="job board")
    assert [title for title, _ in diagnosis(store)] == ["Interviews, but no offer yet"]
