"""Percentiles of measured samples and the `name=value` lines a benchmark ends with: one definition for
every benchmark (`make bench`, `make bench-voice`, `make bench-sandbox`). Standard library only: the
sandbox worker's image imports it too."""

import math


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest sample with at least `fraction` of all samples at or below it,
    so a reported p99 is a time that was measured, never an interpolation nor simply the maximum."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = math.ceil(round(fraction * len(ordered), 9))  # round: 0.99 * 300 must be 297, not 297.0000001
    return ordered[max(1, rank) - 1]


def print_figures(**figures: str) -> None:
    """A benchmark's last lines, `name=value` each, in the order given: the public format of every
    `make bench…` target (scripts and operators read them)."""
    for name, value in figures.items():
        print(f"{name}={value}", flush=True)
