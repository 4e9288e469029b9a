"""Compare a candidate's JSON result with the expected JSON, as a test's `compare` mode says."""

import json
import math
from typing import Any

from contracts.sandbox import Comparison


def results_match(actual: Any, expected: Any, mode: Comparison, tolerance: float = 1e-6) -> bool:
    if mode is Comparison.UNORDERED:
        return _same_items(actual, expected)
    if mode is Comparison.UNORDERED_DEEP:
        return _equal(_canonical_unordered(actual), _canonical_unordered(expected), None)
    if mode is Comparison.FLOAT:
        return _equal(actual, expected, tolerance)
    return _equal(actual, expected, None)


def stdout_matches(actual: str, expected: str) -> bool:
    """Program output equals the expected text up to trailing whitespace on each line and at the end."""
    return _normalise_text(actual) == _normalise_text(expected)


def _normalise_text(text: str) -> list[str]:
    return [line.rstrip() for line in text.replace("\r\n", "\n").rstrip().split("\n")]


def _equal(a: Any, b: Any, tolerance: float | None) -> bool:
    """JSON equality where 1 == 1.0, bool is never a number, and numbers may differ by `tolerance`."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if _is_number(a) and _is_number(b):
        if tolerance is None:
            return a == b
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return math.isclose(a, b, rel_tol=tolerance, abs_tol=tolerance)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y, tolerance) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k], tolerance) for k in a)
    return type(a) is type(b) and a == b


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _same_items(actual: Any, expected: Any) -> bool:
    """Top-level multiset equality in O(n log n): items compare by canonical JSON (1 == 1.0, true != 1)."""
    if not (isinstance(actual, list) and isinstance(expected, list)) or len(actual) != len(expected):
        return False
    return sorted(map(_sort_key, actual)) == sorted(map(_sort_key, expected))


def _canonical_unordered(value: Any) -> Any:
    """Sort every list (after canonicalising its items) so that order stops mattering at all depths."""
    if isinstance(value, list):
        items = [_canonical_unordered(v) for v in value]
        return sorted(items, key=_sort_key)
    if isinstance(value, dict):
        return {k: _canonical_unordered(v) for k, v in value.items()}
    return value


def _sort_key(value: Any) -> str:
    # Normalise integral floats so 1 and 1.0 sort (and then compare) alike.
    def normalise(v: Any) -> Any:
        if isinstance(v, float) and v.is_integer():
            return int(v)
        if isinstance(v, list):
            return [normalise(x) for x in v]
        if isinstance(v, dict):
            return {k: normalise(x) for k, x in v.items()}
        return v

    return json.dumps(normalise(value), sort_keys=True)
