import random


def ones(rng: random.Random, n: int) -> dict:
    """All ones: every split is valid, the count is a Fibonacci number."""
    return {"signal": "1" * n}


def radio(rng: random.Random, n: int) -> dict:
    """Mostly 1s and 2s (many two-digit letters) with occasional valid 10 / 20."""
    parts, length = [], 0
    while length < n:
        part = rng.choice(["1", "2", "1", "2", "3", "6", "7", "10", "20"])
        parts.append(part)
        length += len(part)
    signal = "".join(parts)[:n]
    return {"signal": signal if signal[-1] != "0" or signal[-2] in "12" else signal[:-1] + "1"}


def scaling(rng: random.Random, n: int) -> dict:
    return radio(rng, n)
