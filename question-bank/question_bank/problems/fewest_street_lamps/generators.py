import random


def random_reach(rng: random.Random, n: int, max_reach: int, min_reach: int = 0) -> dict:
    return {"n": n, "reach": [rng.randint(min_reach, max_reach) for _ in range(n + 1)]}


def sparse_lamps(rng: random.Random, n: int, every: int, max_reach: int) -> dict:
    """Only about one lamp in `every` works, so gaps (answer -1) and long chains both happen."""
    return {
        "n": n,
        "reach": [rng.randint(1, max_reach) if rng.randrange(every) == 0 else 0 for _ in range(n + 1)],
    }


def scaling_reach(rng: random.Random, n: int) -> dict:
    return random_reach(rng, n, 3000)
