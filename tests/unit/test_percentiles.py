"""The benchmarks' one percentile (runtime/runtime/percentiles.py): nearest rank, never the maximum."""

import pytest

from runtime.percentiles import percentile, print_figures


def test_percentile_is_nearest_rank():
    samples = [float(n) for n in range(1, 101)]  # 1..100
    assert percentile(samples, 0.5) == 50
    assert percentile(samples, 0.99) == 99
    assert percentile([3.0, 1.0, 2.0], 0.99) == 3.0
    assert percentile([7.0], 0.5) == 7.0


def test_p99_of_many_samples_is_not_the_maximum():
    assert percentile(list(range(1, 201)), 0.99) == 198
    assert percentile([float(n) for n in range(1, 301)], 0.99) == 297  # no float drift past the rank


def test_no_samples_is_an_error_not_a_figure():
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_a_benchmarks_last_lines_are_name_equals_value_in_the_order_given(capsys):
    print_figures(sandbox_cold_ratio="1.31", sandbox_warm_ratio="1.08", sandbox_runs_per_s="22.4")
    assert capsys.readouterr().out.splitlines() == [
        "sandbox_cold_ratio=1.31", "sandbox_warm_ratio=1.08", "sandbox_runs_per_s=22.4"]
