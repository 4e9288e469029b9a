"""`make bench` (scripts/bench.py): its percentile arithmetic, and a miniature run end to end that must
end with the required figure lines. Speed targets are not asserted here: they are the bench's output."""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "scripts" / "bench.py"
FIGURE_LINES = ["bus_rtt_p50_ms", "bus_rtt_p99_ms", "ws_sessions", "ws_event_p99_ms", "ws_errors"]


def load_bench():
    spec = importlib.util.spec_from_file_location("mockmind_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_percentile_is_nearest_rank():
    percentile = load_bench().percentile
    samples = [float(n) for n in range(1, 101)]  # 1..100
    assert percentile(samples, 0.5) == 50
    assert percentile(samples, 0.99) == 99
    assert percentile([3.0, 1.0, 2.0], 0.99) == 3.0
    assert percentile([7.0], 0.5) == 7.0
    assert percentile([float(n) for n in range(1, 301)], 0.99) == 297  # no float drift past the rank
    with pytest.raises(ValueError):
        percentile([], 0.5)


@pytest.mark.e2e
@pytest.mark.slow
def test_a_miniature_bench_run_prints_the_figures_last():
    run = subprocess.run(
        [sys.executable, str(BENCH), "--samples", "3", "--sessions", "4", "--seconds", "2", "--turn-sessions", "1"],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=280,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    last = run.stdout.strip().splitlines()[-len(FIGURE_LINES):]
    figures = dict(line.split("=", 1) for line in last)
    assert list(figures) == FIGURE_LINES
    assert figures["ws_sessions"] == "4" and figures["ws_errors"] == "0"
    for name in ("bus_rtt_p50_ms", "bus_rtt_p99_ms", "ws_event_p99_ms"):
        assert re.fullmatch(r"\d+\.\d\d", figures[name]) and float(figures[name]) > 0
    assert float(figures["bus_rtt_p50_ms"]) <= float(figures["bus_rtt_p99_ms"])
    assert "load average" in run.stdout and "bus_hop_p50_ms=" in run.stdout
    assert re.search(r"5 ms between samples: p50=\d+\.\d\d", run.stdout)  # the bare two-hop floor
