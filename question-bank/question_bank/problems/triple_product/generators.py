import random

LIMIT = 100_000


def random_ratings(rng: random.Random, n: int) -> dict:
    return {"ratings": [rng.randint(-LIMIT, LIMIT) for _ in range(n)]}


def mostly_negative(rng: random.Random, n: int) -> dict:
    ratings = [rng.randint(-LIMIT, -1) for _ in range(n)]
    ratings[rng.randrange(n)] = rng.randint(0, LIMIT)
    return {"ratings": ratings}


def scaling(rng: random.Random, n: int) -> dict:
    return random_ratings(rng, n)
