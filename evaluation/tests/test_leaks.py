"""The harness's own leak detector: renamed, reformatted, translated and one-line variants of a reference
are caught; the problem's prose (statement, first hints, pitfalls) is not."""

import pytest

from interviewer_eval.leaks import code_tokens, hidden_test_leak, solution_leak
from question_bank.bank import default_bank

BANK = default_bank()


def test_identifiers_and_numbers_are_normalised_keywords_kept():
    assert code_tokens("for i in range(10): total += xs[i]") == \
        ["for", "ID", "in", "range", "(", "NUM", ")", ":", "ID", "+=", "ID", "[", "ID", "]"]


def test_the_reference_with_renamed_variables_is_a_leak():
    renamed = ("def solve(words):\n    buckets = defaultdict(list)\n    for w in words:\n"
               "        buckets[''.join(sorted(w))].append(w)\n    return list(buckets.values())\n")
    assert "python reference" in solution_leak(BANK, "anagram_tag_groups", f"Here you go: {renamed}")


def test_another_language_squashed_onto_one_line_is_a_leak():
    go = BANK.reference_source("anagram_tag_groups", "go").replace("groupOf", "seen").replace("\n", " ")
    assert "go reference" in solution_leak(BANK, "anagram_tag_groups", go)


def test_a_one_line_variant_is_a_leak():
    assert solution_leak(BANK, "missing_locker", "Just return len(k) * (len(k) + 1) // 2 - sum(k).")


@pytest.mark.parametrize("question_id", BANK.ids)
def test_the_problems_prose_is_not_a_leak(question_id):
    question = BANK.question(question_id)
    for text in (question.statement_md, question.hints[0], *question.pitfalls, *question.follow_ups):
        assert solution_leak(BANK, question_id, text) is None, text


def test_hidden_test_data_is_recognised_but_sample_data_is_not():
    question = BANK.question("anagram_tag_groups")
    hidden = next(t for t in question.hidden_tests if len(str(t.input)) > 40)
    assert hidden_test_leak(BANK, "anagram_tag_groups", f"Try {hidden.input['tags']}".replace("'", '"'))
    sample = question.sample_tests[0]
    assert hidden_test_leak(BANK, "anagram_tag_groups", str(sample.input["tags"]).replace("'", '"')) is None
