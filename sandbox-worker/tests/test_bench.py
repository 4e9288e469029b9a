"""`make bench-sandbox`: a miniature run that must end with the required lines (percentiles: tests/unit/test_percentiles.py).
Speed targets are not asserted here: they are the benchmark's output."""

import pytest

from sandbox_worker import bench


@pytest.mark.slow
async def test_a_miniature_run_prints_the_figures_last(monkeypatch, capsys):
    monkeypatch.setattr(bench, "SAMPLES", 3)
    monkeypatch.setattr(bench, "THROUGHPUT_SECONDS", 1.0)
    await bench.main()
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split("=")[0] for line in lines[-3:]] == ["sandbox_cold_ratio", "sandbox_warm_ratio",
                                                          "sandbox_runs_per_s"]
    assert all(float(line.split("=")[1]) > 0 for line in lines[-3:])
    assert any(line.startswith("warm_p50_ms=") for line in lines)
