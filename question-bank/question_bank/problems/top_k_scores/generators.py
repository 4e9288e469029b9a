import random

LIMIT = 10**9


def random_scores(rng: random.Random, n: int, k: int) -> dict:
    return {"scores": [rng.randint(-LIMIT, LIMIT) for _ in range(n)], "k": k}


def few_distinct(rng: random.Random, n: int, k: int) -> dict:
    return {"scores": [rng.choice((-5, 0, 5, 9)) for _ in range(n)], "k": k}


def scaling_scores(rng: random.Random, n: int) -> dict:
    return random_scores(rng, n, n // 4)
