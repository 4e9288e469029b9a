import random


def random_jobs(rng: random.Random, n: int, max_arrival: int, max_duration: int) -> dict:
    """With a small max_arrival almost every job is waiting at once (a crowded queue)."""
    return {"jobs": [[rng.randint(1, max_arrival), rng.randint(1, max_duration)] for _ in range(n)]}


def scaling_jobs(rng: random.Random, n: int) -> dict:
    return random_jobs(rng, n, 1000, 10**9)
