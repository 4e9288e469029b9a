"""The "Practise my weak spots" rule (gateway/practice.py), as a pure function."""

from datetime import UTC, datetime, timedelta

from gateway.practice import CatalogueEntry, PastInterview, recommend, topics_weakest_first

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
CATALOGUE = [
    CatalogueEntry("two_sum", ["arrays_hashing"]),
    CatalogueEntry("group_anagrams", ["arrays_hashing", "strings"]),
    CatalogueEntry("climb_stairs", ["dp_1d"]),
    CatalogueEntry("house_robber", ["dp_1d"]),
    CatalogueEntry("valid_parens", ["stack"]),
]


def interview(question_id, topics, days_ago, score, solved=False):
    return PastInterview(question_id=question_id, topics=topics, started_at=NOW - timedelta(days=days_ago),
                         scores={"problem_solving": score, "communication": score}, solved=solved)


def test_no_history_recommends_nothing():
    chosen = recommend([], CATALOGUE, NOW)
    assert (chosen.weakest_topic, chosen.question_id) == (None, None)


def test_the_weakest_topic_is_the_lowest_mean_of_its_recent_interviews():
    history = [interview("two_sum", ["arrays_hashing"], 3, 4, solved=True),
               interview("climb_stairs", ["dp_1d"], 2, 1),
               interview("valid_parens", ["stack"], 1, 3, solved=True)]
    assert topics_weakest_first(history) == ["dp_1d", "stack", "arrays_hashing"]
    chosen = recommend(history, CATALOGUE, NOW)
    assert chosen.weakest_topic == "dp_1d"
    assert chosen.question_id == "house_robber"  # never tried comes before the unsolved one tried


def test_only_the_last_three_interviews_of_a_topic_count():
    early_failures = [interview("climb_stairs", ["dp_1d"], 30 + d, 1) for d in range(3)]
    recent_successes = [interview("house_robber", ["dp_1d"], 20 + d, 4, solved=True) for d in range(3)]
    history = [*early_failures, *recent_successes, interview("two_sum", ["arrays_hashing"], 1, 2)]
    assert topics_weakest_first(history)[0] == "arrays_hashing"


def test_ties_go_to_the_topic_solved_least_then_practised_longest_ago():
    tied_on_score = [interview("two_sum", ["arrays_hashing"], 5, 2, solved=True),
                     interview("climb_stairs", ["dp_1d"], 4, 2, solved=False),
                     interview("valid_parens", ["stack"], 9, 2, solved=False)]
    assert topics_weakest_first(tied_on_score) == ["stack", "dp_1d", "arrays_hashing"]


def test_problems_solved_recently_are_left_out_but_come_back_after_the_cooldown():
    solved_recently = [interview("climb_stairs", ["dp_1d"], 2, 1, solved=True),
                       interview("house_robber", ["dp_1d"], 3, 1, solved=True),
                       interview("two_sum", ["arrays_hashing"], 1, 4, solved=True)]
    chosen = recommend(solved_recently, CATALOGUE, NOW)
    assert chosen.weakest_topic == "dp_1d"
    assert (chosen.practise_topic, chosen.question_id) == ("arrays_hashing", "group_anagrams")

    long_ago = [interview("climb_stairs", ["dp_1d"], 40, 1, solved=True),
                interview("house_robber", ["dp_1d"], 30, 1, solved=True)]
    chosen = recommend(long_ago, CATALOGUE, NOW)
    assert chosen.question_id == "climb_stairs"  # both tried; the one tried longest ago


def test_an_interview_without_scores_counts_by_whether_it_was_solved():
    assert PastInterview("a", ["stack"], NOW, {}, solved=False).score == 1.0
    assert PastInterview("a", ["stack"], NOW, {}, solved=True).score == 4.0
