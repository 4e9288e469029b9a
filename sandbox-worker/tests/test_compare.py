from contracts.sandbox import Comparison
from sandbox_worker.compare import results_match, stdout_matches


def test_exact_treats_int_and_float_alike_but_not_bool():
    assert results_match([1, 2.0], [1.0, 2], Comparison.EXACT)
    assert not results_match([True], [1], Comparison.EXACT)
    assert not results_match([1, 2], [2, 1], Comparison.EXACT)


def test_unordered_is_top_level_multiset():
    assert results_match([[1, 2], [3]], [[3], [1, 2]], Comparison.UNORDERED)
    assert not results_match([[2, 1], [3]], [[3], [1, 2]], Comparison.UNORDERED)
    assert not results_match([1, 1, 2], [1, 2, 2], Comparison.UNORDERED)


def test_unordered_deep_ignores_order_everywhere():
    assert results_match([["eat", "tea"], ["bat"]], [["bat"], ["tea", "eat"]], Comparison.UNORDERED_DEEP)
    assert not results_match([["eat"], ["bat"]], [["bat"], ["tea"]], Comparison.UNORDERED_DEEP)


def test_float_tolerance_is_recursive():
    assert results_match([0.1 + 0.2, [1.0000001]], [0.3, [1.0]], Comparison.FLOAT, 1e-6)
    assert not results_match([0.31], [0.3], Comparison.FLOAT, 1e-6)


def test_stdout_ignores_trailing_whitespace_only():
    assert stdout_matches("1 2\n3\n", "1 2   \r\n3")
    assert stdout_matches("7", "7\n\n\n")
    assert not stdout_matches("1  2\n", "1 2\n")
    assert not stdout_matches("1\n\n2\n", "1\n2\n")


def test_unordered_keeps_number_and_bool_rules_on_large_lists():
    items = [[i, i * 0.5] for i in range(20000)]
    assert results_match(list(reversed(items)), items, Comparison.UNORDERED)
    assert results_match([1, 2.0, True], [True, 2, 1.0], Comparison.UNORDERED)
    assert not results_match([1, True], [1, 1], Comparison.UNORDERED)
    assert not results_match(items[:-1] + [[0, 0.0]], items, Comparison.UNORDERED)
