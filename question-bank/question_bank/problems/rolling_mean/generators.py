import random

LIMIT = 1_000_000


def _calls(rng: random.Random, window: int, calls: int, reading) -> dict:
    operations, arguments = [], []
    for _ in range(calls):
        if rng.random() < 0.1:
            operations.append("current")
            arguments.append([])
        else:
            operations.append("record")
            arguments.append([reading()])
    return {"constructor": [window], "operations": operations, "arguments": arguments}


def readings(rng: random.Random, window: int, calls: int) -> dict:
    return _calls(rng, window, calls, lambda: rng.randint(-LIMIT, LIMIT))


def extremes(rng: random.Random, window: int, calls: int) -> dict:
    """Only the largest magnitudes: a 32-bit running sum overflows."""
    return _calls(rng, window, calls, lambda: rng.choice((LIMIT, LIMIT, LIMIT, -LIMIT)))


def scaling(rng: random.Random, n: int) -> dict:
    return readings(rng, n // 2, n)
