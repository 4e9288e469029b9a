"""`make bench` (scripts/bench.py): a miniature run end to end that must end with the required figure lines
(the percentile arithmetic is tests/unit/test_percentiles.py). Speed targets are not asserted here: they are the bench's output."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "scripts" / "bench.py"
FIGURE_LINES = ["turn_first_delta_p50_ms", "turn_first_delta_p99_ms", "turn_first_delta_p99_ms_100",
                "turn_overhead_ratio", "ws_event_p99_ms", "ws_sessions", "ws_errors"]


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.timeout(900)  # two whole stacks, one after the other: minutes on a loaded 2-core machine
def test_a_miniature_bench_run_prints_the_figures_last():
    run = subprocess.run(
        [sys.executable, str(BENCH), "--samples", "3", "--concurrent", "2", "--actions", "3", "--think-s", "0.2",
         "--sessions", "4", "--seconds", "2", "--floor-samples", "5"],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=880,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    last = run.stdout.strip().splitlines()[-len(FIGURE_LINES):]
    figures = dict(line.split("=", 1) for line in last)
    assert list(figures) == FIGURE_LINES
    assert figures["ws_sessions"] == "4" and figures["ws_errors"] == "0"
    for name in ("turn_first_delta_p50_ms", "turn_first_delta_p99_ms", "turn_first_delta_p99_ms_100",
                 "ws_event_p99_ms"):
        assert re.fullmatch(r"\d+\.\d\d", figures[name]) and float(figures[name]) > 0
    assert float(figures["turn_first_delta_p50_ms"]) <= float(figures["turn_first_delta_p99_ms"])
    # With the paced stand-in model, the first words cannot come before the model's first token.
    assert float(figures["turn_first_delta_p50_ms"]) >= 350
    assert re.fullmatch(r"-?\d+\.\d\d", figures["turn_overhead_ratio"])
    assert "load average" in run.stdout and "the floor: two bare FastStream hops" in run.stdout
    assert "offline, 1 interview at a time" in run.stdout and "paced model, 2 concurrent interviews" in run.stdout
    assert "the model's own first-token wait" in run.stdout
